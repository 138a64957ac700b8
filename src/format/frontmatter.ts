import yaml from 'js-yaml';
import { msg } from './messages.ts';

export type FrontmatterResult =
  | { ok: true; data: Record<string, unknown>; body: string; bodyLine: number }
  | { ok: false; error: string; line?: number | undefined };

/**
 * YAML aliases (`*name`) let a few lines stand for millions of values, which every later check
 * would walk; no frontmatter a person writes comes near this many values.
 */
const MAX_YAML_VALUES = 5000;

/** Counts the values of a parsed YAML document as a walk sees them (aliases counted each time), up to `limit`. */
function countValues(value: unknown, limit = MAX_YAML_VALUES): number {
  let count = 0;
  const stack = [value];
  while (stack.length > 0 && count <= limit) {
    const current = stack.pop();
    count++;
    // One by one: spreading a list of 100,000 values into push() overflows the call stack.
    if (current !== null && typeof current === 'object') for (const child of Object.values(current)) stack.push(child);
  }
  return count;
}

/** Reads YAML the way the gate does (dates stay text), or says in Indonesian why it cannot. */
export function loadYaml(text: string, firstLine = 1): { ok: true; value: unknown } | { ok: false; error: string; line?: number | undefined } {
  try {
    const value = yaml.load(text, { schema: yaml.CORE_SCHEMA });
    if (countValues(value) > MAX_YAML_VALUES) return { ok: false, error: msg.tooComplex };
    return { ok: true, value };
  } catch (error) {
    if (!(error instanceof yaml.YAMLException)) return { ok: false, error: String(error) };
    return { ok: false, error: describeYamlError(error, text), line: error.mark ? error.mark.line + firstLine : undefined };
  }
}

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

  // js-yaml counts from 0 within the block; the block starts on the line after the fence.
  const loaded = loadYaml(lines.slice(open + 1, close).join('\n'), open + 2);
  if (!loaded.ok) return loaded;
  let data = loaded.value;
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, error: 'frontmatter harus berupa kumpulan kolom "nama: nilai".', line: open + 2 };
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

/** The key js-yaml found twice: it points at the second one, at the start of its line's text. */
function duplicateKeyAt(text: string, mark: yaml.YAMLException['mark'] | undefined): string | undefined {
  if (!mark) return undefined;
  const line = text.split(/\r?\n/)[mark.line] ?? '';
  const key = /^\s*(?:-\s+)?(?:"([^"]*)"|'([^']*)'|([^:#]+?))\s*:/.exec(line.slice(mark.column));
  const found = key?.[1] ?? key?.[2] ?? key?.[3];
  return found?.trim() || undefined;
}

/** An Indonesian account of a YAML error; its line travels beside it. */
function describeYamlError(error: yaml.YAMLException, text: string): string {
  if (/duplicated mapping key/.test(error.reason)) {
    const key = duplicateKeyAt(text, error.mark);
    if (key) return msg.duplicateKey(key);
  }
  const meaning = YAML_REASONS.find(([pattern]) => pattern.test(error.reason))?.[1];
  const reason = meaning ?? `susunan tidak dapat dibaca (${error.reason})`;
  return `${reason}. Periksa titik dua, tanda kutip dan indentasi di sekitar baris itu.`;
}

// One decoder for every file: a call without `stream` starts afresh, even after a failed one.
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a contributor file, or null when it is not UTF-8 (a document saved in another encoding). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return UTF8.decode(bytes);
  } catch {
    return null;
  }
}
