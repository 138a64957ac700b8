import { describe, expect, it } from 'vitest';
import { buildListings, hasStoryDirectory, REGION_STORY_SPEC, usedFacetKeys } from '../../../src/domain/listings.ts';
import { paginate, paginateGroups } from '../../../src/domain/paginate.ts';
import { STORY_CATEGORY_KEYS } from '../../../src/domain/taxonomy.ts';

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('paginate', () => {
  it('gives an empty list one empty page, so its listing still exists', () => {
    expect(paginate([], 12)).toEqual([{ items: [], number: 1, total: 1, totalItems: 0 }]);
  });

  it('splits 25 items of page size 12 into pages of 12, 12 and 1', () => {
    const pages = paginate(range(25), 12);
    expect(pages.map((p) => p.items.length)).toEqual([12, 12, 1]);
    expect(pages.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(pages.every((p) => p.total === 3 && p.totalItems === 25)).toBe(true);
    expect(pages[2]!.items).toEqual([25]);
  });

  it('makes exactly one full page when the items fill it', () => {
    expect(paginate(range(12), 12)).toHaveLength(1);
    expect(paginate(range(13), 12)).toHaveLength(2);
  });

  it('keeps the order of the items across pages', () => {
    expect(paginate(range(5), 2).flatMap((p) => p.items)).toEqual(range(5));
  });

  it('refuses a page size that is not a positive whole number', () => {
    expect(() => paginate(range(3), 0)).toThrow(/positive integer/);
    expect(() => paginate(range(3), -1)).toThrow(/positive integer/);
    expect(() => paginate(range(3), 1.5)).toThrow(/positive integer/);
  });
});

interface Item {
  id: string;
  category: string;
}

const spec = {
  facetType: 'category' as const,
  facetKeys: STORY_CATEGORY_KEYS,
  keysOf: (item: Item) => [item.category],
  pageSize: 2,
  maxPages: 10,
};

const items: Item[] = [
  { id: 'a', category: 'berita' },
  { id: 'b', category: 'kegiatan' },
  { id: 'c', category: 'berita' },
  { id: 'd', category: 'berita' },
  { id: 'e', category: 'pengumuman' },
];

describe('usedFacetKeys', () => {
  it('keeps taxonomy order, not the order items appear in', () => {
    const reversed = [...items].reverse();
    expect(usedFacetKeys(reversed, spec)).toEqual(['berita', 'kegiatan', 'pengumuman']);
  });

  it('drops facets without items', () => {
    expect(usedFacetKeys(items, spec)).not.toContain('potensi');
    expect(usedFacetKeys(items, spec)).not.toContain('layanan-publik');
  });

  it('ignores item keys outside the taxonomy', () => {
    expect(usedFacetKeys([{ id: 'x', category: 'olahraga' }], spec)).toEqual([]);
  });

  it('counts an item under each of its keys', () => {
    const multi = { facetKeys: ['wisata', 'kuliner', 'umkm'], keysOf: (k: string[]) => k };
    expect(usedFacetKeys([['umkm', 'wisata']], multi)).toEqual(['wisata', 'umkm']);
  });
});

describe('buildListings', () => {
  const listings = buildListings(items, spec);

  it('names every page with its route parameter, the first unfiltered page with none', () => {
    expect(listings.map((l) => l.param)).toEqual([
      undefined,
      'halaman/2',
      'halaman/3',
      'kategori/berita',
      'kategori/berita/halaman/2',
      'kategori/kegiatan',
      'kategori/pengumuman',
    ]);
  });

  it('puts only matching items on a facet page', () => {
    const berita = listings.filter((l) => l.facet?.key === 'berita');
    expect(berita.flatMap((l) => l.page.items.map((i) => i.id))).toEqual(['a', 'c', 'd']);
    expect(berita[0]!.facet).toEqual({ type: 'category', key: 'berita' });
    expect(berita[0]!.page.total).toBe(2);
  });

  it('puts every item on the unfiltered pages', () => {
    const all = listings.filter((l) => l.facet === undefined);
    expect(all.flatMap((l) => l.page.items.map((i) => i.id))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('gives an empty collection one unfiltered page and no facet pages', () => {
    const empty = buildListings([], spec);
    expect(empty).toHaveLength(1);
    expect(empty[0]).toMatchObject({ param: undefined, facet: undefined, page: { items: [], number: 1, total: 1 } });
  });

  it('gives every page a distinct parameter', () => {
    expect(new Set(listings.map((l) => l.param)).size).toBe(listings.length);
  });
});

describe('buildListings with a page limit', () => {
  const capped = { ...spec, maxPages: 2 };
  const listings = buildListings(items, capped);

  it('stops a listing after its last allowed page and says how many items it has in all', () => {
    const all = listings.filter((l) => l.facet === undefined);
    expect(all.map((l) => l.param)).toEqual([undefined, 'halaman/2']);
    expect(all.flatMap((l) => l.page.items.map((i) => i.id))).toEqual(['a', 'b', 'c', 'd']);
    expect(all.map((l) => [l.page.total, l.page.totalItems, l.totalItems])).toEqual([
      [2, 4, 5],
      [2, 4, 5],
    ]);
  });

  it('leaves a listing within the limit whole', () => {
    const berita = listings.filter((l) => l.facet?.key === 'berita');
    expect(berita.map((l) => [l.page.total, l.page.totalItems, l.totalItems])).toEqual([
      [2, 3, 3],
      [2, 3, 3],
    ]);
  });

  it('takes the totals from outside when the items are only those shown', () => {
    const shown = items.slice(0, 4);
    const fromShard = buildListings(shown, capped, { all: 5, berita: 3, kegiatan: 1, pengumuman: 1 });
    expect(fromShard.map((l) => [l.param, l.page.items.map((i) => i.id), l.totalItems])).toEqual(
      listings.filter((l) => l.facet?.key !== 'pengumuman').map((l) => [l.param, l.page.items.map((i) => i.id), l.totalItems]),
    );
  });
});


describe('a region\'s story directory', () => {
  const stories = Array.from({ length: 400 }, (_, i) => ({ id: `s${i}`, data: { category: i % 2 ? 'berita' : 'kegiatan' } }));
  const listings = buildListings(stories, REGION_STORY_SPEC);

  it('pages through the region\'s stories without a page per category', () => {
    expect(listings.every((l) => l.facet === undefined)).toBe(true);
    expect(listings[1]!.param).toBe('halaman/2');
  });

  it('stops after as many pages as a network-wide listing, however busy the region', () => {
    expect(listings).toHaveLength(REGION_STORY_SPEC.maxPages);
    expect(listings[0]!.totalItems).toBe(400);
  });

  it('exists for a kabupaten/kota and a kecamatan only', () => {
    expect(['province', 'regency', 'district', 'village'].filter((level) => hasStoryDirectory({ level }))).toEqual(['regency', 'district']);
  });
});

describe('paginateGroups', () => {
  const items = ['a1', 'a2', 'a3', 'b1', 'b2', 'c1'];
  const group = (item: string) => item[0]!;

  it('gathers each page’s items under their groups, marking a group that goes on from the page before', () => {
    expect(paginateGroups(items, 2, group)).toEqual([
      { number: 1, total: 3, groups: [{ key: 'a', continued: false, items: ['a1', 'a2'] }] },
      { number: 2, total: 3, groups: [{ key: 'a', continued: true, items: ['a3'] }, { key: 'b', continued: false, items: ['b1'] }] },
      { number: 3, total: 3, groups: [{ key: 'b', continued: true, items: ['b2'] }, { key: 'c', continued: false, items: ['c1'] }] },
    ]);
  });

  it('keeps full pages: a group is never moved whole to the next page', () => {
    expect(paginateGroups(items, 4, group).map((p) => p.groups.flatMap((g) => g.items))).toEqual([['a1', 'a2', 'a3', 'b1'], ['b2', 'c1']]);
    expect(paginateGroups(items, 3, group)[1]!.groups[0]).toEqual({ key: 'b', continued: false, items: ['b1', 'b2'] });
  });

  it('gives an empty list one page without groups', () => {
    expect(paginateGroups([], 10, group)).toEqual([{ number: 1, total: 1, groups: [] }]);
  });
});
