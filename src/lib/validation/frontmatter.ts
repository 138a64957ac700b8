import yaml from 'js-yaml';

export type FrontmatterResult =
  | { ok: true; data: Record<string, unknown>; body: string; bodyLine: number }
  | { ok: false; error: string };

const FENCE = /^---[ \t]*$/;

/**
 * Splits a Markdown file into its YAML frontmatter and body, following Astro's rule: optional
 * blank lines, a `---` line, the YAML, and a closing `---` line. A UTF-8 byte-order mark and
 * Windows line endings are normal in files written on Windows or some phone editors, so both pass.
 *
 * Dates stay strings here (YAML's core schema): a date the calendar does not have, such as
 * 2026-02-30, must be reported rather than silently rolled over to 2 March.
 */
export function parseFrontmatter(source: string): FrontmatterResult {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  let open = 0;
  while (open < lines.length && lines[open]!.trim() === '') open++;
  if (open >= lines.length || !FENCE.test(lines[open]!)) return { ok: false, error: 'noFrontmatter' };
  let close = open + 1;
  while (close < lines.length && !FENCE.test(lines[close]!)) close++;
  if (close >= lines.length) return { ok: false, error: 'noFrontmatter' };

  let data: unknown;
  try {
    data = yaml.load(lines.slice(open + 1, close).join('\n'), { schema: yaml.CORE_SCHEMA });
  } catch (error) {
    // js-yaml counts from 0 within the block; the block starts on the line after the fence.
    const reason =
      error instanceof yaml.YAMLException ? describeYamlError(error, open + 2) : String(error);
    return { ok: false, error: reason };
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, error: 'frontmatter harus berupa kumpulan kolom "nama: nilai".' };
  }
  return { ok: true, data: data as Record<string, unknown>, body: lines.slice(close + 1).join('\n'), bodyLine: close + 2 };
}

/** What js-yaml's most common complaints mean, for someone who has never heard of a "scalar". */
const YAML_REASONS: [RegExp, string][] = [
  [/within a double quoted scalar/, 'tanda kutip ganda (") dibuka tetapi tidak ditutup'],
  [/within a single quoted scalar/, "tanda kutip tunggal (') dibuka tetapi tidak ditutup"],
  [/within a flow collection/, 'tanda kurung [ atau { dibuka tetapi tidak ditutup'],
  [/missed comma between flow collection entries/, 'ada koma yang hilang di antara butir daftar'],
  [/bad indentation/, 'indentasi (spasi di awal baris) tidak sesuai dengan baris sebelumnya'],
  [/tab characters must not be used/, 'gunakan spasi, bukan tab, untuk indentasi'],
  [/duplicated mapping key/, 'kolom yang sama ditulis dua kali'],
  [/incomplete explicit mapping pair|a multiline key may not be an implicit key|implicit map keys/, 'ada titik dua (:) yang tidak pada tempatnya; beri tanda kutip bila nilainya mengandung titik dua'],
  [/unknown tag/, 'tanda "!" di awal nilai tidak dikenal; beri tanda kutip pada nilai itu'],
];

function describeYamlError(error: yaml.YAMLException, firstLine: number): string {
  const where = error.mark ? `baris ${error.mark.line + firstLine}` : 'posisi tidak diketahui';
  const meaning = YAML_REASONS.find(([pattern]) => pattern.test(error.reason))?.[1];
  const reason = meaning ?? `susunan tidak dapat dibaca (${error.reason})`;
  return `${where}: ${reason}. Periksa titik dua, tanda kutip dan indentasi di sekitar baris itu.`;
}
