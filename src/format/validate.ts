import type { z } from 'astro/zod';
import { contentLayerImageContext, kimSchema, networkSchema, placeSchema, storySchema } from './schemas/index.ts';
import type { CollectionName, KimData, NetworkConfig, PlaceData, StoryData } from './schemas/index.ts';
import type { Coordinates } from '../domain/geo.ts';
import type { ImageFormat } from '../domain/image-files.ts';
import { imageSizeProblem } from '../domain/images.ts';
import type { LandIndex } from '../domain/land.ts';
import { farFromPeers } from '../domain/land-peers.ts';
import { isPublished } from '../domain/network.ts';
import { isRegionCodeShape } from '../domain/regions/codes.ts';
import { NATIONAL_SCOPE, RegionTree, type RegionData } from '../domain/regions/tree.ts';
import { isSlug, slugify } from '../domain/slug.ts';
import { reservedEntryIds, type Section } from '../domain/urls.ts';
import { fieldPath, type ContentError } from './errors.ts';
import { loadYaml, parseFrontmatter } from './frontmatter.ts';
import { inspectBody } from './body.ts';
import { msg } from './messages.ts';
import { PHOTO_EXTENSION, resolveContentPath } from './paths.ts';

/** A contributor file as read from disk, before anything is trusted. */
export interface ContentFile {
  collection: CollectionName;
  /** Path inside the content folder, with `/` separators: "stories/kabar.md". */
  path: string;
  /** Path shown in messages, e.g. "content/kim/kim-batuah.md". */
  displayPath: string;
  /** File name without folder or extension: the entry's id and URL segment. */
  stem: string;
  format: 'md' | 'mdx';
  /** The extension as written (".md", ".MDX"). */
  extension: string;
  /** Size on disk; `bytes` holds at most MAX_ENTRY_BYTES of it. */
  size: number;
  bytes: Uint8Array;
}

/** A photo's facts, read from its content (never from its name). */
export interface ImageFacts {
  format: ImageFormat;
  /** sharp could read its header. */
  readable: boolean;
  width: number;
  /** Height of one frame; `pages` frames for an animation. */
  height: number;
  pages: number;
  /** Its EXIF or XMP holds a GPS position (where it was taken, often someone's home). */
  gps: boolean;
}

/** What is on disk at a path inside the content folder. Links are never followed. */
export type PathFacts =
  | { type: 'missing' }
  | { type: 'directory' }
  | { type: 'link' }
  | { type: 'other' }
  | { type: 'file'; bytes: number; image: ImageFacts | null };


export interface ValidationInput {
  network: { displayPath: string; bytes: Uint8Array | null };
  files: readonly ContentFile[];
  regions: RegionData;
  /** The build's clock: a story dated later is not published. */
  now: Date;
  /** What is at a content-relative path. */
  fileAt: (relative: string) => PathFacts;
  /** Symbolic links and other non-files anywhere in the content folder, by display path. */
  irregular?: readonly { path: string; kind: 'link' | 'other' }[];
  /** Files in a collection folder that look like entries but are not read (".markdown", ".txt"). */
  unread?: readonly string[];
  /** Every photo in the content folder whose metadata holds a GPS position, used or not. */
  gpsPhotos?: readonly { path: string; displayPath: string }[];
  /** Where located entries' points lie (see domain/land.ts); without it only Indonesia's box is checked. */
  land?: LandIndex | undefined;
}

/** Where an entry came from and what the collections' loader needs to publish it. */
export interface EntrySource {
  /** Path inside the content folder ("stories/kabar.md"). */
  path: string;
  format: 'md' | 'mdx';
  /** The frontmatter exactly as written (dates as text), for Astro's own schema pass. */
  raw: Record<string, unknown>;
  /** The body the gate checked; the only body ever rendered. */
  body: string;
  /** The line of the file the body starts on. */
  bodyLine: number;
  /** Every photo the entry shows (frontmatter and body), as content-relative paths. */
  images: string[];
  /** A story is published once it is not a draft and its date has come; everything else always is. */
  published: boolean;
}

interface Entry<T> {
  id: string;
  displayPath: string;
  data: T;
  source: EntrySource;
}

export interface ValidNetwork {
  config: NetworkConfig;
  tree: RegionTree;
  kim: Entry<KimData>[];
  stories: Entry<StoryData>[];
  places: Entry<PlaceData>[];
}

/** Problems that do not stop the build but that someone should fix (GPS in a source photo). */
type Warnings = { warnings: ContentError[] };

export type ValidationResult = ({ ok: true; network: ValidNetwork } | { ok: false; errors: ContentError[] }) & Warnings;

// Photos come out as the content layer's own markers, so the loader can store this data as is.
const SCHEMAS = {
  kim: kimSchema(contentLayerImageContext),
  stories: storySchema(contentLayerImageContext),
  places: placeSchema(contentLayerImageContext),
} satisfies Record<CollectionName, z.ZodType>;

const SECTIONS: Record<CollectionName, Section> = { kim: 'kim', stories: 'stories', places: 'places' };

function decode(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

const TYPE_LABELS: Record<string, string> = {
  string: 'teks',
  number: 'angka',
  boolean: '"true" (ya) atau "false" (tidak)',
  object: 'kumpulan kolom "nama: nilai" (bukan teks tunggal)',
  array: 'daftar (setiap butir di baris baru yang diawali "- ")',
  date: 'tanggal, misalnya 2026-11-30',
};

/**
 * Indonesian messages for the generic checks no schema field words itself (a wrong type, a
 * missing value). Messages written on a schema field still win over these.
 */
const indonesianIssue: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') {
    return issue.input === undefined ? msg.required : msg.invalidType(TYPE_LABELS[issue.expected] ?? issue.expected);
  }
  if (issue.code === 'invalid_value') return msg.oneOf(issue.values.map(String));
  if (issue.code === 'too_small' && issue.origin === 'array') return msg.required;
  return undefined;
};

/** Turns zod's issues into contributor errors, one per field, in Indonesian. */
function issuesToErrors(displayPath: string, data: unknown, issues: readonly z.core.$ZodIssue[]): ContentError[] {
  const errors: ContentError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push({ file: displayPath, field: fieldPath([...issue.path, key]), message: msg.unknownKey(key) });
      }
      continue;
    }
    const missing = issue.code === 'invalid_type' && valueAt(data, issue.path) === undefined;
    errors.push({ file: displayPath, field: fieldPath(issue.path), message: missing ? msg.required : issue.message });
  }
  return errors;
}

/** The image paths an entry's frontmatter names, with the field each stands in. */
function imageFields(collection: CollectionName, data: Record<string, unknown>): [string, unknown][] {
  switch (collection) {
    case 'kim':
      return [['logo', data.logo]];
    case 'stories':
      return [['cover.src', (data.cover as { src?: unknown } | undefined)?.src]];
    case 'places':
      return (Array.isArray(data.photos) ? (data.photos as { src?: unknown }[]) : []).map((p, i) => [`photos[${i}].src`, p?.src]);
  }
}

/** Why a photo at a content-relative path cannot be published, or undefined when it can. */
function photoProblem(facts: PathFacts, written: string): string | undefined {
  if (facts.type === 'missing') return msg.imageMissing(written);
  if (facts.type === 'directory') return msg.imageFolder(written);
  if (facts.type !== 'file') return msg.imageLink(written);
  if (!facts.image) return PHOTO_EXTENSION.test(written) ? msg.imageUnreadable(written) : msg.imageFormat(written);
  if (facts.image.format === 'svg') return msg.imageSvg(written);
  if (!facts.image.readable) return PHOTO_EXTENSION.test(written) ? msg.imageUnreadable(written) : msg.imageFormat(written);
  return imageSizeProblem({ ...facts.image, height: facts.image.height * facts.image.pages, bytes: facts.bytes });
}

/** The closest existing id to a mistyped reference, if one is close enough to be what was meant. */
function suggestId(written: string, ids: Iterable<string>, prefix = ''): string | undefined {
  const slug = slugify(written);
  let best: { id: string; distance: number } | undefined;
  for (const id of ids) {
    if (id === slug || id === `${prefix}${slug}`) return id;
    const distance = editDistance(slug, id);
    if (distance <= Math.max(2, Math.floor(id.length / 6)) && (!best || distance < best.distance)) best = { id, distance };
  }
  return best?.id;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Infinity;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The frontmatter of a readable file, and the photos it shows that passed their checks. */
interface Readable {
  file: ContentFile;
  data: Record<string, unknown>;
  images: string[];
}

/**
 * Checks a whole network in one pass: the configuration, every file's frontmatter against the
 * schemas, every photo it names (in the frontmatter or the body) on disk, and the references
 * between entries and to the official region data. It reports every problem it finds, so a
 * contributor fixes them in one round instead of one build per mistake.
 */
export function validateNetwork(input: ValidationInput): ValidationResult {
  const errors: ContentError[] = [];
  const warnings: ContentError[] = [];
  const fail = (file: string, field: string | null, message: string, line?: number) => errors.push({ file, field, message, ...(line ? { line } : {}) });

  // 0. Nothing but plain files and folders: a link could publish any file of the build machine
  // or hand the loader a file the gate never read.
  for (const { path, kind } of input.irregular ?? []) fail(path, null, msg.notRegular(kind === 'link' ? 'tautan simbolik (symbolic link)' : 'bukan berkas biasa'));
  for (const path of input.unread ?? []) warnings.push({ file: path, field: null, message: msg.unreadEntry });

  // 1. The network configuration, which decides the scope everything else is checked against.
  const config = readNetworkConfig(input.network, fail, errors);
  let tree: RegionTree | undefined;
  if (config) {
    const known = new Set([
      ...input.regions.provinces.map((r) => r.code),
      ...input.regions.regencies.map((r) => r.code),
      ...input.regions.districts.map((r) => r.code),
    ]);
    config.scope.forEach((code, i) => {
      if (code !== NATIONAL_SCOPE && !known.has(code)) fail(input.network.displayPath, `scope[${i}]`, msg.scopeUnknown(code));
    });
    tree = RegionTree.build(input.regions, config.scope);
  }

  // 2. Every file on its own: name, size, encoding, frontmatter, schema, body, photos.
  const parsed: Record<CollectionName, Entry<any>[]> = { kim: [], stories: [], places: [] };
  // Raw frontmatter of every readable file, valid or not, so references are checked for all.
  const readable: Readable[] = [];
  const seen = new Map<string, string>();
  const gpsWarned = new Set<string>();
  for (const file of input.files) {
    const { collection, displayPath } = file;
    if (file.extension !== file.extension.toLowerCase()) {
      fail(displayPath, null, msg.extensionCase(file.stem + file.extension));
      continue;
    }
    if (!isSlug(file.stem)) {
      fail(displayPath, null, msg.fileName(file.stem));
      continue;
    }
    const reserved = reservedEntryIds(SECTIONS[collection]);
    if (reserved.ids.includes(file.stem)) {
      fail(displayPath, null, msg.reservedId(file.stem, reserved.segment));
      continue;
    }
    const key = `${collection}/${file.stem}`;
    const other = seen.get(key);
    if (other) {
      fail(displayPath, null, msg.duplicateId(file.stem, other));
      continue;
    }
    seen.set(key, displayPath);
    if (file.size > file.bytes.length) {
      fail(displayPath, null, msg.fileTooLarge(Math.ceil(file.size / 1024), Math.floor(file.bytes.length / 1024)));
      continue;
    }

    const text = decode(file.bytes);
    if (text === null) {
      fail(displayPath, null, msg.readFailed('bukan teks UTF-8. Simpan ulang berkas dengan pengodean UTF-8.'));
      continue;
    }
    const frontmatter = parseFrontmatter(text);
    if (!frontmatter.ok) {
      fail(displayPath, null, frontmatter.error === 'noFrontmatter' ? msg.noFrontmatter : msg.yaml(frontmatter.error), frontmatter.line);
      continue;
    }
    const entry: Readable = { file, data: frontmatter.data, images: [] };
    readable.push(entry);
    let fileOk = true;

    // Photos, wherever they are written, get the same checks and the same messages.
    const checkPhoto = (written: string, where: { field: string | null; line?: number | undefined }, options: { requireDotSlash?: boolean } = {}) => {
      const resolved = resolveContentPath(file.path, written, options);
      let problem: string | undefined;
      if (!resolved.ok) {
        problem = { scheme: msg.imagePath, absolute: msg.imagePath, characters: msg.imageQuery(written), outside: msg.imageOutside(written), bare: msg.bodyImageRelative(written) }[resolved.reason];
      } else {
        const facts = input.fileAt(resolved.path);
        problem = photoProblem(facts, written);
        if (!problem && !PHOTO_EXTENSION.test(resolved.path)) problem = msg.imageFormat(written);
        if (!problem) {
          entry.images.push(resolved.path);
          if (facts.type === 'file' && facts.image?.gps) {
            warnings.push({ file: displayPath, field: where.field, ...(where.line ? { line: where.line } : {}), message: msg.imageGps(written) });
            gpsWarned.add(resolved.path);
          }
        }
      }
      if (problem) {
        fail(displayPath, where.field, problem, where.line);
        fileOk = false;
      }
    };
    for (const [field, src] of imageFields(collection, frontmatter.data)) {
      if (typeof src === 'string' && src.length > 0) checkPhoto(src, { field });
    }
    const body = inspectBody(frontmatter.body, file.format, frontmatter.bodyLine - 1);
    for (const problem of body.problems) {
      fail(displayPath, null, problem.message, problem.line);
      fileOk = false;
    }
    for (const line of body.imageReferences) {
      fail(displayPath, null, msg.bodyImageReference, line);
      fileOk = false;
    }
    for (const image of body.images) {
      // Astro decodes the address before it imports the file; so does the gate.
      let written: string;
      try {
        written = decodeURI(image.url);
      } catch {
        fail(displayPath, null, msg.bodyImageUrl(image.url), image.line);
        fileOk = false;
        continue;
      }
      if (/^https?:/i.test(written)) {
        fail(displayPath, null, msg.bodyImageRemote(written), image.line);
        fileOk = false;
        continue;
      }
      if (!image.alt.trim()) {
        fail(displayPath, null, msg.bodyImageAlt(written), image.line);
        fileOk = false;
      }
      checkPhoto(written, { field: null, line: image.line }, { requireDotSlash: true });
    }

    const result = SCHEMAS[collection].safeParse(frontmatter.data, { error: indonesianIssue });
    if (!result.success) {
      errors.push(...issuesToErrors(displayPath, frontmatter.data, result.error.issues));
      continue;
    }
    if (!fileOk) continue;
    const published = collection !== 'stories' || isPublished({ data: result.data as StoryData }, input.now);
    parsed[collection].push({
      id: file.stem,
      displayPath,
      data: result.data,
      source: { path: file.path, format: file.format, raw: frontmatter.data, body: frontmatter.body, bodyLine: frontmatter.bodyLine, images: entry.images, published },
    });
  }

  // A photo nobody uses still sits in the public repository with its position.
  for (const photo of input.gpsPhotos ?? []) {
    if (!gpsWarned.has(photo.path)) warnings.push({ file: photo.displayPath, field: null, message: msg.imageGps(photo.path.split('/').pop()!) });
  }

  // 3. References between entries and to the region data, checked on every readable file even
  // when another field failed, so one build reports everything. A reference to a file that
  // exists but is itself invalid is not reported twice.
  if (tree) checkReferences({ tree, scopeLabel: config!.scope.join(', '), readable, seen, errors, fail });

  // 4. Where located entries are: on Indonesian land or just off its coast, and near the rest of
  // their kabupaten/kota.
  if (tree && input.land) checkLocations({ tree, land: input.land, readable, parsed, fail, warnings });

  if (errors.length > 0 || !config || !tree) return { ok: false, errors, warnings };
  return { ok: true, network: { config, tree, kim: parsed.kim, stories: parsed.stories, places: parsed.places }, warnings };
}

function readNetworkConfig(
  network: ValidationInput['network'],
  fail: (file: string, field: string | null, message: string, line?: number) => void,
  errors: ContentError[],
): NetworkConfig | undefined {
  const networkPath = network.displayPath;
  if (!network.bytes) {
    fail(networkPath, null, msg.configMissing);
    return undefined;
  }
  const text = decode(network.bytes);
  if (text === null) {
    fail(networkPath, null, msg.readFailed('bukan teks UTF-8'));
    return undefined;
  }
  const loaded = loadYaml(text.replace(/^\uFEFF/, ''));
  if (!loaded.ok) {
    fail(networkPath, null, msg.yamlFile(loaded.error), loaded.line);
    return undefined;
  }
  const parsed = networkSchema.safeParse(loaded.value ?? {}, { error: indonesianIssue });
  if (parsed.success) return parsed.data;
  errors.push(...issuesToErrors(networkPath, loaded.value, parsed.error.issues));
  return undefined;
}

const asString = (value: unknown) => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : undefined);

function checkReferences({
  tree,
  scopeLabel,
  readable,
  seen,
  errors,
  fail,
}: {
  tree: RegionTree;
  scopeLabel: string;
  readable: readonly Readable[];
  seen: Map<string, string>;
  errors: ContentError[];
  fail: (file: string, field: string | null, message: string) => void;
}): void {
  const ids = (collection: CollectionName) => [...seen.keys()].filter((k) => k.startsWith(`${collection}/`)).map((k) => k.slice(collection.length + 1));
  const cache: Partial<Record<'kim' | 'places', string[]>> = {};
  const known = (collection: 'kim' | 'places') => (cache[collection] ??= ids(collection));
  for (const { file, data } of readable) {
    const checkRegion = (field: string) => {
      const code = asString(data[field]);
      if (!code || !isRegionCodeShape(code)) return; // The schema reports a malformed code.
      const region = tree.get(code);
      if (!region) fail(file.displayPath, field, msg.regionUnknown(code));
      else if (!region.inScope) fail(file.displayPath, field, msg.regionOutOfScope(code, region.fullName, scopeLabel));
    };
    const checkReference = (collection: 'kim' | 'places', field: string, value: unknown) => {
      const id = asString(value);
      if (!id || (isSlug(id) && seen.has(`${collection}/${id}`))) return;
      // Only for a reference that is wrong: comparing with every id is the slow part.
      const suggestion = suggestId(id, known(collection), collection === 'kim' ? 'kim-' : '');
      if (!isSlug(id)) {
        // The schema has said the id is malformed; say which one was meant when it is clear.
        const reported = errors.find((e) => e.file === file.displayPath && e.field === field);
        if (reported && suggestion) reported.message += msg.suggestion(suggestion);
        return;
      }
      const message = collection === 'kim' ? msg.kimUnknown(id) : msg.placeUnknown(id);
      fail(file.displayPath, field, suggestion ? message + msg.suggestion(suggestion) : message);
    };
    if (file.collection === 'kim') checkRegion('village');
    if (file.collection === 'places') {
      checkRegion('region');
      checkReference('kim', 'kim', data.kim);
    }
    if (file.collection === 'stories') {
      checkReference('kim', 'kim', data.kim);
      (Array.isArray(data.places) ? data.places : []).forEach((value, i) => checkReference('places', `places[${i}]`, value));
    }
  }
}

function checkLocations({
  tree,
  land,
  readable,
  parsed,
  fail,
  warnings,
}: {
  tree: RegionTree;
  land: LandIndex;
  readable: readonly Readable[];
  parsed: Record<CollectionName, Entry<any>[]>;
  fail: (file: string, field: string | null, message: string) => void;
  warnings: ContentError[];
}): void {
  const located: { displayPath: string; regency: string; point: Coordinates }[] = [];
  for (const { file, data } of readable) {
    const point = data.coordinates as Partial<Coordinates> | undefined;
    if (typeof point?.lat !== 'number' || typeof point.lng !== 'number') continue;
    const verdict = land.locate({ lat: point.lat, lng: point.lng });
    if (verdict.kind === 'foreign') fail(file.displayPath, 'coordinates', msg.coordinatesForeign(verdict.country));
    else if (verdict.kind === 'sea') fail(file.displayPath, 'coordinates', msg.coordinatesSea(verdict.km));
    else {
      const code = asString(file.collection === 'kim' ? data.village : data.region);
      const regency = code && isRegionCodeShape(code) ? code.split('.').slice(0, 2).join('.') : undefined;
      if (regency && tree.get(regency)) located.push({ displayPath: file.displayPath, regency, point: { lat: point.lat, lng: point.lng } });
    }
  }
  // Only entries that passed every other check count as peers: a broken one would move the centre.
  const valid = new Set(Object.values(parsed).flatMap((entries) => entries.map((e) => e.displayPath)));
  for (const { entry, km } of farFromPeers(located.filter((l) => valid.has(l.displayPath)))) {
    warnings.push({ file: entry.displayPath, field: 'coordinates', message: msg.coordinatesFar(km, tree.require(entry.regency).fullName) });
  }
}

/** Every file the build may read for the published site: entry files and the photos they show. */
export function publishedFiles(network: ValidNetwork): Set<string> {
  const files = new Set<string>();
  for (const entry of [...network.kim, ...network.stories, ...network.places]) {
    if (!entry.source.published) continue;
    files.add(entry.source.path);
    for (const image of entry.source.images) files.add(image);
  }
  return files;
}

