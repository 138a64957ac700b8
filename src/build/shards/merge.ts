/**
 * One site from the shards: pages merged, each region shard's search index kept apart under
 * `pagefind/<shard>/` with a router that tells the search page which of them hold a query's words
 * (src/domain/search/router.ts), one map file and one sitemap index over every shard's sitemaps.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mergeGeoJson, type FeatureCollection } from '../../domain/geojson.ts';
import type { ShardList } from '../../domain/search/router.ts';
import { NETWORK_SHARD } from '../../domain/shards.ts';
import { buildRouter, describeRouter } from '../search/build-router.ts';
import type { ShardPlan } from './plan.ts';
import { orchestratorMarks } from '../timings.ts';

const GEOJSON = path.join('data', 'peta.geojson');

/** Moves every file of `from` into `to`, replacing what is there (the network shard goes last and wins). */
function moveTree(from: string, to: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      if (!existsSync(target)) renameSync(source, target);
      else moveTree(source, target);
    } else {
      rmSync(target, { force: true });
      renameSync(source, target);
    }
  }
}

/**
 * Writes a file of the merged site as a new file. The merged files are the shards' own, and a
 * shard's file may be a hard link into the shard cache (shards/cache.ts): writing into it in
 * place would change the cached copy too.
 */
function writeNew(file: string, text: string): void {
  rmSync(file, { force: true });
  writeFileSync(file, text);
}

/** Merges the shards' outputs (`distOf(shard)`) into `outDir`; `log` receives progress lines. */
export async function mergeShards({
  plan,
  distOf,
  outDir,
  log,
  mark = () => {},
}: {
  plan: ShardPlan;
  distOf: (shard: string) => string;
  outDir: string;
  log: (line: string) => void;
  /** Records a moment of the merge for the benchmark (build/timings.ts). */
  mark?: (name: string) => void;
}): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(path.join(outDir, 'pagefind'), { recursive: true });
  const sitemaps: string[] = [];
  const searchShards: string[] = [];
  const maps: FeatureCollection[] = [];
  for (const shard of plan.shards) {
    const shardOut = distOf(shard);
    if (!existsSync(shardOut)) throw new Error(`Bagian ${shard} belum dibangun: jalankan tanpa --merge-only atau dengan --only ${shard}.`);
    const index = path.join(shardOut, 'pagefind');
    if (existsSync(index) && shard !== NETWORK_SHARD) {
      renameSync(index, path.join(outDir, 'pagefind', shard));
      searchShards.push(shard);
    } else rmSync(index, { recursive: true, force: true });
    for (const file of readdirSync(shardOut).filter((f) => /^sitemap-\d+\.xml$/.test(f))) {
      const renamed = `sitemap-${shard}-${file.slice('sitemap-'.length)}`;
      renameSync(path.join(shardOut, file), path.join(shardOut, renamed));
      sitemaps.push(renamed);
    }
    rmSync(path.join(shardOut, 'sitemap-index.xml'), { force: true });
    if (existsSync(path.join(shardOut, GEOJSON))) maps.push(JSON.parse(readFileSync(path.join(shardOut, GEOJSON), 'utf8')) as FeatureCollection);
    moveTree(shardOut, outDir);
  }
  writeNew(path.join(outDir, GEOJSON), JSON.stringify(mergeGeoJson(maps)));
  const indexed = new Set(searchShards);
  mark(orchestratorMarks.routerStart);
  const router = await buildRouter(path.join(outDir, 'pagefind'), searchShards);
  mark(orchestratorMarks.routerEnd);
  log(describeRouter(router));
  const shardList: ShardList = {
    shards: searchShards,
    kabupaten: Object.fromEntries(Object.entries(plan.kabupaten).filter(([, shard]) => indexed.has(shard))),
    labels: Object.fromEntries(searchShards.map((shard) => [shard, plan.labels[shard] ?? shard])),
    routes: router.routes,
  };
  writeNew(path.join(outDir, 'pagefind', 'shards.json'), `${JSON.stringify(shardList)}\n`);
  const site = new URL(readFileSync(path.join(outDir, 'robots.txt'), 'utf8').match(/Sitemap: (\S+)/)![1]!);
  const entries = sitemaps.map((name) => `<sitemap><loc>${new URL(name, site).href}</loc></sitemap>`).join('');
  writeNew(
    path.join(outDir, 'sitemap-index.xml'),
    `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries}</sitemapindex>\n`,
  );
}
