import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ORCHESTRATOR, orchestratorMarks, type BuildTimings } from '../../../src/build/timings.ts';
import type { BuildRun } from '../../../scripts/bench/build-runner.ts';
import { parseOptions } from '../../../scripts/bench/options.ts';
import { generatedTable, readmeText, sampleTable } from '../../../scripts/bench/report.ts';
import { imageCostPerCover, mergeResults, runName, type BenchResult } from '../../../scripts/bench/results.ts';
import { chooseSample, estimateWhole, measureSample, sumGenerated, type SampledShard, type SampleFigures } from '../../../scripts/bench/sample.ts';

const plan = {
  shards: ['11', '12-12.10', '12.11-12.33', '13', '14', '15', '16', '17', 'jaringan'],
  villages: { '11': 6500, '12-12.10': 1200, '12.11-12.33': 1190, '13': 900, '14': 1800, '15': 1500, '16': 3200, '17': 300 },
};

describe('chooseSample', () => {
  it('takes region shards at evenly spaced ranks by villages, in the plan’s order, then the network shard', () => {
    // By villages: 17 (300), 13 (900), 12.11 (1190), 12 (1200), 15 (1500), 14 (1800), 16 (3200), 11 (6500).
    expect(chooseSample(plan, 2)).toEqual(['12.11-12.33', '16', 'jaringan']);
    expect(chooseSample(plan, 4)).toEqual(['11', '12-12.10', '13', '14', 'jaringan']);
    expect(chooseSample(plan, 8)).toEqual(plan.shards);
    expect(chooseSample(plan, 20)).toEqual(plan.shards);
  });

  it('picks distinct shards, as many as asked for', () => {
    for (let n = 1; n < 8; n++) {
      const sample = chooseSample(plan, n);
      expect(new Set(sample).size).toBe(n + 1);
      expect(sample.at(-1)).toBe('jaringan');
    }
  });
});

const figures = (files: number, MB: number, renderSeconds: number) => ({ files, MB, renderSeconds });
const shard = (name: string, villages: number, kim: number, scale: number): SampledShard => ({
  shard: name,
  villages,
  kim,
  pages: 100 * scale,
  files: 300 * scale,
  MB: 10 * scale,
  seconds: 60 * scale,
  feeds: figures(20 * scale, 0.5 * scale, 2 * scale),
  previews: figures(40 * scale, 1.5 * scale, 4 * scale),
});
const sample: SampleFigures = { planned: 9, villages: 16_590, kim: 5530, shards: [shard('13', 900, 300, 1), shard('16', 3200, 1000, 3), shard('jaringan', 0, 0, 2)] };

describe('estimateWhole', () => {
  it('adds the network shard as measured to the region shards scaled by KIM', () => {
    // Region shards: 1,300 of 5,530 KIM, so × 4.25…
    const factor = 5530 / 1300;
    const whole = estimateWhole(sample);
    expect(whole.factor).toBe(4.25);
    expect(whole.pages).toBe(Math.round(400 * factor + 200));
    expect(whole.files).toBe(Math.round(1200 * factor + 600));
    expect(whole.seconds).toBe(Math.round(240 * factor + 120));
    expect(whole.feeds).toEqual(figures(Math.round(80 * factor + 40), Number((2 * factor + 1).toFixed(1)), Math.round(8 * factor + 4)));
    expect(whole.previews.files).toBe(Math.round(160 * factor + 80));
  });

  it('has no seconds when a shard has none, rather than a smaller sum', () => {
    const unknown = { ...sample, shards: [{ ...shard('13', 900, 300, 1), seconds: null }, shard('jaringan', 0, 0, 2)] };
    expect(estimateWhole(unknown).seconds).toBeNull();
  });

  it('sums the sample’s own feeds and previews', () => {
    expect(sumGenerated(sample.shards)).toEqual({ feeds: figures(120, 3, 12), previews: figures(240, 9, 24) });
  });
});

describe('measureSample', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'jembatan-bench-sample-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('reads each shard’s output, log and timings from its folder of the sharded build', () => {
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    };
    write(path.join(work, '13/dist/desa/a/index.html'), '<html>a</html>');
    write(path.join(work, '13/dist/desa/a/rss.xml'), '<rss/>');
    write(path.join(work, '13/dist/desa/a/pratinjau.jpg'), 'x'.repeat(2048));
    write(path.join(work, '13/build.log'), ['  ├─ /desa/a/rss.xml (+1200ms)', '  ├─ /desa/a/pratinjau.jpg (+3400ms)', '  ├─ /desa/a/ (+5ms)'].join('\n'));
    write(path.join(work, 'jaringan/dist/index.html'), '<html>home</html>');
    write(path.join(work, 'jaringan/dist/feed.json'), '{}');
    const timings = (shard: string, processStart: number): BuildTimings => ({ version: 1, shard, pid: 1, processStart, marks: { exit: processStart + 5000 } });
    const run = {
      timings: new Map([
        ['13', timings('13', 1_000)],
        ['jaringan', timings('jaringan', 2_000)],
        [ORCHESTRATOR, { ...timings(ORCHESTRATOR, 0), marks: { [orchestratorMarks.searchEnd('13')]: 9_000 } }],
      ]),
    } as unknown as BuildRun;
    // KIM in 13 (two), in another province's shard and in a regency of 12 that is not 13.
    const measured = measureSample(run, work, plan, ['13', 'jaringan'], ['13.01.2001', '13.71.1005', '12.01.2001', '14.04.2002']);
    expect(measured.planned).toBe(9);
    expect(measured.villages).toBe(16_590);
    expect(measured.kim).toBe(4);
    // The render times come from the shard's own log, the files from its output.
    expect(measured.shards[0]).toEqual({ shard: '13', villages: 900, kim: 2, pages: 1, files: 3, MB: 0, seconds: 8, feeds: figures(1, 0, 1.2), previews: figures(1, 0, 3.4) });
    // The network shard has no search mark here: its time runs to its exit.
    expect(measured.shards[1]).toMatchObject({ shard: 'jaringan', villages: 0, kim: 0, pages: 1, files: 2, seconds: 5, feeds: { files: 1 } });
  });
});

/** A sampled national run, as results.json keeps it. */
function sampledRun(): BenchResult {
  return {
    scale: 'nasional',
    scope: ['ID'],
    parameters: { kimShare: 1 / 3, storiesPerKim: 10, placesPerKim: 3, coverShare: 0.01, seed: 1, sharded: true },
    content: { villagesInScope: 16_590, kim: 5530, stories: 55_300, places: 16_590, covers: 553 },
    build: {
      wallSeconds: 300,
      peakRssMB: 3000,
      phases: [{ name: 'rendering', seconds: 200, peakRssMB: 2000 }],
      pages: 600,
      files: 1800,
      outputMB: 60,
      pagesPerSecondRendering: 3,
      pagesPerSecondTotal: 2,
      images: { encoded: 12, reused: 0, total: 12 },
      generated: sumGenerated(sample.shards),
    },
    sample,
    search: null,
    measuredSearch: null,
    rebuild: null,
    machine: { cpu: 'AMD EPYC', cores: 2, totalMemoryGB: 23.5, loadAverage1m: 1.5, node: 'v24.21.0', os: 'Linux', otherBuildsRunning: 0 },
    revision: 'abc1234',
    date: '2026-12-03T10:00:00.000Z',
  };
}

describe('a sampled run in the report', () => {
  it('is named by the shards it built and kept apart from the whole builds', () => {
    const run = sampledRun();
    expect(runName(run)).toBe('nasional (3 of 9 shards)');
    const whole = { ...run, sample: undefined, build: { ...run.build, generated: undefined } } as BenchResult;
    expect(mergeResults([run], [whole]).map(runName)).toEqual(['nasional (shards)', 'nasional (3 of 9 shards)']);
    const smaller = { ...run, parameters: { ...run.parameters, shardVillages: 600, socialCards: 'kim' as const } };
    expect(runName(smaller)).toBe('nasional (3 of 9 shards of 600 villages) (socialCards: kim)');
  });

  it('tabulates its shards as measured and the whole network as estimated', () => {
    const run = sampledRun() as BenchResult & { sample: SampleFigures };
    const rows = sampleTable(run).split('\n').slice(2);
    expect(rows).toEqual([
      '| 13 | 900 | 300 | 100 | 300 | 10.0 | 60 | 20 | 0.50 | 2.0 | 40 | 1.50 | 4.0 |',
      '| 16 | 3200 | 1000 | 300 | 900 | 30.0 | 180 | 60 | 1.50 | 6.0 | 120 | 4.50 | 12.0 |',
      '| jaringan | – | – | 200 | 600 | 20.0 | 120 | 40 | 1.00 | 4.0 | 80 | 3.00 | 8.0 |',
      '| whole network, estimated (9 shards; region shards × 4.25) | 16590 | 5530 | 1902 | 5705 | 190.0 | 1141 | 380 | 9.50 | 38.0 | 761 | 28.50 | 76.0 |',
    ]);
    expect(generatedTable([run]).split('\n')[2]).toBe('| nasional (3 of 9 shards): whole network, estimated | 380 | 9.50 | 38.0 | 761 | 28.50 | 76.0 | – |');
  });

  it('stays out of the summary, phase and scaling tables, and says under Runs what it built', () => {
    const text = readmeText('', [sampledRun()]);
    const summary = text.slice(text.indexOf('| scale | villages'), text.indexOf('Per phase'));
    expect(summary).not.toContain('nasional');
    expect(text).not.toContain('Scaling and the national budgets');
    expect(text).toContain('nasional (3 of 9 shards): the shards built, as measured');
    expect(text).toContain('; built 13, 16, jaringan only\n');
  });

  it('does not teach the runner the image cost of a whole network', () => {
    expect(imageCostPerCover([sampledRun()]).from).toBe('built-in default');
  });
});

describe('--sample-shards', () => {
  it('needs a sharded build, is never rebuilt, and takes a positive whole number', () => {
    expect(parseOptions(['--sharded', '--sample-shards', '6'])).toMatchObject({ sharded: true, sampleShards: 6, rebuild: false });
    expect(() => parseOptions(['--sample-shards', '6'])).toThrow('--sample-shards: only with --sharded');
    expect(() => parseOptions(['--sharded', '--sample-shards', '6', '--new-story'])).toThrow('--sample-shards: a sample is not rebuilt');
    expect(() => parseOptions(['--sharded', '--sample-shards', '0'])).toThrow('--sample-shards: invalid value "0"');
    expect(() => parseOptions(['--sharded', '--sample-shards', '2.5'])).toThrow('--sample-shards: invalid value "2.5"');
  });
});
