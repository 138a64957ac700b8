/**
 * What the benchmark still reads from a build's log, because Astro says it nowhere else: the
 * image lines it prints (how many it encoded and how many it took from its cache) and whether the
 * content store was cleared. Every phase time comes from the build's timings (build/timings.ts).
 */
import type { LogLine } from './build-runner.ts';

/** Image lines Astro prints: newly encoded ones show "(before: …kB, after: …kB)", cached ones "(reused cache entry)". */
export function imageCounts(lines: readonly LogLine[]): { encoded: number; reused: number; total: number } {
  let encoded = 0;
  let reused = 0;
  let total = 0;
  for (const { text } of lines) {
    if (!text.includes('▶')) continue;
    if (/\(before: [\d.]+kB, after: [\d.]+kB\)/.test(text)) encoded++;
    else if (/\((reused|revalidated) cache entry\)/.test(text)) reused++;
    const count = /\((\d+)\/(\d+)\)\s*$/.exec(text);
    if (count) total = Math.max(total, Number(count[2]));
  }
  return { encoded, reused, total };
}

/** Whether Astro threw its content store away (a rebuild should keep it). */
export const contentStoreCleared = (lines: readonly LogLine[]) => lines.some((l) => /Clearing content store/.test(l.text));
