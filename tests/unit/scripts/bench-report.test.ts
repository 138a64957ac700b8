import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOptions, USAGE } from '../../../scripts/bench/options.ts';
import { phaseTable, readmeText, scalingLines, summaryTable } from '../../../scripts/bench/report.ts';
import { imageCostPerCover, mergeResults, RESULTS_FILE, runName, type BenchResult } from '../../../scripts/bench/results.ts';
import { GENERATE_DEFAULTS } from '../../../scripts/bench/synthetic.ts';

describe('parseOptions', () => {
  it('defaults to the three smaller scales and the generator’s defaults, with a rebuild', () => {
    expect(parseOptions([])).toEqual({
      scales: ['kota', 'kabupaten', 'provinsi'],
      kimShare: GENERATE_DEFAULTS.kimShare,
      storiesPerKim: GENERATE_DEFAULTS.storiesPerKim,
      placesPerKim: GENERATE_DEFAULTS.placesPerKim,
      coverShare: GENERATE_DEFAULTS.coverShare,
      seed: GENERATE_DEFAULTS.seed,
      keep: false,
      rebuild: true,
      newStory: false,
      sharded: false,
      socialCards: 'entries',
      reportOnly: false,
    });
  });

  it('reads every option', () => {
    const options = parseOptions(['--scale', 'kota, nasional', '--kim-share', '0.5', '--stories', '20', '--places', '5', '--cover-share', '0', '--seed', '7', '--keep', '--no-rebuild', '--sharded']);
    expect(options).toMatchObject({ scales: ['kota', 'nasional'], kimShare: 0.5, storiesPerKim: 20, placesPerKim: 5, coverShare: 0, seed: 7, keep: true, rebuild: false, sharded: true });
    expect(parseOptions(['--scale', 'all'])).toMatchObject({ scales: ['kota', 'kabupaten', 'provinsi', 'nasional'] });
    expect(parseOptions(['--report-only'])).toMatchObject({ reportOnly: true });
    expect(parseOptions(['--new-story'])).toMatchObject({ rebuild: true, newStory: true });
    expect(parseOptions(['--social-cards', 'kim'])).toMatchObject({ socialCards: 'kim' });
    expect(parseOptions(['--sharded', '--shard-villages', '600'])).toMatchObject({ sharded: true, shardVillages: 600 });
    expect(parseOptions(['--help', '--scale', 'desa'])).toBe('help');
  });

  it('refuses unknown scales, values out of range and unknown options', () => {
    expect(() => parseOptions(['--scale', 'desa'])).toThrow('--scale: unknown scale "desa"');
    expect(() => parseOptions(['--kim-share', '0'])).toThrow('--kim-share: invalid value "0"');
    expect(() => parseOptions(['--stories', '2.5'])).toThrow('--stories: invalid value "2.5"');
    expect(() => parseOptions(['--cover-share', 'banyak'])).toThrow('--cover-share: invalid value "banyak"');
    expect(() => parseOptions(['--sharded', '--shard-villages', '0'])).toThrow('--shard-villages: invalid value "0"');
    expect(() => parseOptions(['--shard-villages', '600'])).toThrow('--shard-villages: only with --sharded');
    expect(() => parseOptions(['--fast'])).toThrow(/--fast/);
    expect(() => parseOptions(['--social-cards', 'semua'])).toThrow('--social-cards: invalid value "semua"');
    expect(USAGE).toContain('--report-only');
  });
});

/** A run with round figures; `sharded` marks it, `scale` names it. */
function result(scale: BenchResult['scale'], overrides: { sharded?: boolean; date?: string; seconds?: number } = {}): BenchResult {
  const seconds = overrides.seconds ?? 10;
  return {
    scale,
    scope: ['64.74'],
    parameters: { kimShare: 1 / 3, storiesPerKim: 10, placesPerKim: 3, coverShare: 0.1, seed: 1, sharded: overrides.sharded ?? false },
    content: { villagesInScope: 15, kim: 5, stories: 50, places: 15, covers: 5 },
    build: {
      wallSeconds: seconds,
      peakRssMB: 800,
      phases: [
        { name: 'content loading', seconds: 2.5, peakRssMB: 478, note: 'start-up 600 ms' },
        { name: 'images', seconds: 1.5, peakRssMB: 809 },
        { name: 'social images', seconds: null, peakRssMB: null, note: 'n/a (not built yet)' },
        ...(overrides.sharded ? [{ name: 'orchestration (processes, host report)', seconds: 1.62, peakRssMB: null }] : []),
      ],
      pages: 150,
      files: 300,
      outputMB: 2.4,
      pagesPerSecondRendering: 129,
      pagesPerSecondTotal: 150 / seconds,
      images: { encoded: 25, reused: 0, total: 25 },
    },
    search: { indexBytes: 0.71 * 1024 * 1024, indexFiles: 30, indexChunks: 3, fragments: 150, firstQueryBytes: 111 * 1024, firstQueryParts: {}, ...(overrides.sharded && { firstQueryNarrowedBytes: 99 * 1024 }) },
    measuredSearch: null,
    rebuild: null,
    machine: { cpu: 'AMD EPYC', cores: 2, totalMemoryGB: 23.5, loadAverage1m: 1.5, node: 'v24.21.0', os: 'Linux', otherBuildsRunning: 0 },
    revision: 'abc1234',
    date: overrides.date ?? '2026-12-01T10:00:00.000Z',
  };
}

describe('the report', () => {
  const runs = [result('kota'), result('kota', { sharded: true, seconds: 12 })];

  it('tabulates one row per run', () => {
    expect(summaryTable(runs).split('\n').slice(2)).toEqual([
      '| kota | 15 | 5 | 50 | 15 | 5 | 150 | 300 | 2.4 | 10.0 | 800 | 129 | 15.0 | 25 | 0.71 | 111 | – | – | – | – |',
      '| kota (shards) | 15 | 5 | 50 | 15 | 5 | 150 | 300 | 2.4 | 12.0 | 800 | 129 | 12.5 | 25 | 0.71 | 111 | 99 | – | – | – |',
    ]);
  });

  it('tabulates one row per phase and one column per run, with a note where a phase has no time', () => {
    expect(phaseTable(runs)).toBe(
      [
        '| phase | kota: s / peak MB | kota (shards): s / peak MB |',
        '| --- | --- | --- |',
        '| content loading | 2.50 / 478 | 2.50 / 478 |',
        '| images | 1.50 / 809 | 1.50 / 809 |',
        '| social images | n/a (not built yet) | n/a (not built yet) |',
        '| orchestration (processes, host report) | – | 1.62 / – |',
        '| total (wall) | 10.00 / 800 | 12.00 / 800 |',
      ].join('\n'),
    );
  });

  it('rewrites the introduction and the tables, and keeps what follows them', () => {
    const written = readmeText('old introduction\n<!-- bench:start -->\nold tables\n<!-- bench:end -->\n\n## Notes by hand\n', runs);
    expect(written.startsWith('# Build benchmark\n')).toBe(true);
    expect(written).toContain(phaseTable(runs));
    expect(written).not.toMatch(/old (introduction|tables)/);
    expect(written.endsWith('<!-- bench:end -->\n\n## Notes by hand\n')).toBe(true);
    expect(readmeText(written, runs)).toBe(written);
  });

  it('writes bench/README.md’s tables as they are from bench/results.json', () => {
    const readme = readFileSync(RESULTS_FILE.replace(/results\.json$/, 'README.md'), 'utf8');
    const results = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as BenchResult[];
    const tables = (text: string) => text.slice(text.indexOf('## Results'));
    expect(tables(readmeText(readme, results))).toBe(tables(readme));
  });

  it('says under Runs what a rebuild changed, which shards it built and what the caches gave back', () => {
    const images = { encoded: 0, reused: 5, total: 5 };
    const rebuild = { wallSeconds: 4, peakRssMB: 700, phases: [], images, imageCacheFilesBefore: 5, imageCacheFilesAfter: 5, contentStoreCleared: false };
    const sharded = { ...result('kota', { sharded: true }), rebuild: { ...rebuild, change: 'new-story' as const, shards: { built: ['64', 'jaringan'], reused: 3 } } };
    expect(readmeText('', [sharded])).toContain(
      '; rebuild after one new story: shards built 64, jaringan (3 taken from the shard cache), 5 images reused, 0 encoded, image cache 5 → 5 files\n',
    );
    // Runs recorded before the change was named changed one story's text.
    expect(readmeText('', [{ ...result('kota'), rebuild }])).toContain('; rebuild after one story changed: 5 images reused, 0 encoded, image cache 5 → 5 files\n');
  });

  it('compares a national run with the kabupaten runs and the budgets', () => {
    const national = { ...result('nasional', { sharded: true }), build: { ...result('nasional').build, pagesPerSecondTotal: 200, peakRssMB: 2_228 } };
    const kabupaten = { ...result('kabupaten'), build: { ...result('kabupaten').build, pagesPerSecondTotal: 80 } };
    expect(scalingLines([kabupaten, national])).toEqual([
      '- nasional (shards) 200 pages/s ÷ kabupaten 80 pages/s = **2.50** (budget ≥ 0.8: met)',
      '- nasional (shards) peak RSS 2.2 GB (budget < 8 GB: met)',
      '- nasional (shards) first query 111 KB over the whole country (budget < 400 KB: met); 99 KB narrowed to one kabupaten/kota (met)',
    ]);
  });
});

describe('results.json', () => {
  it('replaces a run of the same name and orders runs by scale, whole builds first', () => {
    const old = result('kota', { date: '2026-01-01T00:00:00.000Z' });
    const merged = mergeResults([result('provinsi'), old, result('kota', { sharded: true })], [result('kabupaten'), result('kota')]);
    expect(merged.map((r) => [r.scale, r.parameters.sharded])).toEqual([
      ['kota', false],
      ['kota', true],
      ['kabupaten', false],
      ['provinsi', false],
    ]);
    expect(merged[0]!.date).toBe('2026-12-01T10:00:00.000Z');
  });

  it('keeps a run with shared previews apart from the same scale with its own, after it', () => {
    const shared = { ...result('provinsi'), parameters: { ...result('provinsi').parameters, socialCards: 'kim' as const } };
    const merged = mergeResults([shared, result('provinsi')], [result('provinsi', { sharded: true })]);
    expect(merged.map(runName)).toEqual(['provinsi', 'provinsi (socialCards: kim)', 'provinsi (shards)']);
  });

  it('keeps a sharded run with smaller shards apart from the default shards, after them', () => {
    const smaller = result('nasional', { sharded: true });
    smaller.parameters = { ...smaller.parameters, shardVillages: 600 };
    const merged = mergeResults([smaller], [result('nasional', { sharded: true })]);
    expect(merged.map(runName)).toEqual(['nasional (shards)', 'nasional (shards of 600 villages)']);
  });

  it('estimates the image work per cover from the latest run that encoded covers', () => {
    expect(imageCostPerCover([])).toEqual({ files: 6, seconds: 0.3, from: 'built-in default' });
    const older = { ...result('provinsi', { date: '2026-01-01T00:00:00.000Z' }) };
    expect(imageCostPerCover([older, result('kota')])).toEqual({ files: 5, seconds: 0.3, from: 'the kota run of 2026-12-01' });
  });
});
