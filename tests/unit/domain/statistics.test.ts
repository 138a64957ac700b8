import { describe, expect, it } from 'vitest';
import { RegionTree } from '../../../src/domain/regions/tree.ts';
import { activityMonths, DEFAULT_STATISTICS, isStale, kimStatus, NetworkStatistics, percent } from '../../../src/domain/statistics.ts';
import { PLACE_KIND_KEYS, SECTOR_KEYS } from '../../../src/domain/taxonomy.ts';
import { officialSlice } from '../../helpers/regions.ts';

const BONTANG_KUALA = '64.74.01.1001';
const GUNTUNG = '64.74.01.1004';
const API_API = '64.74.01.1006';
const TANJUNG_LAUT = '64.74.02.1001';
const BATUAH = '64.02.03.2006';
const TREE = RegionTree.build(await officialSlice([BATUAH, BONTANG_KUALA, GUNTUNG, API_API, TANJUNG_LAUT]), ['64.74.01', '64.74.02.1001', '64.02.03.2006']);
const NOW = new Date('2026-12-01T00:00:00Z');

const kim = (id: string, village: string, extra: { active?: boolean; sectors?: string[] } = {}) => ({
  id,
  data: { name: `KIM ${id}`, village, sectors: extra.sectors ?? ['wisata'], active: extra.active ?? true },
});
const story = (kimId: string, date: string) => ({ data: { kim: kimId, date: new Date(`${date}T00:00:00Z`) } });
const place = (id: string, kind: string, region: string, verified?: string) => ({
  id,
  data: { name: `Tempat ${id}`, kind, region, verified: verified ? new Date(`${verified}T00:00:00Z`) : undefined },
});

function statistics(known?: ConstructorParameters<typeof NetworkStatistics>[0]['known']) {
  return new NetworkStatistics({
    tree: TREE,
    kims: [
      kim('kuala', BONTANG_KUALA, { sectors: ['wisata', 'kuliner'] }),
      // Two KIM in one village: it counts once among the villages with a KIM.
      kim('kuala-2', BONTANG_KUALA),
      kim('guntung', GUNTUNG),
      kim('api', API_API, { active: false }),
      kim('batuah', BATUAH),
    ],
    stories: [
      story('kuala', '2026-11-20'),
      story('kuala', '2026-11-02'),
      story('kuala', '2026-01-15'),
      // Thirteen months ago: before the window, but still its KIM's last story.
      story('guntung', '2025-11-30'),
      story('batuah', '2026-09-02'),
    ],
    places: [
      place('dermaga', 'wisata', BONTANG_KUALA, '2026-10-01'),
      place('warung', 'kuliner', BONTANG_KUALA, '2024-06-01'),
      place('warung-2', 'kuliner', BONTANG_KUALA),
      place('kebun', 'pertanian', GUNTUNG, '2026-03-01'),
      // A kecamatan-wide place: counted in its area, but it is no village's potential.
      place('pantai', 'wisata', '64.74.01'),
    ],
    now: NOW,
    settings: DEFAULT_STATISTICS,
    sectorKeys: SECTOR_KEYS,
    kindKeys: PLACE_KIND_KEYS,
    known,
  });
}

describe('the dashboard’s clock', () => {
  it('counts the last twelve months, the current one last, across a year’s end', () => {
    expect(activityMonths(new Date('2026-02-14T00:00:00Z'))).toEqual([
      '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02',
    ]);
  });

  it('calls an active KIM quiet after the quiet days without a story, or with none at all', () => {
    expect(kimStatus(true, new Date('2026-09-02T00:00:00Z'), NOW, 90)).toBe('active');
    expect(kimStatus(true, new Date('2026-09-01T00:00:00Z'), NOW, 90)).toBe('quiet');
    expect(kimStatus(true, undefined, NOW, 90)).toBe('quiet');
    expect(kimStatus(false, new Date('2026-11-30T00:00:00Z'), NOW, 90)).toBe('inactive');
  });

  it('calls place data stale past the stale days', () => {
    expect(isStale(new Date('2025-12-01T00:00:00Z'), NOW, 365)).toBe(false);
    expect(isStale(new Date('2025-11-30T00:00:00Z'), NOW, 365)).toBe(true);
  });
});

describe('NetworkStatistics', () => {
  const s = statistics();

  it('counts coverage once per village, and every KIM by its status, up to the network', () => {
    // Bontang Utara has Bontang Kuala, Guntung, Api-api and its other kelurahan.
    const utara = s.area('64.74.01');
    expect(utara.villages).toBe(TREE.require('64.74.01').villageCount);
    expect(utara.villagesWithKim).toBe(3);
    expect([utara.kims, utara.active, utara.quiet, utara.inactive]).toEqual([4, 1, 2, 1]);
    const network = s.area();
    expect(network.villages).toBe(TREE.require('64.74.01').villageCount + 2);
    expect([network.villagesWithKim, network.kims, network.active, network.quiet, network.inactive]).toEqual([4, 5, 2, 2, 1]);
    expect(percent(network.villagesWithKim, network.villages)).toBe(Math.round((4 / network.villages) * 1000) / 10);
  });

  it('counts stories per month in the window, in the KIM’s areas', () => {
    expect(s.months.at(-1)).toBe('2026-12');
    const at = (month: string) => s.months.indexOf(month);
    const kota = s.area('64.74');
    expect(kota.monthly[at('2026-11')]).toBe(2);
    expect(kota.monthly[at('2026-01')]).toBe(1);
    expect(kota.monthly.reduce((a, b) => a + b, 0)).toBe(3);
    expect(s.area('64.02').monthly[at('2026-09')]).toBe(1);
    expect(s.area().monthly.reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('lists a kecamatan’s KIM by name with their status, last story and months', () => {
    const kims = s.kimsOfDistrict('64.74.01');
    expect(kims.map((k) => [k.id, k.status, k.lastStory])).toEqual([
      ['api', 'inactive', null],
      ['guntung', 'quiet', '2025-11-30'],
      ['kuala', 'active', '2026-11-20'],
      ['kuala-2', 'quiet', null],
    ]);
    expect(kims.find((k) => k.id === 'kuala')!.monthly.reduce((a, b) => a + b, 0)).toBe(3);
    expect(s.quietKims('64.74').map((k) => k.id)).toEqual(['api', 'guntung', 'kuala-2']);
  });

  it('knows which village has which kinds of potential, and which places to check', () => {
    expect([...s.kindsOfVillage(BONTANG_KUALA)]).toEqual([['wisata', 1], ['kuliner', 2]]);
    const utara = s.area('64.74.01');
    expect(utara.places).toBe(5);
    // The kecamatan-wide place was never checked either.
    expect([utara.stale, utara.unchecked]).toEqual([1, 2]);
    expect(utara.villagesByKind).toMatchObject({ wisata: 1, kuliner: 1, pertanian: 1, kerajinan: 0 });
    expect(utara.villagesWithoutPotential).toBe(utara.villages - 2);
    expect(s.placesToCheck('64.74.01').map((p) => [p.id, p.verified])).toEqual([['pantai', null], ['warung', '2024-06-01'], ['warung-2', null]]);
  });

  it('counts KIM per sector and places per kind over the network', () => {
    expect(s.sectors()).toMatchObject({ wisata: 5, kuliner: 1, teknologi: 0 });
    expect(s.kinds()).toMatchObject({ wisata: 2, kuliner: 2, pertanian: 1 });
  });

  it('hands a shard every figure that depends on the clock, and a shard reads them before its own', () => {
    const known = s.known(['64.74', '64.74.01'], { districts: ['64.74.01'], network: true });
    expect(known.months).toEqual(s.months);
    expect(Object.keys(known.areas).sort()).toEqual(['', '64.74', '64.74.01']);
    // A region shard is handed nothing about the rest of the network: a story there must not change its key.
    const regional = s.known(['64.74.01'], { districts: ['64.74.01'] });
    expect(Object.keys(regional.areas)).toEqual(['64.74.01']);
    expect([regional.sectors, regional.kinds]).toEqual([undefined, undefined]);
    expect(known.districts!['64.74.01']!.kims).toHaveLength(4);
    // A shard holding nothing still shows what it was handed.
    const shard = new NetworkStatistics({ tree: TREE, kims: [], stories: [], places: [], now: new Date('2030-01-01T00:00:00Z'), settings: DEFAULT_STATISTICS, sectorKeys: SECTOR_KEYS, kindKeys: PLACE_KIND_KEYS, known });
    expect(shard.months).toEqual(s.months);
    expect(shard.area('64.74.01')).toEqual(s.area('64.74.01'));
    expect(shard.kimsOfDistrict('64.74.01')).toEqual(s.kimsOfDistrict('64.74.01'));
    expect(shard.placesToCheck('64.74.01')).toEqual(s.placesToCheck('64.74.01'));
    expect(shard.sectors()).toEqual(s.sectors());
  });
});
