/**
 * A build's phase timings, written as JSON for the benchmark (scripts/bench/), which used to cut
 * phases at log lines. Recorded only when `JEMBATAN_TIMINGS` names a file: a normal build records
 * nothing, writes nothing and renders exactly as before. Every moment is epoch milliseconds
 * (`Date.now()`), the clock the benchmark samples memory with, so it can give each phase its peak.
 *
 * A sharded build (scripts/build-sharded.ts) runs one `astro build` per shard with the same
 * environment: `{shard}` in the name becomes the shard (`site` for a whole build), so every shard
 * writes its own file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AstroPrerenderer } from 'astro';

/** The variable naming the file; `{shard}` in it becomes the shard's name. */
export const TIMINGS_ENV = 'JEMBATAN_TIMINGS';
const SHARD_PLACEHOLDER = '{shard}';
/** What `{shard}` becomes in a whole (unsharded) build. */
export const WHOLE_BUILD = 'site';

/**
 * The moments an `astro build` records, in the order they happen:
 * - `gate:start`, `gate:end`: the content gate, which the config runs before Astro logs anything;
 * - `config:setup`, `config:done`: Astro's config hooks (the content layer syncs after them);
 * - `build:start`: the content layer has synced; Vite bundles next;
 * - `render:start`, `render:end`: Astro's prerenderer, set up (the bundle imported) to torn down
 *   (every page written); images are encoded after it, up to `build:generated`;
 * - `done:start` … `headers:end`: Jembatan's last hook: unshown originals removed, every built
 *   image checked for EXIF/GPS, `_headers` written;
 * - `search:start`, `search:end`: Pagefind, when the build indexes its own output;
 * - `exit`: the process's exit (the sitemap is written before it).
 */
export type BuildMark =
  | 'gate:start'
  | 'gate:end'
  | 'config:setup'
  | 'config:done'
  | 'build:start'
  | 'render:start'
  | 'render:end'
  | 'build:generated'
  | 'done:start'
  | 'unreferenced:end'
  | 'metadata:end'
  | 'headers:end'
  | 'search:start'
  | 'search:end'
  | 'exit';

/** The file's content. */
export interface BuildTimings {
  version: 1;
  /** The shard built (JEMBATAN_SHARD), or null. */
  shard: string | null;
  pid: number;
  /** When the process started (`performance.timeOrigin`), epoch ms. */
  processStart: number;
  /** Moments by name, epoch ms: the build's `BuildMark`s, or what another process records. */
  marks: Record<string, number>;
}

/** The file one process writes, or null when the variable is not set. */
export function timingsFile(template: string | undefined, name: string): string | null {
  return template ? path.resolve(template.replaceAll(SHARD_PLACEHOLDER, name)) : null;
}

/** Reads a timings file's text; throws on anything but this format. */
export function parseTimings(text: string): BuildTimings {
  const data = JSON.parse(text) as Partial<BuildTimings>;
  const isTime = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
  if (data.version !== 1 || !isTime(data.processStart) || typeof data.marks !== 'object' || data.marks === null || !Object.values(data.marks).every(isTime)) {
    throw new Error('Not a build timings file (version 1).');
  }
  return { version: 1, shard: data.shard ?? null, pid: data.pid ?? 0, processStart: data.processStart, marks: data.marks };
}

export interface TimingsRecorder {
  /** Whether anything is recorded (a file was named). */
  readonly enabled: boolean;
  /** Records a moment: now, or `at` (epoch ms). The first record of a name wins. */
  mark(name: string, at?: number): void;
  /** What is recorded so far. */
  timings(): BuildTimings;
  /** Writes the file when the process exits, with the moment of exit; once, however often called. */
  writeOnExit(): void;
}

/** A recorder writing to `file`; with no file, one that records nothing. */
export function timingsRecorder(file: string | null, shard: string | null, clock: () => number = Date.now): TimingsRecorder {
  const marks: Record<string, number> = {};
  const timings = (): BuildTimings => ({ version: 1, shard, pid: process.pid, processStart: performance.timeOrigin, marks: { ...marks } });
  let armed = false;
  return {
    enabled: file !== null,
    mark(name, at = clock()) {
      if (file !== null && !(name in marks)) marks[name] = at;
    },
    timings,
    writeOnExit() {
      if (file === null || armed) return;
      armed = true;
      process.once('exit', () => {
        marks.exit ??= clock();
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, `${JSON.stringify(timings(), null, 2)}\n`);
      });
    },
  };
}

/**
 * Astro's prerenderer with the start and end of rendering recorded. Astro has no hook between
 * rendering the pages and encoding the images; its prerenderer is set up right before the first
 * page and torn down right after the last (and before the images), so wrapping it marks both
 * without changing what it does.
 */
export function timedPrerenderer(inner: AstroPrerenderer, mark: (name: BuildMark) => void): AstroPrerenderer {
  const { collectStaticImages } = inner;
  return {
    name: inner.name,
    async setup() {
      await inner.setup?.();
      mark('render:start');
    },
    getStaticPaths: () => inner.getStaticPaths(),
    render: (request, options) => inner.render(request, options),
    ...(collectStaticImages && { collectStaticImages: () => collectStaticImages.call(inner) }),
    async teardown() {
      await inner.teardown?.();
      mark('render:end');
    },
  };
}

/**
 * The file a sharded build's orchestrator (scripts/build-sharded.ts) writes its own moments to,
 * beside its shards' files: what happens outside every `astro build`, each region shard's search
 * index (its own process after Astro has exited), the shards restored from and stored in the
 * shard cache, and the search router made while merging. A restored shard writes no file.
 */
export const ORCHESTRATOR = 'orchestrator';
export const orchestratorMarks = {
  searchStart: (shard: string) => `search:start:${shard}`,
  searchEnd: (shard: string) => `search:end:${shard}`,
  routerStart: 'router:start',
  routerEnd: 'router:end',
  /** The content checked once, the shards planned, their keys computed and the folders of those to build written. */
  prepareEnd: 'prepare:end',
  /** The shards' outputs linked into the site, the router and the site's own files written (shards/merge.ts). */
  mergeStart: 'merge:start',
  mergeEnd: 'merge:end',
  /** Shards taken from the shard cache (shards/cache.ts), all of them. */
  restoreStart: 'cache:restore:start',
  restoreEnd: 'cache:restore:end',
  /** A built shard's output kept in the shard cache. */
  storeStart: (shard: string) => `cache:store:start:${shard}`,
  storeEnd: (shard: string) => `cache:store:end:${shard}`,
} as const;
