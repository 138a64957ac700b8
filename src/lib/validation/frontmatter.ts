import yaml from 'js-yaml';

export type FrontmatterResult =
  | { ok: true; data: Record<string, unknown>; body: string }
  | { ok: false; error: string };

// Mirrors Astro's own frontmatter rule (a leading `---` block), so what passes here parses there.
const FRONTMATTER = /^(?:\uFEFF)?(?:\s*\r?\n)?---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/**
 * Splits a Markdown file into its YAML frontmatter and body. A UTF-8 byte-order mark and Windows
 * line endings are normal in files written on Windows or in some phone editors, so both pass.
 */
export function parseFrontmatter(source: string): FrontmatterResult {
  const match = FRONTMATTER.exec(source);
  if (!match) return { ok: false, error: 'noFrontmatter' };
  let data: unknown;
  try {
    data = yaml.load(match[1]!.replace(/\r\n/g, '\n'), { schema: yaml.DEFAULT_SCHEMA });
  } catch (error) {
    const reason = error instanceof yaml.YAMLException ? describeYamlError(error) : String(error);
    return { ok: false, error: reason };
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, error: 'frontmatter harus berupa kumpulan kolom "nama: nilai".' };
  }
  return { ok: true, data: data as Record<string, unknown>, body: source.slice(match[0].length) };
}

function describeYamlError(error: yaml.YAMLException): string {
  // js-yaml counts from 0; the frontmatter starts on the file's second line.
  const line = error.mark ? error.mark.line + 2 : undefined;
  const where = line ? `baris ${line}` : 'posisi tidak diketahui';
  return `${where}: ${error.reason}. Periksa titik dua, tanda kutip dan indentasi di baris itu.`;
}
