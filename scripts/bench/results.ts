/**
 * `bench/results.json`: one entry per run (a scale, marked when built in shards), merged with what
 * earlier runs recorded, and what the runner learns from it before a run.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCALES, type ScaleName } from './options.ts';
import type { Phase } from './phases.ts';
import type { MeasuredSearch, SearchFigures } from './search-cost.ts';

import type { GeneratedFigures } from './log.ts';
import type { SampleFigures } from './sample.ts';

export const BENCH_DIR = fileURLToPath(new URL('../../bench', import.meta.url));
export const RESULTS_FILE = path.join(BENCH_DIR, 'results.json');

type ImageCounts = { encoded: number; reused: number; total: number };

/** One benchmark run at one scale, as kept in `bench/results.json`. */
export interface BenchResult {
  scale: ScaleName;
  scope: readonly string[];
  parameters: { kimShare: number; storiesPerKim: number; placesPerKim: number; coverShare: number; seed: number; sharded?: boolean; shardVillages?: number; socialCards?: 'kim' };
  content: { villagesInScope: number; kim: number; stories: number; places: number; covers: number };
  build: {
    wallSeconds: number;
    peakRssMB: number | null;
    phases: Phase[];
    pages: number;
    files: number;
    outputMB: number;
    pagesPerSecondRendering: number | null;
    pagesPerSecondTotal: number;
    images: ImageCounts;
    /** Feeds and social previews: files, MB and render time (absent from runs made before them). */
    generated?: { feeds: GeneratedFigures; previews: GeneratedFigures };
  };
  /** A run that built some shards only (`--sample-shards`): what each of them measured. */
  sample?: SampleFigures;
  search: SearchFigures | null;
  /** The first search measured in Chromium; absent from runs made before it was measured. */
  measuredSearch?: MeasuredSearch | null;
  rebuild: {
    wallSeconds: number;
    peakRssMB: number | null;
    phases: Phase[];
    images: ImageCounts;
    imageCacheFilesBefore: number;
    imageCacheFilesAfter: number;
    /** Social previews drawn by the rebuild: new files in the cards' cache (absent from older runs). */
    previewsDrawn?: number;
    contentStoreCleared: boolean;
    /** What changed before the rebuild: one story's text, or one new story (absent from older runs: the text). */
    change?: 'edit' | 'new-story';
    /** A sharded rebuild: the shards built again, and how many the shard cache gave back. */
    shards?: { built: string[]; reused: number };
  } | null;
  machine: { cpu: string; cores: number; totalMemoryGB: number; loadAverage1m: number; node: string; os: string; otherBuildsRunning: number };
  /** The commit built, with "+ uncommitted changes" when the working tree differed from it. */
  revision: string;
  date: string;
}

export function readResults(): BenchResult[] {
  return existsSync(RESULTS_FILE) ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as BenchResult[]) : [];
}

/** A run's name in tables and its key in results.json: the scale, marked when built in shards, from a sample of them or with shared previews. */
export const runName = (r: BenchResult) =>
  `${r.scale}${r.parameters.sharded && !r.sample ? (r.parameters.shardVillages ? ` (shards of ${r.parameters.shardVillages} villages)` : ' (shards)') : ''}` +
  `${r.sample ? ` (${r.sample.shards.length} of ${r.sample.planned} shards${r.parameters.shardVillages ? ` of ${r.parameters.shardVillages} villages` : ''})` : ''}${r.parameters.socialCards === 'kim' ? ' (socialCards: kim)' : ''}`;

const SCALE_ORDER = Object.keys(SCALES) as ScaleName[];

/** Fresh runs replace earlier ones of the same name; the list is ordered by scale, whole builds before sharded ones. */
export function mergeResults(previous: readonly BenchResult[], fresh: readonly BenchResult[]): BenchResult[] {
  const byRun = new Map(previous.map((r) => [runName(r), r]));
  for (const r of fresh) byRun.set(runName(r), r);
  return [...byRun.values()].sort(
    (a, b) =>
      SCALE_ORDER.indexOf(a.scale) - SCALE_ORDER.indexOf(b.scale) ||
      Number(a.parameters.sharded ?? false) - Number(b.parameters.sharded ?? false) ||
      (a.parameters.shardVillages ?? 0) - (b.parameters.shardVillages ?? 0) ||
      Number(a.sample !== undefined) - Number(b.sample !== undefined) ||
      Number(a.parameters.socialCards === 'kim') - Number(b.parameters.socialCards === 'kim'),
  );
}

/**
 * Image cost per cover when no earlier run says otherwise: WebP only at six widths, about 0.3 s
 * per cover on two cores (kota run). The components decide both numbers, so the runner prefers
 * the figures of the last measured run (see `imageCostPerCover`).
 */
const DEFAULT_IMAGE_COST = { files: 6, seconds: 0.3, from: 'built-in default' };

/**
 * Image files and image seconds per cover, from the most recent recorded run that encoded
 * covers: the widths and formats live in the components and change, so a constant would drift.
 */
export function imageCostPerCover(results: readonly BenchResult[]): { files: number; seconds: number; from: string } {
  const measured = results
    // A sample encodes the covers of some shards only, against the whole network's count.
    .filter((r) => !r.sample && r.content.covers > 0 && r.build.images.encoded > 0)
    .sort((a, b) => b.date.localeCompare(a.date))[0];
  const seconds = measured?.build.phases.find((p) => p.name === 'images')?.seconds;
  if (!measured || !seconds) return DEFAULT_IMAGE_COST;
  return {
    files: measured.build.images.encoded / measured.content.covers,
    seconds: seconds / measured.content.covers,
    from: `the ${measured.scale} run of ${measured.date.slice(0, 10)}`,
  };
}
