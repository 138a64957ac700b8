/**
 * Reading the built site: its files and pages, the size of the Pagefind index, and what a browser
 * downloads for a first search, estimated from the index's files (the cost model of
 * `indexFigures`) and, where Debian's Chromium is installed, measured (scripts/lib/search-transfer.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROUTER_DIR } from '../../src/domain/search/router.ts';
import { CHROMIUM_PATH } from '../lib/chromium.ts';
import { measureSiteSearches } from '../lib/search-transfer.ts';

/** Results the search page lists at first (PAGE_SIZE in src/client/search.ts), each one fragment. */
const RESULTS_SHOWN = 10;

/** The first search measured in Chromium. */
export interface MeasuredSearch {
  query: string;
  bytes: number;
  responses: number;
  results: number;
}

interface FolderStats {
  files: number;
  bytes: number;
  html: number;
}

/** Files, bytes and HTML pages under a folder (nothing when it does not exist). */
export function folderStats(dir: string): FolderStats {
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

export interface SearchFigures {
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

/** The search index of a built site: one index, or a sharded site's shards and router. */
export function searchFigures(distDir: string): SearchFigures | null {
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
export const MEASURED_QUERY = 'warga';

/**
 * The first search measured in Chromium on the built site (scripts/lib/search-transfer.ts), beside
 * the estimate of `searchFigures`; null where Debian's Chromium is not installed.
 */
export async function measureSearch(distDir: string): Promise<MeasuredSearch | null> {
  if (!existsSync(CHROMIUM_PATH) || !existsSync(path.join(distDir, 'cari', 'index.html'))) return null;
  const [measured] = await measureSiteSearches(distDir, [MEASURED_QUERY]);
  return { query: measured!.query, bytes: measured!.bytes, responses: measured!.transfers.length, results: measured!.results };
}


