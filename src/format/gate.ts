/**
 * The content gate as the build runs it: read the content folder once, validate it, and keep the
 * result for the rest of the process. The integration runs it before Astro loads anything; the
 * collections' loader and the Vite fence then take their entries and files from this one result,
 * so what is validated and what is published can never be two different lists.
 */
import { z } from 'astro/zod';
import { asBuffer } from '../domain/image-bytes.ts';
import type { RegionTree } from '../domain/regions/tree.ts';
import { loadLandIndex } from './sources/land-map.ts';
import { loadRegionData } from './sources/regions.ts';
import { readContentDir } from './read.ts';
import type { CollectionName } from './schemas/index.ts';
import type { ContentError } from './errors.ts';
import { validateNetwork } from './validate.ts';
import type { ContentFile, EntrySource, ValidationResult } from './validation/types.ts';

export interface GateRun {
  contentDir: string;
  now: Date;
  result: ValidationResult;
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

/** Coordinates are rare in a file; the land map (22 MB) is loaded only when some entry has them. */
const mentionsCoordinates = (files: readonly ContentFile[]) => files.some((f) => asBuffer(f.bytes).includes('coordinates'));

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
  const [regions, land] = await Promise.all([loadRegionData(), locations && mentionsCoordinates(snapshot.files) ? loadLandIndex({ keep: false }) : undefined]);
  const result = validateNetwork({ ...snapshot, regions, now, land });
  return { contentDir, now, result, milliseconds: performance.now() - started };
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
