/**
 * Runs one real build in a child process: `astro build`, or scripts/build-sharded.ts for a
 * sharded one. It keeps the log (timed, for the log file and the image counts), samples the
 * memory of the process tree, and collects the phase timings every `astro build` of the run
 * writes (src/build/timings.ts): one file per shard, `site.json` for a whole build.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ShardPlan } from '../../src/build/shards/plan.ts';
import { parseTimings, TIMINGS_ENV, type BuildTimings } from '../../src/build/timings.ts';
import { cleanEnv } from '../lib/child-env.ts';
import { sampleMemory, type MemorySample } from './memory.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ASTRO_BIN = path.join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
const SHARDED_BIN = path.join(PROJECT_ROOT, 'scripts/build-sharded.ts');

export interface LogLine {
  /** When the line reached us, epoch ms. */
  at: number;
  text: string;
}

export interface BuildRun {
  code: number | null;
  /** When the build process was started and when it ended, epoch ms. */
  startedAt: number;
  endedAt: number;
  wallMs: number;
  lines: LogLine[];
  samples: MemorySample[];
  /** The timings each process wrote, by file name without `.json` (a shard's name, or `site`). */
  timings: Map<string, BuildTimings>;
}

export interface BuildFolders {
  contentDir: string;
  cacheDir: string;
  outDir: string;
  /** The log, appended to. */
  logFile: string;
  /** Where the build's processes write their timings; a fresh folder per build. */
  timingsDir: string;
}

/** Where a sharded run keeps each shard's content, output and logs (`<work>/<shard>/`). */
export const shardWork = (cacheDir: string) => path.join(cacheDir, 'shards');

const shardArgs = (shardVillages: number | undefined) => (shardVillages ? ['--shard-villages', String(shardVillages)] : []);

/** A child build's environment: the run's content and caches, and nothing of Vitest's or Vite's (cleanEnv). */
const buildEnv = (contentDir: string, cacheDir: string): NodeJS.ProcessEnv => ({
  ...cleanEnv(),
  JEMBATAN_CONTENT_DIR: contentDir,
  JEMBATAN_CACHE_DIR: cacheDir,
  ASTRO_TELEMETRY_DISABLED: '1',
  NO_COLOR: '1',
  FORCE_COLOR: '0',
});

/** The shard plan of a sharded build of the run's content (`build:sharded --plan`, which checks the content first). */
export function shardPlanOf({ contentDir, cacheDir }: BuildFolders, shardVillages?: number): ShardPlan {
  const result = spawnSync(process.execPath, [SHARDED_BIN, '--plan', '--work', shardWork(cacheDir), ...shardArgs(shardVillages)], {
    cwd: PROJECT_ROOT,
    env: buildEnv(contentDir, cacheDir),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`build:sharded --plan failed (exit ${result.status}):\n${result.stderr.slice(-3000)}`);
  return JSON.parse(result.stdout) as ShardPlan;
}

/** Runs the real build once, timing every log line and sampling the memory of its process tree. */
export function runBuild({ contentDir, cacheDir, outDir, logFile, timingsDir }: BuildFolders, sharded = false, shardVillages?: number, only?: readonly string[]): Promise<BuildRun> {
  mkdirSync(timingsDir, { recursive: true });
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const startedAt = Date.now();
    const lines: LogLine[] = [];
    const command = sharded
      ? // The shard cache lives in the run's own folder: the first build is cold, the rebuild finds it.
        [SHARDED_BIN, '--out', outDir, '--work', shardWork(cacheDir), '--cache', path.join(cacheDir, 'shard-outputs'), '--stream-logs', ...shardArgs(shardVillages), ...(only ? ['--only', only.join(',')] : [])]
      : [ASTRO_BIN, 'build', '--outDir', outDir];
    const child = spawn(process.execPath, command, {
      cwd: PROJECT_ROOT,
      env: { ...buildEnv(contentDir, cacheDir), [TIMINGS_ENV]: path.join(timingsDir, '{shard}.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const memory = sampleMemory(child.pid);
    const reader = () => {
      let pending = '';
      return (chunk: Buffer) => {
        const at = Date.now();
        pending += chunk.toString('utf8');
        const parts = pending.split('\n');
        pending = parts.pop()!;
        for (const text of parts) {
          lines.push({ at, text });
          appendFileSync(logFile, `${((at - startedAt) / 1000).toFixed(2).padStart(8)}  ${text}\n`);
        }
      };
    };
    child.stdout.on('data', reader());
    child.stderr.on('data', reader());
    child.on('error', (error) => {
      memory.stop();
      reject(error);
    });
    child.on('close', (code) => {
      memory.stop();
      const endedAt = Date.now();
      resolve({ code, startedAt, endedAt, wallMs: performance.now() - started, lines, samples: memory.samples, timings: readTimings(timingsDir) });
    });
  });
}

/** Every timings file in a folder, by name. */
function readTimings(dir: string): Map<string, BuildTimings> {
  const timings = new Map<string, BuildTimings>();
  if (!existsSync(dir)) return timings;
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    timings.set(name.slice(0, -'.json'.length), parseTimings(readFileSync(path.join(dir, name), 'utf8')));
  }
  return timings;
}
