/**
 * What the benchmark still reads from a build's log, because Astro says it nowhere else: the
 * image lines it prints (how many it encoded and how many it took from its cache), the render time
 * of each generated file (feeds and social previews) and whether the content store was cleared. Every phase time comes from the build's timings (build/timings.ts).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
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

/** The files a build generated of one kind: how many, their bytes in the output, and Astro's render time for them. */
export interface GeneratedFigures {
  files: number;
  MB: number;
  /** The sum of Astro's "(+N ms)" for these files: rendering them, not writing the site. */
  renderSeconds: number;
}

/** Feeds (`rss.xml`, `feed.json`) and social previews (`pratinjau.jpg`), from the log and the output folder. */
export function generatedFigures(lines: readonly LogLine[], outDir: string): { feeds: GeneratedFigures; previews: GeneratedFigures } {
  const kinds = { feeds: /\/(?:rss\.xml|feed\.json)$/, previews: /\/pratinjau\.jpg$/ } as const;
  const result = { feeds: { files: 0, MB: 0, renderSeconds: 0 }, previews: { files: 0, MB: 0, renderSeconds: 0 } };
  const bytes = { feeds: 0, previews: 0 };
  for (const entry of existsSync(outDir) ? readdirSync(outDir, { recursive: true, withFileTypes: true }) : []) {
    if (!entry.isFile()) continue;
    for (const kind of ['feeds', 'previews'] as const) {
      if (!kinds[kind].test(`/${entry.name}`)) continue;
      result[kind].files++;
      bytes[kind] += statSync(path.join(entry.parentPath, entry.name)).size;
    }
  }
  for (const { text } of lines) {
    const line = /├─ (\S+?)\/? \(\+(\d+)ms\)/.exec(text);
    if (!line) continue;
    for (const kind of ['feeds', 'previews'] as const) if (kinds[kind].test(line[1]!)) result[kind].renderSeconds += Number(line[2]) / 1000;
  }
  for (const kind of ['feeds', 'previews'] as const) {
    result[kind].MB = Math.round((bytes[kind] / 1024 / 1024) * 100) / 100;
    result[kind].renderSeconds = Math.round(result[kind].renderSeconds * 10) / 10;
  }
  return result;
}
