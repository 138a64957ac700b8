import { describe, expect, it } from 'vitest';
import type { BuildRun } from '../../../scripts/bench/build-runner.ts';
import { imageCounts } from '../../../scripts/bench/log.ts';
import type { MemorySample } from '../../../scripts/bench/memory.ts';
import { builtShards, coveredMs, phasesOf, shardedPhasesOf, type Phase } from '../../../scripts/bench/phases.ts';
import { ORCHESTRATOR, type BuildMark, type BuildTimings } from '../../../src/build/timings.ts';

const MB = 1024 * 1024;
const T0 = 1_800_000_000_000;

/** A build's marks as offsets from T0 in ms. */
function timings(shard: string | null, processStart: number, marks: Partial<Record<BuildMark, number>>): BuildTimings {
  return { version: 1, shard, pid: 1, processStart: T0 + processStart, marks: Object.fromEntries(Object.entries(marks).map(([k, v]) => [k, T0 + v])) };
}

/** Memory sampled every 100 ms: `mb(t)` MB at T0 + t. */
const samples = (until: number, mb: (t: number) => number): MemorySample[] => Array.from({ length: until / 100 + 1 }, (_, i) => ({ at: T0 + i * 100, rssBytes: mb(i * 100) * MB }));

function run(parts: Partial<BuildRun>): BuildRun {
  return { code: 0, startedAt: T0, endedAt: T0, wallMs: 0, lines: [], samples: [], timings: new Map(), ...parts };
}

const byName = (phases: Phase[]) => Object.fromEntries(phases.map((p) => [p.name, p]));

const WHOLE: Partial<Record<BuildMark, number>> = {
  'gate:start': 600,
  'gate:end': 1_000,
  'config:setup': 1_010,
  'config:done': 1_100,
  'build:start': 2_000,
  'render:start': 3_000,
  'render:end': 5_000,
  'build:generated': 5_500,
  'done:start': 5_510,
  'unreferenced:end': 5_520,
  'metadata:end': 5_700,
  'headers:end': 5_710,
  'search:start': 5_720,
  'search:end': 6_200,
  exit: 6_400,
};

describe('phasesOf (a whole build)', () => {
  const build = run({
    startedAt: T0,
    endedAt: T0 + 6_500,
    wallMs: 6_500,
    samples: samples(6_500, (t) => (t === 4_000 ? 900 : t < 2_000 ? 300 : 500)),
    timings: new Map([['site', timings(null, 50, WHOLE)]]),
  });

  it('cuts the build at its recorded moments, from start to the benchmark seeing it end', () => {
    const { phases, renderMs } = phasesOf(build);
    expect(phases.map((p) => p.name)).toEqual(['content loading', 'bundling (Vite)', 'rendering', 'images', 'output metadata check', 'search index', 'sitemap and exit']);
    expect(phases.map((p) => p.seconds)).toEqual([2, 1, 2, 0.5, 0.21, 0.49, 0.3]);
    // The phases tile the whole run.
    expect(phases.reduce((sum, p) => sum + (p.seconds ?? 0), 0)).toBeCloseTo(6.5, 5);
    expect(renderMs).toBe(2_000);
  });

  it('gives each phase the highest memory sampled inside it', () => {
    const phases = byName(phasesOf(build).phases);
    expect(phases['content loading']!.peakRssMB).toBe(500); // the sample at 2,000 ms closes it
    expect(phases['rendering']!.peakRssMB).toBe(900);
  });

  it('says what the longer phases are made of', () => {
    const phases = byName(phasesOf(build).phases);
    expect(phases['content loading']!.note).toBe('start-up 600 ms, content gate 400 ms, config hooks 100 ms, content layer 900 ms');
    expect(phases['output metadata check']!.note).toBe(
      "Jembatan reads every built image for EXIF/GPS: EXIF/GPS check 180 ms, Astro's wrap-up 10 ms, unshown originals removed 10 ms, _headers 10 ms",
    );
    expect(phases['search index']!.note).toBe('Pagefind 480 ms');
  });

  it('leaves a phase empty rather than guess when its moments are missing', () => {
    const { phases, renderMs } = phasesOf(run({ ...build, timings: new Map([['site', timings(null, 50, { ...WHOLE, 'render:end': undefined })]]) }));
    expect(byName(phases)['rendering']!.seconds).toBeNull();
    expect(byName(phases)['images']!.seconds).toBeNull();
    expect(byName(phases)['bundling (Vite)']!.seconds).toBe(1);
    expect(renderMs).toBeNull();
    const none = phasesOf(run({ ...build, timings: new Map() }));
    expect(none.phases.every((p) => p.seconds === null)).toBe(true);
  });
});

describe('shardedPhasesOf', () => {
  /** A shard whose Astro process runs from `at` for 3 s and indexes search afterwards. */
  const shard = (name: string, at: number): [string, BuildTimings] => [
    name,
    timings(name, at, {
      'gate:start': at + 100,
      'gate:end': at + 300,
      'config:done': at + 350,
      'build:start': at + 1_000,
      'render:start': at + 1_500,
      'render:end': at + 2_000,
      'build:generated': at + 2_400,
      'done:start': at + 2_410,
      'unreferenced:end': at + 2_420,
      'metadata:end': at + 2_500,
      'headers:end': at + 2_600,
      exit: at + 3_000,
    }),
  ];
  const orchestrator = timings(null, 0, {});
  orchestrator.marks = { 'search:start:64': T0 + 4_100, 'search:end:64': T0 + 4_600, 'search:start:65': T0 + 8_100, 'search:end:65': T0 + 8_900, 'router:start': T0 + 12_000, 'router:end': T0 + 12_500 };
  const sharded = run({
    startedAt: T0,
    endedAt: T0 + 14_000,
    wallMs: 14_000,
    samples: samples(14_000, (t) => (t >= 8_100 && t <= 8_900 ? 700 : 400)),
    timings: new Map([shard('64', 1_000), shard('65', 5_000), shard('jaringan', 9_000), [ORCHESTRATOR, orchestrator]]),
  });

  it('adds up each phase over the shards, with the search index from the orchestrator', () => {
    const { phases, renderMs } = shardedPhasesOf(sharded);
    const named = byName(phases);
    expect(named['content loading']!.seconds).toBe(3);
    expect(named['content loading']!.note).toBe('start-up 300 ms, content gate 600 ms, config hooks 150 ms, content layer 1950 ms');
    expect(named['rendering']!.seconds).toBe(1.5);
    expect(named['images']!.seconds).toBe(1.2);
    expect(named['search index']).toEqual({ name: 'search index', seconds: 1.3, peakRssMB: 700, note: 'Pagefind in its own process, after Astro exits' });
    expect(named['sitemap and exit']!.seconds).toBe(1.2);
    expect(named['search router']).toEqual({ name: 'search router', seconds: 0.5, peakRssMB: 400 });
    // 14 s of wall time: three 3 s shards, 1.3 s of search indexes and the router's 0.5 s.
    expect(named['orchestration (processes, host report)']).toEqual({ name: 'orchestration (processes, host report)', seconds: 3.2, peakRssMB: null });
    expect(phases.map((p) => p.name).slice(-3)).toEqual(['sitemap and exit', 'search router', 'orchestration (processes, host report)']);
    expect(renderMs).toBe(1_500);
  });

  it('gives the shard cache its own phase: the shards restored, and each built shard stored', () => {
    const cached = timings(null, 0, {});
    cached.marks = {
      ...orchestrator.marks,
      'cache:restore:start': T0 + 900,
      'cache:restore:end': T0 + 1_000,
      'cache:store:start:64': T0 + 4_600,
      'cache:store:end:64': T0 + 4_700,
      'cache:store:start:65': T0 + 8_900,
      'cache:store:end:65': T0 + 9_000,
    };
    const { phases } = shardedPhasesOf({ ...sharded, timings: new Map([...sharded.timings, [ORCHESTRATOR, cached]]) });
    const named = byName(phases);
    expect(named['shard cache (check, store)']).toEqual({ name: 'shard cache (check, store)', seconds: 0.3, peakRssMB: null, note: 'check 100 ms, store 200 ms' });
    // Taken out of the orchestrator's rest: 3.2 s without the cache.
    expect(named['orchestration (processes, host report)']!.seconds).toBe(2.9);
    expect(byName(shardedPhasesOf(sharded).phases)['shard cache (check, store)']).toBeUndefined();
  });

  it('counts as orchestration only the time when nothing measured ran, with two shards side by side', () => {
    // 64 and 65 build at once (1 s to 4 s and 2 s to 5 s) and index search one after the other.
    const side: BuildRun = {
      ...sharded,
      wallMs: 8_000,
      endedAt: T0 + 8_000,
      timings: new Map([shard('64', 1_000), shard('65', 2_000), [ORCHESTRATOR, { ...orchestrator, marks: { 'search:start:64': T0 + 4_000, 'search:end:64': T0 + 4_500, 'search:start:65': T0 + 5_000, 'search:end:65': T0 + 5_500 } }]]),
    };
    const named = byName(shardedPhasesOf(side).phases);
    // 6 s of Astro processes in 4 s of wall time (1 s to 5 s), then 0.5 s of search: 4.5 s covered.
    expect(named['rendering']!.seconds).toBe(1);
    expect(named['orchestration (processes, host report)']!.seconds).toBe(3.5);
  });

  it('measures the time some span covers, overlaps counted once', () => {
    expect(coveredMs([])).toBe(0);
    expect(coveredMs([{ from: 0, to: 10 }, { from: 20, to: 30 }])).toBe(20);
    expect(coveredMs([{ from: 5, to: 15 }, { from: 0, to: 10 }, { from: 2, to: 3 }, { from: 15, to: 18 }])).toBe(18);
  });

  it('gives preparing and the merge their own phases, the router apart from the merge', () => {
    const staged = timings(null, 0, {});
    // The merge starts when the last shard has exited, and runs the router first.
    staged.marks = { ...orchestrator.marks, 'prepare:end': T0 + 800, 'merge:start': T0 + 12_000, 'merge:end': T0 + 12_900 };
    const named = byName(shardedPhasesOf({ ...sharded, timings: new Map([...sharded.timings, [ORCHESTRATOR, staged]]) }).phases);
    expect(named['prepare (gate, plan, keys, shard folders)']).toEqual({ name: 'prepare (gate, plan, keys, shard folders)', seconds: 0.8, peakRssMB: 400 });
    expect(named['merge (without the router)']).toEqual({ name: 'merge (without the router)', seconds: 0.4, peakRssMB: null });
    expect(named['search router']!.seconds).toBe(0.5);
    // 3.2 s outside the shards, less 0.8 s preparing and 0.4 s merging.
    expect(named['orchestration (processes, host report)']!.seconds).toBe(2);
  });

  it('tells the shards a build built from those the shard cache gave back, by the timings each build wrote', () => {
    expect(builtShards(sharded, ['63', '64', '65', 'jaringan'])).toEqual({ built: ['64', '65', 'jaringan'], reused: 1 });
  });

});

describe('imageCounts', () => {
  it('counts the images Astro encoded and those it took from its cache', () => {
    const lines = [
      '  ▶ /_astro/a.Xy_1.webp (before: 120kB, after: 40kB) (+25ms) (1/3)',
      '  ▶ /_astro/b.Xy_2.webp (reused cache entry) (+1ms) (2/3)',
      '  ▶ /_astro/c.Xy_3.webp (revalidated cache entry) (+1ms) (3/3)',
      'generating optimized images',
    ].map((text) => ({ at: T0, text }));
    expect(imageCounts(lines)).toEqual({ encoded: 1, reused: 2, total: 3 });
  });
});
