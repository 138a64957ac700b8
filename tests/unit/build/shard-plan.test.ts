import { describe, expect, it } from 'vitest';
import { prepareShards, remainingSeconds, type ShardPlan } from '../../../src/build/shards/plan.ts';
import { validateNetwork } from '../../../src/format/validate.ts';
import type { ValidNetwork } from '../../../src/format/validation/types.ts';
import { contentFile } from '../../helpers/content-file.ts';
import { officialSlice } from '../../helpers/regions.ts';

const REGIONS = await officialSlice(['63.03.01.2001', '64.02.03.2006', '64.02.03.2007', '64.74.01.1001']);

const now = new Date('2026-12-01T00:00:00Z');
const text = (data: string, body = '') => `---\n${data}\n---\n${body}\n`;

function network(): ValidNetwork {
  const result = validateNetwork({
    network: { displayPath: 'content/network.yaml', bytes: new TextEncoder().encode('name: Uji\ndescription: Uji.\nsite: https://uji.example.org\nscope: ["63", "64"]\n') },
    files: [
      contentFile('kim', 'kim-batuah.md', text('name: KIM Batuah\nvillage: "64.02.03.2006"')),
      contentFile('kim', 'kim-bontang-kuala.md', text('name: KIM Bontang Kuala\nvillage: "64.74.01.1001"')),
      contentFile('stories', 'kabar.md', text('title: Kabar\ndate: 2026-11-01\nkim: kim-bontang-kuala\nsummary: Kabar.\ncategory: berita')),
      ...[2, 3, 4, 5, 6, 7].map((n) =>
        contentFile('stories', `kabar-${n}.md`, text(`title: Kabar ${n}\ndate: 2026-11-0${n}\nkim: kim-bontang-kuala\nsummary: Kabar.\ncategory: berita`)),
      ),
    ],
    regions: REGIONS,
    now,
    fileAt: () => ({ type: 'missing' }),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.network;
}

describe('prepareShards', () => {
  const { plan, contents, figures } = prepareShards(network(), { shardVillages: 2, now });

  it('splits a province over the village limit into runs of whole regencies, then the network pages', () => {
    expect(plan.shards).toEqual(['63', '64-64.02', '64.74-64.74', 'jaringan']);
    expect(plan.villages).toEqual({ '63': 1, '64-64.02': 2, '64.74-64.74': 1 });
    expect(plan.provinces).toBe(2);
  });

  it('tells the search page which shard holds each kabupaten/kota, by its facet name', () => {
    expect(plan.kabupaten).toEqual({ 'Kabupaten Banjar': '63', 'Kabupaten Kutai Kartanegara': '64-64.02', 'Kota Bontang': '64.74-64.74' });
    expect(plan.labels['64-64.02']).toBe('Kalimantan Timur: Kabupaten Kutai Kartanegara');
  });

  it('gives each shard its entries and the figures it cannot count itself', () => {
    expect([...contents.get('64.74-64.74')!.stories].sort()).toEqual(['kabar', 'kabar-2', 'kabar-3', 'kabar-4', 'kabar-5', 'kabar-6', 'kabar-7']);
    expect([...contents.get('63')!.kim]).toEqual([]);
    expect(figures.get('jaringan')!.totals).toMatchObject({ kims: 2, stories: 7, villages: 4 });
  });

  it('gives the run that builds a split province\'s page the province\'s newest stories, with their KIM', () => {
    // Its own regency has no story: the province page lists Bontang's newest five, as one build does.
    const owner = contents.get('64-64.02')!;
    expect([...owner.stories].sort()).toEqual(['kabar-3', 'kabar-4', 'kabar-5', 'kabar-6', 'kabar-7']);
    expect(owner.kim.has('kim-bontang-kuala')).toBe(true);
  });
});

describe('the dashboard in shards', () => {
  const { figures } = prepareShards(network(), { shardVillages: 2, now });

  it('hands each region shard the clock-dependent figures of every area it builds, and the network shard its areas', () => {
    const bontang = figures.get('64.74-64.74')!.statistics!;
    expect(bontang.months).toHaveLength(12);
    expect(bontang.months.at(-1)).toBe('2026-12');
    expect(Object.keys(bontang.areas)).toEqual(expect.arrayContaining(['64.74', '64.74.01']));
    expect(Object.keys(bontang.districts!)).toEqual(['64.74.01']);
    expect(bontang.districts!['64.74.01']!.kims.map((k) => [k.id, k.status])).toEqual([['kim-bontang-kuala', 'active']]);
    // The run owning the split province's page is handed the province and the regencies it does not hold.
    expect(Object.keys(figures.get('64-64.02')!.statistics!.areas)).toEqual(expect.arrayContaining(['64', '64.02', '64.74']));
    expect(Object.keys(figures.get('jaringan')!.statistics!.areas)).toEqual(expect.arrayContaining(['', '63', '64', '63.03', '64.02', '64.74']));
  });

  it('hands a region shard nothing that a story in another shard changes', () => {
    const before = figures.get('63')!;
    const more = network();
    more.stories.push({ ...more.stories[0]!, id: 'kabar-lagi' });
    const after = prepareShards(more, { shardVillages: 2, now }).figures.get('63')!;
    expect(after).toEqual(before);
  });

  it('changes what a shard is handed when the clock moves the figures, so its cache key changes with them', () => {
    const later = prepareShards(network(), { shardVillages: 2, now: new Date('2027-03-15T00:00:00Z') }).figures.get('64.74-64.74')!.statistics!;
    expect(later.months).not.toEqual(figures.get('64.74-64.74')!.statistics!.months);
    // More than 90 days after its last story, the KIM has gone quiet.
    expect(later.districts!['64.74.01']!.kims[0]!.status).toBe('quiet');
  });
});

describe('remainingSeconds', () => {
  const plan: ShardPlan = { shards: ['a', 'b', 'c', 'jaringan'], provinces: 1, kabupaten: {}, labels: {}, villages: { a: 100, b: 300, c: 100 } };

  it('knows nothing before a region shard is done', () => {
    expect(remainingSeconds(plan, new Map())).toBeUndefined();
  });

  it('estimates the rest from the time per village so far, the network shard as an average shard', () => {
    // 10 s for 100 villages: b takes 30 s, c 10 s, the network shard as 500/3 villages ≈ 16.7 s.
    expect(remainingSeconds(plan, new Map([['a', 10]]))).toBeCloseTo(30 + 10 + 500 / 3 / 10, 5);
  });
});
