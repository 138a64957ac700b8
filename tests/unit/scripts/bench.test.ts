import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateNetwork, hasCover, mulberry32, selectVillages, villagesInScope, writeNewStory, type GeneratedNetwork } from '../../../scripts/bench/synthetic.ts';
import { isWithin } from '../../../src/domain/regions/codes.ts';
import { loadRegionData } from '../../../src/format/sources/regions.ts';
import type { RegionData } from '../../../src/domain/regions/tree.ts';
import { SLUG_PATTERN } from '../../../src/domain/slug.ts';
import { readContentDir } from '../../../src/format/read.ts';
import { loadLandIndex } from '../../../src/format/sources/land-map.ts';
import { validateNetwork } from '../../../src/format/validate.ts';

let regions: RegionData;
beforeAll(async () => {
  regions = await loadRegionData();
});

describe('benchmark PRNG', () => {
  it('gives the same sequence for the same seed, and another for another seed', () => {
    const take = (seed: number) => {
      const random = mulberry32(seed);
      return Array.from({ length: 20 }, random);
    };
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
    expect(take(7).every((n) => n >= 0 && n < 1)).toBe(true);
  });

  it('puts a cover on exactly floor(stories × share) stories', () => {
    const covered = Array.from({ length: 100 }, (_, i) => hasCover(i, 0.1)).filter(Boolean).length;
    expect(covered).toBe(10);
    expect(Array.from({ length: 10 }, (_, i) => hasCover(i, 0)).some(Boolean)).toBe(false);
  });
});

describe('benchmark village selection', () => {
  it('picks round(15 × share) distinct villages, all in Kota Bontang, the same for the same seed', () => {
    const inKota = villagesInScope(regions, ['64.74']);
    expect(inKota).toHaveLength(15);
    for (const share of [1 / 3, 0.5, 1]) {
      const picked = selectVillages(inKota, share, mulberry32(1));
      expect(picked).toHaveLength(Math.round(15 * share));
      expect(new Set(picked.map((v) => v.code)).size).toBe(picked.length);
      expect(picked.every((v) => isWithin(v.code, '64.74'))).toBe(true);
      expect(selectVillages(inKota, share, mulberry32(1))).toEqual(picked);
    }
  });
});

describe('benchmark network generator', () => {
  let work: string;
  let generated: GeneratedNetwork;
  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'jembatan-bench-test-'));
    generated = await generateNetwork({
      scope: ['64.74'],
      outDir: path.join(work, 'content'),
      storiesPerKim: 2,
      placesPerKim: 1,
      coverShare: 0.5,
      seed: 3,
      today: new Date('2026-06-01T00:00:00Z'),
      regions,
    });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('writes the requested counts with unique slug ids', () => {
    expect(generated.kimIds).toHaveLength(5);
    expect(generated.storyIds).toHaveLength(10);
    expect(generated.placeIds).toHaveLength(5);
    expect(generated.covers).toBe(5);
    for (const ids of [generated.kimIds, generated.storyIds, generated.placeIds]) {
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.every((id) => SLUG_PATTERN.test(id))).toBe(true);
    }
  });

  it('passes the content gate', async () => {
    // With the land check the build runs: every synthetic point on land, near its regency's others.
    const result = validateNetwork({ ...(await readContentDir(generated.contentDir)), regions, now: new Date('2026-12-01T00:00:00Z'), land: await loadLandIndex() });
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    if (!result.ok) return;
    expect(result.network.stories.filter((s) => s.data.cover)).toHaveLength(5);
    expect(result.network.stories.every((s) => s.data.date <= new Date('2026-06-01T00:00:00Z'))).toBe(true);
  });

  it('adds one new story to one KIM, published on the day it is dated, that passes the content gate', async () => {
    const content = path.join(work, 'with-new-story');
    cpSync(generated.contentDir, content, { recursive: true });
    const id = writeNewStory(content, { kim: generated.kimIds[0]!, today: new Date('2026-06-02T03:00:00Z') });
    const result = validateNetwork({ ...(await readContentDir(content)), regions, now: new Date('2026-06-02T03:00:00Z'), land: await loadLandIndex() });
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    const story = result.network.stories.find((s) => s.id === id)!;
    expect(story.data.kim).toBe(generated.kimIds[0]);
    expect(story.source.published).toBe(true);
    expect(result.network.stories).toHaveLength(11);
  });

  it('writes a network that shares its KIM previews when asked, and one with the default otherwise', async () => {
    const shared = await generateNetwork({ scope: ['64.74'], outDir: path.join(work, 'shared'), storiesPerKim: 1, placesPerKim: 0, coverShare: 0, regions, socialCards: 'kim' });
    const result = validateNetwork({ ...(await readContentDir(shared.contentDir)), regions, now: new Date(), land: await loadLandIndex() });
    expect(result.ok && result.network.config.socialCards).toBe('kim');
    expect(readFileSync(path.join(generated.contentDir, 'network.yaml'), 'utf8')).not.toContain('socialCards');
  });

  it('refuses to write into a folder that already holds files', async () => {
    await expect(generateNetwork({ scope: ['64.74'], outDir: generated.contentDir, regions })).rejects.toThrow(/not empty/);
  });
});
