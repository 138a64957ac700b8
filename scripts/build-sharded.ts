/**
 * Builds a large network in shards, one `astro build` process each, and merges their output into
 * one site. A shard is a province, or a run of regencies of a large province (src/domain/shards.ts),
 * so no process holds more than a bounded number of villages' pages, and the network-wide pages are
 * built from every KIM but only the stories and places they show. The same shards can run on
 * separate CI machines (`--only`, then `--merge-only`).
 *
 * Memory is the budget here: the content is read and validated by a short-lived child process
 * (`--prepare`) that writes every shard's content folder and exits, so the orchestrator holds
 * none of it while shards build; and each shard's search index is made by its own process after
 * Astro has exited. What each shard gets is planned in src/build/shards/plan.ts.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBuildTime } from '../src/build/settings.ts';
import { writeShardContent } from '../src/build/shards/content.ts';
import { hostReport } from '../src/build/host-limits.ts';
import { mergeShards } from '../src/build/shards/merge.ts';
import { measureSite } from '../src/build/site-stats.ts';
import { prepareShards, remainingSeconds, type ShardPlan } from '../src/build/shards/plan.ts';
import { NETWORK_SHARD, SHARD_VILLAGES } from '../src/domain/shards.ts';
import { formatContentErrors } from '../src/format/errors.ts';
import { runGate } from '../src/format/gate.ts';
import { ORCHESTRATOR, orchestratorMarks, TIMINGS_ENV, timingsFile, timingsRecorder } from '../src/build/timings.ts';
import { resolveContentDir } from '../src/format/read.ts';
import { readArguments } from './lib/cli.ts';

const USAGE = [
  'Cara pakai: npm run build:sharded [-- --out dist] [--jobs 1] [--only 64,jaringan] [--merge-only] [--plan] [--shard-villages 1200] [--work folder] [--stream-logs]',
  '',
  'Membangun jaringan besar per bagian wilayah (provinsi, atau rangkaian kabupaten/kota), satu proses',
  'per bagian, lalu menggabungkannya. --only membangun bagian tertentu saja (untuk mesin CI yang',
  'berbeda); --merge-only menggabungkan bagian yang sudah dibangun; --plan hanya mencetak rencana',
  'pembagiannya sebagai JSON (daftar bagian untuk matriks CI). --work adalah folder kerja bagian-bagian',
  '(bawaan node_modules/.jembatan-shards): hasil setiap bagian ada di <work>/<bagian>/dist, rencananya',
  'di <work>/plan.json.',
].join('\n');
const { values } = readArguments(
  USAGE,
  {
    out: { type: 'string', default: 'dist' },
    jobs: { type: 'string', default: '1' },
    only: { type: 'string' },
    'merge-only': { type: 'boolean', default: false },
    'stream-logs': { type: 'boolean', default: false },
    'shard-villages': { type: 'string', default: String(SHARD_VILLAGES) },
    plan: { type: 'boolean', default: false },
    work: { type: 'string' },
    // Internal: the preparing child process.
    prepare: { type: 'boolean', default: false },
  },
  0,
);
const numberOption = (name: 'jobs' | 'shard-villages') => {
  const value = Number(values[name]);
  if (Number.isInteger(value) && value > 0) return value;
  console.error(`--${name} harus berupa bilangan bulat positif, bukan "${values[name]}".`);
  return process.exit(2);
};
const jobs = numberOption('jobs');
const shardVillages = numberOption('shard-villages');

const root = process.cwd();
const contentDir = resolveContentDir(root, process.env.JEMBATAN_CONTENT_DIR);
const outDir = path.resolve(values.out!);
const work = path.resolve(values.work ?? path.join(root, 'node_modules/.jembatan-shards'));
const planFile = path.join(work, 'plan.json');
const shardDir = (shard: string, part: string) => path.join(work, shard, part);
const started = performance.now();
const seconds = () => (performance.now() - started) / 1000;
const minutes = (s: number) => (s < 90 ? `${Math.round(s)} detik` : `${(s / 60).toFixed(1).replace('.', ',')} menit`);
// One clock for the whole build: the preparing child and every shard publish the same stories,
// however long the run takes (children inherit the environment).
process.env.JEMBATAN_NOW = readBuildTime(process.env).toISOString();

/** The shards named by --only, or every shard of the plan. */
const selectedShards = (plan: ShardPlan) => (values.only ? values.only.split(',').map((s) => s.trim()) : plan.shards);

/** Validates the content once and plans the shards; stops with the contributor's report when the content is invalid. */
async function planNetwork() {
  const now = readBuildTime(process.env);
  const { result } = await runGate(contentDir, { now });
  if (result.warnings.length > 0) console.warn(formatContentErrors(result.warnings, 'warning'));
  if (!result.ok) {
    console.error(formatContentErrors(result.errors));
    process.exit(1);
  }
  const network = { ...result.network, stories: result.network.stories.filter((story) => story.source.published) };
  return { network, ...prepareShards(network, { shardVillages, now }) };
}

/**
 * The preparing child: validates once, writes the content folder and figures of every shard it
 * will build (those of --only, or all), and the whole plan.
 */
async function prepare(): Promise<void> {
  const { network, plan, contents, figures } = await planNetwork();
  const selected = selectedShards(plan).filter((shard) => plan.shards.includes(shard));
  for (const [i, shard] of selected.entries()) {
    writeShardContent(contentDir, shardDir(shard, 'content'), network, contents.get(shard)!, { frontmatterOnly: shard === NETWORK_SHARD });
    writeFileSync(shardDir(shard, 'figures.json'), JSON.stringify(figures.get(shard)));
    console.log(`  bagian ${shard} disiapkan (${i + 1}/${selected.length})`);
  }
  writeFileSync(planFile, JSON.stringify(plan));
}

// The plan alone, as JSON on stdout: what a CI matrix makes one job per shard of. It is the plan
// the shards' own runs write to <work>/plan.json, where --merge-only reads it.
if (values.plan) {
  const { plan } = await planNetwork();
  process.stdout.write(`${JSON.stringify(plan)}\n`);
  process.exit(0);
}

// The benchmark names a file for timings (JEMBATAN_TIMINGS); each shard's build writes its own, and
// this process writes what happens between them: search indexes and the router.
const timings = timingsRecorder(timingsFile(process.env[TIMINGS_ENV], ORCHESTRATOR), null);

if (values.prepare) {
  mkdirSync(work, { recursive: true });
  await prepare();
  process.exit(0);
}
timings.writeOnExit();

/** Runs a child process for one shard, keeping its log beside the shard's work. */
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
      const file = shardDir(shard, logName);
      writeFileSync(file, log);
      if (code === 0) resolve(log);
      else reject(new Error(`Bagian ${shard} gagal dibangun (kode ${code}). Log: ${file}\n${log.slice(-3000)}`));
    });
  });
}

/** Builds one shard: Astro, then (for a region shard) its search index in a process of its own. */
async function build(shard: string): Promise<void> {
  const shardStarted = performance.now();
  const shardOut = shardDir(shard, 'dist');
  rmSync(shardOut, { recursive: true, force: true });
  // The benchmark reads every shard's log as it arrives, to time the phases.
  if (values['stream-logs']) console.log(`== bagian ${shard}`);
  const log = await run(shard, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', shardOut], {
    JEMBATAN_CONTENT_DIR: shardDir(shard, 'content'),
    JEMBATAN_CACHE_DIR: shardDir(shard, 'cache'),
    JEMBATAN_SHARD: shard,
    JEMBATAN_NETWORK_FIGURES: shardDir(shard, 'figures.json'),
    JEMBATAN_SOURCE_CONTENT_DIR: contentDir,
  }, 'build.log');
  if (shard !== NETWORK_SHARD) {
    timings.mark(orchestratorMarks.searchStart(shard));
    await run(shard, [path.join(root, 'scripts/search-index.ts'), shardOut], {}, 'search.log');
    timings.mark(orchestratorMarks.searchEnd(shard));
  }
  const pages = /(\d+) page\(s\) built/.exec(log)?.[1] ?? '?';
  report(shard, pages, (performance.now() - shardStarted) / 1000);
}

const done = new Map<string, number>();
let plan: ShardPlan;
/** One line per finished shard: which of how many, its pages, and how long the rest may take. */
function report(shard: string, pages: string, took: number): void {
  done.set(shard, took);
  const left = remainingSeconds(plan, done);
  console.log(
    `  ✓ [${done.size}/${plan.shards.length}] ${shard}: ${pages} halaman dalam ${minutes(took)}; ` +
      `berjalan ${minutes(seconds())}${left === undefined || done.size === plan.shards.length ? '' : `, sisa ± ${minutes(left)}`}`,
  );
}

if (!values['merge-only']) {
  const args = [fileURLToPath(import.meta.url), '--prepare', '--work', work, '--shard-villages', String(shardVillages), ...(values.only ? ['--only', values.only] : [])];
  const code = await new Promise<number | null>((resolve) => spawn(process.execPath, args, { cwd: root, stdio: 'inherit' }).on('close', resolve));
  if (code !== 0) process.exit(1);
}
if (!existsSync(planFile)) {
  console.error(`Belum ada rencana pembagian di ${planFile}: jalankan dulu tanpa --merge-only.`);
  process.exit(1);
}
plan = JSON.parse(readFileSync(planFile, 'utf8')) as ShardPlan;
const regionShards = plan.shards.length - 1;
console.log(
  `Jaringan dibagi menjadi ${plan.shards.length} bagian: ` +
    (regionShards === plan.provinces ? `${plan.provinces} provinsi` : `${regionShards} bagian wilayah dari ${plan.provinces} provinsi`) +
    ' dan halaman jaringan.',
);
const selected = selectedShards(plan);
for (const shard of selected) {
  if (!plan.shards.includes(shard)) {
    console.error(`Bagian "${shard}" tidak ada. Bagian yang ada: ${plan.shards.join(', ')}.`);
    process.exit(1);
  }
}

if (!values['merge-only']) {
  const queue = [...selected];
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      for (let shard = queue.shift(); shard !== undefined; shard = queue.shift()) await build(shard);
    }),
  );
}
if (!values.only || values['merge-only']) {
  await mergeShards({
    plan,
    distOf: (shard) => shardDir(shard, 'dist'),
    outDir,
    log: (line) => console.log(line),
    mark: (name) => timings.mark(name),
  });
  console.log(`Situs digabung di ${path.relative(root, outDir) || outDir} (${minutes(seconds())}).`);
  console.log(hostReport(measureSite(outDir)));
}
