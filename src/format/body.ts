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
 * How deep quotes may nest. The parser's time grows with the square of the nesting, so a line of
 * a hundred thousand ">" would hold the build for seconds per file; nobody quotes 32 levels deep.
 */
const MAX_QUOTE_DEPTH = 32;

/** The first line quoting deeper than MAX_QUOTE_DEPTH, 1-based within the body. */
function tooDeepQuote(body: string): number | undefined {
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const prefix = /^[\s>]*/.exec(lines[i]!)![0];
    let depth = 0;
    for (const c of prefix) if (c === '>') depth++;
    if (depth > MAX_QUOTE_DEPTH) return i + 1;
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
  const deep = tooDeepQuote(body);
  if (deep !== undefined) {
    report.problems.push({ line: deep + lineOffset, message: `kutipan (">") bersarang terlalu dalam: paling banyak ${MAX_QUOTE_DEPTH} tingkat.` });
    return report;
  }
  // A Markdown body can only show a photo through "![": without it there is nothing to find, and
  // the parse (a quarter of the gate's time over a national network) is skipped.
  if (format === 'md' && !body.includes('![')) return report;
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
