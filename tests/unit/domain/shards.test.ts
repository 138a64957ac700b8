import { beforeAll, describe, expect, it } from 'vitest';
import { LISTING_SPECS } from '../../../src/domain/listings.ts';
import type { KimLike, PlaceLike, StoryLike } from '../../../src/domain/network.ts';
import { loadRegionData } from '../../../src/format/sources/regions.ts';
import { NATIONAL_SCOPE, RegionTree } from '../../../src/domain/regions/tree.ts';
import { FEED_ITEMS } from '../../../src/domain/feeds.ts';
import { buildsInShard, buildsNetworkPages, inShardSitemap, NETWORK_SHARD, networkShardEntries, planShards, shardEntries, shardEntriesOf, shardLabel } from '../../../src/domain/shards.ts';

const entries = {
  kim: [
    { id: 'kim-bontang', data: { village: '64.74.01.1001' } },
    { id: 'kim-banjar', data: { village: '63.03.01.2001' } },
  ],
  places: [
    { id: 'pantai-bontang', data: { region: '64.74.01.1001', kim: 'kim-bontang' } },
    { id: 'pasar-banjar', data: { region: '63.03.01.2001', kim: 'kim-banjar' } },
  ],
  stories: [
    { id: 'kabar-bontang', data: { kim: 'kim-bontang', places: ['pasar-banjar'] } },
    { id: 'kabar-banjar', data: { kim: 'kim-banjar', places: ['pantai-bontang'] } },
    { id: 'kabar-banjar-lain', data: { kim: 'kim-banjar', places: [] } },
  ],
};

describe('shardEntries', () => {
  it('gives a province its own entries and everything their pages mention', () => {
    const shard = shardEntries(entries, '64');
    expect([...shard.kim].sort()).toEqual(['kim-banjar', 'kim-bontang']);
    expect([...shard.stories].sort()).toEqual(['kabar-banjar', 'kabar-bontang']);
    expect([...shard.places].sort()).toEqual(['pantai-bontang', 'pasar-banjar']);
  });

  it('leaves out what the province never shows', () => {
    expect(shardEntries(entries, '64').stories.has('kabar-banjar-lain')).toBe(false);
    expect(shardEntries(entries, '11')).toEqual({ kim: new Set(), stories: new Set(), places: new Set() });
  });

  it('plans every shard in one pass as it would plan each alone, a split province included', () => {
    // East Kalimantan in two runs: the first (64-64.05) owns the province page and its cards.
    const split = {
      kim: [...entries.kim, { id: 'kim-paser', data: { village: '64.01.01.2001' } }, { id: 'kim-tanpa-cerita', data: { village: '64.11.01.2001' } }],
      places: [...entries.places, { id: 'danau-paser', data: { region: '64.01.01.2001' } }, { id: 'air-terjun', data: { region: '64.11.01.2001', kim: 'kim-bontang' } }],
      stories: [...entries.stories, { id: 'kabar-paser', data: { kim: 'kim-paser', places: ['air-terjun'] } }],
    };
    const shards = ['63', '64-64.05', '64.06-64.74', '11'];
    const all = shardEntriesOf(split, shards);
    const sorted = (s: { kim: Set<string>; stories: Set<string>; places: Set<string> }) => ({ kim: [...s.kim].sort(), stories: [...s.stories].sort(), places: [...s.places].sort() });
    expect(sorted(all.get('64-64.05')!)).toEqual({
      // Every KIM and place of the province (its page), kim-bontang as the manager of air-terjun.
      kim: ['kim-bontang', 'kim-paser', 'kim-tanpa-cerita'],
      stories: ['kabar-paser'],
      places: ['air-terjun', 'danau-paser', 'pantai-bontang'],
    });
    expect(sorted(all.get('64.06-64.74')!)).toEqual({
      kim: ['kim-banjar', 'kim-bontang', 'kim-paser', 'kim-tanpa-cerita'],
      stories: ['kabar-banjar', 'kabar-bontang', 'kabar-paser'],
      places: ['air-terjun', 'pantai-bontang', 'pasar-banjar'],
    });
    for (const shard of shards) expect(sorted(shardEntries(split, shard)), shard).toEqual(sorted(all.get(shard)!));
  });
});

describe('which build makes which page', () => {
  it('builds a page only in the shard of its province, and everything without shards', () => {
    expect(buildsInShard('64', '64.74.01.1001')).toBe(true);
    expect(buildsInShard('63', '64.74.01.1001')).toBe(false);
    expect(buildsInShard(NETWORK_SHARD, '64.74.01.1001')).toBe(false);
    expect(buildsInShard(null, '64.74.01.1001')).toBe(true);
    expect(buildsNetworkPages(NETWORK_SHARD)).toBe(true);
    expect(buildsNetworkPages('64')).toBe(false);
    expect(buildsNetworkPages(null)).toBe(true);
  });

  it('lists in a province sitemap only the pages that province owns', () => {
    for (const page of [
      '/wilayah/kota-bontang/',
      '/wilayah/kota-bontang/bontang-utara/bontang-kuala/',
      '/kim/kim-a/',
      '/cerita/kabar/',
      '/potensi/pantai/',
      '/potensi/wilayah/kota-bontang/',
      '/potensi/wilayah/kota-bontang/jenis/kuliner/halaman/2/',
      '/cerita/wilayah/kota-bontang/',
      '/cerita/wilayah/kota-bontang/bontang-utara/halaman/2/',
      '/kim/kim-bontang/merek/',
      '/kim/kim-bontang/poster/',
    ]) {
      expect(inShardSitemap('64', page), page).toBe(true);
    }
    for (const page of ['/', '/wilayah/', '/bentuk-kim/', '/cerita/', '/cerita/halaman/2/', '/cerita/kategori/berita/', '/potensi/jenis/wisata/', '/potensi/wilayah/', '/cerita/wilayah/', '/kim/sektor/wisata/']) {
      expect(inShardSitemap('64', page), page).toBe(false);
      expect(inShardSitemap(NETWORK_SHARD, page), page).toBe(true);
    }
  });
});

describe('shards of a large province', () => {
  it('builds the province page in its first run of regencies only', () => {
    expect(buildsInShard('35-35.12', '35')).toBe(true);
    expect(buildsInShard('35.13-35.29', '35')).toBe(false);
  });

  it('builds each regency and everything below it in the run that holds it', () => {
    expect(buildsInShard('35-35.12', '35.12.04.2001')).toBe(true);
    expect(buildsInShard('35.13-35.29', '35.12.04.2001')).toBe(false);
    expect(buildsInShard('35.13-35.29', '35.13')).toBe(true);
    expect(buildsInShard('35.13-35.29', '35.29.01')).toBe(true);
    expect(buildsInShard('35.13-35.29', '35.71.01.1001')).toBe(false);
    expect(buildsInShard('35.13-35.29', '36.13.01.2001')).toBe(false);
  });
});

describe('planShards over all of Indonesia', () => {
  let tree: RegionTree;
  beforeAll(async () => {
    tree = RegionTree.build(await loadRegionData(), [NATIONAL_SCOPE]);
  });

  it('puts every region page in exactly one shard', () => {
    const shards = planShards(tree, 2500);
    let regions = 0;
    for (const region of tree.withPages()) {
      regions++;
      expect(shards.filter((s) => buildsInShard(s, region.code)), region.code).toHaveLength(1);
    }
    expect(regions).toBeGreaterThan(90_000);
  });

  it('keeps each shard within the village limit unless one regency alone exceeds it', () => {
    const shards = planShards(tree, 2500);
    expect(shards.length).toBeGreaterThan(38);
    for (const shard of shards) {
      const regencies = tree.roots().flatMap((p) => tree.children(p.code)).filter((r) => buildsInShard(shard, r.code));
      const villages = regencies.reduce((sum, r) => sum + r.villageCount, 0);
      if (regencies.length > 1) expect(villages, shard).toBeLessThanOrEqual(2500);
    }
  });

  it('leaves a province that fits whole', () => {
    expect(planShards(tree, 2500)).toContain('64');
    expect(planShards(tree, 100_000)).toHaveLength(38);
  });

  it('names each shard for the search page: a province, or a run of its regencies', () => {
    const shards = planShards(tree, 300);
    expect(shardLabel(tree, '64')).toBe('Kalimantan Timur');
    // Kalimantan Timur is split at 300 villages: Paser alone first (its run starts at the province code).
    expect(shards).toContain('64-64.01');
    expect(shardLabel(tree, '64-64.01')).toBe('Kalimantan Timur: Kabupaten Paser');
    const run = shards.find((s) => s.startsWith('64.') && tree.children('64').filter((r) => buildsInShard(s, r.code)).length > 1)!;
    expect(shardLabel(tree, run)).toMatch(/^Kalimantan Timur: (Kabupaten|Kota) .+ – (Kabupaten|Kota) .+$/);
    expect(new Set(shards.map((s) => shardLabel(tree, s))).size).toBe(shards.length);
  });
});

describe('networkShardEntries', () => {
  const kim = (id: string): KimLike => ({ id, data: { name: id, village: '64.74.01.1001', sectors: ['wisata'], active: true } });
  const story = (id: string, day: number, category: string, places: string[] = [], tags: string[] = []): StoryLike => ({
    id,
    data: { title: id, date: new Date(Date.UTC(2026, 0, day)), kim: 'kim-a', category, tags, places, draft: false },
  });
  const place = (id: string, featured = false): PlaceLike => ({ id, data: { name: id, kind: 'wisata', region: '64.74.01.1001', kim: 'kim-a', featured } });
  const specs = {
    stories: { ...LISTING_SPECS.stories, pageSize: 2, maxPages: 1 },
    places: { ...LISTING_SPECS.places, pageSize: 2, maxPages: 1 },
    kim: { ...LISTING_SPECS.kim, pageSize: 2, maxPages: 1 },
  };
  const entries = {
    kim: [kim('kim-a'), kim('kim-b'), kim('kim-c')],
    stories: [
      story('s1', 1, 'berita', [], ['Pasar Ikan']),
      story('s2', 2, 'berita', [], ['pasar ikan', 'nelayan']),
      story('s3', 3, 'berita'),
      story('s4', 4, 'berita', ['x-tua']),
      story('s5', 5, 'kegiatan'),
      story('draft', 6, 'berita'),
    ],
    places: [place('a1'), place('a2'), place('a3'), place('x-tua'), place('z-unggulan', true)],
  };
  entries.stories[5]!.data.draft = true;
  const { entries: chosen, listings } = networkShardEntries(entries, specs, new Date(Date.UTC(2026, 5, 1)));

  it('keeps the first page of every listing and facet, newest stories first', () => {
    // All: s5, s4. Berita: s4, s3. Kegiatan: s5.
    // And each topic's first page: pasar-ikan s2, s1; nelayan s2.
    expect([...chosen.stories].sort()).toEqual(['s1', 's2', 's3', 's4', 's5']);
  });

  it('keeps every KIM, the places shown, the featured ones and those the kept stories mention', () => {
    expect([...chosen.kim].sort()).toEqual(['kim-a', 'kim-b', 'kim-c']);
    expect([...chosen.places].sort()).toEqual(['a1', 'a2', 'x-tua', 'z-unggulan']);
  });

  it('counts every listing of the whole network, published stories only', () => {
    expect(listings.stories).toEqual({ all: 5, berita: 4, kegiatan: 1 });
    expect(listings.places).toEqual({ all: 5, wisata: 5 });
    expect(listings.kim).toEqual({ all: 3, wisata: 3 });
    expect(listings.topics).toEqual({ 'pasar-ikan': 2, nelayan: 1 });
  });

  it("keeps whole, body and photos, the stories of the network's feed and of each category's", () => {
    const many = [
      ...Array.from({ length: FEED_ITEMS + 10 }, (_, i) => story(`b${i + 1}`, i + 10, 'berita')),
      story('k-old', 1, 'kegiatan'),
      story('k-older', 2, 'kegiatan'),
    ];
    const { entries: kept } = networkShardEntries({ ...entries, stories: many }, specs, new Date(Date.UTC(2026, 5, 1)));
    const whole = [...kept.whole!];
    // The newest berita fill the network's feed and berita's; kegiatan's are old but its feed's own.
    expect(whole.sort()).toEqual([...Array.from({ length: FEED_ITEMS }, (_, i) => `b${i + 11}`), 'k-old', 'k-older'].sort());
    for (const id of whole) expect(kept.stories.has(id)).toBe(true);
    expect(kept.whole!.has('b10')).toBe(false);
    expect(chosen.whole!.has('draft')).toBe(false);
  });
});
