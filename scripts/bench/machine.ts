/** What a run was measured on: the machine, what else was building on it, and which code. */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { PROJECT_ROOT } from './build-runner.ts';
import type { BenchResult } from './results.ts';
import { round } from './units.ts';

/** Which code was measured: figures move with the components (image widths and formats above all). */
export function revision(): string {
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

export function machine(): BenchResult['machine'] {
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
