/**
 * Builds a large network in shards, one `astro build` process each, and merges their output into
 * one site. A shard is a province, or a run of regencies of a large province (src/domain/shards.ts), so
 * no process holds more than a bounded number of villages' pages, and the network-wide pages are
 * built from every KIM but only the stories and places they show. The same shards can run on
 * separate CI machines (`--only`, then `--merge-only`).
 *
 * Usage: `npm run build:sharded [-- --out dist] [--jobs 1] [--only 64,jaringan] [--merge-only]`.
 * Reads the same content folder as `npm run build` (JEMBATAN_CONTENT_DIR, default content/).
 *
 * Memory is the budget here: the content is read and validated by a short-lived child process
 * (`--prepare`) that writes every shard's content folder and exits, so the orchestrator holds
 * none of it while shards build; and each shard's search index is made by its own process after
 * Astro has exited.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { mergeGeoJson, type FeatureCollection } from '../src/domain/geojson.ts';
import { facetName } from '../src/domain/search/facets.ts';
import { buildRouter, describeRouter } from '../src/build/search/build-router.ts';
import type { ShardList } from '../src/domain/search/router.ts';
import { LISTING_SPECS } from '../src/domain/listings.ts';
import { NetworkModel } from '../src/domain/network.ts';
import { buildsInShard, NETWORK_SHARD, networkShardEntries, planShards, regionsNeedingFigures, SHARD_VILLAGES, shardEntries, shardLabel, type NetworkFigures, type ShardEntries } from '../src/domain/shards.ts';
import { readBuildTime } from '../src/build/settings.ts';
import { formatContentErrors } from '../src/format/errors.ts';
import { parseFrontmatter } from '../src/format/frontmatter.ts';
import { runGate } from '../src/format/gate.ts';
import { NETWORK_FILE, resolveContentDir } from '../src/format/read.ts';
import type { ValidNetwork } from '../src/format/validate.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'dist' },
    jobs: { type: 'string', default: '1' },
    only: { type: 'string' },
    'merge-only': { type: 'boolean', default: false },
    'stream-logs': { type: 'boolean', default: false },
    'shard-villages': { type: 'string', default: String(SHARD_VILLAGES) },
    work: { type: 'string' },
    prepare: { type: 'boolean', default: false },
  },
});

const root = process.cwd();
const contentDir = resolveContentDir(root, process.env.JEMBATAN_CONTENT_DIR);
const outDir = path.resolve(values.out!);
const work = path.resolve(values.work ?? path.join(root, 'node_modules/.jembatan-shards'));
const planFile = path.join(work, 'plan.json');
const figuresFile = (shard: string) => path.join(work, shard, 'figures.json');
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
// One clock for the whole build: the preparing child and every shard publish the same stories,
// however long the run takes (children inherit the environment).
process.env.JEMBATAN_NOW = readBuildTime(process.env).toISOString();

interface Plan {
  shards: string[];
  provinces: number;
  /** The shard holding each kabupaten/kota, by the name its search facet uses, so a search narrowed to it loads one index. */
  kabupaten: Record<string, string>;
  /** Each region shard as the search page names it. */
  labels: Record<string, string>;
}

// ---------------------------------------------------------------------------------------------
// Preparing (a child process): validate once, write every shard's content folder.

type Collection = keyof ShardEntries;
const FOLDERS: Record<Collection, string> = { kim: 'kim', stories: 'stories', places: 'places' };

/**
 * Puts a content file into a shard's folder as a plain file: a hard link where the file system
 * allows (no copy of the photos), a copy otherwise. Never a symbolic link, which the gate refuses.
 */
function place(relative: string, dir: string): void {
  const at = path.join(dir, ...relative.split('/'));
  if (existsSync(at)) return;
  mkdirSync(path.dirname(at), { recursive: true });
  const source = path.join(contentDir, ...relative.split('/'));
  try {
    linkSync(source, at);
  } catch {
    copyFileSync(source, at);
  }
}

/**
 * A shard's content folder: the network file and the chosen entries at their usual places, with
 * the photos they show, or, for the network shard, frontmatter only: its pages need titles,
 * dates and covers, never a body.
 */
function writeShardContent(network: ValidNetwork, shard: string, chosen: ShardEntries): void {
  const dir = path.join(work, shard, 'content');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  place(NETWORK_FILE, dir);
  for (const collection of Object.keys(FOLDERS) as Collection[]) {
    for (const entry of network[collection] as ValidNetwork[Collection]) {
      if (!chosen[collection].has(entry.id)) continue;
      for (const image of entry.source.images) place(image, dir);
      if (shard !== NETWORK_SHARD) place(entry.source.path, dir);
      else {
        const text = readFileSync(path.join(contentDir, entry.source.path), 'utf8').replace(/^\uFEFF/, '');
        const raw = parseFrontmatter(text);
        if (!raw.ok) throw new Error(`${entry.displayPath}: ${raw.error}`);
        const target = path.join(dir, entry.source.path.replace(/\.mdx$/, '.md'));
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, `${text.split(/\r?\n/).slice(0, raw.bodyLine - 1).join('\n')}\n`);
      }
    }
  }
}

async function prepare(): Promise<void> {
    const now = readBuildTime(process.env);
  const { result } = await runGate(contentDir, { now });
  if (result.warnings.length > 0) console.warn(formatContentErrors(result.warnings, 'warning'));
  if (!result.ok) {
    console.error(formatContentErrors(result.errors));
    process.exit(1);
  }
  // Unpublished stories stay out of every shard: not their text, not their photos.
  const network = { ...result.network, stories: result.network.stories.filter((story) => story.source.published) };
  // Counted once over every entry, for the shards that hold only part of them.
  const model = new NetworkModel({ tree: network.tree, kims: network.kim, stories: network.stories, places: network.places, now });
  const regionShards = planShards(network.tree, Number(values['shard-villages']));
  const provinces = network.tree.roots().length;
  const writeFigures = (shard: string, figures: NetworkFigures) => writeFileSync(figuresFile(shard), JSON.stringify(figures));
  for (const shard of regionShards) {
    writeShardContent(network, shard, shardEntries(network, shard));
    const codes = regionsNeedingFigures(network.tree, shard);
    writeFigures(shard, { regions: Object.fromEntries(codes.map((code) => [code, model.stats(code)])) });
  }
  const { entries, listings } = networkShardEntries(network, LISTING_SPECS, now);
  writeShardContent(network, NETWORK_SHARD, entries);
  // The network pages show every province and regency with its coverage and places.
  const regencies = network.tree.roots().flatMap((p) => network.tree.children(p.code));
  const areas = [...network.tree.roots(), ...regencies];
  writeFigures(NETWORK_SHARD, { totals: model.totals(), listings, regions: Object.fromEntries(areas.map((r) => [r.code, model.stats(r.code)])) });
  const kabupaten: Record<string, string> = {};
  const ambiguous = new Set<string>();
  for (const regency of regencies) {
    const shard = regionShards.find((s) => buildsInShard(s, regency.code))!;
    const name = facetName(network.tree, regency);
    // Facet names are unique; should two still meet, such a search loads every index.
    if (kabupaten[name] !== undefined && kabupaten[name] !== shard) ambiguous.add(name);
    kabupaten[name] = shard;
  }
  for (const name of ambiguous) delete kabupaten[name];
  const labels = Object.fromEntries(regionShards.map((shard) => [shard, shardLabel(network.tree, shard)]));
  writeFileSync(planFile, JSON.stringify({ shards: [...regionShards, NETWORK_SHARD], provinces, kabupaten, labels } satisfies Plan));
}

if (values.prepare) {
  await prepare();
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// Building: one Astro process per shard, then one Pagefind process per region shard.

function run(shard: string, args: string[], env: NodeJS.ProcessEnv, logName: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let log = '';
    const collect = (chunk: Buffer) => {
      log += chunk;
      if (values['stream-logs']) process.stdout.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('close', (code) => {
      const file = path.join(work, shard, logName);
      writeFileSync(file, log);
      if (code === 0) resolve(log);
      else reject(new Error(`Bagian ${shard} gagal dibangun (kode ${code}). Log: ${file}\n${log.slice(-3000)}`));
    });
  });
}

async function build(shard: string): Promise<void> {
  const shardOut = path.join(work, shard, 'dist');
  rmSync(shardOut, { recursive: true, force: true });
  // The benchmark reads every shard's log as it arrives, to time the phases.
  if (values['stream-logs']) console.log(`== bagian ${shard}`);
  const log = await run(shard, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', shardOut], {
    JEMBATAN_CONTENT_DIR: path.join(work, shard, 'content'),
    JEMBATAN_CACHE_DIR: path.join(work, shard, 'cache'),
    JEMBATAN_SHARD: shard,
    JEMBATAN_NETWORK_FIGURES: figuresFile(shard),
  }, 'build.log');
  if (shard !== NETWORK_SHARD) {
    if (values['stream-logs']) console.log(`== indeks pencarian ${shard}`);
    await run(shard, [path.join(root, 'scripts/search-index.ts'), shardOut], {}, 'search.log');
  }
  const pages = /(\d+) page\(s\) built/.exec(log)?.[1] ?? '?';
  console.log(`  ✓ ${shard}: ${pages} halaman (${seconds()} s sejak mulai)`);
}

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

const GEOJSON = path.join('data', 'peta.geojson');

/**
 * One site from the shards: pages merged, each region shard's search index kept apart under
 * `pagefind/<shard>/` with a router that tells the search page which of them hold a query's
 * words (src/domain/search/router.ts), one map file and one sitemap index over every shard's sitemaps.
 */
async function merge({ shards, kabupaten, labels }: Plan): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(path.join(outDir, 'pagefind'), { recursive: true });
  const sitemaps: string[] = [];
  const searchShards: string[] = [];
  const maps: FeatureCollection[] = [];
  for (const shard of shards) {
    const shardOut = path.join(work, shard, 'dist');
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
  writeFileSync(path.join(outDir, GEOJSON), JSON.stringify(mergeGeoJson(maps)));
  const indexed = new Set(searchShards);
  const where = Object.fromEntries(Object.entries(kabupaten).filter(([, shard]) => indexed.has(shard)));
  if (values['stream-logs']) console.log('== rute pencarian');
  const router = await buildRouter(path.join(outDir, 'pagefind'), searchShards);
  console.log(describeRouter(router));
  const shardList: ShardList = {
    shards: searchShards,
    kabupaten: where,
    labels: Object.fromEntries(searchShards.map((shard) => [shard, labels[shard] ?? shard])),
    routes: router.routes,
  };
  writeFileSync(path.join(outDir, 'pagefind', 'shards.json'), `${JSON.stringify(shardList)}\n`);
  const site = new URL(readFileSync(path.join(outDir, 'robots.txt'), 'utf8').match(/Sitemap: (\S+)/)![1]!);
  const entries = sitemaps.map((name) => `<sitemap><loc>${new URL(name, site).href}</loc></sitemap>`).join('');
  writeFileSync(
    path.join(outDir, 'sitemap-index.xml'),
    `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries}</sitemapindex>\n`,
  );
}

if (!values['merge-only']) {
  const args = [fileURLToPath(import.meta.url), '--prepare', '--work', work, '--shard-villages', values['shard-villages']!];
  const code = await new Promise<number | null>((resolve) => spawn(process.execPath, args, { cwd: root, stdio: 'inherit' }).on('close', resolve));
  if (code !== 0) process.exit(1);
}
if (!existsSync(planFile)) {
  console.error(`Belum ada rencana pembagian di ${planFile}: jalankan dulu tanpa --merge-only.`);
  process.exit(1);
}
const plan = JSON.parse(readFileSync(planFile, 'utf8')) as Plan;
const regionShards = plan.shards.length - 1;
console.log(
  `Jaringan dibagi menjadi ${plan.shards.length} bagian: ` +
    (regionShards === plan.provinces ? `${plan.provinces} provinsi` : `${regionShards} bagian wilayah dari ${plan.provinces} provinsi`) +
    ' dan halaman jaringan.',
);
const selected = values.only ? values.only.split(',').map((s) => s.trim()) : plan.shards;
for (const shard of selected) {
  if (!plan.shards.includes(shard)) {
    console.error(`Bagian "${shard}" tidak ada. Bagian yang ada: ${plan.shards.join(', ')}.`);
    process.exit(1);
  }
}

if (!values['merge-only']) {
  const queue = [...selected];
  const jobs = Math.max(1, Number(values.jobs));
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      for (let shard = queue.shift(); shard !== undefined; shard = queue.shift()) await build(shard);
    }),
  );
}
if (!values.only || values['merge-only']) {
  await merge(plan);
  console.log(`Situs digabung di ${path.relative(root, outDir) || outDir} (${seconds()} s).`);
}
