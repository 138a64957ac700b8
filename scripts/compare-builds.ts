/**
 * Proves a change of code changed nothing a reader gets: builds the demo network and a generated
 * network of several provinces (namesake villages, "Desa Adat" names, photos, MDX) with this
 * working tree and with another revision, and compares the two sites byte for byte.
 * Usage: `npm run compare:builds -- --against <revisi> [--scope 11.01,35.07,…] [--keep]`.
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compareTrees } from '../src/build/checks/compare.ts';
import { generateNetwork } from './bench/synthetic.ts';
import { cleanEnv } from './lib/child-env.ts';
import { readArguments } from './lib/cli.ts';

const USAGE = [
  'Cara pakai: npm run compare:builds -- --against <revisi> [--scope 11.01,35.07,64.02,64.74,91.03] [--keep]',
  '',
  'Membangun jaringan contoh dan jaringan sintetis beberapa provinsi dengan kode saat ini dan dengan',
  'revisi lain, lalu membandingkan kedua hasilnya berkas demi berkas.',
].join('\n');
const args = readArguments(USAGE, { against: { type: 'string' }, scope: { type: 'string', default: '11.01,35.07,64.02,64.74,91.03' }, keep: { type: 'boolean', default: false } }, 0);
if (!args.values.against) {
  console.error(USAGE);
  process.exit(2);
}

const project = process.cwd();
const work = mkdtempSync(path.join(tmpdir(), 'jembatan-banding-'));
/** Every build pins the clock, so both revisions publish the same stories. */
const NOW = '2026-12-01T08:00:00+08:00';

function build(root: string, outDir: string, contentDir?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string> = { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: '1', JEMBATAN_NOW: NOW, JEMBATAN_CACHE_DIR: `${outDir}-cache` };
    if (contentDir) env.JEMBATAN_CONTENT_DIR = contentDir;
    else delete env.JEMBATAN_CONTENT_DIR;
    const child = spawn(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`Build di ${root} gagal (kode ${code}):\n${log.slice(-3000)}`))));
  });
}

let failed = false;
try {
  const revision = execFileSync('git', ['rev-parse', '--short', args.values.against], { encoding: 'utf8' }).trim();
  const other = path.join(work, `revisi-${revision}`);
  execFileSync('git', ['worktree', 'add', '--detach', '--quiet', other, revision]);
  // The other revision builds with this tree's installed packages.
  symlinkSync(path.join(project, 'node_modules'), path.join(other, 'node_modules'), 'dir');

  console.log(`Membuat jaringan sintetis untuk ${args.values.scope} …`);
  const fixture = path.join(work, 'konten-sintetis');
  await generateNetwork({ scope: args.values.scope!.split(','), outDir: fixture, seed: 7, today: new Date('2026-06-01T00:00:00Z') });

  for (const [name, content] of [['contoh', undefined], ['sintetis', fixture]] as const) {
    console.log(`Membangun jaringan ${name} dengan revisi ${revision} dan dengan kode saat ini …`);
    const before = path.join(work, `${name}-${revision}`);
    const after = path.join(work, `${name}-sekarang`);
    await build(other, before, content);
    await build(project, after, content);
    const { onlyBefore, onlyAfter, changed, renamed, same } = compareTrees(before, after);
    const differences = [...onlyBefore.map((f) => `hanya di ${revision}: ${f}`), ...onlyAfter.map((f) => `hanya sekarang: ${f}`), ...changed.map((f) => `berbeda: ${f}`)];
    for (const [from, to] of renamed) console.log(`    isi sama, nama baru: ${from} → ${to}`);
    if (differences.length === 0) console.log(`  ✓ ${name}: sama persis, ${same} berkas${renamed.length > 0 ? ` (${renamed.length} berganti nama dengan isi yang sama)` : ''}.`);
    else {
      failed = true;
      console.log(`  ✗ ${name}: ${differences.length} perbedaan (${same} berkas sama)\n${differences.slice(0, 40).map((d) => `    ${d}`).join('\n')}`);
    }
  }
  execFileSync('git', ['worktree', 'remove', '--force', other]);
} finally {
  if (args.values.keep) console.log(`Hasil disimpan di ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
