/**
 * Build benchmark (issue #4). Generates a synthetic network from the real region data at one or
 * more scales, builds each with the real `astro build` in a child process, and reports wall time,
 * peak memory of the whole build process tree, per-phase figures from the timings the build
 * records (src/build/timings.ts), output size, and the Pagefind index with what a first search
 * downloads. It then changes one story (or, with --new-story, adds one) and rebuilds with the same
 * caches, to show that no image is encoded again and, for a sharded build, which shards the shard
 * cache could not reuse. With --sample-shards it builds only some shards of a sharded network and
 * estimates the whole from them (sample.ts).
 *
 * Usage: `npm run bench [-- --scale kota|kabupaten|provinsi|nasional|all] [--kim-share 0.33]
 *   [--stories 10] [--places 3] [--cover-share 0.1] [--seed 1] [--keep] [--no-rebuild] [--new-story] [--sharded]
 *   [--shard-villages 600] [--sample-shards 6] [--social-cards entries|kim] [--report-only]`
 *
 * Everything is written under the system temporary folder, never in `content/`. Results are
 * merged into `bench/results.json` (one entry per scale) and the tables in `bench/README.md`.
 * The parts: options.ts (command line), synthetic.ts (the network), build-runner.ts (one build,
 * with memory.ts sampling it), phases.ts (its timings as phases), sample.ts (a sample of shards),
 * log.ts (what is still read from the log), search-cost.ts (the output and its search index),
 * results.ts and report.ts.
 */
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadRegionData } from '../../src/format/sources/regions.ts';
import type { ShardPlan } from '../../src/build/shards/plan.ts';
import { runBuild, shardPlanOf, shardWork, type BuildFolders, type BuildRun } from './build-runner.ts';
import { contentStoreCleared, generatedFigures, imageCounts } from './log.ts';
import { machine, revision } from './machine.ts';
import { peakOf } from './memory.ts';
import { readOptions, SCALES, type Options, type ScaleName } from './options.ts';
import { builtShards, phasesOf, shardedPhasesOf } from './phases.ts';
import { phaseTable, README_FILE, summaryTable, writeReport } from './report.ts';
import { imageCostPerCover, mergeResults, readResults, RESULTS_FILE, type BenchResult } from './results.ts';
import { folderStats, measureSearch, searchFigures } from './search-cost.ts';
import { chooseSample, measureSample, sumGenerated } from './sample.ts';
import { estimateCovers, generateNetwork, villagesInScope, writeNewStory } from './synthetic.ts';
import { MB, round } from './units.ts';

/** Above this many image files the run is slow enough on a small machine that the user should know. */
const IMAGE_WARNING_THRESHOLD = 3000;

/** Social preview cards in the build caches (one folder per build, or per shard). */
const countPreviews = (cacheDir: string) =>
  existsSync(cacheDir) ? readdirSync(cacheDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.jpg') && path.basename(e.parentPath) === 'social').length : 0;
const countFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length : 0);

/** Phases of a run; warns when the build wrote no timings, so its phases are empty. */
function phasesOfRun(run: BuildRun, sharded: boolean) {
  if (run.timings.size === 0) console.warn('WARNING: the build wrote no timings (JEMBATAN_TIMINGS); its phases are left empty.');
  return sharded ? shardedPhasesOf(run) : phasesOf(run);
}

async function benchScale(scale: ScaleName, options: Options, regions: Awaited<ReturnType<typeof loadRegionData>>): Promise<BenchResult> {
  const { scope, label } = SCALES[scale];
  const work = mkdtempSync(path.join(os.tmpdir(), `jembatan-bench-${scale}-`));
  const folders = (run: string): BuildFolders => ({
    contentDir: path.join(work, 'content'),
    cacheDir: path.join(work, 'cache'),
    outDir: path.join(work, 'dist'),
    logFile: path.join(work, 'build.log'),
    timingsDir: path.join(work, 'timings', run),
  });
  const { contentDir, cacheDir, outDir, logFile } = folders('build');
  console.log(`\n== ${scale}: ${label}  (work folder ${work})`);

  const villages = villagesInScope(regions, scope).length;
  const covers = estimateCovers(villages, options);
  const cost = imageCostPerCover(readResults());
  const files = Math.round(covers * cost.files);
  // A sample encodes only the covers of the shards it builds: the whole network's count would mislead.
  if (files > IMAGE_WARNING_THRESHOLD && !options.sampleShards) {
    const hours = (covers * cost.seconds) / 3600;
    console.warn(
      `WARNING: ${covers.toLocaleString('en')} cover photos ≈ ${files.toLocaleString('en')} image files to encode, ` +
        `about ${hours < 1 ? `${Math.round(hours * 60)} minutes` : `${hours.toFixed(1)} hours`} of images ` +
        `(${cost.files.toFixed(1)} files and ${cost.seconds.toFixed(2)} s per cover, from ${cost.from}). ` +
        'Lower --cover-share to measure the rest of the build.',
    );
  }

  const machineBefore = machine();
  if (machineBefore.otherBuildsRunning > 0) console.warn(`WARNING: ${machineBefore.otherBuildsRunning} other astro build(s) running; figures will be skewed.`);

  const started = performance.now();
  const generated = await generateNetwork({ scope, outDir: contentDir, regions, ...options });
  console.log(
    `generated ${generated.kimIds.length} KIM, ${generated.storyIds.length} stories, ${generated.placeIds.length} places, ` +
      `${generated.covers} covers in ${villages} villages (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );

  let sampled: { plan: ShardPlan; shards: string[] } | undefined;
  if (options.sampleShards) {
    console.log('planning the shards to choose a sample…');
    const plan = shardPlanOf(folders('build'), options.shardVillages);
    sampled = { plan, shards: chooseSample(plan, options.sampleShards) };
    console.log(`sample: ${sampled.shards.map((s) => `${s} (${plan.villages[s] ?? 0} villages)`).join(', ')} of ${plan.shards.length} shards`);
  }

  console.log(`building… (log: ${logFile})`);
  const first = await runBuild(folders('build'), options.sharded, options.shardVillages, sampled?.shards);
  if (first.code !== 0) {
    console.error(first.lines.slice(-40).map((l) => l.text).join('\n'));
    throw new Error(`Build failed at scale ${scale} (exit ${first.code}); work folder kept: ${work}`);
  }
  const { phases, renderMs } = phasesOfRun(first, options.sharded);
  const sample = sampled && measureSample(first, shardWork(cacheDir), sampled.plan, sampled.shards, generated.kimVillages);
  // A sample is never merged into a site: its output is the sampled shards' folders.
  const output = sample
    ? sample.shards.reduce((sum, s) => ({ files: sum.files + s.files, bytes: sum.bytes + s.MB * MB, html: sum.html + s.pages }), { files: 0, bytes: 0, html: 0 })
    : folderStats(outDir);
  const wallSeconds = first.wallMs / 1000;

  let rebuild: BenchResult['rebuild'] = null;
  if (options.rebuild && generated.storyIds.length > 0) {
    if (options.newStory) {
      // One new story in one kabupaten, as a KIM publishes one: issue #12's rebuild.
      writeNewStory(contentDir, { kim: generated.kimIds[0]!, today: new Date() });
    } else {
      // Change one story's body only: the content layer and the image cache should carry the rest.
      const story = path.join(contentDir, 'stories', `${generated.storyIds[0]}.md`);
      appendFileSync(story, '\nParagraf tambahan untuk menguji build ulang: satu cerita berubah, sisanya tetap.\n');
    }
    const what = options.newStory ? 'one new story' : 'one story changed';
    const assets = path.join(cacheDir, 'assets');
    const before = countFiles(assets);
    const previewsBefore = countPreviews(cacheDir);
    appendFileSync(logFile, `\n==== rebuild after ${what} ====\n`);
    console.log(`rebuilding after ${what}…`);
    const second = await runBuild(folders('rebuild'), options.sharded, options.shardVillages);
    if (second.code !== 0) throw new Error(`Rebuild failed at scale ${scale} (exit ${second.code}); work folder kept: ${work}`);
    rebuild = {
      wallSeconds: round(second.wallMs / 1000, 2),
      peakRssMB: peakOf(second.samples),
      phases: phasesOfRun(second, options.sharded).phases,
      images: imageCounts(second.lines),
      imageCacheFilesBefore: before,
      imageCacheFilesAfter: countFiles(assets),
      previewsDrawn: countPreviews(cacheDir) - previewsBefore,
      contentStoreCleared: contentStoreCleared(second.lines),
      change: options.newStory ? 'new-story' : 'edit',
      ...(options.sharded && { shards: builtShards(second, (JSON.parse(readFileSync(path.join(shardWork(cacheDir), 'plan.json'), 'utf8')) as { shards: string[] }).shards) }),
    };
  }

  const result: BenchResult = {
    scale,
    scope,
    parameters: { kimShare: options.kimShare, storiesPerKim: options.storiesPerKim, placesPerKim: options.placesPerKim, coverShare: options.coverShare, seed: options.seed, sharded: options.sharded, ...(options.shardVillages && { shardVillages: options.shardVillages }), ...(options.socialCards === 'kim' && { socialCards: 'kim' as const }) },
    content: { villagesInScope: villages, kim: generated.kimIds.length, stories: generated.storyIds.length, places: generated.placeIds.length, covers: generated.covers },
    build: {
      wallSeconds: round(wallSeconds, 2),
      peakRssMB: peakOf(first.samples),
      phases,
      pages: output.html,
      files: output.files,
      outputMB: round(output.bytes / MB, 2),
      pagesPerSecondRendering: renderMs ? round(output.html / (renderMs / 1000)) : null,
      pagesPerSecondTotal: round(output.html / wallSeconds),
      images: imageCounts(first.lines),
      generated: sample ? sumGenerated(sample.shards) : generatedFigures(first.lines, outDir),
    },
    ...(sample && { sample }),
    search: sample ? null : searchFigures(outDir),
    measuredSearch: sample ? null : await measureSearch(outDir),
    rebuild,
    machine: machineBefore,
    revision: revision(),
    date: new Date().toISOString(),
  };

  if (options.keep) console.log(`kept: ${work}`);
  else rmSync(work, { recursive: true, force: true });
  return result;
}

async function main(): Promise<void> {
  const options = readOptions();
  if (options.reportOnly) {
    writeReport(readResults());
    console.log(`Rewrote ${path.relative(process.cwd(), README_FILE)} from ${path.relative(process.cwd(), RESULTS_FILE)}.`);
    return;
  }
  const regions = await loadRegionData();
  const fresh: BenchResult[] = [];
  for (const scale of options.scales) {
    const result = await benchScale(scale, options, regions);
    fresh.push(result);
    // Keep what is done even if a later, larger scale fails or is interrupted.
    writeReport(mergeResults(readResults(), [result]));
  }
  console.log(`\n${summaryTable(fresh)}\n\n${phaseTable(fresh)}\n`);
  console.log(`Results merged into ${path.relative(process.cwd(), RESULTS_FILE)} and ${path.relative(process.cwd(), README_FILE)}.`);
}

if (import.meta.main) await main();
