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
 *
 * A change rebuilds only what it touches: the preparing child also computes each shard's key from
 * the files of its content folder, its figures, the code, the region data and the settings
 * (shards/key.ts, shards/inputs.ts), and writes the folder only for a shard whose key is not in
 * the shard cache (shards/cache.ts); the others are taken from the cache as they are. Every built
 * shard describes its output (shards/output.ts), and the merge links into the site only what
 * changed since the last merge (shards/merge.ts). `--keys` prints the keys, for a CI job to look
 * its shard up in actions/cache before building; with `--only` it also leaves that shard prepared,
 * so the job's build step (`--prepared`) does not validate and plan the whole network again.
 */
import { spawn, type StdioOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBuildTime } from '../src/build/settings.ts';
import { ShardCache } from '../src/build/shards/cache.ts';
import { shardContentFiles, writeShardContent } from '../src/build/shards/content.ts';
import { FileDigests, shardKeyParts, sharedInputs, type SharedInputs } from '../src/build/shards/inputs.ts';
import { digestValue, rebuildReason, shardKey, type ShardKeyParts } from '../src/build/shards/key.ts';
import { hostReport } from '../src/build/host-limits.ts';
import { mergedBuilds, mergeShards } from '../src/build/shards/merge.ts';
import { describeOutput, readIdentity } from '../src/build/shards/output.ts';
import { prepareShards, remainingSeconds, type ShardPlan } from '../src/build/shards/plan.ts';
import { NETWORK_SHARD, SHARD_VILLAGES } from '../src/domain/shards.ts';
import { formatContentErrors } from '../src/format/errors.ts';
import { runGate, runRememberingGate } from '../src/format/gate.ts';
import { ORCHESTRATOR, orchestratorMarks, TIMINGS_ENV, timingsFile, timingsRecorder } from '../src/build/timings.ts';
import { resolveContentDir } from '../src/format/read.ts';
import { readArguments } from './lib/cli.ts';

const DEFAULT_CACHE = 'node_modules/.cache/jembatan-shards';
/** The gate cache's file in the shard cache's folder (no shard is named so). */
const GATE_CACHE_FILE = 'gate-facts.bin';
/**
 * Shards built at once unless --jobs says: one per core, at most two. A shard's build is one
 * thread for the most part and peaks at about 2.2 GB (bench/README.md), so two fit a 2-core,
 * 8 GB machine and keep both its cores busy.
 */
const DEFAULT_JOBS = Math.min(2, availableParallelism());
/**
 * Where each shard's Astro root is: inside the project whatever --work says, for Vite to find the
 * packages, and in a folder of the checkout itself (node_modules may be a link shared by several).
 */
const SHARD_ROOTS = '.astro/shards';
const USAGE = [
  'Cara pakai: npm run build:sharded [-- --out dist] [--jobs 2] [--only 64,jaringan] [--merge-only] [--plan] [--keys] [--prepared] [--shard-villages 1200] [--work folder] [--cache folder] [--no-cache] [--stream-logs]',
  '',
  'Membangun jaringan besar per bagian wilayah (provinsi, atau rangkaian kabupaten/kota), satu proses',
  'per bagian, lalu menggabungkannya. --only membangun bagian tertentu saja (untuk mesin CI yang',
  'berbeda); --merge-only menggabungkan bagian yang sudah dibangun; --plan hanya mencetak rencana',
  'pembagiannya sebagai JSON (daftar bagian untuk matriks CI). --work adalah folder kerja bagian-bagian',
  '(bawaan node_modules/.jembatan-shards): hasil bagian yang dibangun ada di <work>/<bagian>/dist (dengan',
  '--only, juga bagian yang diambil dari cache), rencananya di <work>/plan.json, catatan penggabungan',
  'terakhir di <work>/merge-state.json: penggabungan berikutnya ke folder --out yang sama hanya mengubah',
  'berkas bagian yang berubah.',
  '',
  `--jobs adalah banyaknya bagian yang dibangun sekaligus (bawaan ${DEFAULT_JOBS} di mesin ini: satu per inti`,
  'prosesor, paling banyak dua; setiap build bagian memakai sampai ±2,2 GB memori).',
  '',
  'Cache bagian: bagian yang kuncinya (sidik isi bagian itu, angka jaringannya, kode, data wilayah dan',
  `pengaturan build) sudah ada di cache tidak dibangun lagi; hasilnya dipakai ulang. --cache adalah folder`,
  `cache itu (bawaan ${DEFAULT_CACHE}), --no-cache membangun semua bagian tanpa cache. --keys menyiapkan`,
  'bagian (semua, atau yang disebut --only) lalu hanya mencetak kunci setiap bagian sebagai JSON, untuk',
  'actions/cache di CI. Dengan --only, --keys juga menyiapkan folder konten bagian itu, dan --prepared',
  'lalu membangunnya dari folder kerja yang sama tanpa memeriksa dan merencanakan seluruh jaringan lagi',
  '(langkah kunci dan langkah build satu job CI).',
].join('\n');
const { values } = readArguments(
  USAGE,
  {
    out: { type: 'string', default: 'dist' },
    jobs: { type: 'string', default: String(DEFAULT_JOBS) },
    only: { type: 'string' },
    'merge-only': { type: 'boolean', default: false },
    'stream-logs': { type: 'boolean', default: false },
    'shard-villages': { type: 'string', default: String(SHARD_VILLAGES) },
    plan: { type: 'boolean', default: false },
    keys: { type: 'boolean', default: false },
    prepared: { type: 'boolean', default: false },
    work: { type: 'string' },
    cache: { type: 'string' },
    'no-cache': { type: 'boolean', default: false },
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
/** The work folder's name among the shards' Astro roots (see build()). */
const workId = createHash('sha256').update(work).digest('hex').slice(0, 12);
const planFile = path.join(work, 'plan.json');
/** Written last by a `--keys --only` run: the shards it left ready to build, and the clock it published by. */
const preparedFile = path.join(work, 'prepared.json');
interface Prepared {
  now: string;
  shards: string[];
}
const shardDir = (shard: string, part: string) => path.join(work, shard, part);
// Each shard's key is computed for the cache, or for --keys to print; --no-cache builds every shard.
const cache = values['no-cache'] ? null : new ShardCache(path.resolve(values.cache ?? path.join(root, DEFAULT_CACHE)));
const withKeys = cache !== null || values.keys;
/** What the preparing child leaves beside each shard's content: its key and the parts it is made of. */
interface PreparedKey {
  key: string;
  parts: ShardKeyParts;
}
const started = performance.now();
const seconds = () => (performance.now() - started) / 1000;
/** A folder as the log names it: inside the project by its relative path, elsewhere in full. */
const shown = (dir: string) => (path.relative(root, dir).startsWith('..') ? dir : path.relative(root, dir) || '.');
const minutes = (s: number) => (s < 90 ? `${Math.round(s)} detik` : `${(s / 60).toFixed(1).replace('.', ',')} menit`);
// One clock for the whole build: the preparing child and every shard publish the same stories,
// however long the run takes (children inherit the environment).
process.env.JEMBATAN_NOW = readBuildTime(process.env).toISOString();

/** The shards named by --only, or every shard of the plan. */
const onlyShards = values.only ? values.only.split(',').map((s) => s.trim()) : undefined;
const selectedShards = (plan: ShardPlan) => onlyShards ?? plan.shards;
/** A CI job's key step: it prepares its shards for the `--prepared` build that follows a miss in actions/cache. */
const keysForBuild = values.keys && onlyShards !== undefined;

/** Each file is read once however many shards hold it, and the code once for the gate cache and every shard's key. */
const digests = new FileDigests();
let shared: SharedInputs | undefined;
const sharedOnce = () => (shared ??= sharedInputs(root, digests));

/**
 * Validates the content once and plans the shards; stops with the contributor's report when the
 * content is invalid. With the shard cache comes the gate's (format/gate-cache.ts): the files git
 * vouches are unchanged since the last run are not read again. Each shard's build still reads and
 * checks every file of its own.
 */
async function planNetwork() {
  const now = readBuildTime(process.env);
  const gateCache = cache && { file: path.join(cache.dir, GATE_CACHE_FILE), key: digestValue({ ...sharedOnce(), node: process.version, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }) };
  const run = gateCache ? await runRememberingGate(contentDir, { now }, gateCache) : await runGate(contentDir, { now });
  const { result, milliseconds } = run;
  if (result.warnings.length > 0) console.warn(formatContentErrors(result.warnings, 'warning'));
  if (!result.ok) {
    console.error(formatContentErrors(result.errors));
    process.exit(1);
  }
  const network = { ...result.network, stories: result.network.stories.filter((story) => story.source.published) };
  const entries = network.kim.length + network.stories.length + network.places.length;
  const remembered = 'recalled' in run ? `; ${run.recalled.toLocaleString('id-ID')} berkas diingat dari pemeriksaan sebelumnya, ${run.read.toLocaleString('id-ID')} dibaca` : '';
  console.error(`  konten diperiksa: ${entries.toLocaleString('id-ID')} entri (${minutes(milliseconds / 1000)}${remembered}).`);
  const planStarted = performance.now();
  const prepared = prepareShards(network, { shardVillages, now });
  console.error(`  rencana bagian dan angka jaringan dihitung (${minutes((performance.now() - planStarted) / 1000)}).`);
  return { network, ...prepared };
}

/**
 * The preparing child: validates once, computes the key of every shard it will build (those of
 * --only, or all), writes the figures of each and the content folder of each that the cache
 * cannot give, and the whole plan.
 */
async function prepare(): Promise<void> {
  rmSync(preparedFile, { force: true });
  const { network, plan, contents, figures } = await planNetwork();
  const selected = selectedShards(plan).filter((shard) => plan.shards.includes(shard));
  const sharedStarted = performance.now();
  const shared = withKeys ? sharedOnce() : null;
  let keySeconds = (performance.now() - sharedStarted) / 1000;
  let written = 0;
  for (const shard of selected) {
    const files = shardContentFiles(contentDir, network, contents.get(shard)!, { frontmatterOnly: shard === NETWORK_SHARD });
    const figuresText = JSON.stringify(figures.get(shard));
    mkdirSync(shardDir(shard, ''), { recursive: true });
    writeFileSync(shardDir(shard, 'figures.json'), figuresText);
    rmSync(shardDir(shard, 'key.json'), { force: true });
    let key: string | null = null;
    if (shared) {
      const keyStarted = performance.now();
      const parts = shardKeyParts({
        files,
        figures: figuresText,
        planEntry: { shard, label: plan.labels[shard] ?? null, villages: plan.villages[shard] ?? null },
        shared,
        env: process.env,
        digests,
      });
      key = shardKey(parts);
      writeFileSync(shardDir(shard, 'key.json'), JSON.stringify({ key, parts } satisfies PreparedKey));
      keySeconds += (performance.now() - keyStarted) / 1000;
    }
    // --keys over the whole network only prints. A CI job's --keys --only prepares its shard for the
    // --prepared build that follows a miss in actions/cache, whatever this machine's cache holds.
    const needed = values.keys ? keysForBuild : !(key !== null && cache?.lookup(shard, key));
    if (!needed) continue;
    writeShardContent(shardDir(shard, 'content'), files);
    written++;
  }
  if (shared) console.log(`  kunci cache ${selected.length} bagian dihitung (${minutes(keySeconds)}).`);
  console.log(`  ${selected.length} bagian disiapkan; folder konten ditulis untuk ${written} bagian yang akan dibangun.`);
  writeFileSync(planFile, JSON.stringify(plan));
  if (keysForBuild) writeFileSync(preparedFile, JSON.stringify({ now: process.env.JEMBATAN_NOW!, shards: selected } satisfies Prepared));
}

/** The key the preparing child computed for a shard. */
function preparedKey(shard: string): PreparedKey {
  return JSON.parse(readFileSync(shardDir(shard, 'key.json'), 'utf8')) as PreparedKey;
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
    // Streamed in whole lines: two shards building at once must not cut into each other's lines.
    let streamed = 0;
    const stream = (end: number) => {
      if (!values['stream-logs'] || end <= streamed) return;
      process.stdout.write(log.slice(streamed, end));
      streamed = end;
    };
    const collect = (chunk: Buffer) => {
      log += chunk;
      stream(log.lastIndexOf('\n') + 1);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('close', (code) => {
      stream(log.length);
      if (values['stream-logs'] && log.length > 0 && !log.endsWith('\n')) process.stdout.write('\n');
      const file = shardDir(shard, logName);
      writeFileSync(file, log);
      if (code === 0) resolve(log);
      else reject(new Error(`Bagian ${shard} gagal dibangun (kode ${code}). Log: ${file}\n${log.slice(-3000)}`));
    });
  });
}

/** Moves a folder, copying it when the two places are on different file systems. */
function moveFolder(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/** Builds one shard: Astro, then its search index in a process of its own. */
async function build(shard: string): Promise<void> {
  const shardStarted = performance.now();
  const shardOut = shardDir(shard, 'dist');
  rmSync(shardOut, { recursive: true, force: true });
  // The benchmark reads every shard's log as it arrives, to time the phases.
  if (values['stream-logs']) console.log(`== bagian ${shard}`);
  // Astro keeps a build's list of content imports in <root>/.astro/, and its server chunks in
  // <working folder>/.astro/ when the output folder is outside the working folder: two builds in
  // one project folder would share both (src/build/root-lock.ts makes the second wait for the
  // first). Each shard builds from a root of its own inside the project, where the packages still
  // resolve, into an output folder inside the project, so --jobs 2 builds two shards at once. The
  // working folder stays the project's: the names Vite gives scripts depend on it.
  // The root is named by the work folder: runs over different work folders (tests side by side)
  // never share one, and the same work folder gets the same root every run, so the content layer's
  // store (in the shard's cache, in the work folder too) finds its entries by the same paths.
  const shardRoot = path.join(root, SHARD_ROOTS, workId, shard);
  rmSync(shardRoot, { recursive: true, force: true });
  mkdirSync(shardRoot, { recursive: true });
  const astroOut = path.relative(root, shardOut).startsWith('..') ? path.join(shardRoot, 'dist') : shardOut;
  const config = path.relative(shardRoot, path.join(root, 'astro.config.mjs'));
  const astro = [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', shardRoot, '--config', config, '--outDir', astroOut];
  let log: string;
  try {
    log = await run(shard, astro, {
      JEMBATAN_CONTENT_DIR: shardDir(shard, 'content'),
      JEMBATAN_CACHE_DIR: shardDir(shard, 'cache'),
      JEMBATAN_SHARD: shard,
      JEMBATAN_NETWORK_FIGURES: shardDir(shard, 'figures.json'),
    }, 'build.log');
    if (astroOut !== shardOut) moveFolder(astroOut, shardOut);
  } finally {
    rmSync(shardRoot, { recursive: true, force: true });
    try {
      rmdirSync(path.dirname(shardRoot));
    } catch {
      // Another shard of this run is still building there.
    }
  }
  timings.mark(orchestratorMarks.searchStart(shard));
  await run(shard, [path.join(root, 'scripts/search-index.ts'), shardOut, '--router-record', ...(shard === NETWORK_SHARD ? ['--network'] : [])], {}, 'search.log');
  timings.mark(orchestratorMarks.searchEnd(shard));
  describeOutput(shardOut, shard, withKeys ? preparedKey(shard).key : null);
  const pages = /(\d+) page\(s\) built/.exec(log)?.[1] ?? '?';
  report(shard, pages, (performance.now() - shardStarted) / 1000);
}

/** Built shards and their seconds, for the estimate of the rest. */
const done = new Map<string, number>();
/** Shards finished, built or restored from the cache. */
let finished = 0;
let plan: ShardPlan;
/** The shards this run builds (the others of --only, or restored from the cache, are not waited for). */
let toBuild: string[] = [];
/** One line per finished shard: which of how many, its pages, and how long the rest may take. */
function report(shard: string, pages: string, took: number): void {
  done.set(shard, took);
  finished++;
  const left = remainingSeconds({ ...plan, shards: toBuild }, done);
  console.log(
    `  ✓ [${finished}/${plan.shards.length}] ${shard}: ${pages} halaman dalam ${minutes(took)}; ` +
      `berjalan ${minutes(seconds())}${left === undefined || done.size === toBuild.length ? '' : `, sisa ± ${minutes(left)}`}`,
  );
}

if (values.keys && values['merge-only']) {
  console.error('--keys menyiapkan bagian untuk dibangun; tidak bisa digabung dengan --merge-only.');
  process.exit(2);
}
if (values.prepared && (!onlyShards || values.keys || values['merge-only'])) {
  console.error('--prepared membangun bagian yang disiapkan --keys --only sebelumnya: pakai bersama --only yang sama, tanpa --keys atau --merge-only.');
  process.exit(2);
}
if (values.prepared) {
  // The preparing run of this job validated the whole network; its shard folders and its clock are
  // used as they are. Only what it left complete is trusted: the file is written last.
  const prepared = existsSync(preparedFile) ? (JSON.parse(readFileSync(preparedFile, 'utf8')) as Prepared) : null;
  const wanted = onlyShards!;
  const missing = wanted.filter((shard) => !prepared?.shards.includes(shard));
  if (!prepared || missing.length > 0) {
    console.error(`Bagian ${missing.join(', ')} belum disiapkan di ${shown(work)}: jalankan dulu build:sharded --only ${values.only} --work ${shown(work)} --keys.`);
    process.exit(1);
  }
  process.env.JEMBATAN_NOW = prepared.now;
  console.log(`Memakai ${wanted.length} bagian yang sudah disiapkan di ${shown(work)} (jam build ${prepared.now}).`);
} else if (!values['merge-only']) {
  const passed = [
    ...(values.only ? ['--only', values.only] : []),
    ...(values.keys ? ['--keys'] : []),
    ...(values['no-cache'] ? ['--no-cache'] : []),
    ...(cache ? ['--cache', cache.dir] : []),
  ];
  const args = [fileURLToPath(import.meta.url), '--prepare', '--work', work, '--shard-villages', String(shardVillages), ...passed];
  // With --keys, stdout carries the keys alone: the child's progress goes to stderr.
  const stdio: StdioOptions = values.keys ? ['ignore', 2, 2] : 'inherit';
  const code = await new Promise<number | null>((resolve) => spawn(process.execPath, args, { cwd: root, stdio }).on('close', resolve));
  if (code !== 0) process.exit(1);
  timings.mark(orchestratorMarks.prepareEnd);
}
if (!existsSync(planFile)) {
  console.error(`Belum ada rencana pembagian di ${planFile}: jalankan dulu tanpa --merge-only.`);
  process.exit(1);
}
plan = JSON.parse(readFileSync(planFile, 'utf8')) as ShardPlan;
const regionShards = plan.shards.length - 1;
(values.keys ? console.error : console.log)(
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

// The keys alone, as JSON on stdout: what a CI job looks its shard's output up by in actions/cache.
if (values.keys) {
  process.stdout.write(`${JSON.stringify(Object.fromEntries(selected.map((shard) => [shard, preparedKey(shard).key])))}\n`);
  process.exit(0);
}

toBuild = selected;
/** Where the merge takes each shard's output from: the cache, or the shard's folder (the default). */
const sources = new Map<string, string>();
const outputOf = (shard: string) => sources.get(shard) ?? shardDir(shard, 'dist');
if (!values['merge-only'] && cache) {
  // Shards whose key is cached are settled first, so the estimate of the rest counts only the shards built.
  timings.mark(orchestratorMarks.restoreStart);
  const reasons = new Map<string, string>();
  // A whole build merges straight from the cache. An output the site already holds was checked
  // when first merged; one the merge will read is checked against its seal now.
  const merged = values.only ? null : mergedBuilds(work, outDir, plan.shards);
  for (const shard of selected) {
    const { key, parts } = preparedKey(shard);
    const latest = cache.latest(shard);
    const stored = cache.lookup(shard, key);
    let reused = false;
    if (values.only) reused = cache.restore(shard, key, shardDir(shard, 'dist')) !== undefined;
    else if (stored) {
      const build = readIdentity(stored)?.build;
      reused = (build !== undefined && merged?.[shard] === build) || cache.verify(shard, key);
      if (reused) sources.set(shard, stored);
    }
    if (reused) {
      finished++;
      console.log(`  ✓ [${finished}/${plan.shards.length}] ${shard}: dipakai ulang dari cache (kunci ${key.slice(0, 12)})`);
    } else reasons.set(shard, rebuildReason(latest?.parts, parts));
  }
  timings.mark(orchestratorMarks.restoreEnd);
  toBuild = [...reasons.keys()];
  console.log(`Cache bagian di ${shown(cache.dir)}: ${selected.length - toBuild.length} dari ${selected.length} bagian dipakai ulang, ${toBuild.length} dibangun.`);
  for (const [shard, reason] of reasons) console.log(`  bagian ${shard} dibangun: ${reason}`);
}

/** Keeps a built shard's output in the cache; a failure costs the next build time, not this one. */
function store(shard: string): void {
  if (!cache) return;
  const { key, parts } = preparedKey(shard);
  timings.mark(orchestratorMarks.storeStart(shard));
  try {
    cache.store(shard, key, parts, shardDir(shard, 'dist'));
    // The same files: the merge reads them from the cache like the shards reused.
    if (!values.only) sources.set(shard, cache.lookup(shard, key)!);
  } catch (error) {
    console.warn(`  bagian ${shard} tidak disimpan di cache: ${(error as Error).message}`);
  }
  timings.mark(orchestratorMarks.storeEnd(shard));
}

if (!values['merge-only']) {
  const queue = [...toBuild];
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      for (let shard = queue.shift(); shard !== undefined; shard = queue.shift()) {
        await build(shard);
        store(shard);
      }
    }),
  );
}
if (!values.only || values['merge-only']) {
  const merged = await mergeShards({
    plan,
    sourceOf: outputOf,
    outDir,
    stateDir: work,
    log: (line) => console.log(line),
    mark: (name) => timings.mark(name),
  });
  console.log(`Situs digabung di ${shown(outDir)} (${minutes(seconds())}).`);
  console.log(hostReport(merged.stats));
}
