/**
 * A build's phases, from the moments its processes recorded (src/build/timings.ts) on the same
 * clock as the memory samples, so every phase has its seconds and its peak memory:
 * - content loading: the build process started → `build:start` (Node and Astro start-up, the
 *   Jembatan content gate, Astro's config hooks, the content layer);
 * - bundling (Vite): → `render:start` (the server and client bundles; the prerenderer imports them);
 * - rendering: → `render:end` (Astro's prerenderer, first page to last);
 * - images: → `build:generated` (encoding, or reading Astro's image cache);
 * - output metadata check: → `headers:end` (Astro's wrap-up, then Jembatan's last hook: unshown
 *   originals removed, every built image read for EXIF/GPS, `_headers` written);
 * - search index: → `search:end` (Pagefind); a sharded build indexes each shard in its own
 *   process after Astro exits, timed by the orchestrator;
 * - sitemap and exit: → the process ends.
 * A phase whose moments are missing is null rather than a guess.
 */
import { ORCHESTRATOR, orchestratorMarks, WHOLE_BUILD, type BuildTimings } from '../../src/build/timings.ts';
import type { BuildRun } from './build-runner.ts';
import { peakBetween, type MemorySample } from './memory.ts';
import { round } from './units.ts';

/** One row of the phase table, as kept in `bench/results.json`. */
export interface Phase {
  name: string;
  seconds: number | null;
  peakRssMB: number | null;
  note?: string;
}

export interface PhaseFigures {
  phases: Phase[];
  /** Milliseconds spent rendering pages (summed over shards), for pages per second. */
  renderMs: number | null;
}

/** A phase before it is rounded and described: milliseconds, and the steps they are made of. */
interface Measured {
  name: string;
  ms: number | null;
  peakRssMB: number | null;
  /** Text leading the note. */
  note?: string;
  /** Milliseconds of steps inside the phase, listed in the note. */
  parts?: Record<string, number | null>;
}

export interface Span {
  from: number;
  to: number;
}

const spanOf = (from: number | undefined, to: number | undefined): Span | null => (from !== undefined && to !== undefined && to >= from ? { from, to } : null);
/** How long at least one of the spans was running. */
export function coveredMs(spans: readonly Span[]): number {
  let total = 0;
  let end = -Infinity;
  for (const { from, to } of [...spans].sort((a, b) => a.from - b.from)) {
    if (to <= end) continue;
    total += to - Math.max(from, end);
    end = to;
  }
  return total;
}

const lengthOf = (span: Span) => span.to - span.from;
const msOf = (from: number | undefined, to: number | undefined) => {
  const span = spanOf(from, to);
  return span && lengthOf(span);
};

function measure(samples: readonly MemorySample[], name: string, span: Span | null, extra: Pick<Measured, 'note' | 'parts'> = {}): Measured {
  return { name, ms: span && span.to - span.from, peakRssMB: span && peakBetween(samples, span.from, span.to), ...extra };
}

/**
 * The phases of one `astro build` process, from `start` to `end` on the benchmark's clock.
 * `deferredSearch`: the shard's search index, made after Astro has exited (sharded builds).
 */
function buildPhases(timings: BuildTimings | undefined, samples: readonly MemorySample[], start: number, end: number | undefined, deferredSearch?: Span | null): Measured[] {
  const m: Partial<Record<string, number>> = timings?.marks ?? {};
  const phase = (name: string, from: number | undefined, to: number | undefined, extra?: Pick<Measured, 'note' | 'parts'>) => measure(samples, name, timings ? spanOf(from, to) : null, extra);
  const searchInProcess = deferredSearch === undefined;
  return [
    phase('content loading', start, m['build:start'], {
      parts: {
        'start-up': msOf(start, m['gate:start']),
        'content gate': msOf(m['gate:start'], m['gate:end']),
        'config hooks': msOf(m['gate:end'], m['config:done']),
        'content layer': msOf(m['config:done'], m['build:start']),
      },
    }),
    phase('bundling (Vite)', m['build:start'], m['render:start']),
    phase('rendering', m['render:start'], m['render:end']),
    phase('images', m['render:end'], m['build:generated']),
    phase('output metadata check', m['build:generated'], m['headers:end'], {
      note: 'Jembatan reads every built image for EXIF/GPS',
      parts: {
        'EXIF/GPS check': msOf(m['unreferenced:end'], m['metadata:end']),
        "Astro's wrap-up": msOf(m['build:generated'], m['done:start']),
        'unshown originals removed': msOf(m['done:start'], m['unreferenced:end']),
        _headers: msOf(m['metadata:end'], m['headers:end']),
      },
    }),
    searchInProcess
      ? phase('search index', m['headers:end'], m['search:end'], { parts: { Pagefind: msOf(m['search:start'], m['search:end']) } })
      : measure(samples, 'search index', deferredSearch, { note: 'Pagefind in its own process, after Astro exits' }),
    searchInProcess
      ? phase('sitemap and exit', m['search:end'], end)
      : phase('sitemap and exit', m['headers:end'], end, { note: 'before the search index, which runs after Astro exits' }),
  ];
}

function describe({ note, parts = {} }: Measured): string | undefined {
  const steps = Object.entries(parts)
    .filter((entry): entry is [string, number] => entry[1] !== null)
    .map(([step, ms]) => `${step} ${Math.round(ms)} ms`)
    .join(', ');
  return [note, steps].filter(Boolean).join(': ') || undefined;
}

function toPhase(measured: Measured): Phase {
  const note = describe(measured);
  return { name: measured.name, seconds: measured.ms === null ? null : round(measured.ms / 1000, 2), peakRssMB: measured.peakRssMB, ...(note && { note }) };
}

const renderMsOf = (timings: BuildTimings | undefined) => msOf(timings?.marks['render:start'], timings?.marks['render:end']);

/** Phases of a whole build: one `astro build`, from the benchmark starting it to its exit. */
export function phasesOf(run: BuildRun): PhaseFigures {
  const timings = run.timings.get(WHOLE_BUILD);
  return { phases: buildPhases(timings, run.samples, run.startedAt, run.endedAt).map(toPhase), renderMs: renderMsOf(timings) };
}

/** The same phase of two shards: seconds added up (a phase missing in one counts the other), peaks the higher. */
function add(total: Measured, next: Measured): Measured {
  const parts = { ...total.parts };
  for (const [step, ms] of Object.entries(next.parts ?? {})) parts[step] = parts[step] === null || parts[step] === undefined ? ms : parts[step]! + (ms ?? 0);
  return {
    ...total,
    ms: total.ms === null || next.ms === null ? (total.ms ?? next.ms) : total.ms + next.ms,
    peakRssMB: Math.max(total.peakRssMB ?? 0, next.peakRssMB ?? 0) || null,
    ...(total.parts && { parts }),
  };
}

/**
 * The shards a sharded build built, from the timings each one's `astro build` wrote (a shard
 * restored from the shard cache writes none), and how many of the plan's it did not build.
 */
export function builtShards(run: BuildRun, planned: readonly string[]): { built: string[]; reused: number } {
  const built = planned.filter((shard) => run.timings.has(shard));
  return { built, reused: planned.length - built.length };
}

/**
 * Phases of a sharded build: each shard's `astro build` is read like a whole build (from its
 * process start to its exit, with its search index from the orchestrator), then the seconds are
 * added up and the peaks taken over all shards. Preparing (the gate, the plan, the keys and the
 * folders of the shards to build), the shard cache (unchanged shards checked, built shards
 * stored), the merge and its search router are phases of their own, and what the orchestrator
 * does besides (starting processes, the host report) is the wall time when none of these ran (two
 * shards build side by side, so their seconds overlap). The orchestrator's moments come from its own timings
 * file (scripts/build-sharded.ts writes one beside the shards').
 */
export function shardedPhasesOf(run: BuildRun): PhaseFigures {
  const orchestrator: Partial<Record<string, number>> = run.timings.get(ORCHESTRATOR)?.marks ?? {};
  const shards = [...run.timings].filter(([name]) => name !== ORCHESTRATOR).sort(([, a], [, b]) => a.processStart - b.processStart);
  let totals: Measured[] | null = null;
  let renderMs = 0;
  // Everything measured, as moments: with two shards building at once their seconds overlap.
  const measured: Span[] = [];
  for (const [shard, timings] of shards) {
    const exit = timings.marks.exit;
    const search = spanOf(orchestrator[orchestratorMarks.searchStart(shard)], orchestrator[orchestratorMarks.searchEnd(shard)]);
    const part = buildPhases(timings, run.samples, timings.processStart, exit, search);
    totals = totals ? totals.map((total, i) => add(total, part[i]!)) : part;
    renderMs += renderMsOf(timings) ?? 0;
    for (const span of [spanOf(timings.processStart, exit), search]) if (span) measured.push(span);
  }
  const phases = (totals ?? buildPhases(undefined, run.samples, run.startedAt, run.endedAt, null)).map(toPhase);
  // Before any shard: the content checked once, the shards planned, their keys computed and the
  // folders of the shards to build written (the preparing child process).
  const prepare = spanOf(run.startedAt, orchestrator[orchestratorMarks.prepareEnd]);
  if (prepare) {
    phases.unshift(toPhase(measure(run.samples, 'prepare (gate, plan, keys, shard folders)', prepare)));
    measured.push(prepare);
  }
  const router = spanOf(orchestrator[orchestratorMarks.routerStart], orchestrator[orchestratorMarks.routerEnd]);
  if (router) {
    phases.push(toPhase(measure(run.samples, 'search router', router)));
    measured.push(router);
  }
  // The shard cache: unchanged shards restored before any build, each built one stored after it.
  const restore = spanOf(orchestrator[orchestratorMarks.restoreStart], orchestrator[orchestratorMarks.restoreEnd]);
  const stores = shards.map(([shard]) => spanOf(orchestrator[orchestratorMarks.storeStart(shard)], orchestrator[orchestratorMarks.storeEnd(shard)])).filter((span) => span !== null);
  if (restore || stores.length > 0) {
    const check = restore && lengthOf(restore);
    const store = stores.reduce((sum, span) => sum + lengthOf(span), 0);
    phases.push(toPhase({ name: 'shard cache (check, store)', ms: (check ?? 0) + store, peakRssMB: null, parts: { check, store } }));
    measured.push(...(restore ? [restore] : []), ...stores);
  }
  // The merge without its router: linking the shards' files (only the changed ones' into the
  // previous site), the map, the sitemap index, and the state for the next merge.
  const merge = spanOf(orchestrator[orchestratorMarks.mergeStart], orchestrator[orchestratorMarks.mergeEnd]);
  if (merge) {
    const linking = lengthOf(merge) - (router ? lengthOf(router) : 0);
    phases.push(toPhase({ name: 'merge (without the router)', ms: linking, peakRssMB: null }));
    measured.push(merge);
  }
  // The rest is the wall time when nothing measured ran, never the wall time less the phases'
  // seconds, which two shards side by side add up to more than the time they took.
  phases.push({ name: 'orchestration (processes, host report)', seconds: round((run.wallMs - coveredMs(measured)) / 1000, 2), peakRssMB: null });
  return { phases, renderMs };
}
