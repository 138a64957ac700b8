/**
 * Memory of a build's whole process tree (Astro, esbuild's service, Pagefind's binary), sampled
 * from /proc on the same clock as the build's timings (epoch milliseconds), so each phase gets
 * the highest sample inside it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { MB, round } from './units.ts';

export const SAMPLE_INTERVAL_MS = 100;

export interface MemorySample {
  /** When the sample was taken, epoch ms (`Date.now()`). */
  at: number;
  rssBytes: number;
}

/** Parent → children for every process, from /proc/<pid>/stat (the `children` file is not always there). */
function processChildren(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // The process ended while we looked.
    }
    // The command name is in parentheses and may contain spaces; fields resume after the last ")".
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const list = children.get(ppid);
    if (list) list.push(Number(name));
    else children.set(ppid, [Number(name)]);
  }
  return children;
}

function rssOf(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Sum of resident memory over a process and all its descendants. Shared pages count once per process. */
function treeRss(root: number): number {
  const children = processChildren();
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += rssOf(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * Samples a process tree every `SAMPLE_INTERVAL_MS` until stopped (Linux only: elsewhere the
 * list stays empty and every peak is null).
 */
export function sampleMemory(pid: number | undefined): { samples: MemorySample[]; stop: () => void } {
  const samples: MemorySample[] = [];
  const sample = () => {
    if (pid !== undefined && process.platform === 'linux') samples.push({ at: Date.now(), rssBytes: treeRss(pid) });
  };
  const timer = setInterval(sample, SAMPLE_INTERVAL_MS);
  sample();
  return { samples, stop: () => clearInterval(timer) };
}

/** Highest tree RSS sampled in [from, to], in MB; for a phase shorter than one interval, the next sample. */
export function peakBetween(samples: readonly MemorySample[], from: number, to: number): number | null {
  let peak = 0;
  for (const s of samples) if (s.at >= from && s.at <= to) peak = Math.max(peak, s.rssBytes);
  if (peak === 0) peak = samples.find((s) => s.at >= from)?.rssBytes ?? 0;
  return peak > 0 ? round(peak / MB) : null;
}

/** Highest tree RSS of the whole run, in MB. */
export function peakOf(samples: readonly MemorySample[]): number | null {
  const peak = samples.reduce((max, s) => Math.max(max, s.rssBytes), 0);
  return peak > 0 ? round(peak / MB) : null;
}
