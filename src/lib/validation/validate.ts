import yaml from 'js-yaml';
import type { z } from 'astro/zod';
import { COLLECTIONS, kimSchema, networkSchema, pathImageContext, placeSchema, storySchema } from '../../schemas/index.ts';
import type { CollectionName, KimData, NetworkConfig, PlaceData, StoryData } from '../../schemas/index.ts';
import { isRegionCodeShape } from '../regions/codes.ts';
import { NATIONAL_SCOPE, RegionTree, type RegionData } from '../regions/tree.ts';
import { imageSizeProblem, type ImageInfo } from '../images.ts';
import { isSlug } from '../slug.ts';
import { fieldPath, type ContentError } from './errors.ts';
import { parseFrontmatter } from './frontmatter.ts';
import { checkMdxBody } from './mdx.ts';
import { msg } from './messages.ts';

/** A contributor file as read from disk, before anything is trusted. */
export interface ContentFile {
  collection: CollectionName;
  /** Path shown in messages, e.g. "content/kim/kim-batuah.md". */
  displayPath: string;
  /** File name without folder or extension: the entry's id and URL segment. */
  stem: string;
  format: 'md' | 'mdx';
  bytes: Uint8Array;
}

export interface ValidationInput {
  network: { displayPath: string; bytes: Uint8Array | null };
  files: readonly ContentFile[];
  regions: RegionData;
  /** Whether an image path written in `file` points at an existing file. */
  imageExists: (file: ContentFile, src: string) => boolean;
  /** Size and GPS facts of an existing image; null when the file is not a readable image. */
  imageInfo?: (file: ContentFile, src: string) => ImageInfo | null | undefined;
}

export interface Entry<T> {
  id: string;
  displayPath: string;
  data: T;
}

export interface ValidNetwork {
  config: NetworkConfig;
  tree: RegionTree;
  kim: Entry<KimData>[];
  stories: Entry<StoryData>[];
  places: Entry<PlaceData>[];
}

/** Problems that do not stop the build but that someone should fix (GPS in a source photo). */
export type Warnings = { warnings: ContentError[] };

export type ValidationResult = ({ ok: true; network: ValidNetwork } | { ok: false; errors: ContentError[] }) & Warnings;

const SCHEMAS = {
  kim: kimSchema(pathImageContext),
  stories: storySchema(pathImageContext),
  places: placeSchema(pathImageContext),
} satisfies Record<CollectionName, z.ZodType>;

const IMAGE_EXTENSIONS = /\.(?:jpe?g|png|webp|avif|gif|tiff?)$/i;

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
export const indonesianIssue: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') {
    return issue.input === undefined ? msg.required : msg.invalidType(TYPE_LABELS[issue.expected] ?? issue.expected);
  }
  if (issue.code === 'invalid_value') return msg.oneOf(issue.values.map(String));
  if (issue.code === 'too_small' && issue.origin === 'array') return msg.required;
  return undefined;
};

/** Turns zod's issues into contributor errors, one per field, in Indonesian. */
export function issuesToErrors(displayPath: string, data: unknown, issues: readonly z.core.$ZodIssue[]): ContentError[] {
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
export function imageFields(collection: CollectionName, data: Record<string, unknown>): [string, unknown][] {
  switch (collection) {
    case 'kim':
      return [['logo', data.logo]];
    case 'stories':
      return [['cover.src', (data.cover as { src?: unknown } | undefined)?.src]];
    case 'places':
      return ((data.photos as { src?: unknown }[] | undefined) ?? []).map((p, i) => [`photos[${i}].src`, p?.src]);
  }
}

/**
 * Checks a whole network in one pass: the configuration, every file's frontmatter against the
 * schemas, and the references between entries and to the official region data. It reports every
 * problem it finds, so a contributor fixes them in one round instead of one build per mistake.
 */
export function validateNetwork(input: ValidationInput): ValidationResult {
  const errors: ContentError[] = [];
  const warnings: ContentError[] = [];
  const fail = (file: string, field: string | null, message: string) => errors.push({ file, field, message });

  // 1. The network configuration, which decides the scope everything else is checked against.
  let config: NetworkConfig | undefined;
  const networkPath = input.network.displayPath;
  if (!input.network.bytes) {
    fail(networkPath, null, msg.configMissing);
  } else {
    const text = decode(input.network.bytes);
    let raw: unknown;
    try {
      raw = text === null ? undefined : yaml.load(text.replace(/^\uFEFF/, ''), { schema: yaml.CORE_SCHEMA });
    } catch (error) {
      fail(networkPath, null, msg.yaml(error instanceof yaml.YAMLException ? error.message : String(error)));
    }
    if (text === null) fail(networkPath, null, msg.readFailed('bukan teks UTF-8'));
    else if (raw !== undefined || errors.length === 0) {
      const parsed = networkSchema.safeParse(raw ?? {}, { error: indonesianIssue });
      if (parsed.success) config = parsed.data;
      else errors.push(...issuesToErrors(networkPath, raw, parsed.error.issues));
    }
  }

  let tree: RegionTree | undefined;
  if (config) {
    const known = new Set([
      ...input.regions.provinces.map((r) => r.code),
      ...input.regions.regencies.map((r) => r.code),
      ...input.regions.districts.map((r) => r.code),
    ]);
    config.scope.forEach((code, i) => {
      if (code !== NATIONAL_SCOPE && !known.has(code)) fail(networkPath, `scope[${i}]`, msg.scopeUnknown(code));
    });
    tree = RegionTree.build(input.regions, config.scope);
  }

  // 2. Every file on its own: encoding, name, frontmatter, schema, images.
  const parsed: Record<CollectionName, Entry<any>[]> = { kim: [], stories: [], places: [] };
  // Raw frontmatter of every readable file, valid or not, so references are checked for all.
  const readable: { file: ContentFile; data: Record<string, unknown> }[] = [];
  const seen = new Map<string, string>();
  for (const file of input.files) {
    const { collection, displayPath } = file;
    if (!isSlug(file.stem)) {
      fail(displayPath, null, msg.fileName(file.stem));
      continue;
    }
    const key = `${collection}/${file.stem}`;
    const other = seen.get(key);
    if (other) {
      fail(displayPath, null, msg.duplicateId(file.stem, other));
      continue;
    }
    seen.set(key, displayPath);

    const text = decode(file.bytes);
    if (text === null) {
      fail(displayPath, null, msg.readFailed('bukan teks UTF-8. Simpan ulang berkas dengan pengodean UTF-8.'));
      continue;
    }
    const frontmatter = parseFrontmatter(text);
    if (!frontmatter.ok) {
      fail(displayPath, null, frontmatter.error === 'noFrontmatter' ? msg.noFrontmatter : msg.yaml(frontmatter.error));
      continue;
    }
    readable.push({ file, data: frontmatter.data });
    let fileOk = true;
    if (file.format === 'mdx') {
      for (const problem of checkMdxBody(frontmatter.body, frontmatter.bodyLine - 1)) {
        fail(displayPath, null, problem.line ? `baris ${problem.line}: ${problem.message}` : problem.message);
        fileOk = false;
      }
    }
    for (const [field, src] of imageFields(collection, frontmatter.data)) {
      if (typeof src !== 'string' || src.length === 0) continue;
      if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/')) {
        fail(displayPath, field, msg.imagePath);
        fileOk = false;
      } else if (!IMAGE_EXTENSIONS.test(src) || !input.imageExists(file, src)) {
        fail(displayPath, field, msg.imageMissing(src));
        fileOk = false;
      } else {
        const info = input.imageInfo?.(file, src);
        const problem = info === null ? msg.imageUnreadable(src) : info && imageSizeProblem(info);
        if (problem) {
          fail(displayPath, field, problem);
          fileOk = false;
        }
        if (info?.gps) warnings.push({ file: displayPath, field, message: msg.imageGps(src) });
      }
    }
    const result = SCHEMAS[collection].safeParse(frontmatter.data, { error: indonesianIssue });
    if (!result.success) {
      errors.push(...issuesToErrors(displayPath, frontmatter.data, result.error.issues));
      continue;
    }
    if (fileOk) parsed[collection].push({ id: file.stem, displayPath, data: result.data });
  }

  // 3. References between entries and to the region data, checked on every readable file even
  // when another field failed, so one build reports everything. A reference to a file that
  // exists but is itself invalid is not reported twice.
  if (tree) {
    const scopeLabel = config!.scope.join(', ');
    const exists = (collection: CollectionName, id: string) => seen.has(`${collection}/${id}`);
    const asString = (value: unknown) => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : undefined);
    for (const { file, data } of readable) {
      const checkRegion = (field: string) => {
        const code = asString(data[field]);
        if (!code || !isRegionCodeShape(code)) return; // The schema reports a malformed code.
        const region = tree!.get(code);
        if (!region) fail(file.displayPath, field, msg.regionUnknown(code));
        else if (!region.inScope) fail(file.displayPath, field, msg.regionOutOfScope(code, region.fullName, scopeLabel));
      };
      const checkKim = () => {
        const id = asString(data.kim);
        if (id && isSlug(id) && !exists('kim', id)) fail(file.displayPath, 'kim', msg.kimUnknown(id));
      };
      if (file.collection === 'kim') checkRegion('village');
      if (file.collection === 'places') {
        checkRegion('region');
        checkKim();
      }
      if (file.collection === 'stories') {
        checkKim();
        const places = Array.isArray(data.places) ? data.places : [];
        places.forEach((value, i) => {
          const id = asString(value);
          if (id && isSlug(id) && !exists('places', id)) fail(file.displayPath, `places[${i}]`, msg.placeUnknown(id));
        });
      }
    }
  }

  if (errors.length > 0 || !config || !tree) return { ok: false, errors, warnings };
  return { ok: true, network: { config, tree, kim: parsed.kim, stories: parsed.stories, places: parsed.places }, warnings };
}

export { COLLECTIONS };
