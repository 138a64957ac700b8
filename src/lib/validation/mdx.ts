import { mdxToMdast } from 'satteri';

/**
 * MDX is code: an `import`, an `export` or a `{…}` expression runs at build time, and any JSX
 * element renders as-is (a `<script>` included). Contributor MDX may therefore only use plain
 * Markdown plus the components the project itself provides, checked here before anything runs.
 */
export interface MdxProblem {
  line: number | undefined;
  message: string;
}

interface Node {
  type: string;
  name?: string | null;
  attributes?: { type: string }[];
  children?: Node[];
  position?: { start: { line: number } };
}

/** Components the project provides to contributor MDX. Empty until the first one ships. */
export const ALLOWED_MDX_COMPONENTS: ReadonlySet<string> = new Set();

const FORBIDDEN: Record<string, string> = {
  mdxjsEsm: 'MDX tidak boleh berisi "import" atau "export".',
  mdxFlowExpression: 'MDX tidak boleh berisi ekspresi {…}. Tulis teks biasa; untuk kurung kurawal gunakan \\{ dan \\}.',
  mdxTextExpression: 'MDX tidak boleh berisi ekspresi {…}. Tulis teks biasa; untuk kurung kurawal gunakan \\{ dan \\}.',
};

/** Checks an MDX body; `lineOffset` is the number of lines before the body (the frontmatter). */
export function checkMdxBody(body: string, lineOffset = 0, allowed: ReadonlySet<string> = ALLOWED_MDX_COMPONENTS): MdxProblem[] {
  let tree: Node;
  try {
    tree = mdxToMdast(body) as unknown as Node;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const line = /^(\d+):/.exec(detail)?.[1];
    return [{ line: line ? Number(line) + lineOffset : undefined, message: `MDX tidak dapat dibaca: ${detail}` }];
  }
  const problems: MdxProblem[] = [];
  const visit = (node: Node) => {
    const line = node.position ? node.position.start.line + lineOffset : undefined;
    const forbidden = FORBIDDEN[node.type];
    if (forbidden) problems.push({ line, message: forbidden });
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const name = node.name ?? '';
      if (!allowed.has(name)) {
        problems.push({
          line,
          message:
            allowed.size > 0
              ? `komponen atau tag HTML <${name}> tidak diizinkan. Komponen yang tersedia: ${[...allowed].join(', ')}.`
              : `komponen atau tag HTML <${name}> tidak diizinkan: tulis isi cerita dengan Markdown biasa.`,
        });
      } else if (node.attributes?.some((a) => a.type !== 'mdxJsxAttribute')) {
        problems.push({ line, message: `atribut komponen <${name}> harus berupa teks biasa, bukan ekspresi {…}.` });
      }
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return problems;
}
