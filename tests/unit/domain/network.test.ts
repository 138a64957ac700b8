import { describe, expect, it } from 'vitest';
import { isPublished, NetworkModel, RELATED_CANDIDATES, type KimLike, type PlaceLike, type StoryLike } from '../../../src/domain/network.ts';
import { RegionTree } from '../../../src/domain/regions/tree.ts';
import { officialSlice } from '../../helpers/regions.ts';

const BONTANG_KUALA = '64.74.01.1001';
const GUNTUNG = '64.74.01.1004';
const API_API = '64.74.01.1006';
const BATUAH = '64.02.03.2006';
const REGIONS = await officialSlice([BATUAH, '64.02.03.2007', BONTANG_KUALA, GUNTUNG, API_API, '64.74.02.1001']);

const NOW = new Date('2026-06-01T00:00:00Z');

const kim = (id: string, name: string, village: string): KimLike => ({
  id,
  data: { name, village, sectors: [], active: true },
});

const story = (id: string, date: string, kimId: string, extra: Partial<StoryLike['data']> = {}): StoryLike => ({
  id,
  data: { title: id, date: new Date(`${date}T00:00:00Z`), kim: kimId, category: 'berita', tags: [], places: [], draft: false, ...extra },
});

const place = (id: string, name: string, region: string, kimId?: string): PlaceLike => ({
  id,
  data: { name, kind: 'wisata', region, kim: kimId, featured: false },
});

function model(input: { kims?: KimLike[]; stories?: StoryLike[]; places?: PlaceLike[] }) {
  return new NetworkModel({
    tree: RegionTree.build(REGIONS, ['64.02', '64.74']),
    kims: input.kims ?? [],
    stories: input.stories ?? [],
    places: input.places ?? [],
    now: NOW,
  });
}

describe('isPublished', () => {
  it('publishes a story dated today or earlier that is not a draft', () => {
    expect(isPublished(story('a', '2026-06-01', 'k'), NOW)).toBe(true);
    expect(isPublished(story('a', '2026-01-01', 'k'), NOW)).toBe(true);
  });

  it('holds back drafts and stories dated in the future', () => {
    expect(isPublished(story('a', '2026-01-01', 'k', { draft: true }), NOW)).toBe(false);
    expect(isPublished(story('a', '2026-06-02', 'k'), NOW)).toBe(false);
  });
});

describe('NetworkModel lists', () => {
  const network = model({
    kims: [kim('kim-guntung', 'KIM Guntung', GUNTUNG), kim('kim-api-api', 'KIM Api-api', API_API)],
    stories: [
      story('lama', '2026-01-10', 'kim-guntung'),
      story('baru', '2026-05-20', 'kim-guntung'),
      story('konsep', '2026-03-01', 'kim-guntung', { draft: true }),
      story('besok', '2026-06-02', 'kim-guntung'),
      story('tengah', '2026-03-15', 'kim-api-api'),
    ],
    places: [place('pantai', 'Pantai Marina', API_API), place('hutan', 'Hutan Kota', API_API)],
  });

  it('leaves out drafts and future-dated stories', () => {
    const ids = network.stories.map((s) => s.id);
    expect(ids).not.toContain('konsep');
    expect(ids).not.toContain('besok');
  });

  it('lists published stories newest first', () => {
    expect(network.stories.map((s) => s.id)).toEqual(['baru', 'tengah', 'lama']);
  });

  it('breaks a date tie by id so the order is stable', () => {
    const tied = model({
      kims: [kim('kim-a', 'KIM A', API_API)],
      stories: [story('b', '2026-01-01', 'kim-a'), story('a', '2026-01-01', 'kim-a')],
    });
    expect(tied.stories.map((s) => s.id)).toEqual(['a', 'b']);
  });

  it('lists KIM and places by name', () => {
    expect(network.kims.map((k) => k.id)).toEqual(['kim-api-api', 'kim-guntung']);
    expect(network.places.map((p) => p.id)).toEqual(['hutan', 'pantai']);
  });

  it('finds KIM and places by id', () => {
    expect(network.kim('kim-guntung')?.data.name).toBe('KIM Guntung');
    expect(network.kim('kim-hilang')).toBeUndefined();
    expect(network.place('pantai')?.data.name).toBe('Pantai Marina');
    expect(network.place('gua')).toBeUndefined();
  });

  it('lists the places and KIM within a region at every level, by name', () => {
    const withKukar = model({
      kims: [kim('kim-guntung', 'KIM Guntung', GUNTUNG), kim('kim-batuah', 'KIM Batuah', BATUAH)],
      places: [place('pantai', 'Pantai Marina', API_API), place('hutan', 'Hutan Kota', '64.74.01'), place('bukit', 'Bukit Batuah', BATUAH)],
    });
    expect(withKukar.placesWithin('64').map((p) => p.id)).toEqual(['bukit', 'hutan', 'pantai']);
    expect(withKukar.placesWithin('64.74').map((p) => p.id)).toEqual(['hutan', 'pantai']);
    expect(withKukar.placesWithin('64.74.01').map((p) => p.id)).toEqual(['hutan', 'pantai']);
    expect(withKukar.placesWithin(API_API).map((p) => p.id)).toEqual(['pantai']);
    expect(withKukar.placesWithin('64.74.02')).toEqual([]);
    expect(withKukar.kimsWithin('64.74').map((k) => k.id)).toEqual(['kim-guntung']);
    expect(withKukar.kimsWithin('64').map((k) => k.id)).toEqual(['kim-batuah', 'kim-guntung']);
  });

  it('lists only published stories of a KIM', () => {
    expect(network.storiesByKim('kim-guntung').map((s) => s.id)).toEqual(['baru', 'lama']);
    expect(network.storiesByKim('kim-lain')).toEqual([]);
  });
});

describe('NetworkModel region stats', () => {
  const network = model({
    kims: [
      kim('kim-bk-1', 'KIM Bontang Kuala', BONTANG_KUALA),
      kim('kim-bk-2', 'KIM Pemuda Bontang Kuala', BONTANG_KUALA),
      kim('kim-api-api', 'KIM Api-api', API_API),
      kim('kim-batuah', 'KIM Batuah', BATUAH),
    ],
    stories: [
      story('s1', '2026-01-01', 'kim-bk-1'),
      story('s2', '2026-02-01', 'kim-bk-2'),
      story('s3', '2026-03-01', 'kim-api-api'),
      story('s4', '2026-04-01', 'kim-batuah'),
      story('draf', '2026-04-01', 'kim-batuah', { draft: true }),
    ],
    places: [
      place('kampung-atas-air', 'Kampung Atas Air', BONTANG_KUALA, 'kim-bk-1'),
      place('pesisir-utara', 'Pesisir Bontang Utara', '64.74.01'),
      place('air-terjun', 'Air Terjun Batuah', BATUAH, 'kim-batuah'),
    ],
  });

  it('counts a village with two KIM once among villages with KIM', () => {
    expect(network.stats(BONTANG_KUALA)).toEqual({ villages: 1, villagesWithKim: 1, kims: 2, stories: 2, places: 1 });
  });

  it('gives a village without KIM zero figures but still counts it as a village', () => {
    expect(network.stats(GUNTUNG)).toEqual({ villages: 1, villagesWithKim: 0, kims: 0, stories: 0, places: 0 });
  });

  it('adds up a district, including a place located at the district itself', () => {
    expect(network.stats('64.74.01')).toEqual({ villages: 3, villagesWithKim: 2, kims: 3, stories: 3, places: 2 });
  });

  it('counts a district-level place at the district and above only, not in its villages', () => {
    expect(network.stats(API_API).places).toBe(0);
    expect(network.stats('64.74.01').places).toBe(2);
    expect(network.stats('64.74').places).toBe(2);
    expect(network.stats('64').places).toBe(3);
  });

  it('adds up a regency and the province', () => {
    expect(network.stats('64.74')).toEqual({ villages: 4, villagesWithKim: 2, kims: 3, stories: 3, places: 2 });
    expect(network.stats('64.02')).toEqual({ villages: 2, villagesWithKim: 1, kims: 1, stories: 1, places: 1 });
    expect(network.stats('64')).toEqual({ villages: 6, villagesWithKim: 3, kims: 4, stories: 4, places: 3 });
  });

  it('does not count drafts in the story figures', () => {
    expect(network.stats(BATUAH).stories).toBe(1);
  });

  it('reports totals for the whole network', () => {
    expect(network.totals()).toEqual({ villages: 6, villagesWithKim: 3, kims: 4, stories: 4, places: 3 });
  });

  it('refuses figures for an unknown region', () => {
    expect(() => network.stats('64.99')).toThrow(/Unknown region code/);
  });

  it('lists KIM of a village and the places a KIM keeps', () => {
    expect(network.kimsInVillage(BONTANG_KUALA).map((k) => k.id)).toEqual(['kim-bk-1', 'kim-bk-2']);
    expect(network.kimsInVillage(GUNTUNG)).toEqual([]);
    expect(network.placesByKim('kim-batuah').map((p) => p.id)).toEqual(['air-terjun']);
  });

  it('collects the stories of every KIM in a village, newest first', () => {
    expect(network.storiesInVillage(BONTANG_KUALA).map((s) => s.id)).toEqual(['s2', 's1']);
    expect(network.storiesInVillage(GUNTUNG)).toEqual([]);
  });

  it('lists the stories of a district and a regency newest first, from every KIM below them', () => {
    expect(network.storiesWithin('64.74.01').map((s) => s.id)).toEqual(['s3', 's2', 's1']);
    expect(network.storiesWithin('64.74').map((s) => s.id)).toEqual(['s3', 's2', 's1']);
    expect(network.storiesWithin('64').map((s) => s.id)).toEqual(['s4', 's3', 's2', 's1']);
    expect(network.storiesWithin(GUNTUNG)).toEqual([]);
  });

  it('keeps drafts out of a region\'s stories', () => {
    expect(network.storiesWithin(BATUAH).map((s) => s.id)).toEqual(['s4']);
  });

  it('names the other villages of a village\'s kecamatan as its neighbours, in official order', () => {
    expect(network.neighbours(GUNTUNG).map((r) => r.code)).toEqual([BONTANG_KUALA, API_API]);
    expect(network.neighbours(BATUAH).map((r) => r.code)).toEqual(['64.02.03.2007']);
  });

  it('surrounds a village without a KIM with its kecamatan\'s KIM, latest stories and neighbours', () => {
    const around = network.surroundings(GUNTUNG, 2);
    expect(around.district?.fullName).toBe('Kecamatan Bontang Utara');
    expect(around.kims.map((k) => k.id)).toEqual(['kim-api-api', 'kim-bk-1', 'kim-bk-2']);
    expect(around.stories.map((s) => s.id)).toEqual(['s3', 's2']);
    expect(around.neighbours.map((r) => r.code)).toEqual([BONTANG_KUALA, API_API]);
  });

  it('gives a region above a village no neighbours', () => {
    expect(network.surroundings('64.74.01', 5)).toEqual({ district: undefined, kims: [], stories: [], neighbours: [] });
    expect(network.neighbours('64.74.01')).toEqual([]);
  });

  it('places a story in the village of its KIM', () => {
    const s3 = network.stories.find((s) => s.id === 's3')!;
    expect(network.storyVillage(s3).fullName).toBe('Kelurahan Api-api');
    expect(network.villageOf(network.kim('kim-batuah')!).fullName).toBe('Desa Batuah');
  });
});

describe('NetworkModel related stories', () => {
  const base = { category: 'berita', tags: [] as string[], places: [] as string[] };
  const network = model({
    kims: [kim('kim-a', 'KIM A', BONTANG_KUALA), kim('kim-b', 'KIM B', API_API)],
    places: [place('pantai', 'Pantai', BONTANG_KUALA)],
    stories: [
      story('utama', '2026-03-01', 'kim-a', { ...base, category: 'berita', tags: ['festival', 'perahu'], places: ['pantai'] }),
      story('tempat-sama', '2026-01-01', 'kim-b', { ...base, category: 'kegiatan', places: ['pantai'] }),
      story('kim-sama', '2026-05-01', 'kim-a', { ...base, category: 'kegiatan' }),
      story('tag-sama', '2026-05-02', 'kim-b', { ...base, category: 'kegiatan', tags: ['festival'] }),
      story('kategori-sama', '2026-05-03', 'kim-b', { ...base, category: 'berita' }),
      story('tak-terkait', '2026-05-04', 'kim-b', { ...base, category: 'pengumuman', tags: ['banjir'] }),
      story('konsep', '2026-05-05', 'kim-a', { ...base, category: 'berita', places: ['pantai'], draft: true }),
    ],
  });
  const main = network.stories.find((s) => s.id === 'utama')!;

  it('ranks a shared place above the same KIM above a shared tag', () => {
    expect(network.related(main).map((s) => s.id)).toEqual(['tempat-sama', 'kim-sama', 'tag-sama']);
  });

  it('ranks a shared category last and leaves out unrelated stories, drafts and the story itself', () => {
    expect(network.related(main, 10).map((s) => s.id)).toEqual(['tempat-sama', 'kim-sama', 'tag-sama', 'kategori-sama']);
  });

  it('prefers the newer story when scores tie', () => {
    const tie = model({
      kims: [kim('kim-a', 'KIM A', BONTANG_KUALA)],
      stories: [
        story('x', '2026-01-01', 'kim-a', { ...base, tags: ['t'] }),
        story('lama', '2026-02-01', 'kim-a', { ...base, tags: ['t'] }),
        story('baru', '2026-04-01', 'kim-a', { ...base, tags: ['t'] }),
      ],
    });
    const x = tie.stories.find((s) => s.id === 'x')!;
    expect(tie.related(x).map((s) => s.id)).toEqual(['baru', 'lama']);
  });

  it('takes related stories from the story\'s own kabupaten/kota only, as a shard of a national build holds them', () => {
    const across = model({
      kims: [kim('kim-a', 'KIM A', BONTANG_KUALA), kim('kim-c', 'KIM C', BATUAH)],
      places: [place('pantai', 'Pantai', BONTANG_KUALA)],
      stories: [
        story('utama', '2026-03-01', 'kim-a', { ...base, tags: ['festival'], places: ['pantai'] }),
        story('kukar', '2026-04-01', 'kim-c', { ...base, tags: ['festival'], places: ['pantai'] }),
      ],
    });
    const utama = across.stories.find((s) => s.id === 'utama')!;
    // Same place, tag and category, but Batuah is in Kutai Kartanegara, Bontang Kuala in Bontang.
    expect(across.related(utama)).toEqual([]);
    expect(across.storiesAboutPlace('pantai').map((s) => s.id)).toEqual(['kukar', 'utama']);
  });

  it('lists the stories about a place', () => {
    expect(network.storiesAboutPlace('pantai').map((s) => s.id)).toEqual(['utama', 'tempat-sama']);
  });
});

describe('related stories at scale', () => {
  it('scores a bounded set of candidates however many stories share a KIM, tag or category', () => {
    const tree = RegionTree.build(
      { provinces: [{ code: '64', name: 'P' }], regencies: [{ code: '64.74', name: 'Kota B' }], districts: [{ code: '64.74.01', name: 'D' }], villages: [{ code: '64.74.01.1001', name: 'V' }] },
      ['64.74'],
    );
    const kims = [{ id: 'kim-a', data: { name: 'A', village: '64.74.01.1001', sectors: [], active: true } }];
    const stories = Array.from({ length: 20_000 }, (_, i) => ({
      id: `s-${i}`,
      data: { title: `S ${i}`, date: new Date(Date.UTC(2026, 0, 1) - i * 60_000), kim: 'kim-a', category: 'berita', tags: ['umum', `t-${i % 100}`], places: [], draft: false },
    }));
    const model = new NetworkModel({ tree, kims, stories, places: [], now: new Date(Date.UTC(2026, 1, 1)) });
    const story = model.stories[500]!;
    // KIM, two tags and the category: at most four sources of RELATED_CANDIDATES each.
    expect(model.relatedCandidates(story).size).toBeLessThanOrEqual(4 * RELATED_CANDIDATES);
    expect(model.relatedCandidates(story).has(story)).toBe(false);
    const related = model.related(story);
    expect(related).toHaveLength(3);
    // The best candidates share the story's rarer tag as well as its KIM and category.
    expect(related.every((s) => s.data.tags.includes('t-0'))).toBe(true);
  });
});
