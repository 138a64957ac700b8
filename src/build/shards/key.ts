/**
 * A shard's cache key: one sha256 over everything that decides what the shard's build writes,
 * so a shard whose key is unchanged can take its output from the cache (shards/cache.ts) instead
 * of being built again. Pure: the digests of files and folders are handed in (shards/inputs.ts
 * reads them), and this module only combines them.
 *
 * The parts are kept apart as well as combined, so a rebuild can say which of them changed: a
 * story added in one kabupaten changes that shard's content (and the network shard's content and
 * figures), a change of code changes every shard's key.
 *
 * The build clock (`JEMBATAN_NOW`) is not a part: pages depend on it only through which stories
 * are published, and a shard's prepared content holds exactly the published ones, so a story
 * dated later changes its shard's content on the day it appears; and through the dashboard's
 * figures (which months, which KIM are quiet, which place data is stale), which a shard is handed
 * in its figures file, so they change its key when they change (tests/unit/build/shard-key.test.ts
 * checks that the clock reaches pages no other way).
 */
import { createHash } from 'node:crypto';

/** Each input of a shard's output, as a sha256 digest (hex). */
export interface ShardKeyParts {
  /** The shard's content folder as prepared for it: every file's path and bytes, `network.yaml` apart. */
  content: string;
  /** `network.yaml`: the network's name, address, scope, map and CMS settings. */
  network: string;
  /** The figures file handed to the shard (network totals, listing sizes, a split province's figures). */
  figures: string;
  /** The shard's entry in the plan: its name, label and villages. */
  plan: string;
  /** The code: src/, public/, the Astro config, the package lists, the shard build's own scripts. */
  code: string;
  /** The official region lists (the idn-area-data package, its version and data files). */
  regions: string;
  /** Build settings that reach the pages: deploy address and base, repository, the CMS content folder, Node and platform. */
  settings: string;
}

/** The parts in the order they are combined. */
const PARTS = ['content', 'network', 'figures', 'plan', 'code', 'regions', 'settings'] as const satisfies readonly (keyof ShardKeyParts)[];

/** What changed, as the rebuild log says it. */
const PART_NAMES: Record<keyof ShardKeyParts, string> = {
  content: 'konten bagian',
  network: 'network.yaml',
  figures: 'angka jaringan',
  plan: 'rencana bagian',
  code: 'kode',
  regions: 'data wilayah',
  settings: 'pengaturan build',
};

/** The sha256 of some bytes or text, in hex. */
export function digest(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A file (or another entry of a folder) by its path inside the folder and the digest of its bytes. */
export interface FileDigest {
  /** Relative, with `/` separators. */
  path: string;
  digest: string;
}

/**
 * One digest for a set of files: their paths and their bytes' digests, in path order (by code
 * unit, never by locale), so the order they were listed in does not matter, and a file renamed,
 * added, removed or changed by one byte changes it.
 */
export function digestFiles(files: Iterable<FileDigest>): string {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const hash = createHash('sha256');
  for (const [i, file] of sorted.entries()) {
    if (i > 0 && sorted[i - 1]!.path === file.path) throw new Error(`Berkas tercatat dua kali: ${file.path}`);
    // A path holds neither NUL nor a newline's pair with a digest, so the listing reads one way only.
    hash.update(`${file.path}\0${file.digest}\n`);
  }
  return hash.digest('hex');
}

/** The digest of a plain value (settings, a plan entry): its JSON with keys in sorted order. */
export function digestValue(value: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])])) : v;
  return digest(JSON.stringify(canonical(value)));
}

/** The shard's key: every part, by name, in one digest. */
export function shardKey(parts: ShardKeyParts): string {
  return digest(PARTS.map((part) => `${part}:${parts[part]}\n`).join(''));
}

/** The parts that differ between an earlier key's parts and these. */
export function changedParts(before: ShardKeyParts, after: ShardKeyParts): (keyof ShardKeyParts)[] {
  return PARTS.filter((part) => before[part] !== after[part]);
}

/**
 * Why a shard is built rather than taken from the cache, in the build's words: what changed
 * since its latest cached output, or that it has none.
 */
export function rebuildReason(latest: ShardKeyParts | undefined, parts: ShardKeyParts): string {
  if (!latest) return 'belum ada di cache';
  const changed = changedParts(latest, parts).map((part) => PART_NAMES[part]);
  if (changed.length === 0) return 'salinan di cache tidak utuh';
  const list = changed.length === 1 ? changed[0]! : `${changed.slice(0, -1).join(', ')} dan ${changed.at(-1)!}`;
  return `${list} berubah`;
}
