/**
 * The report: the tables of \`bench/README.md\` (between its markers, with the introduction above
 * them, which describes how the figures are taken) and \`bench/results.json\`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SAMPLE_INTERVAL_MS } from './memory.ts';
import { NETWORK_SHARD } from '../../src/domain/shards.ts';
import { BENCH_DIR, RESULTS_FILE, runName, type BenchResult } from './results.ts';
import { estimateWhole, type SampledShard, type SampleFigures } from './sample.ts';
import { MEASURED_QUERY } from './search-cost.ts';
import { MB, round } from './units.ts';

export const README_FILE = path.join(BENCH_DIR, 'README.md');

const cell = (value: number | null | undefined, digits = 1) => (value === null || value === undefined ? '–' : value.toFixed(digits));
const kb = (bytes: number | undefined) => (bytes === undefined ? '–' : (bytes / 1024).toFixed(0));

/** The summary table: one row per scale. */
export function summaryTable(results: readonly BenchResult[]): string {
  const head = [
    'scale', 'villages', 'KIM', 'stories', 'places', 'covers', 'pages', 'files', 'output MB', 'wall s', 'peak RSS MB',
    'pages/s (rendering)', 'pages/s (total)', 'images encoded', 'Pagefind MB', 'first query KB', 'first query, narrowed KB', 'first query in Chromium KB', 'rebuild s', 'rebuild re-encoded',
  ];
  const rows = results.map((r) => [
    runName(r),
    String(r.content.villagesInScope),
    String(r.content.kim),
    String(r.content.stories),
    String(r.content.places),
    String(r.content.covers),
    String(r.build.pages),
    String(r.build.files),
    cell(r.build.outputMB),
    cell(r.build.wallSeconds),
    cell(r.build.peakRssMB, 0),
    cell(r.build.pagesPerSecondRendering, 0),
    cell(r.build.pagesPerSecondTotal, 1),
    String(r.build.images.encoded),
    r.search ? cell(r.search.indexBytes / MB, 2) : '–',
    kb(r.search?.firstQueryBytes),
    kb(r.search?.firstQueryNarrowedBytes),
    kb(r.measuredSearch?.bytes),
    cell(r.rebuild?.wallSeconds),
    r.rebuild ? String(r.rebuild.images.encoded) : '–',
  ]);
  return markdownTable(head, rows);
}

/**
 * Feeds and social previews per scale: files, MB, render seconds, and the cards a rebuild drew.
 * A sampled run shows its estimate of the whole network, marked as such.
 */
export function generatedTable(results: readonly BenchResult[]): string {
  const measured = results.filter((r) => r.build.generated);
  const head = ['scale', 'feeds', 'feeds MB', 'feeds render s', 'previews', 'previews MB', 'previews render s', 'previews drawn by the rebuild'];
  const rows = measured.map((r) => {
    const { feeds, previews } = r.sample ? estimateWhole(r.sample) : r.build.generated!;
    const name = r.sample ? `${runName(r)}: whole network, estimated` : runName(r);
    return [name, String(feeds.files), cell(feeds.MB, 2), cell(feeds.renderSeconds), String(previews.files), cell(previews.MB, 2), cell(previews.renderSeconds), r.rebuild?.previewsDrawn === undefined ? '–' : String(r.rebuild.previewsDrawn)];
  });
  return markdownTable(head, rows);
}

/**
 * A sampled run's shards as measured, one row each, and the whole network estimated from them
 * (sample.ts): what a national build with feeds and previews costs, without building it all.
 */
export function sampleTable(r: BenchResult & { sample: SampleFigures }): string {
  const head = ['shard', 'villages', 'KIM', 'pages', 'files', 'MB', 'shard s', 'feeds', 'feeds MB', 'feeds render s', 'previews', 'previews MB', 'previews render s'];
  const row = (name: string, villages: string, kim: string, s: Omit<SampledShard, 'shard' | 'villages' | 'kim'>) => [
    name, villages, kim, String(s.pages), String(s.files), cell(s.MB, 1), cell(s.seconds, 0),
    String(s.feeds.files), cell(s.feeds.MB, 2), cell(s.feeds.renderSeconds), String(s.previews.files), cell(s.previews.MB, 2), cell(s.previews.renderSeconds),
  ];
  const whole = estimateWhole(r.sample);
  const rows = [
    ...r.sample.shards.map((s) => (s.shard === NETWORK_SHARD ? row(s.shard, '–', '–', s) : row(s.shard, String(s.villages), String(s.kim), s))),
    row(`whole network, estimated (${r.sample.planned} shards; region shards × ${whole.factor})`, String(r.sample.villages), String(r.sample.kim), whole),
  ];
  return markdownTable(head, rows);
}

/** Seconds and peak memory per phase: one row per phase, one column per scale. */
export function phaseTable(results: readonly BenchResult[]): string {
  const names = [...new Set(results.flatMap((r) => r.build.phases.map((p) => p.name)))];
  const head = ['phase', ...results.map((r) => `${runName(r)}: s / peak MB`)];
  const rows = names.map((name) => [
    name,
    ...results.map((r) => {
      const p = r.build.phases.find((x) => x.name === name);
      if (!p || p.seconds === null) return p?.note ?? '–';
      return `${cell(p.seconds, 2)} / ${cell(p.peakRssMB, 0)}`;
    }),
  ]);
  rows.push(['total (wall)', ...results.map((r) => `${cell(r.build.wallSeconds, 2)} / ${cell(r.build.peakRssMB, 0)}`)]);
  return markdownTable(head, rows);
}

function markdownTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** What a rebuild changed, what it built again and what its caches gave back. */
function rebuildLine(rebuild: NonNullable<BenchResult['rebuild']>): string {
  const shards = rebuild.shards;
  return (
    `rebuild after ${rebuild.change === 'new-story' ? 'one new story' : 'one story changed'}: ` +
    (shards ? `shards built ${shards.built.join(', ') || 'none'} (${shards.reused} taken from the shard cache), ` : '') +
    `${rebuild.images.reused} images reused, ${rebuild.images.encoded} encoded, image cache ${rebuild.imageCacheFilesBefore} → ${rebuild.imageCacheFilesAfter} files` +
    (rebuild.contentStoreCleared ? ', content store cleared' : '')
  );
}

function machineLines(results: readonly BenchResult[]): string {
  return results
    .map(
      (r) =>
        `- ${runName(r)}: ${r.date.slice(0, 10)}, revision ${r.revision ?? 'unknown'}, ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.totalMemoryGB} GB, Node ${r.machine.node}, ` +
        `load ${r.machine.loadAverage1m}${r.machine.otherBuildsRunning > 0 ? `, ${r.machine.otherBuildsRunning} other build(s) running` : ''}; ` +
        `KIM share ${round(r.parameters.kimShare, 3)}, ${r.parameters.storiesPerKim} stories and ${r.parameters.placesPerKim} places per KIM, cover share ${r.parameters.coverShare}` +
        (r.sample ? `; built ${r.sample.shards.map((s) => s.shard).join(', ')} only` : '') +
        (r.rebuild ? `; ${rebuildLine(r.rebuild)}` : ''),
    )
    .join('\n');
}

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

const README_INTRO = `# Build benchmark

\`npm run bench\` generates a synthetic KIM network from the real region data, builds it with the
real \`astro build\`, and records the figures below. The data is filler (neutral Indonesian text
from a small word list, \`sample: true\` everywhere) written to the system's temporary folder,
never to \`content/\`. Generator: \`scripts/bench/synthetic.ts\`; runner: \`scripts/bench/run.ts\`.

\`\`\`sh
npm run bench                          # kota, kabupaten, provinsi
npm run bench -- --scale kabupaten     # one scale (kota and kabupaten fit in CI time)
npm run bench -- --scale nasional --cover-share 0   # all of Indonesia, without cover photos
npm run bench -- --scale nasional --sharded --sample-shards 6 --cover-share 0.01   # see below
npm run bench -- --kim-share 0.5 --stories 20 --places 5 --cover-share 0.2 --keep --no-rebuild
npm run bench -- --report-only         # rewrite the tables below from results.json
\`\`\`

Defaults follow issue #4: a KIM in a third of the villages, ten stories and three places per KIM,
a cover photo on a tenth of the stories. Every cover is its own file: one of eight generated
1200 × 800 JPEGs with gradients, shapes and grain (so they cost the encoder about what a photo
does) plus a unique trailer, because Astro caches images by content and would otherwise encode
each picture once. The image pipeline does the per-story work a real network causes. How many files
each cover becomes (widths × formats) is decided by the components; "images encoded" in the table
shows it.

**National scale** (scope \`ID\`) has 83,762 villages, so the defaults give 27,921 KIM, 279,210
stories, 83,763 places and 27,921 covers, around half a million pages. Before generating, the
runner estimates the image work from the last recorded run and warns when it is large;
\`--cover-share\` lowers it. The national run in the table was built in shards
(\`npm run bench -- --scale nasional --sharded --cover-share 0.01 --no-rebuild\`): a cover on one
story in a hundred rather than one in ten, because the default's 140,000 image encodes add about fifty
minutes on two cores without changing what the run measures (the images phase of each shard is as
linear as the rest; the kabupaten and provinsi runs carry the default covers). A national network
builds with \`npm run build:sharded\`, never one \`astro build\`.

A whole national build takes about two hours here, and more with a preview image drawn for every
story and place, so **\`--sample-shards N\`** measures one without building it all: the whole
network is generated and checked, and its shard plan made, but only the network shard and N region
shards are built (\`build:sharded --only\`, two at a time as in a whole build), chosen at evenly
spaced ranks by size, so small and large shards are both in. Each shard's pages, files, bytes,
time, feeds and previews are measured in its own output; the whole network is then estimated as
the network shard plus the region shards scaled by their KIM (the generator gives every KIM the
same content, so a region shard's stories, places, feeds and previews follow its KIM). Estimated
rows say so; a sample has no search or rebuild figures and stays out of the summary and phase
tables. How close such an estimate comes to a whole build is checked below ("How good a sample
is").

How the figures are taken:
- **wall time** from starting the build process to its exit; **peak RSS** is the highest sum of
  resident memory over the build's whole process tree (Astro, esbuild, Pagefind's binary), sampled
  from \`/proc\` every ${SAMPLE_INTERVAL_MS} ms (shared pages count once per process).
- **phases** come from the moments the build records itself (\`src/build/timings.ts\`, written only
  when \`JEMBATAN_TIMINGS\` names a file), on the clock the memory is sampled with: content loading
  (start-up, the Jembatan content gate, Astro's config hooks and content layer), bundling (Vite),
  rendering (Astro's prerenderer, first page to last), images (encoded, or read from Astro's cache),
  the output metadata check (Jembatan reads every built image for EXIF/GPS and writes \`_headers\`),
  the search index (Pagefind), sitemap and exit. A sharded build's shards each write their own
  timings, added up per phase. Feeds and social previews are rendered inside the rendering phase;
  their own table adds up Astro's render time per file from the build log, counts their files and
  bytes in the output, and counts the cards a rebuild drew (new files in the cards' cache). Peak
  memory per phase is the highest sample inside it.
- **pages/s** is given twice: pages over the rendering phase, and pages over the whole build.
- **Pagefind MB** is the size of \`dist/pagefind\`. **First query KB** approximates what a browser
  downloads for its first one-word search: \`pagefind.js\`, \`pagefind-worker.js\`,
  \`pagefind-entry.json\`, the language's WebAssembly and \`pf_meta\`, every filter chunk (the
  search page fills its facet menus with their counts), the largest index chunk (a word falls in
  exactly one chunk, so this is an upper bound) and ten result fragments (the search page lists
  ten at a time) at the average fragment size. Pagefind stores its index, wasm and fragments compressed (file size is transfer size); its
  JavaScript counts gzipped, as any static host serves it. The default UI bundles are never loaded.
  A sharded site has one index per shard and a search router: **first query KB** is then a search
  over the whole network (the router's metadata and chunk, then the one shard it picks, counted for
  the costliest shard), and **first query, narrowed KB** a search narrowed to one kabupaten/kota,
  which loads only the shard holding it. **First query in Chromium KB** is not an estimate: the
  search page is opened in Debian's Chromium with the query "${MEASURED_QUERY}" (on every village
  page, so its index chunk is as large as a one-word query's gets), and every response until the
  results are listed is counted, text gzip-compressed (scripts/lib/search-transfer.ts; any built
  site: \`npm run measure:search -- <dist> <word>\`).
- **rebuild** changes one story's text (with \`--new-story\`, adds one new story to one KIM) and
  builds again with the same caches; "re-encoded" counts the images the build encoded again (Astro
  logs "reused cache entry" for the others). A sharded run has the shard cache too (in the run's
  own folder, so its first build is cold): its rebuild builds only the shards whose key changed,
  listed under Runs, takes the others from the cache as they are, and merges into the site of the
  first build only the shards that changed.
- **prepare** (sharded runs) is the content gate over the whole network, the shard plan, every
  shard's key and the content folders of the shards to build; **shard cache** is the time spent
  checking unchanged shards the merge will read against their seals and storing built ones;
  **merge** is linking the shards' files into the site (all of them into an empty folder, only the
  changed shards' into the previous site), the map and the sitemap index, apart from the **search
  router**, which is made again from every shard's record.
`;

/** Issue #4's budgets for the national build. */
const NATIONAL_BUDGET = { peakRssMB: 8 * 1024, pagesPerSecondRatio: 0.8, firstQueryBytes: 400 * 1024 };

/**
 * How the national run compares with the kabupaten runs and the budgets: pages per second over
 * the whole build, national ÷ kabupaten (at least 0.8 means the build time grows linearly).
 */
export function scalingLines(results: readonly BenchResult[]): string[] {
  const national = results.filter((r) => r.scale === 'nasional');
  const kabupaten = results.filter((r) => r.scale === 'kabupaten');
  const lines: string[] = [];
  for (const n of national) {
    for (const k of kabupaten) {
      const ratio = n.build.pagesPerSecondTotal / k.build.pagesPerSecondTotal;
      lines.push(
        `- ${runName(n)} ${n.build.pagesPerSecondTotal} pages/s ÷ ${runName(k)} ${k.build.pagesPerSecondTotal} pages/s = ` +
          `**${ratio.toFixed(2)}** (budget ≥ ${NATIONAL_BUDGET.pagesPerSecondRatio}: ${ratio >= NATIONAL_BUDGET.pagesPerSecondRatio ? 'met' : 'not met'})`,
      );
    }
    const peak = n.build.peakRssMB ?? Number.NaN;
    lines.push(`- ${runName(n)} peak RSS ${(peak / 1024).toFixed(1)} GB (budget < 8 GB: ${peak < NATIONAL_BUDGET.peakRssMB ? 'met' : 'not met'})`);
    if (n.search) {
      const whole = n.search.firstQueryBytes;
      const narrowed = n.search.firstQueryNarrowedBytes;
      const verdict = (bytes: number) => (bytes < NATIONAL_BUDGET.firstQueryBytes ? 'met' : 'not met');
      const measured = n.measuredSearch;
      lines.push(
        `- ${runName(n)} first query ${kb(whole)} KB over the whole country (budget < 400 KB: ${verdict(whole)})` +
          (narrowed === undefined ? '' : `; ${kb(narrowed)} KB narrowed to one kabupaten/kota (${verdict(narrowed)})`) +
          (measured ? `; measured in Chromium for “${measured.query}”: ${kb(measured.bytes)} KB (${verdict(measured.bytes)})` : ''),
      );
    }
  }
  return lines;
}

/**
 * The README with its generated part rewritten from \`results\`. The introduction is rewritten
 * with the tables, so it describes the runner that made them; notes written by hand go after the
 * generated block, and are kept.
 */
export function readmeText(current: string, results: readonly BenchResult[]): string {
  // A sample's pages and seconds are some shards', not the network's: it has tables of its own.
  const whole = results.filter((r) => !r.sample);
  const sampled = results.filter((r): r is BenchResult & { sample: SampleFigures } => r.sample !== undefined);
  const block = [
    START,
    '<!-- Generated by `npm run bench`; edits inside these markers are overwritten. -->',
    '',
    summaryTable(whole),
    '',
    'Per phase (seconds / peak RSS MB of the build process tree):',
    '',
    phaseTable(whole),
    '',
    ...(results.some((r) => r.build.generated)
      ? ['Feeds (`rss.xml`, `feed.json`) and social previews (`pratinjau.jpg`): files, MB in the output, and the sum of Astro\'s render time for them:', '', generatedTable(results), '']
      : []),
    ...sampled.flatMap((r) => [
      `${runName(r)}: the shards built, as measured (shard s runs from the shard's start to its search index, two shards building at once), and the whole network estimated from them:`,
      '',
      sampleTable(r),
      '',
    ]),
    ...(whole.some((r) => r.scale === 'nasional') ? ['Scaling and the national budgets:', '', ...scalingLines(whole), ''] : []),
    'Runs:',
    '',
    machineLines(results),
    END,
  ].join('\n');
  const to = current.indexOf(END);
  const after = to >= 0 ? current.slice(to + END.length) : '\n';
  return `${README_INTRO}\n## Results\n\n${block}${after}`;
}

/** Writes \`bench/results.json\` and the README's generated part. */
export function writeReport(results: readonly BenchResult[]): void {
  mkdirSync(BENCH_DIR, { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(README_FILE, readmeText(existsSync(README_FILE) ? readFileSync(README_FILE, 'utf8') : '', results));
}
