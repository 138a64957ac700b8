/**
 * A national network measured from some of its shards (`--sample-shards N`): a whole national
 * first build takes two hours on two cores, and longer with a preview drawn for every story and
 * place, so the per-shard costs (feeds, previews, pages) are measured on the network shard and N
 * region shards spread over the plan from smallest to largest, built exactly as the whole build
 * builds them (`build:sharded --only`, two at a time). The whole network is then estimated as the
 * network shard plus the region shards scaled by their KIM: the generator gives every KIM the same
 * content, so a region shard's stories, places, feeds and previews follow its KIM. (Villages
 * without a KIM still get a page each, about a sixth of a national network's pages; the shards'
 * shares of villages and of KIM differ by a few per cent.) The report says which figures are
 * measured and which are estimated.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { orchestratorMarks, ORCHESTRATOR } from '../../src/build/timings.ts';
import { buildsInShard, NETWORK_SHARD } from '../../src/domain/shards.ts';
import type { BuildRun, LogLine } from './build-runner.ts';
import { generatedFigures, type GeneratedFigures } from './log.ts';
import { folderStats } from './search-cost.ts';
import { MB, round } from './units.ts';

/** What a sample needs of the shard plan (src/build/shards/plan.ts). */
export interface PlanOutline {
  shards: readonly string[];
  villages: Readonly<Record<string, number>>;
}

/** One built shard of the sample, as kept in `bench/results.json`. */
export interface SampledShard {
  shard: string;
  /** Villages the shard builds; 0 for the network shard. */
  villages: number;
  /** KIM in those villages; 0 for the network shard, which shows every KIM but builds none of their pages. */
  kim: number;
  pages: number;
  files: number;
  MB: number;
  /** From the shard's process start to its search index, with another shard building beside it. */
  seconds: number | null;
  feeds: GeneratedFigures;
  previews: GeneratedFigures;
}

export interface SampleFigures {
  /** Shards in the plan, the network shard included. */
  planned: number;
  /** Villages of every region shard of the plan. */
  villages: number;
  /** KIM of every region shard of the plan: the network's. */
  kim: number;
  shards: SampledShard[];
}

/**
 * The region shards to build: `count` of them at evenly spaced ranks of the plan's shards ordered
 * by villages (so the smallest and the largest are near the ends, not chosen by luck), in the
 * plan's order, then the network shard.
 */
export function chooseSample(plan: PlanOutline, count: number): string[] {
  const regions = plan.shards.filter((s) => s !== NETWORK_SHARD);
  if (count >= regions.length) return [...plan.shards];
  const bySize = [...regions].sort((a, b) => (plan.villages[a] ?? 0) - (plan.villages[b] ?? 0) || (a < b ? -1 : 1));
  const chosen = new Set(Array.from({ length: count }, (_, i) => bySize[Math.floor(((i + 0.5) * bySize.length) / count)]!));
  return [...regions.filter((s) => chosen.has(s)), ...(plan.shards.includes(NETWORK_SHARD) ? [NETWORK_SHARD] : [])];
}

const lines = (file: string): LogLine[] => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').map((text) => ({ at: 0, text })) : []);

/**
 * Each sampled shard's figures from its folder in the sharded build's work folder (`<work>/<shard>/`:
 * its output in `dist/`, its Astro log in `build.log`) and the timings of the run. `kimVillages`:
 * the village of every KIM of the network.
 */
export function measureSample(run: BuildRun, work: string, plan: PlanOutline, sample: readonly string[], kimVillages: readonly string[]): SampleFigures {
  const kimOf = (shard: string) => (shard === NETWORK_SHARD ? 0 : kimVillages.filter((code) => buildsInShard(shard, code)).length);
  const orchestrator = run.timings.get(ORCHESTRATOR)?.marks ?? {};
  const shards = sample.map((shard): SampledShard => {
    const dir = path.join(work, shard);
    const output = folderStats(path.join(dir, 'dist'));
    const timings = run.timings.get(shard);
    const end = orchestrator[orchestratorMarks.searchEnd(shard)] ?? timings?.marks.exit;
    const { feeds, previews } = generatedFigures(lines(path.join(dir, 'build.log')), path.join(dir, 'dist'));
    return {
      shard,
      villages: plan.villages[shard] ?? 0,
      kim: kimOf(shard),
      pages: output.html,
      files: output.files,
      MB: round(output.bytes / MB, 2),
      seconds: timings && end !== undefined ? round((end - timings.processStart) / 1000, 1) : null,
      feeds,
      previews,
    };
  });
  const villages = plan.shards.filter((s) => s !== NETWORK_SHARD).reduce((sum, s) => sum + (plan.villages[s] ?? 0), 0);
  return { planned: plan.shards.length, villages, kim: kimVillages.length, shards };
}

/** The whole network as estimated from a sample: the same fields as a shard, added up. */
export type WholeEstimate = Omit<SampledShard, 'shard' | 'villages' | 'kim'> & { factor: number };

/**
 * The network shard as measured plus the sampled region shards times (the network's KIM ÷ the
 * sampled region shards' KIM). Seconds are shard-seconds: two shards build at once, so the
 * shards' wall time is about half of it.
 */
export function estimateWhole(sample: SampleFigures): WholeEstimate {
  const regions = sample.shards.filter((s) => s.shard !== NETWORK_SHARD);
  const network = sample.shards.find((s) => s.shard === NETWORK_SHARD);
  const sampled = regions.reduce((sum, s) => sum + s.kim, 0);
  const factor = sampled > 0 ? sample.kim / sampled : 0;
  const total = (pick: (s: SampledShard) => number | null, digits: number) => {
    const value = regions.reduce((sum, s) => sum + (pick(s) ?? Number.NaN), 0) * factor + (network ? (pick(network) ?? Number.NaN) : 0);
    return round(value, digits);
  };
  const generated = (kind: 'feeds' | 'previews'): GeneratedFigures => ({
    files: total((s) => s[kind].files, 0),
    MB: total((s) => s[kind].MB, 1),
    renderSeconds: total((s) => s[kind].renderSeconds, 0),
  });
  const seconds = total((s) => s.seconds, 0);
  return {
    factor: round(factor, 2),
    pages: total((s) => s.pages, 0),
    files: total((s) => s.files, 0),
    MB: total((s) => s.MB, 0),
    seconds: Number.isNaN(seconds) ? null : seconds,
    feeds: generated('feeds'),
    previews: generated('previews'),
  };
}

/** The feeds and previews of the sampled shards together, as the run's own figures. */
export function sumGenerated(shards: readonly SampledShard[]): { feeds: GeneratedFigures; previews: GeneratedFigures } {
  const add = (kind: 'feeds' | 'previews'): GeneratedFigures => ({
    files: shards.reduce((sum, s) => sum + s[kind].files, 0),
    MB: round(shards.reduce((sum, s) => sum + s[kind].MB, 0), 2),
    renderSeconds: round(shards.reduce((sum, s) => sum + s[kind].renderSeconds, 0), 1),
  });
  return { feeds: add('feeds'), previews: add('previews') };
}
