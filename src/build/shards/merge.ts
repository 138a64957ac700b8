/**
 * One site from the shards: pages merged, each region shard's search index kept apart under
 * `pagefind/<shard>/` with a router that tells the search page which of them hold a query's words
 * (src/domain/search/router.ts), one map file and one sitemap index over every shard's sitemaps.
 *
 * The merge links the shards' files into the site (hard links where the file system allows,
 * copies otherwise) and never moves or changes them: a shard's output may be the shard cache's
 * own copy (shards/cache.ts). A national site has about a million files, and linking them all
 * takes minutes, so a merge into the site an earlier merge made changes only what changed: it
 * keeps beside the shards (`merge-state.json`, `merged/`) which build of every shard the site
 * holds and their file lists, and relinks or removes only the paths of shards whose build differs
 * (shards/output.ts). Anything unexpected (another site in the folder, another plan, a merge cut
 * short) makes it start over from an empty folder.
 *
 * Where two shards write the same path (every shard renders the home page, the guide and the
 * shared assets), the later shard in the plan wins, and the network shard comes last.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mergeGeoJson, type FeatureCollection } from '../../domain/geojson.ts';
import { DATASET_NAMES, dataFile, mergeCsv, mergeJson, toJson } from '../../domain/open-data.ts';
import { ROUTER_DIR, type ShardList } from '../../domain/search/router.ts';
import { listEntries } from '../../format/files.ts';
import { NETWORK_SHARD } from '../../domain/shards.ts';
import type { SiteStats } from '../host-limits.ts';
import { buildRouter, describeRouter, routerRecord } from '../search/build-router.ts';
import { orchestratorMarks } from '../timings.ts';
import type { ShardPlan } from './plan.ts';
import { readIdentity, readListing, readRouterRecord, SHARD_META_DIR, type ListedFile, type RouterRecord } from './output.ts';

const GEOJSON = 'data/peta.geojson';
/** The open data files: each shard writes its own rows, the merge writes each file whole. */
const OPEN_DATA = DATASET_NAMES.flatMap((dataset) => (['json', 'csv'] as const).map((format) => ({ dataset, format, file: dataFile(dataset, format) })));
const OPEN_DATA_FILES = new Set(OPEN_DATA.map((d) => d.file));
const SITEMAP_INDEX = 'sitemap-index.xml';
const STATE_FILE = 'merge-state.json';
const LISTINGS_DIR = 'merged';

/**
 * Where a shard's file lands in the merged site, or null for what the merge writes itself (the
 * map, the sitemap index, the router) or leaves out (the shard's description).
 */
export function mergedPath(shard: string, file: string): string | null {
  if (file === SHARD_META_DIR || file.startsWith(`${SHARD_META_DIR}/`)) return null;
  if (file === GEOJSON || file === SITEMAP_INDEX || OPEN_DATA_FILES.has(file)) return null;
  if (file.startsWith('pagefind/')) return `pagefind/${shard}/${file.slice('pagefind/'.length)}`;
  const sitemap = /^sitemap-(\d+)\.xml$/.exec(file);
  return sitemap ? `sitemap-${shard}-${sitemap[1]}.xml` : file;
}

/** A path of the merged site and the shard file it is. */
export interface Owner {
  shard: string;
  file: string;
  bytes: number;
}

/** Every path of the merged site, by the shard that wins it (the last in `order` that writes it). */
export function ownersOf(order: readonly string[], listings: ReadonlyMap<string, readonly ListedFile[]>): Map<string, Owner> {
  const owners = new Map<string, Owner>();
  for (const shard of order) {
    for (const [file, bytes] of listings.get(shard) ?? []) {
      const merged = mergedPath(shard, file);
      if (merged !== null) owners.set(merged, { shard, file, bytes });
    }
  }
  return owners;
}

/** What a merge does to the site folder. */
export interface MergeSteps {
  /** Paths to (re)place, each with the shard file it takes. */
  link: Map<string, Owner>;
  /** Paths to delete: no shard writes them any longer. */
  remove: string[];
  /** The whole merged site afterwards (the merge's own files apart). */
  owners: Map<string, Owner>;
}

/**
 * The steps from the site an earlier merge made (`previous`: every shard's file list as merged
 * then; null for an empty folder) to the site of `next`, when the shards in `changed` are new
 * builds and the rest are the builds already merged. Only the paths a changed shard writes, or
 * wrote, can change hands.
 */
export function planMerge(
  order: readonly string[],
  next: ReadonlyMap<string, readonly ListedFile[]>,
  previous: ReadonlyMap<string, readonly ListedFile[]> | null,
  changed: ReadonlySet<string>,
): MergeSteps {
  const owners = ownersOf(order, next);
  if (!previous) return { link: new Map(owners), remove: [], owners };
  const before = ownersOf(order, previous);
  const touched = new Set<string>();
  for (const shard of changed) {
    for (const listing of [previous.get(shard), next.get(shard)]) {
      for (const [file] of listing ?? []) {
        const merged = mergedPath(shard, file);
        if (merged !== null) touched.add(merged);
      }
    }
  }
  const link = new Map<string, Owner>();
  const remove: string[] = [];
  for (const merged of touched) {
    const now = owners.get(merged);
    const then = before.get(merged);
    if (!now) {
      if (then) remove.push(merged);
    } else if (!then || now.shard !== then.shard || changed.has(now.shard)) link.set(merged, now);
  }
  return { link, remove, owners };
}

/** A site's figures as hosts count them (host-limits.ts), from its paths and their sizes. */
export function statsOfFiles(files: Iterable<readonly [path: string, bytes: number]>): SiteStats {
  let count = 0;
  let bytes = 0;
  let largest: SiteStats['largest'] = null;
  // Entries per folder, as a host lists them: the files and the folders inside it.
  const entries = new Map<string, number>();
  const folders = new Set<string>();
  const countEntry = (file: string) => {
    const folder = path.posix.dirname(file);
    entries.set(folder, (entries.get(folder) ?? 0) + 1);
    if (folder !== '.' && !folders.has(folder)) {
      folders.add(folder);
      countEntry(folder);
    }
  };
  for (const [file, size] of files) {
    count += 1;
    bytes += size;
    if (!largest || size > largest.bytes) largest = { path: file, bytes: size };
    countEntry(file);
  }
  let fullestFolder: SiteStats['fullestFolder'] = null;
  for (const [folder, n] of entries) if (!fullestFolder || n > fullestFolder.entries) fullestFolder = { path: folder, entries: n };
  return { files: count, bytes, largest, fullestFolder };
}

/** What the merge keeps about the site it made, to change only what changed next time. */
interface MergeState {
  version: 1;
  /** The site folder, and which folder it was (a folder made anew under the same name is another site). */
  out: { path: string; dev: number; ino: number };
  order: string[];
  /** The build of every shard the site holds (shards/output.ts). */
  builds: Record<string, string>;
}

function folderIdentity(dir: string): { dev: number; ino: number } {
  const stat = statSync(dir);
  return { dev: stat.dev, ino: stat.ino };
}

/**
 * The file lists of the site an earlier merge made in `outDir`, by shard, if that site is still
 * there as it was left and was merged from the same plan; otherwise null.
 */
function previousMerge(
  stateDir: string,
  outDir: string,
  order: readonly string[],
  { listings: withListings = true } = {},
): { state: MergeState; listings: Map<string, ListedFile[]> } | null {
  let state: MergeState;
  try {
    state = JSON.parse(readFileSync(path.join(stateDir, STATE_FILE), 'utf8')) as MergeState;
  } catch {
    return null;
  }
  if (state.version !== 1 || state.out.path !== outDir || !existsSync(outDir)) return null;
  const { dev, ino } = folderIdentity(outDir);
  if (state.out.dev !== dev || state.out.ino !== ino || JSON.stringify(state.order) !== JSON.stringify(order)) return null;
  const listings = new Map<string, ListedFile[]>();
  for (const shard of order) {
    if (!withListings) {
      if (!existsSync(path.join(stateDir, LISTINGS_DIR, `${shard}.json`))) return null;
      continue;
    }
    try {
      listings.set(shard, JSON.parse(readFileSync(path.join(stateDir, LISTINGS_DIR, `${shard}.json`), 'utf8')) as ListedFile[]);
    } catch {
      return null;
    }
  }
  return { state, listings };
}

/**
 * Which build of every shard the site in `outDir` holds, if an earlier merge made it from the same
 * plan and it is still there as that merge left it; otherwise null.
 */
export function mergedBuilds(stateDir: string, outDir: string, order: readonly string[]): Readonly<Record<string, string>> | null {
  return previousMerge(stateDir, outDir, order, { listings: false })?.state.builds ?? null;
}

/**
 * Writes a file of the merged site as a new file. The merged files are the shards' own, and a
 * shard's file may be a hard link into the shard cache (shards/cache.ts): writing into it in
 * place would change the cached copy too.
 */
function writeNew(file: string, text: string): void {
  rmSync(file, { force: true });
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** Links (or copies) files into the site, making folders once each. */
function linker(outDir: string) {
  const made = new Set<string>();
  return (source: string, merged: string) => {
    const target = path.join(outDir, ...merged.split('/'));
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    rmSync(target, { force: true });
    try {
      linkSync(source, target);
    } catch {
      copyFileSync(source, target);
    }
  };
}

/** Deletes a file of the site and the folders it leaves empty. */
function removeFile(outDir: string, merged: string): void {
  rmSync(path.join(outDir, ...merged.split('/')), { force: true });
  for (let folder = path.posix.dirname(merged); folder !== '.'; folder = path.posix.dirname(folder)) {
    try {
      rmdirSync(path.join(outDir, ...folder.split('/')));
    } catch {
      return; // Not empty: its parents are not either.
    }
  }
}

export interface MergeReport {
  /** Whether the site was merged anew (true) or only its changed shards were (false). */
  full: boolean;
  changed: string[];
  linked: number;
  removed: number;
  /** The merged site's figures, counted from the file lists rather than by walking it. */
  stats: SiteStats;
}

/**
 * Merges the shards' outputs (`sourceOf(shard)`) into `outDir`, keeping what it needs for the next
 * merge in `stateDir`; `log` receives progress lines.
 */
export async function mergeShards({
  plan,
  sourceOf,
  outDir,
  stateDir,
  log,
  mark = () => {},
}: {
  plan: ShardPlan;
  sourceOf: (shard: string) => string;
  outDir: string;
  stateDir: string;
  log: (line: string) => void;
  /** Records a moment of the merge for the benchmark (build/timings.ts). */
  mark?: (name: string) => void;
}): Promise<MergeReport> {
  mark(orchestratorMarks.mergeStart);
  const sources = new Map<string, string>();
  const builds: Record<string, string> = {};
  const next = new Map<string, ListedFile[]>();
  for (const shard of plan.shards) {
    const source = sourceOf(shard);
    if (!existsSync(source)) throw new Error(`Bagian ${shard} belum dibangun: jalankan tanpa --merge-only atau dengan --only ${shard}.`);
    sources.set(shard, source);
    // An output without an identity (made before outputs had one) counts as a new build every time.
    builds[shard] = readIdentity(source)?.build ?? `tanpa-identitas-${Date.now()}`;
    next.set(shard, readListing(source));
  }
  const previous = previousMerge(stateDir, outDir, plan.shards);
  const changed = new Set(plan.shards.filter((shard) => !previous || previous.state.builds[shard] !== builds[shard]));
  // Until this merge is finished, the folder is not the site the state describes.
  rmSync(path.join(stateDir, STATE_FILE), { force: true });
  if (!previous) {
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
  }
  const steps = planMerge(plan.shards, next, previous?.listings ?? null, changed);
  const link = linker(outDir);
  for (const merged of steps.remove) removeFile(outDir, merged);
  for (const [merged, owner] of steps.link) link(path.join(sources.get(owner.shard)!, ...owner.file.split('/')), merged);
  log(
    previous
      ? `  ${changed.size} dari ${plan.shards.length} bagian berubah sejak penggabungan sebelumnya: ${steps.link.size} berkas ditautkan, ${steps.remove.length} dihapus.`
      : `  ${steps.link.size} berkas dari ${plan.shards.length} bagian ditautkan ke folder situs yang baru.`,
  );

  // The map: every shard's places in one file.
  const maps: FeatureCollection[] = [];
  for (const [shard, source] of sources) {
    if (next.get(shard)!.some(([file]) => file === GEOJSON)) maps.push(JSON.parse(readFileSync(path.join(source, GEOJSON), 'utf8')) as FeatureCollection);
  }
  writeNew(path.join(outDir, ...GEOJSON.split('/')), JSON.stringify(mergeGeoJson(maps)));

  // The open data: every shard's rows in one file per dataset and format, ordered as one build orders them.
  for (const { dataset, format, file } of OPEN_DATA) {
    const parts: string[] = [];
    for (const [shard, source] of sources) if (next.get(shard)!.some(([f]) => f === file)) parts.push(readFileSync(path.join(source, ...file.split('/')), 'utf8'));
    if (parts.length === 0) continue;
    const merged = format === 'json' ? toJson(dataset, mergeJson(parts), JSON.parse(parts[0]!) as { site: string; documentation: string }) : mergeCsv(dataset, parts);
    writeNew(path.join(outDir, ...file.split('/')), merged);
  }

  // The router, from every shard's record (made by its build, or read from its index). The
  // network shard's index holds the guide; the search page adds it when the router names it.
  const indexedShards = plan.shards.filter((shard) => next.get(shard)!.some(([file]) => file.startsWith('pagefind/')));
  const searchShards = indexedShards.filter((shard) => shard !== NETWORK_SHARD);
  const records: [string, RouterRecord][] = indexedShards.map((shard) => {
    const source = sources.get(shard)!;
    return [shard, readRouterRecord(source) ?? routerRecord(path.join(source, 'pagefind'))];
  });
  mark(orchestratorMarks.routerStart);
  const router = await buildRouter(path.join(outDir, 'pagefind'), records);
  mark(orchestratorMarks.routerEnd);
  log(describeRouter(router));
  const indexed = new Set(searchShards);
  const shardList: ShardList = {
    shards: searchShards,
    kabupaten: Object.fromEntries(Object.entries(plan.kabupaten).filter(([, shard]) => indexed.has(shard))),
    labels: Object.fromEntries(searchShards.map((shard) => [shard, plan.labels[shard] ?? shard])),
    routes: router.routes,
    ...(indexedShards.includes(NETWORK_SHARD) && { guides: NETWORK_SHARD }),
  };
  writeNew(path.join(outDir, 'pagefind', 'shards.json'), `${JSON.stringify(shardList)}\n`);

  const site = new URL(readFileSync(path.join(outDir, 'robots.txt'), 'utf8').match(/Sitemap: (\S+)/)![1]!);
  const sitemaps = [...steps.owners.keys()].filter((merged) => /^sitemap-.+\.xml$/.test(merged)).sort((a, b) => order(a) - order(b) || (a < b ? -1 : 1));
  function order(sitemap: string): number {
    return plan.shards.indexOf(steps.owners.get(sitemap)!.shard);
  }
  const entries = sitemaps.map((name) => `<sitemap><loc>${new URL(name, site).href}</loc></sitemap>`).join('');
  writeNew(
    path.join(outDir, SITEMAP_INDEX),
    `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries}</sitemapindex>\n`,
  );

  // What the merge wrote itself, measured; the rest is known from the shards' file lists.
  const routerFiles = listEntries(path.join(outDir, 'pagefind', ROUTER_DIR)).filter((entry) => entry.kind === 'file');
  const own = [GEOJSON, ...OPEN_DATA.map((d) => d.file).filter((f) => existsSync(path.join(outDir, ...f.split('/')))), SITEMAP_INDEX, 'pagefind/shards.json', ...routerFiles.map((entry) => `pagefind/${ROUTER_DIR}/${entry.path}`)];
  const stats = statsOfFiles([
    ...[...steps.owners].map(([merged, owner]) => [merged, owner.bytes] as const),
    ...own.map((file) => [file, statSync(path.join(outDir, ...file.split('/'))).size] as const),
  ]);

  // The state last: only a merge that finished is one the next can build on.
  mkdirSync(path.join(stateDir, LISTINGS_DIR), { recursive: true });
  for (const shard of changed) writeFileSync(path.join(stateDir, LISTINGS_DIR, `${shard}.json`), JSON.stringify(next.get(shard)));
  const state: MergeState = { version: 1, out: { path: outDir, ...folderIdentity(outDir) }, order: [...plan.shards], builds };
  writeFileSync(path.join(stateDir, `${STATE_FILE}.${process.pid}`), JSON.stringify(state));
  renameSync(path.join(stateDir, `${STATE_FILE}.${process.pid}`), path.join(stateDir, STATE_FILE));
  mark(orchestratorMarks.mergeEnd);
  return { full: !previous, changed: [...changed], linked: steps.link.size, removed: steps.remove.length, stats };
}
