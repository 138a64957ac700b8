/**
 * Build benchmark (issue #4). Generates a synthetic network from the real region data at one or
 * more scales, builds each with the real `astro build` in a child process, and reports wall time,
 * peak memory of the whole build process tree, per-phase figures read from the build log, output
 * size, and the Pagefind index with what a first search downloads. It then changes one story and
 * rebuilds with the same caches, to show that no image is encoded again.
 *
 * Usage: `npm run bench [-- --scale kota|kabupaten|provinsi|nasional|all] [--kim-share 0.33]
 *   [--stories 10] [--places 3] [--cover-share 0.1] [--seed 1] [--keep] [--no-rebuild] [--report-only]`
 *
 * Everything is written under the system temporary folder, never in `content/`. Results are
 * merged into `bench/results.json` (one entry per scale) and the tables in `bench/README.md`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadRegionData } from '../../src/format/sources/regions.ts';
import { ROUTER_DIR } from '../../src/domain/search/router.ts';
import { CHROMIUM_PATH } from '../lib/chromium.ts';
import { cleanEnv } from '../lib/child-env.ts';
import { measureSiteSearches } from '../lib/search-transfer.ts';
import { estimateCovers, generateNetwork, GENERATE_DEFAULTS, villagesInScope } from './synthetic.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ASTRO_BIN = path.join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
const SHARDED_BIN = path.join(PROJECT_ROOT, 'scripts/build-sharded.ts');
const BENCH_DIR = path.join(PROJECT_ROOT, 'bench');
const RESULTS_FILE = path.join(BENCH_DIR, 'results.json');
const README_FILE = path.join(BENCH_DIR, 'README.md');

/** The scales the issue names, smallest first; the order is also the order of the tables. */
export const SCALES = {
  kota: { scope: ['64.74'], label: 'Kota Bontang (64.74)' },
  kabupaten: { scope: ['64.02'], label: 'Kab. Kutai Kartanegara (64.02)' },
  provinsi: { scope: ['64'], label: 'Prov. Kalimantan Timur (64)' },
  nasional: { scope: ['ID'], label: 'Seluruh Indonesia (ID)' },
} as const;
/** A scale name as the command line takes it. */
export type ScaleName = keyof typeof SCALES;
const DEFAULT_SCALES: readonly ScaleName[] = ['kota', 'kabupaten', 'provinsi'];

/** Above this many image files the run is slow enough on a small machine that the user should know. */
const IMAGE_WARNING_THRESHOLD = 3000;
/**
 * Image cost per cover when no earlier run says otherwise: WebP only at six widths, about 0.3 s
 * per cover on two cores (kota run). The components decide both numbers, so the runner prefers
 * the figures of the last measured run (see `imageCostPerCover`).
 */
const DEFAULT_IMAGE_COST = { files: 6, seconds: 0.3, from: 'built-in default' };
const SAMPLE_INTERVAL_MS = 100;

// ---------------------------------------------------------------------------------------------
// Command line

interface Options {
  scales: ScaleName[];
  kimShare: number;
  storiesPerKim: number;
  placesPerKim: number;
  coverShare: number;
  seed: number;
  keep: boolean;
  rebuild: boolean;
  /** Build with scripts/build-sharded.ts (province shards) instead of one `astro build`. */
  sharded: boolean;
  /** Rewrite bench/README.md from bench/results.json without building anything. */
  reportOnly: boolean;
}

const USAGE =
  'Usage: node scripts/bench/run.ts [--scale kota|kabupaten|provinsi|nasional|all (comma-separated)] ' +
  '[--kim-share 0.33] [--stories 10] [--places 3] [--cover-share 0.1] [--seed 1] [--keep] [--no-rebuild] [--sharded] [--report-only]';

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string' },
      'kim-share': { type: 'string' },
      stories: { type: 'string' },
      places: { type: 'string' },
      'cover-share': { type: 'string' },
      seed: { type: 'string' },
      keep: { type: 'boolean', default: false },
      'no-rebuild': { type: 'boolean', default: false },
      sharded: { type: 'boolean', default: false },
      'report-only': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const number = (name: string, raw: string | undefined, fallback: number, ok: (n: number) => boolean): number => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || !ok(n)) throw new Error(`--${name}: invalid value "${raw}"`);
    return n;
  };
  const requested = (values.scale ?? DEFAULT_SCALES.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
  const scales = requested.includes('all') ? (Object.keys(SCALES) as ScaleName[]) : requested;
  for (const scale of scales) if (!(scale in SCALES)) throw new Error(`--scale: unknown scale "${scale}"`);
  return {
    scales: scales as ScaleName[],
    kimShare: number('kim-share', values['kim-share'], GENERATE_DEFAULTS.kimShare, (n) => n > 0 && n <= 1),
    storiesPerKim: number('stories', values.stories, GENERATE_DEFAULTS.storiesPerKim, (n) => Number.isInteger(n) && n >= 0),
    placesPerKim: number('places', values.places, GENERATE_DEFAULTS.placesPerKim, (n) => Number.isInteger(n) && n >= 0),
    coverShare: number('cover-share', values['cover-share'], GENERATE_DEFAULTS.coverShare, (n) => n >= 0 && n <= 1),
    seed: number('seed', values.seed, GENERATE_DEFAULTS.seed, Number.isInteger),
    keep: values.keep,
    rebuild: !values['no-rebuild'],
    sharded: values.sharded,
    reportOnly: values['report-only'],
  };
}

// ---------------------------------------------------------------------------------------------
// Memory: the build's whole process tree (Astro, esbuild's service, Pagefind's binary), from /proc

interface MemorySample {
  /** Milliseconds since the build started. */
  t: number;
  rssBytes: number;
}

/** Parent → children for every process, from /proc/<pid>/stat (the `children` file is not always there). */
function processChildren(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // The process ended while we looked.
    }
    // The command name is in parentheses and may contain spaces; fields resume after the last ")".
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const list = children.get(ppid);
    if (list) list.push(Number(name));
    else children.set(ppid, [Number(name)]);
  }
  return children;
}

function rssOf(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Sum of resident memory over a process and all its descendants. Shared pages count once per process. */
function treeRss(root: number): number {
  const children = processChildren();
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += rssOf(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// Running one build

interface LogLine {
  /** Milliseconds since the build started, when the line reached us. */
  t: number;
  text: string;
}

interface BuildRun {
  code: number | null;
  wallMs: number;
  lines: LogLine[];
  samples: MemorySample[];
}

// Vitest and Vite export their own settings; a child build must not inherit them (as in tests/helpers/fixture.ts).

/** Runs the real build once, timing every log line and sampling the memory of its process tree. */
function runBuild(contentDir: string, cacheDir: string, outDir: string, logFile: string, sharded = false): Promise<BuildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const lines: LogLine[] = [];
    const samples: MemorySample[] = [];
    const command = sharded
      ? [SHARDED_BIN, '--out', outDir, '--work', path.join(cacheDir, 'shards'), '--stream-logs']
      : [ASTRO_BIN, 'build', '--outDir', outDir];
    const child = spawn(process.execPath, command, {
      cwd: PROJECT_ROOT,
      env: {
        ...cleanEnv(),
        JEMBATAN_CONTENT_DIR: contentDir,
        JEMBATAN_CACHE_DIR: cacheDir,
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const sample = () => {
      if (child.pid !== undefined && process.platform === 'linux') samples.push({ t: performance.now() - started, rssBytes: treeRss(child.pid) });
    };
    const timer = setInterval(sample, SAMPLE_INTERVAL_MS);
    sample();
    const reader = () => {
      let pending = '';
      return (chunk: Buffer) => {
        const t = performance.now() - started;
        pending += chunk.toString('utf8');
        const parts = pending.split('\n');
        pending = parts.pop()!;
        for (const text of parts) {
          lines.push({ t, text });
          appendFileSync(logFile, `${(t / 1000).toFixed(2).padStart(8)}  ${text}\n`);
        }
      };
    };
    child.stdout.on('data', reader());
    child.stderr.on('data', reader());
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, wallMs: performance.now() - started, lines, samples });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Reading the log into phases

interface Phase {
  name: string;
  seconds: number | null;
  peakRssMB: number | null;
  note?: string;
}

const MB = 1024 * 1024;
const round = (n: number, digits = 1) => Number(n.toFixed(digits));

/** Highest tree RSS sampled in [from, to]; for a phase shorter than one interval, the next sample. */
function peakBetween(samples: readonly MemorySample[], from: number, to: number): number | null {
  let peak = 0;
  for (const s of samples) if (s.t >= from && s.t <= to) peak = Math.max(peak, s.rssBytes);
  if (peak === 0) peak = samples.find((s) => s.t >= from)?.rssBytes ?? 0;
  return peak > 0 ? round(peak / MB) : null;
}

/**
 * Splits a build into phases by the log lines that open and close them (Astro 7.3's wording;
 * the figures degrade to null rather than lie if the wording changes):
 * - content loading: start → "Synced content" (Node and Astro start-up, the Jembatan gate, the
 *   content layer);
 * - bundling: → "generating static routes" (Vite builds the server and client bundles);
 * - rendering: → the next "✓ Completed";
 * - images: "generating optimized images" → the next "✓ Completed" (only when there are images);
 * - output metadata check: → "_headers ditulis" (the Jembatan integration reads every built image);
 * - search index: → "Indeks pencarian" (Pagefind);
 * - sitemap and exit: → the process ends.
 * In a sharded build, Pagefind runs after Astro has exited, from the "== indeks pencarian" line.
 */
function phasesOf(run: BuildRun, startMs = 0): { phases: Phase[]; renderMs: number | null; gateMs: number | null; searchMs: number | null } {
  const { lines, samples, wallMs } = run;
  const at = (pattern: RegExp, from = 0): LogLine | undefined => lines.find((l) => l.t >= from && pattern.test(l.text));
  const indexOf = (line: LogLine | undefined) => (line ? lines.indexOf(line) : -1);
  const after = (pattern: RegExp, line: LogLine | undefined) => (line ? lines.slice(indexOf(line) + 1).find((l) => pattern.test(l.text)) : undefined);

  const synced = at(/Synced content/);
  const routes = at(/generating static routes/);
  const routesDone = after(/✓ Completed in/, routes);
  const images = at(/generating optimized images/);
  const imagesDone = after(/✓ Completed in/, images);
  const headers = at(/_headers ditulis/);
  const search = at(/Indeks pencarian:/);
  // A sharded build indexes each shard in its own process after Astro has exited.
  const deferredIndex = at(/^== indeks pencarian /);
  const gateMs = Number(/Konten valid:.*\((\d+) ms\)/.exec(at(/Konten valid:/)?.text ?? '')?.[1] ?? NaN);
  const searchMs = Number(/\((\d+) ms\)/.exec(search?.text ?? '')?.[1] ?? NaN);

  const phase = (name: string, from: number | undefined, to: number | undefined, note?: string): Phase => {
    const ok = from !== undefined && to !== undefined && to >= from;
    return {
      name,
      seconds: ok ? round((to - from) / 1000, 2) : null,
      peakRssMB: ok ? peakBetween(samples, from, to) : null,
      ...(note && { note }),
    };
  };
  const renderEnd = imagesDone?.t ?? routesDone?.t;
  const phases = [
    phase('content loading', startMs, synced?.t, Number.isFinite(gateMs) ? `includes start-up and the content gate (${gateMs} ms)` : 'includes start-up and the content gate'),
    phase('bundling (Vite)', synced?.t, routes?.t),
    phase('rendering', routes?.t, routesDone?.t),
    images ? phase('images', images.t, imagesDone?.t) : { name: 'images', seconds: 0, peakRssMB: null, note: 'no images' },
    phase('output metadata check', renderEnd, headers?.t, 'Jembatan reads every built image for EXIF/GPS'),
    phase('search index', deferredIndex?.t ?? headers?.t, search?.t, Number.isFinite(searchMs) ? `Pagefind reports ${searchMs} ms` : undefined),
    { name: 'social images', seconds: null, peakRssMB: null, note: 'n/a (not built yet)' },
    deferredIndex ? phase('sitemap and exit', headers?.t, deferredIndex.t, 'before the search index, which runs after Astro exits') : phase('sitemap and exit', search?.t, wallMs),
  ];
  return {
    phases,
    renderMs: routes && routesDone ? routesDone.t - routes.t : null,
    gateMs: Number.isFinite(gateMs) ? gateMs : null,
    searchMs: Number.isFinite(searchMs) ? searchMs : null,
  };
}

/**
 * Phases of a sharded build: each shard's log (streamed after a "== bagian" line) is read like a
 * single build's, then the seconds are added up and the peaks taken over all shards. What the
 * orchestrator does outside the shards (the gate, preparing folders, merging) is its own phase.
 */
function shardedPhasesOf(run: BuildRun): ReturnType<typeof phasesOf> {
  const starts = run.lines.map((line, i) => (/^== bagian /.test(line.text) ? i : -1)).filter((i) => i >= 0);
  // The search router is made while merging, after the last shard.
  const routerStart = run.lines.findIndex((line) => /^== rute pencarian/.test(line.text));
  const routerDone = run.lines.find((line) => /^Rute pencarian: /.test(line.text));
  const totals = new Map<string, Phase>();
  let renderMs = 0;
  let searchMs = 0;
  let inShards = 0;
  starts.forEach((start, n) => {
    const end = starts[n + 1] ?? (routerStart >= 0 ? routerStart : run.lines.length);
    const segment = run.lines.slice(start, end);
    const segmentEnd = run.lines[end]?.t ?? segment.at(-1)!.t;
    inShards += segmentEnd - segment[0]!.t;
    const part = phasesOf({ ...run, lines: segment, wallMs: segmentEnd }, segment[0]!.t);
    renderMs += part.renderMs ?? 0;
    searchMs += part.searchMs ?? 0;
    for (const phase of part.phases) {
      const total = totals.get(phase.name);
      if (!total) totals.set(phase.name, { ...phase });
      else {
        total.seconds = total.seconds === null || phase.seconds === null ? total.seconds ?? phase.seconds : round(total.seconds + phase.seconds, 2);
        total.peakRssMB = Math.max(total.peakRssMB ?? 0, phase.peakRssMB ?? 0) || null;
      }
    }
  });
  const router: Phase[] = [];
  if (routerStart >= 0 && routerDone) {
    const from = run.lines[routerStart]!.t;
    router.push({ name: 'search router', seconds: round((routerDone.t - from) / 1000, 2), peakRssMB: peakBetween(run.samples, from, routerDone.t) });
    inShards += routerDone.t - from;
  }
  const outside = { name: 'orchestration (gate, shard folders, merge)', seconds: round((run.wallMs - inShards) / 1000, 2), peakRssMB: null } satisfies Phase;
  return { phases: [...totals.values(), ...router, outside], renderMs, gateMs: null, searchMs };
}

/** Image lines Astro prints: newly encoded ones show "(before: …kB, after: …kB)", cached ones "(reused cache entry)". */
function imageCounts(lines: readonly LogLine[]): { encoded: number; reused: number; total: number } {
  let encoded = 0;
  let reused = 0;
  let total = 0;
  for (const { text } of lines) {
    if (!text.includes('▶')) continue;
    if (/\(before: [\d.]+kB, after: [\d.]+kB\)/.test(text)) encoded++;
    else if (/\((reused|revalidated) cache entry\)/.test(text)) reused++;
    const count = /\((\d+)\/(\d+)\)\s*$/.exec(text);
    if (count) total = Math.max(total, Number(count[2]));
  }
  return { encoded, reused, total };
}

// ---------------------------------------------------------------------------------------------
// Reading the output

interface FolderStats {
  files: number;
  bytes: number;
  html: number;
}

function folderStats(dir: string): FolderStats {
  const stats: FolderStats = { files: 0, bytes: 0, html: 0 };
  if (!existsSync(dir)) return stats;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    stats.files++;
    stats.bytes += statSync(path.join(entry.parentPath, entry.name)).size;
    if (entry.name.endsWith('.html')) stats.html++;
  }
  return stats;
}

interface SearchFigures {
  indexBytes: number;
  indexFiles: number;
  indexChunks: number;
  fragments: number;
  /**
   * Approximate bytes a browser downloads for its first one-word query; see `indexFigures`. On a
   * sharded site, a search over the whole network: the router, then the shard it picks.
   */
  firstQueryBytes: number;
  firstQueryParts: Record<string, number>;
  /** Sharded sites: a search narrowed to one kabupaten/kota, which loads only its shard. */
  firstQueryNarrowedBytes?: number;
}

const sizeOf = (file: string) => (existsSync(file) ? statSync(file).size : 0);
const gzipSizeOf = (file: string) => (existsSync(file) ? gzipSync(readFileSync(file)).length : 0);
const sizesIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).map((f) => sizeOf(path.join(dir, f))) : []);

function searchFigures(distDir: string): SearchFigures | null {
  const shardsFile = path.join(distDir, 'pagefind', 'shards.json');
  if (existsSync(shardsFile)) return shardedSearchFigures(distDir, JSON.parse(readFileSync(shardsFile, 'utf8')).shards as string[]);
  return indexFigures(path.join(distDir, 'pagefind'));
}

/** What one shard adds to a search when merged into a copy of Pagefind that is already loaded. */
const SHARD_PARTS = ['pagefind-entry.json', 'pf_meta', 'largest index chunk', 'filter chunks (all)', 'fragments shown (average size)'] as const;

/**
 * A sharded site has one index per shard and a router (src/domain/search/router.ts). A search over the
 * whole network loads Pagefind and the router (its metadata and the chunk holding the word), then
 * merges the one shard the router picks: counted for the costliest shard, an upper bound. A search
 * narrowed to one kabupaten/kota loads that shard's index alone.
 */
function shardedSearchFigures(distDir: string, shards: readonly string[]): SearchFigures | null {
  const figures = shards.map((shard) => indexFigures(path.join(distDir, 'pagefind', shard))).filter((f): f is SearchFigures => f !== null);
  const router = indexFigures(path.join(distDir, 'pagefind', ROUTER_DIR));
  if (figures.length === 0 || router === null) return null;
  const shardCost = (f: SearchFigures) => SHARD_PARTS.reduce((sum, part) => sum + f.firstQueryParts[part]!, 0);
  const costliest = figures.reduce((a, b) => (shardCost(b) > shardCost(a) ? b : a));
  const routerParts = Object.fromEntries(
    Object.entries(router.firstQueryParts)
      .filter(([part]) => !part.includes('fragments'))
      .map(([part, bytes]) => [part.endsWith('(gzip)') || part === 'wasm' ? part : `router ${part}`, bytes]),
  );
  const parts: Record<string, number> = { ...routerParts, ...Object.fromEntries(SHARD_PARTS.map((part) => [`shard ${part}`, costliest.firstQueryParts[part]!])) };
  const all = [...figures, router];
  return {
    indexBytes: all.reduce((sum, f) => sum + f.indexBytes, 0),
    indexFiles: all.reduce((sum, f) => sum + f.indexFiles, 0),
    indexChunks: figures.reduce((sum, f) => sum + f.indexChunks, 0),
    fragments: figures.reduce((sum, f) => sum + f.fragments, 0),
    firstQueryBytes: Object.values(parts).reduce((a, b) => a + b, 0),
    firstQueryParts: { ...parts, shards: figures.length },
    firstQueryNarrowedBytes: Math.max(...figures.map((f) => f.firstQueryBytes)),
  };
}

/**
 * What a first search costs a reader, approximately. Pagefind's own files (wasm, pf_meta,
 * pf_index, pf_filter, pf_fragment) are stored compressed, so their size on disk is what goes over
 * the wire; its JavaScript is plain text that any static host serves gzipped, so it counts
 * gzipped. A first query loads:
 * - `pagefind.js` and `pagefind-worker.js` (the search runs in a web worker), `pagefind-entry.json`;
 * - the language's WebAssembly (`wasm.<lang>.pagefind`) and metadata (`pagefind.<hash>.pf_meta`);
 * - every filter chunk: the search page asks for the filter counts to fill its facet menus;
 * - the index chunk(s) covering the query's words: we count the single largest chunk, an upper
 *   bound for a one-word query (a word always falls in exactly one chunk);
 * - one fragment per result shown: the search page lists ten at a time, counted at the average
 *   fragment size.
 * Pagefind's default UI bundles (`pagefind-ui.js` and friends) are never loaded: Jembatan's search
 * page has its own script.
 */
/** Results the search page lists at first (PAGE_SIZE in src/client/search.ts), each one fragment. */
const RESULTS_SHOWN = 10;

function indexFigures(dir: string): SearchFigures | null {
  const entryFile = path.join(dir, 'pagefind-entry.json');
  if (!existsSync(entryFile)) return null;
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as { languages: Record<string, { hash: string; wasm: string | null }> };
  const language = Object.values(entry.languages)[0];
  const chunks = sizesIn(path.join(dir, 'index'));
  const fragments = sizesIn(path.join(dir, 'fragment'));
  const averageFragment = fragments.length > 0 ? fragments.reduce((a, b) => a + b, 0) / fragments.length : 0;
  const parts: Record<string, number> = {
    'pagefind-entry.json': sizeOf(entryFile),
    'pagefind.js (gzip)': gzipSizeOf(path.join(dir, 'pagefind.js')),
    'pagefind-worker.js (gzip)': gzipSizeOf(path.join(dir, 'pagefind-worker.js')),
    wasm: language ? sizeOf(path.join(dir, `wasm.${language.wasm ?? 'unknown'}.pagefind`)) : 0,
    pf_meta: language ? sizeOf(path.join(dir, `pagefind.${language.hash}.pf_meta`)) : 0,
    'largest index chunk': chunks.length > 0 ? Math.max(...chunks) : 0,
    'filter chunks (all)': sizesIn(path.join(dir, 'filter')).reduce((a, b) => a + b, 0),
    'fragments shown (average size)': Math.round(averageFragment * Math.min(RESULTS_SHOWN, fragments.length)),
  };
  const folder = folderStats(dir);
  return {
    indexBytes: folder.bytes,
    indexFiles: folder.files,
    indexChunks: chunks.length,
    fragments: fragments.length,
    firstQueryBytes: Object.values(parts).reduce((a, b) => a + b, 0),
    firstQueryParts: parts,
  };
}

/** A word on every village page, so its index chunk is as large as a one-word query's gets. */
const MEASURED_QUERY = 'warga';

/**
 * The first search measured in Chromium on the built site (scripts/lib/search-transfer.ts), beside
 * the estimate of `searchFigures`; null where Debian's Chromium is not installed.
 */
async function measureSearch(distDir: string): Promise<BenchResult['measuredSearch']> {
  if (!existsSync(CHROMIUM_PATH) || !existsSync(path.join(distDir, 'cari', 'index.html'))) return null;
  const [measured] = await measureSiteSearches(distDir, [MEASURED_QUERY]);
  return { query: measured!.query, bytes: measured!.bytes, responses: measured!.transfers.length, results: measured!.results };
}

function countFiles(dir: string): number {
  return existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length : 0;
}

// ---------------------------------------------------------------------------------------------
// One scale, end to end

/** One benchmark run at one scale, as kept in `bench/results.json`. */
export interface BenchResult {
  scale: ScaleName;
  scope: readonly string[];
  parameters: { kimShare: number; storiesPerKim: number; placesPerKim: number; coverShare: number; seed: number; sharded?: boolean };
  content: { villagesInScope: number; kim: number; stories: number; places: number; covers: number };
  build: {
    wallSeconds: number;
    peakRssMB: number | null;
    phases: Phase[];
    pages: number;
    files: number;
    outputMB: number;
    pagesPerSecondRendering: number | null;
    pagesPerSecondTotal: number;
    images: { encoded: number; reused: number; total: number };
  };
  search: SearchFigures | null;
  /** The first search measured in Chromium; absent from runs made before it was measured. */
  measuredSearch?: { query: string; bytes: number; responses: number; results: number } | null;
  rebuild: {
    wallSeconds: number;
    peakRssMB: number | null;
    phases: Phase[];
    images: { encoded: number; reused: number; total: number };
    imageCacheFilesBefore: number;
    imageCacheFilesAfter: number;
    contentStoreCleared: boolean;
  } | null;
  machine: { cpu: string; cores: number; totalMemoryGB: number; loadAverage1m: number; node: string; os: string; otherBuildsRunning: number };
  /** The commit built, with "+ uncommitted changes" when the working tree differed from it. */
  revision: string;
  date: string;
}

/** Which code was measured: figures move with the components (image widths and formats above all). */
function revision(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
    const dirty = git('status', '--porcelain', '--untracked-files=no').length > 0;
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' + uncommitted changes' : ''}`;
  } catch {
    return 'unknown';
  }
}

/** Other `astro build` processes (not ours): on a shared machine they skew every figure. */
function otherBuilds(): number {
  if (process.platform !== 'linux') return 0;
  let count = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ');
      if (/astro(\.mjs)?\s+build\b/.test(cmd)) count++;
    } catch {
      // Gone already.
    }
  }
  return count;
}

function machine(): BenchResult['machine'] {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    totalMemoryGB: round(os.totalmem() / 1024 ** 3),
    loadAverage1m: round(os.loadavg()[0] ?? 0, 2),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    otherBuildsRunning: otherBuilds(),
  };
}

async function benchScale(scale: ScaleName, options: Options, regions: Awaited<ReturnType<typeof loadRegionData>>): Promise<BenchResult> {
  const { scope, label } = SCALES[scale];
  const work = mkdtempSync(path.join(os.tmpdir(), `jembatan-bench-${scale}-`));
  const contentDir = path.join(work, 'content');
  const cacheDir = path.join(work, 'cache');
  const outDir = path.join(work, 'dist');
  const logFile = path.join(work, 'build.log');
  console.log(`\n== ${scale}: ${label}  (work folder ${work})`);

  const villages = villagesInScope(regions, scope).length;
  const covers = estimateCovers(villages, options);
  const cost = imageCostPerCover(readResults());
  const files = Math.round(covers * cost.files);
  if (files > IMAGE_WARNING_THRESHOLD) {
    const hours = (covers * cost.seconds) / 3600;
    console.warn(
      `WARNING: ${covers.toLocaleString('en')} cover photos ≈ ${files.toLocaleString('en')} image files to encode, ` +
        `about ${hours < 1 ? `${Math.round(hours * 60)} minutes` : `${hours.toFixed(1)} hours`} of images ` +
        `(${cost.files.toFixed(1)} files and ${cost.seconds.toFixed(2)} s per cover, from ${cost.from}). ` +
        'Lower --cover-share to measure the rest of the build.',
    );
  }

  const machineBefore = machine();
  if (machineBefore.otherBuildsRunning > 0) console.warn(`WARNING: ${machineBefore.otherBuildsRunning} other astro build(s) running; figures will be skewed.`);

  let started = performance.now();
  const generated = await generateNetwork({ scope, outDir: contentDir, regions, ...options });
  console.log(
    `generated ${generated.kimIds.length} KIM, ${generated.storyIds.length} stories, ${generated.placeIds.length} places, ` +
      `${generated.covers} covers in ${villages} villages (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );

  console.log(`building… (log: ${logFile})`);
  const first = await runBuild(contentDir, cacheDir, outDir, logFile, options.sharded);
  if (first.code !== 0) {
    console.error(first.lines.slice(-40).map((l) => l.text).join('\n'));
    throw new Error(`Build failed at scale ${scale} (exit ${first.code}); work folder kept: ${work}`);
  }
  const { phases, renderMs } = options.sharded ? shardedPhasesOf(first) : phasesOf(first);
  const output = folderStats(outDir);
  const wallSeconds = first.wallMs / 1000;
  const peak = first.samples.reduce((max, s) => Math.max(max, s.rssBytes), 0);

  let rebuild: BenchResult['rebuild'] = null;
  if (options.rebuild && generated.storyIds.length > 0) {
    // Change one story's body only: the content layer and the image cache should carry the rest.
    const story = path.join(contentDir, 'stories', `${generated.storyIds[0]}.md`);
    appendFileSync(story, '\nParagraf tambahan untuk menguji build ulang: satu cerita berubah, sisanya tetap.\n');
    const assets = path.join(cacheDir, 'assets');
    const before = countFiles(assets);
    appendFileSync(logFile, '\n==== rebuild after one story changed ====\n');
    console.log('rebuilding after one story changed…');
    started = performance.now();
    const second = await runBuild(contentDir, cacheDir, outDir, logFile, options.sharded);
    if (second.code !== 0) throw new Error(`Rebuild failed at scale ${scale} (exit ${second.code}); work folder kept: ${work}`);
    rebuild = {
      wallSeconds: round(second.wallMs / 1000, 2),
      peakRssMB: second.samples.length > 0 ? round(Math.max(...second.samples.map((s) => s.rssBytes)) / MB) : null,
      phases: (options.sharded ? shardedPhasesOf(second) : phasesOf(second)).phases,
      images: imageCounts(second.lines),
      imageCacheFilesBefore: before,
      imageCacheFilesAfter: countFiles(assets),
      contentStoreCleared: second.lines.some((l) => /Clearing content store/.test(l.text)),
    };
  }

  const result: BenchResult = {
    scale,
    scope,
    parameters: { kimShare: options.kimShare, storiesPerKim: options.storiesPerKim, placesPerKim: options.placesPerKim, coverShare: options.coverShare, seed: options.seed, sharded: options.sharded },
    content: { villagesInScope: villages, kim: generated.kimIds.length, stories: generated.storyIds.length, places: generated.placeIds.length, covers: generated.covers },
    build: {
      wallSeconds: round(wallSeconds, 2),
      peakRssMB: peak > 0 ? round(peak / MB) : null,
      phases,
      pages: output.html,
      files: output.files,
      outputMB: round(output.bytes / MB, 2),
      pagesPerSecondRendering: renderMs ? round(output.html / (renderMs / 1000)) : null,
      pagesPerSecondTotal: round(output.html / wallSeconds),
      images: imageCounts(first.lines),
    },
    search: searchFigures(outDir),
    measuredSearch: await measureSearch(outDir),
    rebuild,
    machine: machineBefore,
    revision: revision(),
    date: new Date().toISOString(),
  };

  if (options.keep) console.log(`kept: ${work}`);
  else rmSync(work, { recursive: true, force: true });
  return result;
}

// ---------------------------------------------------------------------------------------------
// Reporting

const cell = (value: number | null | undefined, digits = 1) => (value === null || value === undefined ? '–' : value.toFixed(digits));
const kb = (bytes: number | undefined) => (bytes === undefined ? '–' : (bytes / 1024).toFixed(0));

/** The summary table: one row per scale. */
export function summaryTable(results: readonly BenchResult[]): string {
  const head = [
    'scale', 'villages', 'KIM', 'stories', 'places', 'covers', 'pages', 'files', 'output MB', 'wall s', 'peak RSS MB',
    'pages/s (rendering)', 'pages/s (total)', 'images encoded', 'Pagefind MB', 'first query KB', 'first query, narrowed KB', 'first query in Chromium KB', 'rebuild s', 'rebuild re-encoded',
  ];
  const rows = results.map((r) => [
    runName(r),
    String(r.content.villagesInScope),
    String(r.content.kim),
    String(r.content.stories),
    String(r.content.places),
    String(r.content.covers),
    String(r.build.pages),
    String(r.build.files),
    cell(r.build.outputMB),
    cell(r.build.wallSeconds),
    cell(r.build.peakRssMB, 0),
    cell(r.build.pagesPerSecondRendering, 0),
    cell(r.build.pagesPerSecondTotal, 1),
    String(r.build.images.encoded),
    r.search ? cell(r.search.indexBytes / MB, 2) : '–',
    kb(r.search?.firstQueryBytes),
    kb(r.search?.firstQueryNarrowedBytes),
    kb(r.measuredSearch?.bytes),
    cell(r.rebuild?.wallSeconds),
    r.rebuild ? String(r.rebuild.images.encoded) : '–',
  ]);
  return markdownTable(head, rows);
}

/** Seconds and peak memory per phase: one row per phase, one column per scale. */
export function phaseTable(results: readonly BenchResult[]): string {
  const names = [...new Set(results.flatMap((r) => r.build.phases.map((p) => p.name)))];
  const head = ['phase', ...results.map((r) => `${runName(r)}: s / peak MB`)];
  const rows = names.map((name) => [
    name,
    ...results.map((r) => {
      const p = r.build.phases.find((x) => x.name === name);
      if (!p || p.seconds === null) return p?.note ?? '–';
      return `${cell(p.seconds, 2)} / ${cell(p.peakRssMB, 0)}`;
    }),
  ]);
  rows.push(['total (wall)', ...results.map((r) => `${cell(r.build.wallSeconds, 2)} / ${cell(r.build.peakRssMB, 0)}`)]);
  return markdownTable(head, rows);
}

function markdownTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function machineLines(results: readonly BenchResult[]): string {
  return results
    .map(
      (r) =>
        `- ${runName(r)}: ${r.date.slice(0, 10)}, revision ${r.revision ?? 'unknown'}, ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.totalMemoryGB} GB, Node ${r.machine.node}, ` +
        `load ${r.machine.loadAverage1m}${r.machine.otherBuildsRunning > 0 ? `, ${r.machine.otherBuildsRunning} other build(s) running` : ''}; ` +
        `KIM share ${round(r.parameters.kimShare, 3)}, ${r.parameters.storiesPerKim} stories and ${r.parameters.placesPerKim} places per KIM, cover share ${r.parameters.coverShare}` +
        (r.rebuild ? `; rebuild: ${r.rebuild.images.reused} images reused, ${r.rebuild.images.encoded} encoded, image cache ${r.rebuild.imageCacheFilesBefore} → ${r.rebuild.imageCacheFilesAfter} files${r.rebuild.contentStoreCleared ? ', content store cleared' : ''}` : ''),
    )
    .join('\n');
}

const SCALE_ORDER = Object.keys(SCALES) as ScaleName[];

function readResults(): BenchResult[] {
  return existsSync(RESULTS_FILE) ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as BenchResult[]) : [];
}

/**
 * Image files and image seconds per cover, from the most recent recorded run that encoded
 * covers: the widths and formats live in the components and change, so a constant would drift.
 */
function imageCostPerCover(results: readonly BenchResult[]): { files: number; seconds: number; from: string } {
  const measured = results
    .filter((r) => r.content.covers > 0 && r.build.images.encoded > 0)
    .sort((a, b) => b.date.localeCompare(a.date))[0];
  const seconds = measured?.build.phases.find((p) => p.name === 'images')?.seconds;
  if (!measured || !seconds) return DEFAULT_IMAGE_COST;
  return {
    files: measured.build.images.encoded / measured.content.covers,
    seconds: seconds / measured.content.covers,
    from: `the ${measured.scale} run of ${measured.date.slice(0, 10)}`,
  };
}

/** A run's name in tables and its key in results.json: the scale, marked when built in shards. */
const runName = (r: BenchResult) => (r.parameters.sharded ? `${r.scale} (shards)` : r.scale);

function mergeResults(fresh: readonly BenchResult[]): BenchResult[] {
  const previous = readResults();
  const byRun = new Map(previous.map((r) => [runName(r), r]));
  for (const r of fresh) byRun.set(runName(r), r);
  return [...byRun.values()].sort(
    (a, b) => SCALE_ORDER.indexOf(a.scale) - SCALE_ORDER.indexOf(b.scale) || Number(a.parameters.sharded ?? false) - Number(b.parameters.sharded ?? false),
  );
}

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

const README_INTRO = `# Build benchmark

\`npm run bench\` generates a synthetic KIM network from the real region data, builds it with the
real \`astro build\`, and records the figures below. The data is filler (neutral Indonesian text
from a small word list, \`sample: true\` everywhere) written to the system's temporary folder,
never to \`content/\`. Generator: \`scripts/bench/synthetic.ts\`; runner: \`scripts/bench/run.ts\`.

\`\`\`sh
npm run bench                          # kota, kabupaten, provinsi
npm run bench -- --scale kabupaten     # one scale (kota and kabupaten fit in CI time)
npm run bench -- --scale nasional --cover-share 0   # all of Indonesia, without cover photos
npm run bench -- --kim-share 0.5 --stories 20 --places 5 --cover-share 0.2 --keep --no-rebuild
npm run bench -- --report-only         # rewrite the tables below from results.json
\`\`\`

Defaults follow issue #4: a KIM in a third of the villages, ten stories and three places per KIM,
a cover photo on a tenth of the stories. Every cover is its own file: one of eight generated
1200 × 800 JPEGs with gradients, shapes and grain (so they cost the encoder about what a photo
does) plus a unique trailer, because Astro caches images by content and would otherwise encode
each picture once. The image pipeline does the per-story work a real network causes. How many files
each cover becomes (widths × formats) is decided by the components; "images encoded" in the table
shows it.

**National scale** (scope \`ID\`) has 83,762 villages, so the defaults give 27,921 KIM, 279,210
stories, 83,763 places and 27,921 covers, around half a million pages. Before generating, the
runner estimates the image work from the last recorded run and warns when it is large;
\`--cover-share\` lowers it. The national run in the table was built in shards
(\`npm run bench -- --scale nasional --sharded --cover-share 0.01 --no-rebuild\`): a cover on one
story in a hundred rather than one in ten, because the default's 140,000 image encodes add about fifty
minutes on two cores without changing what the run measures (the images phase of each shard is as
linear as the rest; the kabupaten and provinsi runs carry the default covers). A national network
builds with \`npm run build:sharded\`, never one \`astro build\`.

How the figures are taken:
- **wall time** from starting the build process to its exit; **peak RSS** is the highest sum of
  resident memory over the build's whole process tree (Astro, esbuild, Pagefind's binary), sampled
  from \`/proc\` every ${SAMPLE_INTERVAL_MS} ms (shared pages count once per process).
- **phases** are cut at the build's own log lines, timed as they arrive: content loading (start-up,
  the Jembatan content gate, the content layer, up to "Synced content"), bundling (Vite), rendering
  ("generating static routes"), images ("generating optimized images"), the output metadata check
  (Jembatan reads every built image for EXIF/GPS), the search index (Pagefind), sitemap and exit.
  Social images are not built yet. Peak memory per phase is the highest sample inside it.
- **pages/s** is given twice: pages over the rendering phase, and pages over the whole build.
- **Pagefind MB** is the size of \`dist/pagefind\`. **First query KB** approximates what a browser
  downloads for its first one-word search: \`pagefind.js\`, \`pagefind-worker.js\`,
  \`pagefind-entry.json\`, the language's WebAssembly and \`pf_meta\`, every filter chunk (the
  search page fills its facet menus with their counts), the largest index chunk (a word falls in
  exactly one chunk, so this is an upper bound) and ten result fragments (the search page lists
  ten at a time) at the average fragment size. Pagefind stores its index, wasm and fragments compressed (file size is transfer size); its
  JavaScript counts gzipped, as any static host serves it. The default UI bundles are never loaded.
  A sharded site has one index per shard and a search router: **first query KB** is then a search
  over the whole network (the router's metadata and chunk, then the one shard it picks, counted for
  the costliest shard), and **first query, narrowed KB** a search narrowed to one kabupaten/kota,
  which loads only the shard holding it. **First query in Chromium KB** is not an estimate: the
  search page is opened in Debian's Chromium with the query "${MEASURED_QUERY}" (on every village
  page, so its index chunk is as large as a one-word query's gets), and every response until the
  results are listed is counted, text gzip-compressed (scripts/lib/search-transfer.ts; any built
  site: \`npm run measure:search -- <dist> <word>\`).
- **rebuild** changes one story's text and builds again with the same caches; "re-encoded" counts
  the images the build encoded again (Astro logs "reused cache entry" for the others).
`;

/** Issue #4's budgets for the national build. */
const NATIONAL_BUDGET = { peakRssMB: 8 * 1024, pagesPerSecondRatio: 0.8, firstQueryBytes: 400 * 1024 };

/**
 * How the national run compares with the kabupaten runs and the budgets: pages per second over
 * the whole build, national ÷ kabupaten (at least 0.8 means the build time grows linearly).
 */
export function scalingLines(results: readonly BenchResult[]): string[] {
  const national = results.filter((r) => r.scale === 'nasional');
  const kabupaten = results.filter((r) => r.scale === 'kabupaten');
  const lines: string[] = [];
  for (const n of national) {
    for (const k of kabupaten) {
      const ratio = n.build.pagesPerSecondTotal / k.build.pagesPerSecondTotal;
      lines.push(
        `- ${runName(n)} ${n.build.pagesPerSecondTotal} pages/s ÷ ${runName(k)} ${k.build.pagesPerSecondTotal} pages/s = ` +
          `**${ratio.toFixed(2)}** (budget ≥ ${NATIONAL_BUDGET.pagesPerSecondRatio}: ${ratio >= NATIONAL_BUDGET.pagesPerSecondRatio ? 'met' : 'not met'})`,
      );
    }
    const peak = n.build.peakRssMB ?? Number.NaN;
    lines.push(`- ${runName(n)} peak RSS ${(peak / 1024).toFixed(1)} GB (budget < 8 GB: ${peak < NATIONAL_BUDGET.peakRssMB ? 'met' : 'not met'})`);
    if (n.search) {
      const whole = n.search.firstQueryBytes;
      const narrowed = n.search.firstQueryNarrowedBytes;
      const verdict = (bytes: number) => (bytes < NATIONAL_BUDGET.firstQueryBytes ? 'met' : 'not met');
      const measured = n.measuredSearch;
      lines.push(
        `- ${runName(n)} first query ${kb(whole)} KB over the whole country (budget < 400 KB: ${verdict(whole)})` +
          (narrowed === undefined ? '' : `; ${kb(narrowed)} KB narrowed to one kabupaten/kota (${verdict(narrowed)})`) +
          (measured ? `; measured in Chromium for “${measured.query}”: ${kb(measured.bytes)} KB (${verdict(measured.bytes)})` : ''),
      );
    }
  }
  return lines;
}

function writeReport(results: readonly BenchResult[]): void {
  mkdirSync(BENCH_DIR, { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  const block = [
    START,
    '<!-- Generated by `npm run bench`; edits inside these markers are overwritten. -->',
    '',
    summaryTable(results),
    '',
    'Per phase (seconds / peak RSS MB of the build process tree):',
    '',
    phaseTable(results),
    '',
    ...(results.some((r) => r.scale === 'nasional') ? ['Scaling and the national budgets:', '', ...scalingLines(results), ''] : []),
    'Runs:',
    '',
    machineLines(results),
    END,
  ].join('\n');
  // The introduction is rewritten with the tables, so it describes the runner that made them;
  // notes written by hand go after the generated block, and are kept.
  const current = existsSync(README_FILE) ? readFileSync(README_FILE, 'utf8') : '';
  const to = current.indexOf(END);
  const after = to >= 0 ? current.slice(to + END.length) : '\n';
  writeFileSync(README_FILE, `${README_INTRO}\n## Results\n\n${block}${after}`);
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  let options: Options;
  try {
    options = readOptions();
  } catch (error) {
    console.error((error as Error).message);
    console.error(USAGE);
    process.exit(2);
  }
  if (options.reportOnly) {
    writeReport(readResults());
    console.log(`Rewrote ${path.relative(process.cwd(), README_FILE)} from ${path.relative(process.cwd(), RESULTS_FILE)}.`);
    return;
  }
  const regions = await loadRegionData();
  const fresh: BenchResult[] = [];
  for (const scale of options.scales) {
    const result = await benchScale(scale, options, regions);
    fresh.push(result);
    // Keep what is done even if a later, larger scale fails or is interrupted.
    writeReport(mergeResults([result]));
  }
  console.log(`\n${summaryTable(fresh)}\n\n${phaseTable(fresh)}\n`);
  console.log(`Results merged into ${path.relative(process.cwd(), RESULTS_FILE)} and ${path.relative(process.cwd(), README_FILE)}.`);
}

if (import.meta.main) await main();
