/**
 * The content gate as the build runs it: read the content folder once, validate it, and keep the
 * result for the rest of the process. The integration runs it before Astro loads anything; the
 * collections' loader and the Vite fence then take their entries and files from this one result,
 * so what is validated and what is published can never be two different lists.
 */
import path from 'node:path';
import { z } from 'astro/zod';
import type { RegionTree } from '../domain/regions/tree.ts';
import { loadLandIndex } from './sources/land-map.ts';
import { loadRegionData } from './sources/regions.ts';
import { readContentDir } from './read.ts';
import type { CollectionName } from './schemas/index.ts';
import type { ContentError } from './errors.ts';
import { validateNetwork } from './validate.ts';
import { mentionsCoordinates } from './validation/entry.ts';
import { GateCache } from './gate-cache.ts';
import { blobId, vouchedBlobs } from './git-blobs.ts';
import type { ContentFile, EntryFacts, EntrySource, RememberedFile, ValidationResult } from './validation/types.ts';

export interface GateRun<S extends EntryFacts = EntrySource> {
  contentDir: string;
  now: Date;
  result: ValidationResult<S>;
  /** How long reading and validating took. */
  milliseconds: number;
}

/**
 * What the rest of a build needs from the gate's run, and all it keeps of it: the published
 * entries, and the files the published site may read. The validated network itself (with the
 * national region tree behind it) is left to the garbage collector once the integration is done.
 */
export interface Published {
  contentDir: string;
  /** The region tree for the network's scope: built once, for the gate and then for the pages. */
  tree: RegionTree | null;
  /** The gate's problems, when it refused the content. */
  errors: ContentError[] | null;
  /** Published entries by collection, in the gate's order, with their validated data. */
  entries: Record<CollectionName, { id: string; data: unknown; source: EntrySource }[]>;
  /** Content-relative paths of every file the published site may read: entries and their photos. */
  files: ReadonlySet<string>;
  /** The published entries by content-relative path, for the fence to serve their checked bodies. */
  sources: ReadonlyMap<string, EntrySource>;
}

/** The part of a run the loader and the fence use. */
function publishedOf(run: GateRun): Published {
  const { result } = run;
  const entries: Published['entries'] = { kim: [], stories: [], places: [] };
  const sources = new Map<string, EntrySource>();
  const files = new Set<string>();
  if (result.ok) {
    for (const collection of ['kim', 'stories', 'places'] as const) {
      for (const { id, data, source } of result.network[collection]) {
        if (!source.published) continue;
        entries[collection].push({ id, data, source });
        sources.set(source.path, source);
        files.add(source.path);
        for (const image of source.images) files.add(image);
      }
    }
  }
  return {
    contentDir: run.contentDir,
    tree: result.ok ? result.network.tree : null,
    errors: result.ok ? null : result.errors,
    entries,
    files,
    sources,
  };
}


export interface GateOptions {
  now: Date;
  cwd?: string;
  /**
   * Check where located entries lie. A shard of a sharded build skips it: the preparing step
   * has checked every entry already, and the land map costs each shard a second and 300 MB.
   */
  locations?: boolean;
}

/** Reads and validates a content folder. */
export async function runGate(contentDir: string, { now, cwd = process.cwd(), locations = true }: GateOptions): Promise<GateRun> {
  // zod's own words, for the few checks no message of ours covers, in the contributors' language.
  z.config(z.locales.id());
  const started = performance.now();
  const snapshot = await readContentDir(contentDir, cwd);
  const result = validateNetwork({ ...snapshot, ...(await sourcesFor(snapshot.files, locations)), now });
  return { contentDir, now, result, milliseconds: performance.now() - started };
}

/** The region data, and the land map when some file has coordinates (they are rare; the map is 22 MB). */
async function sourcesFor(files: readonly (ContentFile | RememberedFile)[], locations: boolean) {
  const [regions, land] = await Promise.all([loadRegionData(), locations && files.some(mentionsCoordinates) ? loadLandIndex({ keep: false }) : undefined]);
  return { regions, land };
}

export interface RememberingRun extends GateRun<EntryFacts> {
  /** Entry files whose facts came from the cache, and those parsed and checked anew. */
  recalled: number;
  read: number;
}

/**
 * The gate with its cache (format/gate-cache.ts): an entry file git vouches for, whose facts the
 * cache holds, is not read; any other is read, and its facts recalled by the id of its bytes, or
 * found and kept for the next run. The entries know their facts but not their bodies: for
 * planning, never for publishing.
 */
export async function runRememberingGate(contentDir: string, { now, cwd = process.cwd(), locations = true }: GateOptions, cache: { file: string; key: string }): Promise<RememberingRun> {
  z.config(z.locales.id());
  const started = performance.now();
  const vouched = await vouchedBlobs(contentDir);
  // Messages name files by where the gate runs: facts are remembered for one folder seen from one place.
  const remembered = GateCache.open(cache.file, JSON.stringify([cache.key, path.resolve(contentDir), path.resolve(cwd)]));
  // Bytes are named as git names them, so what a file read once taught is found by git's word next
  // time; without git, by the same id of the bytes read.
  const algorithm = vouched?.algorithm ?? 'sha1';
  // The ids of the bytes read, whole, by path: the reader is asked with them only for such a file.
  const readBlobs = new Map<string, string>();
  const snapshot = await readContentDir(contentDir, cwd, {
    remembered: (relative, bytes) => {
      if (!bytes) {
        const blob = vouched?.blobs.get(relative);
        return blob ? remembered.recall(blob, relative) : undefined;
      }
      const blob = blobId(bytes, algorithm);
      readBlobs.set(relative, blob);
      return remembered.recall(blob, relative);
    },
  });
  const result = validateNetwork({ ...snapshot, ...(await sourcesFor(snapshot.files, locations)), now }, (file, facts) => {
    // Kept under the id of the bytes read (not git's word for them), and never for a file read
    // only in part: a file changed while git looked at it cannot be remembered wrongly.
    const blob = readBlobs.get(file.path);
    if (blob) remembered.learn(blob, file.path, facts);
  });
  try {
    remembered.save();
  } catch (error) {
    // A cache not written costs the next run its reading, never this run its result.
    console.warn(`Cache gerbang konten tidak disimpan (${remembered.file}): ${(error as Error).message}`);
  }
  const { recalled } = remembered.counts;
  return { contentDir, now, result, milliseconds: performance.now() - started, recalled, read: snapshot.files.length - recalled };
}

// Astro loads the content config through Vite, as a second copy of these modules; a registry on
// globalThis is what the integration, the loader and the fence share within one build process.
const REGISTRY = Symbol.for('jembatan.gate');
interface Shared {
  run: Promise<Published>;
  /** When the run started, so the loaders of all collections reacting to one change share it. */
  started: number;
}
function registry(): Map<string, Shared> {
  const holder = globalThis as { [REGISTRY]?: Map<string, Shared> };
  return (holder[REGISTRY] ??= new Map());
}

/** Runs the gate for a content folder and shares what is published with the rest of the process. */
export function startGate(contentDir: string, options: GateOptions): Promise<GateRun> {
  const run = runGate(contentDir, options);
  registry().set(contentDir, { run: run.then(publishedOf), started: performance.now() });
  return run;
}

/** What the gate published for a content folder: the shared run's, or a run of its own when none started. */
export function sharedGate(contentDir: string, options: GateOptions): Promise<Published> {
  return registry().get(contentDir)?.run ?? startGate(contentDir, options).then(publishedOf);
}

/**
 * A new run after the content changed (the dev server), shared by every caller within a moment
 * of the first; `fresh` tells the caller it started the run (and should report its problems).
 */
export async function refreshGate(contentDir: string, options: GateOptions): Promise<{ published: Published; fresh: boolean }> {
  const shared = registry().get(contentDir);
  if (shared && performance.now() - shared.started < 250) return { published: await shared.run, fresh: false };
  return { published: publishedOf(await startGate(contentDir, options)), fresh: true };
}
