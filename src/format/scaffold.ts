/**
 * A new entry file, as `npm run new` writes it: every field of the schema explained in a YAML
 * comment (label, hint, allowed values), the given values filled in, the other fields present but
 * commented out with their example. Derived from the schemas' own metadata (`describeFields`),
 * so a field added to a schema appears in new files the day it is added, and checked with the
 * schemas and the gate's messages before anything is written.
 */
import { isSlug, slugify } from '../domain/slug.ts';
import { decodeUtf8, parseFrontmatter } from './frontmatter.ts';
import { msg } from './messages.ts';
import { readContentDir } from './read.ts';
import { describeFields, type FieldDoc } from './schemas/fields.ts';
import { kimSchema, pathImageContext, placeSchema, storySchema, type CollectionName, type NetworkConfig } from './schemas/index.ts';
import type { ContentError } from './errors.ts';
import { parseNetworkConfig } from './validation/config.ts';
import { idProblem } from './validation/entry.ts';
import { suggestId } from './validation/references.ts';
import { Report } from './validation/report.ts';
import { indonesianIssue, issuesToErrors } from './validation/zod-issues.ts';

/** The kinds of entry a contributor adds, and what each is called and made of. */
export const ENTRY_KINDS = {
  kim: { collection: 'kim', noun: 'KIM', heading: 'KIM baru', titleField: 'name', body: 'Teks "Tentang" KIM', schema: kimSchema(pathImageContext) },
  story: { collection: 'stories', noun: 'cerita', heading: 'Cerita baru', titleField: 'title', body: 'Isi cerita', schema: storySchema(pathImageContext) },
  place: { collection: 'places', noun: 'potensi', heading: 'Potensi baru', titleField: 'name', body: 'Uraian tentang tempat ini', schema: placeSchema(pathImageContext) },
} as const satisfies Record<string, { collection: CollectionName; noun: string; heading: string; titleField: string; body: string; schema: unknown }>;

export type EntryKind = keyof typeof ENTRY_KINDS;

/** What is already in the content folder that a new entry must fit with. */
export interface ScaffoldContext {
  /** Ids in use, by collection, with the file that has each. */
  taken: Record<CollectionName, ReadonlyMap<string, string>>;
  /** The network's KIM, for a story's or place's `kim`. */
  kims: readonly KimChoice[];
}

interface KimChoice {
  id: string;
  /** Its `name`, or its id when the file has none. */
  name: string;
  /** Its village code as written, when it has one. */
  village: string | undefined;
}

/** A problem with a value given for the new entry: the field it was given for (`id` for the file name). */
export interface ScaffoldProblem {
  field: string;
  message: string;
}

export type Scaffold = { ok: true; id: string; path: string; text: string } | { ok: false; problems: ScaffoldProblem[] };

/** Longest file name made from a title (the gate takes up to 100); a 100-character headline makes a long enough address. */
const TITLE_ID_LENGTH = 80;

/** The file name a title gives: its slug, cut at a word boundary when long. */
export function idFromTitle(title: string): string {
  const slug = slugify(title);
  if (slug.length <= TITLE_ID_LENGTH) return slug;
  const cut = slug.slice(0, TITLE_ID_LENGTH + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : TITLE_ID_LENGTH);
}

// YAML 1.2's printable characters, less the ones some editors take for line breaks (U+0085,
// U+2028, U+2029) and the byte-order mark: everything else is written as an escape.
const PRINTABLE = /[\t\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]|[\ud800-\udbff][\udc00-\udfff]/y;
// Text that reads back as itself without quotes in any YAML (1.1 too: no yes/no/on/off).
const PLAIN = /^\p{L}[\p{L}\p{M}\p{N} ,.()/&+'’-]*$/u;
const RESERVED_WORD = /^(?:y|n|yes|no|true|false|on|off|null)$/i;

/**
 * Text as a YAML scalar that reads back as exactly that text: plain when it is only letters,
 * digits, spaces and harmless punctuation, otherwise in double quotes with every quote, backslash,
 * line break and invisible character escaped, so no value can close the frontmatter, start a
 * comment or add a field.
 */
export function yamlText(text: string): string {
  if (PLAIN.test(text) && !RESERVED_WORD.test(text) && !text.endsWith(' ')) return text;
  let quoted = '"';
  for (let i = 0; i < text.length; ) {
    PRINTABLE.lastIndex = i;
    const printable = PRINTABLE.exec(text);
    if (printable && printable[0] !== '\t') {
      quoted += printable[0] === '"' || printable[0] === '\\' ? `\\${printable[0]}` : printable[0];
      i += printable[0].length;
      continue;
    }
    const code = text.charCodeAt(i);
    const escapes: Record<number, string> = { 9: '\\t', 10: '\\n', 13: '\\r' };
    quoted += escapes[code] ?? `\\u${code.toString(16).padStart(4, '0')}`;
    i += 1;
  }
  return `${quoted}"`;
}

/** A value as written in the file: dates plain (`2026-12-01`), booleans and numbers as they are, text through `yamlText`. */
function yamlValue(field: FieldDoc, value: string): string {
  if (field.type === 'boolean' || field.type === 'number' || (field.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value))) return value;
  return yamlText(value);
}

/** The comment that explains a field: "Kategori (wajib): Jenis cerita. Pilihan: berita, kegiatan." */
function explanation(field: FieldDoc): string {
  const options = field.options ? ` Pilihan: ${field.options.join(', ')}.` : '';
  return `# ${field.label ?? field.key}${field.required ? ' (wajib)' : ''}: ${field.hint ?? ''}${options}`.trimEnd();
}

/**
 * A field left for later: its lines with its example, as they would read once filled in (the
 * caller comments them out), each nested field under its own explanation.
 */
function exampleLines(field: FieldDoc): string[] {
  if (field.fields) {
    const lines = [`${field.key}:`];
    // A list of groups (photos) writes its first field after "- " and the others under it.
    const inside = field.list ? '    ' : '  ';
    field.fields.forEach((inner, i) => {
      const [first, ...rest] = exampleLines(inner);
      lines.push(`${i === 0 ? '  ' : inside}${explanation(inner)}`);
      lines.push(`${i === 0 && field.list ? '  - ' : inside}${first}`, ...rest.map((line) => `${inside}${line}`));
    });
    return lines;
  }
  const example = field.example === undefined ? '""' : yamlValue(field, field.example);
  return field.list ? [`${field.key}:`, `  - ${example}`] : [`${field.key}: ${example}`];
}

/** A note after a value, on its line: line breaks and invisible characters would end the comment early. */
// eslint-disable-next-line no-control-regex
const oneLine = (note: string) => note.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();

/**
 * The text of a new entry file: a header saying how to read it, then every field of the schema
 * in its order, each under the comment that explains it; the fields in `values` written with
 * their value (and its note, such as the village a code stands for, after it), every other one
 * commented out with its example. The body is left empty.
 */
export function entryText(kind: EntryKind, values: Readonly<Record<string, string>>, notes: Readonly<Record<string, string>> = {}): string {
  const { heading, body, schema } = ENTRY_KINDS[kind];
  const lines = [
    '---',
    `# ${heading}, dibuat dengan "npm run new". Baris yang diawali # adalah penjelasan atau kolom yang belum diisi.`,
    '# Untuk mengisi sebuah kolom, hapus "# " di awal barisnya (dan di baris-baris di bawahnya yang menjadi bagiannya), lalu ganti contohnya.',
    `# ${body} ditulis dalam Markdown di bawah garis --- penutup. Periksa dengan: npm run check:content`,
  ];
  for (const field of describeFields(schema)) {
    lines.push('', explanation(field));
    const value = values[field.key];
    const note = notes[field.key] ? ` # ${oneLine(notes[field.key]!)}` : '';
    if (value !== undefined) lines.push(`${field.key}: ${yamlValue(field, value)}${note}`);
    else lines.push(...exampleLines(field).map((line) => `# ${line}`));
  }
  lines.push('---', '', '');
  return lines.join('\n');
}

/** The problems of the given values, in the gate's words: the schema's own messages, the KIM reference, the file name. */
function problemsOf(kind: EntryKind, values: Readonly<Record<string, string>>, id: string, context: ScaffoldContext): ScaffoldProblem[] {
  const { collection, schema, titleField } = ENTRY_KINDS[kind];
  const problems: ScaffoldProblem[] = [];
  const parsed = schema.safeParse(values, { error: indonesianIssue });
  if (!parsed.success) {
    for (const error of issuesToErrors('', values, parsed.error.issues)) problems.push({ field: error.field ?? titleField, message: error.message });
  }
  const kim = values.kim;
  if (kim !== undefined && isSlug(kim) && !context.kims.some((k) => k.id === kim)) {
    const suggestion = suggestId(kim, context.kims.map((k) => k.id), 'kim-');
    problems.push({ field: 'kim', message: msg.kimUnknown(kim) + (suggestion ? msg.suggestion(suggestion) : '') });
  }
  const titled = values[titleField] !== undefined && values[titleField].trim() !== '';
  const problem = id === '' ? undefined : idProblem(id, collection);
  if (id === '') {
    if (titled) problems.push({ field: 'id', message: msg.idFromTitle });
  } else if (problem) problems.push({ field: 'id', message: problem });
  else if (context.taken[collection].has(id)) problems.push({ field: 'id', message: msg.idTaken(id, context.taken[collection].get(id)!) });
  return problems;
}

/**
 * A new entry of `kind` from the values a contributor gave (field keys of its schema; `id`
 * chooses the file name, which otherwise comes from the title or name): its id, its path inside
 * the content folder and its text; or every problem with the values, each on the field it
 * concerns, in the words the gate would use. `notes` are written as comments after their
 * fields' values ("Batuah — Kec. Loa Janan, …" after a village code).
 */
export function scaffoldEntry(kind: EntryKind, given: Readonly<Record<string, string | undefined>>, context: ScaffoldContext, notes: Readonly<Record<string, string>> = {}): Scaffold {
  const { collection, titleField } = ENTRY_KINDS[kind];
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(given)) {
    if (key !== 'id' && value !== undefined && value.trim() !== '') values[key] = value.trim();
  }
  const id = given.id?.trim() || idFromTitle(values[titleField] ?? '');
  const problems = problemsOf(kind, values, id, context);
  if (problems.length > 0) return { ok: false, problems };
  const text = entryText(kind, values, notes);
  // The file must read back as exactly what was given, whatever the title held.
  const read = parseFrontmatter(text);
  const same = read.ok && Object.keys(read.data).length === Object.keys(values).length && Object.entries(values).every(([key, value]) => read.data[key] === value);
  if (!same) throw new Error(`The new ${kind} file does not read back as its values: ${text}`);
  // A KIM's stories and places go in its own folder, which CODEOWNERS gives to its reviewers.
  const folder = collection !== 'kim' && values.kim ? `${collection}/${values.kim}` : collection;
  return { ok: true, id, path: `${folder}/${id}.md`, text };
}

/**
 * What the content folder holds that a new entry must fit with, read as the gate reads it
 * (never following a link): the ids in use, the KIM, and the network's configuration (null, with
 * the problems, when `network.yaml` is missing or wrong).
 */
export async function readScaffoldContext(contentDir: string, cwd = process.cwd()): Promise<{ context: ScaffoldContext; network: NetworkConfig | null; problems: ContentError[] }> {
  const snapshot = await readContentDir(contentDir, cwd);
  const taken: Record<CollectionName, Map<string, string>> = { kim: new Map(), stories: new Map(), places: new Map() };
  const kims: KimChoice[] = [];
  for (const file of snapshot.files) {
    if (!taken[file.collection].has(file.stem)) taken[file.collection].set(file.stem, file.displayPath);
    if (file.collection !== 'kim' || !isSlug(file.stem)) continue;
    const text = decodeUtf8(file.bytes);
    const read = text === null ? null : parseFrontmatter(text);
    const data = read?.ok ? read.data : {};
    kims.push({
      id: file.stem,
      name: typeof data.name === 'string' && data.name.trim() ? data.name.trim() : file.stem,
      village: typeof data.village === 'string' ? data.village.trim() : undefined,
    });
  }
  const report = new Report();
  const network = parseNetworkConfig(snapshot.network, report) ?? null;
  return { context: { taken, kims }, network, problems: report.errors };
}
