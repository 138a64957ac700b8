import { markdownToMdast, mdxToMdast } from 'satteri';
import { CONTENT_FEATURES } from './markdown.ts';
import { MDX_COMPONENTS, type ComponentRule } from './mdx-components.ts';

/**
 * MDX is code: an `import`, an `export` or a `{…}` expression runs at build time, and any JSX
 * element renders as-is (a `<script>` included). Contributor MDX may therefore only use plain
 * Markdown plus the components the project itself provides, checked here before anything runs.
 */
interface MdxProblem {
  line: number | undefined;
  message: string;
}

interface Attribute {
  type: string;
  name?: string;
  value?: string | null | { type: string };
}

interface Node {
  type: string;
  name?: string | null;
  url?: string;
  alt?: string | null;
  attributes?: Attribute[];
  children?: Node[];
  position?: { start: { line: number } };
}


const FORBIDDEN: Record<string, string> = {
  mdxjsEsm: 'MDX tidak boleh berisi "import" atau "export".',
  mdxFlowExpression: 'MDX tidak boleh berisi ekspresi {…}. Tulis teks biasa; untuk kurung kurawal gunakan \\{ dan \\}.',
  mdxTextExpression: 'MDX tidak boleh berisi ekspresi {…}. Tulis teks biasa; untuk kurung kurawal gunakan \\{ dan \\}.',
};

/**
 * How deep quotes and lists may nest. The parser's time grows with the square of the nesting, so
 * a line of a hundred thousand ">" (or "- ") would hold the build for seconds per file, and the
 * walks over the parsed body would run out of stack; nobody nests a list 32 levels deep.
 */
const MAX_CONTAINER_DEPTH = 32;
/**
 * How deep a parsed body may be in all: containers, then emphasis, strikethrough and links inside
 * them. `*` twenty thousand times around a word nests ten thousand levels of emphasis.
 */
const MAX_TREE_DEPTH = 64;
/** The parser fills every row of a table up to the header's columns: a small file can hold a huge table. */
const MAX_TABLE_COLUMNS = 30;
const MAX_TABLE_CELLS = 3_000;

const CONTAINER_START = /^[ \t>*+\-\d]/;
/** A list item's marker as it opens a line or follows another container's marker. */
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
/** A table's delimiter row (`| --- | :-: |`), whose cells fix the table's columns. */
const DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/**
 * How deep the containers a line opens may nest, counted without parsing: every ">" and list
 * marker at its start, and every two columns of indentation before them (a nested list item is
 * indented by its parent's marker). It can count more than the parser would, never less.
 */
function containerDepth(line: string): number {
  // Most lines of a story open with a letter: they open no container.
  if (!CONTAINER_START.test(line)) return 0;
  // "- - -" or "* * *" alone is a thematic break, not lists.
  if (/^[-*_ \t]*$/.test(line)) return 0;
  let depth = 0;
  let columns = 0;
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ') columns++;
    else if (c === '\t') columns += 4;
    else if (c === '>') depth++;
    else {
      const marker = LIST_MARKER.exec(line.slice(i, i + 12));
      if (!marker) break;
      depth++;
      i += marker[0].length;
      continue;
    }
    i++;
  }
  return depth + Math.floor(columns / 2);
}

/** A problem of the body's shape, found without parsing it: the parse itself is what it would cost. */
function shapeProblem(body: string): { line: number; message: string } | undefined {
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (containerDepth(lines[i]!) > MAX_CONTAINER_DEPTH) {
      return { line: i + 1, message: `kutipan (">") atau daftar bersarang terlalu dalam: paling banyak ${MAX_CONTAINER_DEPTH} tingkat.` };
    }
  }
  if (!body.includes('|')) return undefined;
  for (let i = 1; i < lines.length; i++) {
    const row = lines[i]!;
    // A delimiter row without a pipe in it or above it is a heading's underline or a rule.
    if (!row.includes('-') || !(row.includes('|') || lines[i - 1]!.includes('|')) || !DELIMITER_ROW.test(row)) continue;
    const columns = row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').length;
    // A table runs until the first empty line, and every line until then becomes a row.
    let rows = 1;
    while (i + rows < lines.length && lines[i + rows]!.trim() !== '') rows++;
    if (columns > MAX_TABLE_COLUMNS || columns * rows > MAX_TABLE_CELLS) {
      return {
        line: i,
        message: `tabel terlalu besar (${columns} kolom × ${rows} baris): paling banyak ${MAX_TABLE_COLUMNS} kolom dan ${MAX_TABLE_CELLS.toLocaleString('id-ID')} sel. Pecah menjadi beberapa tabel yang lebih kecil.`,
      };
    }
  }
  return undefined;
}

/** Each character that can open one level of inline nesting (emphasis, strikethrough, a link) costs at least two. */
const INLINE_NESTING = /[*_~[]/g;
const mayNestDeep = (body: string) => (body.match(INLINE_NESTING)?.length ?? 0) > 2 * (MAX_TREE_DEPTH - MAX_CONTAINER_DEPTH);

/** The first node of a parsed tree deeper than `limit`, found without recursion. */
function tooDeepNode(root: Node, limit: number): Node | undefined {
  const stack: [Node, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return node;
    for (const child of node.children ?? []) stack.push([child, depth + 1]);
  }
  return undefined;
}

/** A photo written in a body (`![Keterangan](./foto.jpg)`), as the Markdown parser reads it. */
interface BodyImage {
  url: string;
  alt: string;
  line: number | undefined;
}

/** What a body holds that the gate must check: code in MDX, and the photos it shows. */
export interface BodyReport {
  problems: MdxProblem[];
  images: BodyImage[];
  /** Lines of reference-style images (`![teks][nama]`), which Astro never hands to its image pipeline. */
  imageReferences: (number | undefined)[];
}

/**
 * Reads a Markdown or MDX body once with the parser Astro renders it with (satteri), and returns
 * its photos and, for MDX, everything that would be code. `lineOffset` is the number of lines
 * before the body (the frontmatter), so lines match the file the contributor has open.
 */
export function inspectBody(
  body: string,
  format: 'md' | 'mdx',
  lineOffset = 0,
  components: Readonly<Record<string, ComponentRule>> = MDX_COMPONENTS,
): BodyReport {
  const report: BodyReport = { problems: [], images: [], imageReferences: [] };
  const shape = shapeProblem(body);
  if (shape) {
    report.problems.push({ line: shape.line + lineOffset, message: shape.message });
    return report;
  }
  // A Markdown body can only show a photo through "![", and nest deep only through many "*", "_",
  // "~" or "[": without them there is nothing to find, and the parse (a quarter of the gate's time
  // over a national network) is skipped.
  if (format === 'md' && !body.includes('![') && !mayNestDeep(body)) return report;
  let tree: Node;
  try {
    const options = { features: CONTENT_FEATURES };
    tree = (format === 'mdx' ? mdxToMdast(body, options) : markdownToMdast(body, options)) as unknown as Node;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const line = /^(\d+):/.exec(detail)?.[1];
    report.problems.push({ line: line ? Number(line) + lineOffset : undefined, message: `${format === 'mdx' ? 'MDX' : 'Markdown'} tidak dapat dibaca: ${detail}` });
    return report;
  }
  const deep = tooDeepNode(tree, MAX_TREE_DEPTH);
  if (deep) {
    report.problems.push({ line: deep.position ? deep.position.start.line + lineOffset : undefined, message: `penekanan (*, _, ~), tautan, kutipan atau daftar bersarang terlalu dalam: paling banyak ${MAX_TREE_DEPTH} tingkat.` });
    return report;
  }
  const visit = (node: Node) => {
    const line = node.position ? node.position.start.line + lineOffset : undefined;
    if (node.type === 'image') report.images.push({ url: node.url ?? '', alt: node.alt ?? '', line });
    if (node.type === 'imageReference') report.imageReferences.push(line);
    if (format === 'md') {
      node.children?.forEach(visit);
      return;
    }
    const problems = report.problems;
    const forbidden = FORBIDDEN[node.type];
    if (forbidden) problems.push({ line, message: forbidden });
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const name = node.name ?? '';
      const component: ComponentRule | undefined = Object.hasOwn(components, name) ? components[name] : undefined;
      if (!component) {
        problems.push({
          line,
          message: `komponen atau tag HTML <${name}> tidak diizinkan. Tulis dengan Markdown biasa, atau gunakan komponen yang tersedia: ${Object.values(components)
            .map((c) => c.usage)
            .join('; ')}.`,
        });
      } else {
        for (const attribute of node.attributes ?? []) {
          if (attribute.type !== 'mdxJsxAttribute' || (attribute.value !== null && typeof attribute.value === 'object')) {
            problems.push({ line, message: `atribut komponen <${name}> harus berupa teks biasa dalam tanda kutip, bukan ekspresi {…}.` });
            continue;
          }
          const rule = attribute.name && Object.hasOwn(component.attributes, attribute.name) ? component.attributes[attribute.name] : undefined;
          if (!rule) {
            problems.push({ line, message: `<${name}> tidak mengenal atribut "${attribute.name}". Contoh penggunaan: ${component.usage}` });
            continue;
          }
          const problem = rule.check?.(attribute.value ?? '');
          if (problem) problems.push({ line, message: `atribut "${attribute.name}" pada <${name}> ${problem}` });
        }
        for (const [attributeName, rule] of Object.entries(component.attributes)) {
          if (rule.required && !node.attributes?.some((a) => a.name === attributeName)) {
            problems.push({ line, message: `<${name}> memerlukan atribut "${attributeName}". Contoh penggunaan: ${component.usage}` });
          }
        }
      }
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return report;
}
