/**
 * One contributor file on its own: its name, size and encoding, its frontmatter against the
 * schema, its body, and every photo it shows.
 */
import { createHash } from 'node:crypto';
import type { z } from 'astro/zod';
import { contentLayerImageContext, kimSchema, placeSchema, storySchema, type CollectionName, type StoryData } from '../schemas/index.ts';
import { photoFieldPaths, valuesAt } from '../schemas/fields.ts';
import { asBuffer } from '../../domain/image-bytes.ts';
import { isPublished } from '../../domain/network.ts';
import { isSlug } from '../../domain/slug.ts';
import { MAX_ID_LENGTH } from '../schemas/common.ts';
import { reservedEntryIds } from '../../domain/urls.ts';
import { inspectBody } from '../body.ts';
import { decodeUtf8, parseFrontmatter } from '../frontmatter.ts';
import { msg } from '../messages.ts';
import type { PhotoChecker } from './photos.ts';
import { Report } from './report.ts';
import type { ContentFile, Entry, EntryFacts, EntrySource, FileFacts, Readable, RememberedFile } from './types.ts';
import { indonesianIssue, issuesToErrors } from './zod-issues.ts';

// Photos come out as the content layer's own markers, so the loader can store this data as is.
const SCHEMAS = {
  kim: kimSchema(contentLayerImageContext),
  stories: storySchema(contentLayerImageContext),
  places: placeSchema(contentLayerImageContext),
} satisfies Record<CollectionName, z.ZodType>;

const PHOTO_FIELDS = Object.fromEntries(Object.entries(SCHEMAS).map(([collection, schema]) => [collection, photoFieldPaths(schema)])) as Record<CollectionName, string[][]>;

/**
 * Why `id` cannot name an entry of `collection` (its shape, its length, a listing page's name),
 * whether the file exists (the gate) or is about to be written (`npm run new`).
 */
export function idProblem(id: string, collection: CollectionName): string | undefined {
  if (!isSlug(id)) return msg.fileName(id);
  if (id.length > MAX_ID_LENGTH) return msg.fileNameTooLong(MAX_ID_LENGTH);
  const reserved = reservedEntryIds(collection);
  if (reserved.ids.includes(id)) return msg.reservedId(id, reserved.segment);
  return undefined;
}

/**
 * Checks a file's name against the other files of its collection: the id it gives the entry
 * must be a URL segment of its own. Returns false, with the problem reported, when it is not.
 */
export function checkEntryName(file: ContentFile | RememberedFile, ids: Record<CollectionName, Map<string, string>>, report: Report): boolean {
  const { collection, displayPath } = file;
  if (file.extension !== file.extension.toLowerCase()) {
    report.fail(displayPath, null, msg.extensionCase(file.stem + file.extension));
    return false;
  }
  const problem = idProblem(file.stem, collection);
  if (problem) {
    report.fail(displayPath, null, problem);
    return false;
  }
  const other = ids[collection].get(file.stem);
  if (other) {
    report.fail(displayPath, null, msg.duplicateId(file.stem, other));
    return false;
  }
  ids[collection].set(file.stem, displayPath);
  return true;
}

/**
 * A day written today anywhere in Indonesia may still be tomorrow on the build machine's clock:
 * a date counts as come until a day after the clock.
 */
const DATE_GRACE_MS = 24 * 60 * 60 * 1000;

/**
 * Dates that say something has happened (founded, decreed, checked, updated) cannot lie ahead of
 * the build: a place "checked" in 2999 would never be flagged as stale, and a story "updated" in
 * 2999 would tell every feed reader and search engine it keeps changing. Only a story's own date
 * may lie ahead: it is then published on that day.
 */
function dateProblems(collection: CollectionName, data: Record<string, unknown>, now: Date): { field: string; message: string }[] {
  const latest = now.getTime() + DATE_GRACE_MS;
  const fields: [string, unknown][] =
    collection === 'kim'
      ? [['founded', data.founded], ['decree.date', (data.decree as { date?: unknown } | undefined)?.date]]
      : collection === 'places'
        ? [['verified', data.verified]]
        : [['updated', data.updated]];
  const date = collection === 'stories' ? (data.date as Date) : undefined;
  const problems: { field: string; message: string }[] = [];
  for (const [field, value] of fields) {
    if (!(value instanceof Date)) continue;
    if (date && value.getTime() < date.getTime()) problems.push({ field, message: msg.updatedBeforeDate });
    else if (value.getTime() > Math.max(latest, date?.getTime() ?? 0)) problems.push({ field, message: msg.dateAfterBuild });
  }
  return problems;
}

const COORDINATES = Buffer.from('coordinates');

/** Whether a file mentions coordinates: the gate loads the land map (22 MB) only when some file does. */
export function mentionsCoordinates(file: ContentFile | RememberedFile): boolean {
  if (file.remembered) return file.remembered.coordinates;
  return asBuffer(file.bytes).includes(COORDINATES);
}

/**
 * What a file's bytes alone say (its size, encoding, frontmatter, body and schema), with its body
 * when it could be read: the part of checking a file that depends on nothing else, which is all the
 * gate cache keeps (format/gate-cache.ts).
 */
function readFacts(file: ContentFile): { facts: FileFacts; body?: string } {
  const { collection, displayPath } = file;
  const local = new Report();
  // A file refused as a whole still decides whether the land map is loaded, as its bytes do without the cache.
  const refused = () => ({ facts: { readable: false as const, errors: local.errors, coordinates: mentionsCoordinates(file) } });
  if (file.size > file.bytes.length) {
    local.fail(displayPath, null, msg.fileTooLarge(Math.ceil(file.size / 1024), Math.floor(file.bytes.length / 1024)));
    return refused();
  }
  const text = decodeUtf8(file.bytes);
  if (text === null) {
    local.fail(displayPath, null, msg.readFailed('bukan teks UTF-8. Simpan ulang berkas dengan pengodean UTF-8.'));
    return refused();
  }
  const frontmatter = parseFrontmatter(text);
  if (!frontmatter.ok) {
    local.fail(displayPath, null, frontmatter.error === 'noFrontmatter' ? msg.noFrontmatter : msg.yaml(frontmatter.error), frontmatter.line);
    return refused();
  }
  const result = SCHEMAS[collection].safeParse(frontmatter.data, { error: indonesianIssue });
  return {
    facts: {
      readable: true,
      data: frontmatter.data,
      bodyLine: frontmatter.bodyLine,
      body: inspectBody(frontmatter.body, file.format, frontmatter.bodyLine - 1),
      schema: result.success ? { ok: true, data: result.data } : { ok: false, errors: issuesToErrors(displayPath, frontmatter.data, result.error.issues) },
      digest: createHash('sha256').update(file.bytes).digest('hex'),
      coordinates: mentionsCoordinates(file),
    },
    body: frontmatter.body,
  };
}

/** What checking one file gave: its facts, what could be read of it, and the entry when it is valid. */
export interface CheckedEntry {
  facts: FileFacts;
  readable?: Readable;
  /** The entry, with its body when the file was read in this run. */
  entry?: Entry<unknown, EntryFacts | EntrySource>;
}

/**
 * Checks everything in a named file: its own facts (read from its bytes, or remembered by the gate
 * cache), then what depends on more than its bytes, on every run: its photos as they are on disk,
 * its dates against the build's clock. Problems are reported in the order of the file.
 */
export function checkEntry(file: ContentFile | RememberedFile, { now, photos, report }: { now: Date; photos: PhotoChecker; report: Report }): CheckedEntry {
  const { collection, displayPath } = file;
  const { facts, body } = file.remembered ? { facts: file.remembered, body: undefined } : readFacts(file);
  if (!facts.readable) {
    report.errors.push(...facts.errors);
    return { facts };
  }
  const readable: Readable = { file, data: facts.data, images: [] };

  let ok = true;
  for (const path of PHOTO_FIELDS[collection]) {
    for (const [field, src] of valuesAt(facts.data, path)) {
      if (typeof src === 'string' && src.length > 0) ok = photos.check(readable, src, { field }) && ok;
    }
  }
  for (const problem of facts.body.problems) {
    report.fail(displayPath, null, problem.message, problem.line);
    ok = false;
  }
  ok = photos.checkBody(readable, facts.body) && ok;

  if (!facts.schema.ok) {
    report.errors.push(...facts.schema.errors);
    return { facts, readable };
  }
  const data = facts.schema.data;
  for (const problem of dateProblems(collection, data as Record<string, unknown>, now)) {
    report.fail(displayPath, problem.field, problem.message);
    ok = false;
  }
  if (!ok) return { facts, readable };
  const published = collection !== 'stories' || isPublished({ data: data as StoryData }, now);
  const source: EntryFacts = { path: file.path, format: file.format, raw: facts.data, bodyLine: facts.bodyLine, images: readable.images, published, digest: facts.digest };
  return { facts, readable, entry: { id: file.stem, displayPath, data, source: body === undefined ? source : { ...source, body } } };
}
