/**
 * Builds a large network as province shards, one `astro build` process each, and merges their
 * output into one site. No process holds more than one province's pages, so a network that
 * covers several provinces, or all of Indonesia, builds within a small machine's memory; the
 * same shards can run on separate CI machines (`--only`, then `--merge-only`).
 *
 * Usage: `npm run build:sharded [-- --out dist] [--jobs 1] [--only 64,network] [--merge-only]`.
 * Reads the same content folder as `npm run build` (JEMBATAN_CONTENT_DIR, default content/).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'astro/zod';
import { loadRegionData } from '../src/lib/regions/source.ts';
import { NETWORK_SHARD, shardEntries, type ShardEntries } from '../src/lib/shards.ts';
import { formatContentErrors } from '../src/lib/validation/errors.ts';
import { parseFrontmatter } from '../src/lib/validation/frontmatter.ts';
import { NETWORK_FILE, readContentDir, resolveContentDir } from '../src/lib/validation/read.ts';
import { imageFields, validateNetwork, type ValidNetwork } from '../src/lib/validation/validate.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'dist' },
    jobs: { type: 'string', default: '1' },
    only: { type: 'string' },
    'merge-only': { type: 'boolean', default: false },
    'stream-logs': { type: 'boolean', default: false },
    work: { type: 'string' },
  },
});

const root = process.cwd();
const contentDir = resolveContentDir(root, process.env.JEMBATAN_CONTENT_DIR);
const outDir = path.resolve(values.out!);
const work = path.resolve(values.work ?? path.join(root, 'node_modules/.jembatan-shards'));
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

z.config(z.locales.id());
const input = await readContentDir(contentDir);
const result = validateNetwork({ ...input, regions: await loadRegionData() });
if (!result.ok) {
  console.error(formatContentErrors(result.errors));
  process.exit(1);
}
const network = result.network;
const provinces = network.tree.roots().map((r) => r.code);
const shards = [...provinces, NETWORK_SHARD];
const selected = values.only ? values.only.split(',').map((s) => s.trim()) : shards;
console.log(`Jaringan dibagi menjadi ${shards.length} bagian: ${provinces.length} provinsi dan halaman jaringan.`);

type Collection = keyof ShardEntries;
const FOLDERS: Record<Collection, string> = { kim: 'kim', stories: 'stories', places: 'places' };
const absolute = (displayPath: string) => path.resolve(root, displayPath);

function link(target: string, at: string): void {
  mkdirSync(path.dirname(at), { recursive: true });
  if (!existsSync(at)) symlinkSync(target, at);
}

/**
 * A shard's content folder: the network file and the chosen entries at their usual places, as
 * links to the originals (their photos too), or, for the network shard, frontmatter only: its
 * listings need every entry's title, date and cover, never a body.
 */
function prepareContent(shard: string): string {
  const dir = path.join(work, shard, 'content');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  link(path.join(contentDir, NETWORK_FILE), path.join(dir, NETWORK_FILE));
  const chosen = shard === NETWORK_SHARD ? null : shardEntries(network, shard);
  for (const collection of Object.keys(FOLDERS) as Collection[]) {
    for (const entry of network[collection] as ValidNetwork[Collection]) {
      if (chosen && !chosen[collection].has(entry.id)) continue;
      const source = absolute(entry.displayPath);
      const relative = path.relative(contentDir, source);
      // The gate kept image fields as the paths written in the file.
      for (const [, image] of imageFields(collection, entry.data as Record<string, unknown>)) {
        if (typeof image === 'string') link(path.resolve(path.dirname(source), image), path.join(dir, path.dirname(relative), image));
      }
      if (chosen) link(source, path.join(dir, relative));
      else {
        const text = readFileSync(source, 'utf8').replace(/^\uFEFF/, '');
        const raw = parseFrontmatter(text);
        if (!raw.ok) throw new Error(`${entry.displayPath}: ${raw.error}`);
        const target = path.join(dir, relative).replace(/\.mdx$/i, '.md');
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, `${text.split(/\r?\n/).slice(0, raw.bodyLine - 1).join('\n')}\n`);
      }
    }
  }
  return dir;
}

function build(shard: string): Promise<void> {
  const content = prepareContent(shard);
  const shardOut = path.join(work, shard, 'dist');
  rmSync(shardOut, { recursive: true, force: true });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', shardOut], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, JEMBATAN_CONTENT_DIR: content, JEMBATAN_CACHE_DIR: path.join(work, shard, 'cache'), JEMBATAN_SHARD: shard },
    });
    let log = '';
    // The benchmark reads every shard's log as it arrives, to time the phases.
    if (values['stream-logs']) console.log(`== bagian ${shard}`);
    const collect = (chunk: Buffer) => {
      log += chunk;
      if (values['stream-logs']) process.stdout.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('close', (code) => {
      writeFileSync(path.join(work, shard, 'build.log'), log);
      const pages = /(\d+) page\(s\) built/.exec(log)?.[1] ?? '?';
      if (code === 0) {
        console.log(`  ✓ ${shard}: ${pages} halaman (${seconds()} s sejak mulai)`);
        resolve();
      } else reject(new Error(`Bagian ${shard} gagal dibangun (kode ${code}). Log: ${path.join(work, shard, 'build.log')}\n${log.slice(-3000)}`));
    });
  });
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

/**
 * One site from the shards: pages merged, each province's search index kept apart under
 * `pagefind/<shard>/` (the search page merges them at query time), and one sitemap index over
 * every shard's sitemaps.
 */
function merge(): void {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(path.join(outDir, 'pagefind'), { recursive: true });
  const sitemaps: string[] = [];
  const searchShards: string[] = [];
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
    moveTree(shardOut, outDir);
  }
  writeFileSync(path.join(outDir, 'pagefind', 'shards.json'), `${JSON.stringify({ shards: searchShards })}\n`);
  const site = new URL(readFileSync(path.join(outDir, 'robots.txt'), 'utf8').match(/Sitemap: (\S+)/)![1]!);
  const entries = sitemaps.map((name) => `<sitemap><loc>${new URL(name, site).href}</loc></sitemap>`).join('');
  writeFileSync(
    path.join(outDir, 'sitemap-index.xml'),
    `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries}</sitemapindex>\n`,
  );
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
  merge();
  console.log(`Situs digabung di ${path.relative(root, outDir) || outDir} (${seconds()} s).`);
}
