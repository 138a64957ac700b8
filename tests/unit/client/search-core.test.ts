/**
 * The search page's logic without a browser: the search in the URL, which indexes a search loads
 * on a network built in shards (driven through fake Pagefind copies), and how results are merged,
 * listed and described. The browser tests check the same behaviour on real built sites.
 */
import { describe, expect, it } from 'vitest';
import type { ShardList } from '../../../src/domain/search/router.ts';
import { FACET_KEYS } from '../../../src/domain/search/facets.ts';
import { createTranslator } from '../../../src/site/i18n/index.ts';
import {
  createSearcher,
  isBlank,
  mergeResults,
  pagefindQuery,
  presentResult,
  readSearch,
  ResultList,
  searchStrings,
  searchUrl,
  type Hit,
  type IndexLoader,
  type Pagefind,
  type SearchStrings,
} from '../../../src/client/search-core.ts';

// The page's words, as cari.astro fills them in.
const strings = searchStrings(createTranslator('id'));

const hit = (id: string): Hit => ({ id, data: async () => ({ url: `/${id}/`, excerpt: '', meta: { title: id } }) });
const hits = (count: number, prefix = 'hasil') => Array.from({ length: count }, (_, i) => hit(`${prefix}-${i + 1}`));
const ids = (list: readonly Hit[]) => list.map((h) => h.id);

describe('the search in the URL', () => {
  it('reads the words trimmed, the facets as written, and ignores parameters it does not know', () => {
    const search = readSearch(new URLSearchParams('?utm_source=wa&q=+pantai+&kabupaten=Kota+Bontang&tipe=&urutan=terbaru'), FACET_KEYS);
    expect(search).toEqual({ query: 'pantai', filters: { kabupaten: 'Kota Bontang' }, order: 'terbaru' });
  });

  it('writes the words, the facets in their order, then the order, and drops what it did not read', () => {
    const search = readSearch(new URLSearchParams('?urutan=terbaru&fbclid=x&desa=Desa+Batuah&q=pantai&kabupaten=Kota+Bontang'), FACET_KEYS);
    expect(searchUrl('/cari/', search)).toBe('/cari/?q=pantai&kabupaten=Kota+Bontang&desa=Desa+Batuah&urutan=terbaru');
  });

  it('survives the round trip with Indonesian words, accents, quotes and parentheses', () => {
    const search = { query: '"kafé" di Loa Janan – “Idaman”', filters: { kabupaten: 'Kabupaten Kutai Kartanegara', desa: 'Desa Batuah (Loa Janan)' }, order: '' };
    const url = new URL(searchUrl('/jembatan/cari/', search), 'https://kim.example');
    expect(url.pathname).toBe('/jembatan/cari/');
    expect(readSearch(url.searchParams, FACET_KEYS)).toEqual(search);
  });

  it('keeps the first of a repeated parameter, as the page always has', () => {
    expect(readSearch(new URLSearchParams('?kabupaten=Kota+Bontang&kabupaten=Kabupaten+Banjar'), FACET_KEYS).filters).toEqual({ kabupaten: 'Kota Bontang' });
  });

  it('gives a bare path for a search that chose nothing', () => {
    expect(searchUrl('/cari/', readSearch(new URLSearchParams('?q=+&asal=beranda'), FACET_KEYS))).toBe('/cari/');
  });

  it('counts a search without words or facets as blank, even with an order', () => {
    expect(isBlank(readSearch(new URLSearchParams('?urutan=terbaru'), FACET_KEYS))).toBe(true);
    expect(isBlank(readSearch(new URLSearchParams('?tipe=Potensi'), FACET_KEYS))).toBe(false);
    expect(isBlank(readSearch(new URLSearchParams('?q=warga'), FACET_KEYS))).toBe(false);
  });

  it('asks Pagefind for each facet as a filter, and for the newest first only when chosen', () => {
    expect(pagefindQuery(readSearch(new URLSearchParams('?q=warga&tipe=Cerita&urutan=terbaru'), FACET_KEYS))).toEqual([
      'warga',
      { filters: { tipe: ['Cerita'] }, sort: { tanggal: 'desc' } },
    ]);
    expect(pagefindQuery(readSearch(new URLSearchParams('?tipe=Cerita&urutan=acak'), FACET_KEYS))).toEqual([null, { filters: { tipe: ['Cerita'] } }]);
  });
});

/** A page of a fake index: found by any of its words, narrowed by its kabupaten. */
interface FakePage {
  id: string;
  words: string;
  kabupaten?: string;
}

/**
 * Fake indexes by folder, and a loader that records what the page would download. A fake copy
 * searches the indexes it was opened on or merged, best match first (most repeats of the words).
 */
function fakeSite(indexes: Record<string, FakePage[]>, shardList?: ShardList) {
  const imported: string[] = [];
  const merged: string[] = [];
  const routerQueries: (string | null)[] = [];
  const options: Record<string, unknown>[] = [];
  let listsFetched = 0;
  const loader: IndexLoader = {
    async importPagefind(moduleUrl) {
      imported.push(moduleUrl);
      const folders: string[] = [];
      const copy: Pagefind = {
        options: async (o) => {
          options.push(o);
          folders.push(String(o.basePath));
        },
        mergeIndex: async (url) => {
          merged.push(url);
          folders.push(url);
        },
        filters: async () => ({}),
        search: async (query, o) => {
          if (o === undefined) routerQueries.push(query);
          const terms = query?.toLowerCase().split(/\s+/) ?? [];
          const score = (page: FakePage) => (query === null ? 1 : page.words.split(' ').filter((w) => terms.includes(w)).length);
          const kabupaten = o?.filters?.kabupaten?.[0];
          const found = folders
            .flatMap((folder) => indexes[folder] ?? [])
            .filter((page) => score(page) > 0 && (kabupaten === undefined || page.kabupaten === kabupaten))
            .sort((a, b) => score(b) - score(a));
          return { results: found.map((page) => hit(page.id)), filters: {} };
        },
      };
      return copy;
    },
    fetchShardList: async () => {
      listsFetched++;
      return shardList!;
    },
  };
  return { loader, imported, merged, routerQueries, options, fetched: () => listsFetched };
}

// Two shards hold "festival"; Kalimantan Selatan's has more pages with it, so the router ranks it first.
const SHARDS: ShardList = {
  shards: ['63', '64'],
  kabupaten: { 'Kabupaten Banjar': '63', 'Kota Bontang': '64' },
  labels: { '63': 'Kalimantan Selatan', '64': 'Kalimantan Timur' },
  routes: { rute_63: '63', rute_64: '64' },
};
const NETWORK = {
  '/pagefind/rute/': [
    { id: 'rute_64', words: 'festival laut bontang' },
    { id: 'rute_63', words: 'festival festival festival sungai jukung' },
  ],
  '/pagefind/63/': [
    { id: 'festival-banjar', words: 'festival pesisir sungai', kabupaten: 'Kabupaten Banjar' },
    { id: 'festival-jukung', words: 'festival jukung', kabupaten: 'Kabupaten Banjar' },
  ],
  '/pagefind/64/': [{ id: 'festival-bontang', words: 'festival pesisir laut', kabupaten: 'Kota Bontang' }],
};

describe('which indexes a search loads', () => {
  it('searches the one index of a site built whole, opened once with the excerpt length and its ranking', async () => {
    const site = fakeSite({ '/pagefind/': [{ id: 'pantai', words: 'pantai' }] });
    const searcher = createSearcher('/pagefind/', false, site.loader);
    expect(ids((await searcher.search('pantai', {})).results)).toEqual(['pantai']);
    await searcher.search('pantai', { filters: {} });
    expect(site.imported).toEqual(['/pagefind/pagefind.js']);
    // A village page holds little more than its name: at Pagefind's default length bonus it outranks
    // the entries named after it. The type label ("Potensi Kuliner") makes a kind's word find its places.
    expect(site.options).toEqual([{ basePath: '/pagefind/', excerptLength: 24, ranking: { pageLength: 0.3, metaWeights: { jenis: 10 } } }]);
    expect(site.fetched()).toBe(0);
  });

  it('loads only the shard holding the kabupaten a search is narrowed to, without asking the router', async () => {
    const site = fakeSite(NETWORK, SHARDS);
    const outcome = await createSearcher('/pagefind/', true, site.loader).search('festival', { filters: { kabupaten: ['Kota Bontang'] } });
    expect(ids(outcome.results)).toEqual(['festival-bontang']);
    expect(outcome.areas).toBeUndefined();
    expect(site.imported).toEqual(['/pagefind/64/pagefind.js?64']);
  });

  it('searches the whole network through the router, loading only the best shard into its copy', async () => {
    const site = fakeSite(NETWORK, SHARDS);
    const outcome = await createSearcher('/pagefind/', true, site.loader).search('festival', { filters: {} });
    expect(site.imported).toEqual(['/pagefind/rute/pagefind.js?rute']);
    expect(site.options[0]).toEqual({ basePath: '/pagefind/rute/', excerptLength: 24, ranking: { pageLength: 0, metaWeights: { jenis: 10 } } });
    expect(site.merged).toEqual(['/pagefind/63/']);
    // The router's own records match the words as well; they are never listed as results.
    expect(ids(outcome.results)).toEqual(['festival-banjar', 'festival-jukung']);
    expect(outcome.areas).toEqual({ searched: ['Kalimantan Selatan'], remaining: ['Kalimantan Timur'] });
  });

  it('ranks the shards by the router\'s answer, not by the order of the shard list', async () => {
    const site = fakeSite(NETWORK, { ...SHARDS, shards: ['64', '63'] });
    const outcome = await createSearcher('/pagefind/', true, site.loader).search('sungai festival', { filters: {} });
    expect(site.merged).toEqual(['/pagefind/63/']);
    expect(outcome.areas?.searched).toEqual(['Kalimantan Selatan']);
  });

  it('offers the next shard holding the words, then nothing more', async () => {
    const site = fakeSite(NETWORK, SHARDS);
    const searcher = createSearcher('/pagefind/', true, site.loader);
    await searcher.search('festival', { filters: {} });
    const wider = await searcher.widen();
    expect(site.merged).toEqual(['/pagefind/63/', '/pagefind/64/']);
    expect(wider?.areas).toEqual({ searched: ['Kalimantan Selatan', 'Kalimantan Timur'], remaining: [] });
    expect(ids(wider!.results)).toContain('festival-bontang');
    expect(await searcher.widen()).toBeNull();
    // One copy of Pagefind for the whole network, and the shard list fetched once.
    expect(site.imported).toEqual(['/pagefind/rute/pagefind.js?rute']);
    expect(site.fetched()).toBe(1);
  });

  it('never loads a shard that lacks the words', async () => {
    const site = fakeSite(NETWORK, SHARDS);
    const outcome = await createSearcher('/pagefind/', true, site.loader).search('jukung', { filters: {} });
    expect(site.merged).toEqual(['/pagefind/63/']);
    expect(outcome.areas).toEqual({ searched: ['Kalimantan Selatan'], remaining: [] });
  });

  it('adds the guides\' index beside the best area when the router says it holds the words, never as an area', async () => {
    const withGuides: ShardList = { ...SHARDS, routes: { ...SHARDS.routes, rute_jaringan: 'jaringan' }, guides: 'jaringan' };
    const site = fakeSite(
      {
        ...NETWORK,
        '/pagefind/rute/': [...NETWORK['/pagefind/rute/'], { id: 'rute_jaringan', words: 'bentuk kim sungai' }],
        '/pagefind/jaringan/': [{ id: 'panduan', words: 'bentuk kim sungai' }],
      },
      withGuides,
    );
    const searcher = createSearcher('/pagefind/', true, site.loader);
    // "sungai" is in the guide and in one area: both are searched, and only the area is named.
    const outcome = await searcher.search('sungai', { filters: {} });
    expect(site.merged).toEqual(['/pagefind/jaringan/', '/pagefind/63/']);
    expect(ids(outcome.results)).toEqual(expect.arrayContaining(['panduan', 'festival-banjar']));
    expect(outcome.areas).toEqual({ searched: ['Kalimantan Selatan'], remaining: [] });
    // Words only the guide holds load the guide alone.
    const guideOnly = fakeSite({ ...NETWORK, '/pagefind/rute/': [{ id: 'rute_jaringan', words: 'bentuk kim' }], '/pagefind/jaringan/': [{ id: 'panduan', words: 'bentuk kim' }] }, withGuides);
    const found = await createSearcher('/pagefind/', true, guideOnly.loader).search('bentuk', { filters: {} });
    expect(guideOnly.merged).toEqual(['/pagefind/jaringan/']);
    expect(ids(found.results)).toEqual(['panduan']);
    expect(found.areas).toEqual({ searched: [], remaining: [] });
    // And words it lacks never load it.
    const site2 = fakeSite({ ...NETWORK, '/pagefind/rute/': [...NETWORK['/pagefind/rute/'], { id: 'rute_jaringan', words: 'bentuk kim' }] }, withGuides);
    await createSearcher('/pagefind/', true, site2.loader).search('festival', { filters: {} });
    expect(site2.merged).toEqual(['/pagefind/63/']);
  });

  it('asks the router for the words of an exact phrase, without its quotes', async () => {
    const site = fakeSite(NETWORK, SHARDS);
    await createSearcher('/pagefind/', true, site.loader).search('"festival jukung"', { filters: {} });
    expect(site.routerQueries).toEqual(['festival jukung']);
  });

  it('loads no shard when the router finds none of the words, and says nothing was found', async () => {
    const site = fakeSite(NETWORK, SHARDS);
    const outcome = await createSearcher('/pagefind/', true, site.loader).search('xylofonkosong', { filters: {} });
    expect(site.merged).toEqual([]);
    expect(outcome).toEqual({ results: [], filters: {}, areas: { searched: [], remaining: [] } });
    const list = new ResultList();
    list.accept(outcome, 'xylofonkosong');
    expect(list.status(strings)).toBe('Tidak ada hasil untuk “xylofonkosong”. Coba kata lain atau hapus saringan.');
    expect(list.moreLabel(strings)).toBeNull();
  });

  it('looks through every shard in the list\'s order for a search with filters but no words', async () => {
    const site = fakeSite(NETWORK, SHARDS);
    const searcher = createSearcher('/pagefind/', true, site.loader);
    const outcome = await searcher.search(null, { filters: { tipe: ['Cerita'] } });
    expect(site.routerQueries).toEqual([]);
    expect(outcome.areas).toEqual({ searched: ['Kalimantan Selatan'], remaining: ['Kalimantan Timur'] });
  });
});

describe('the result list', () => {
  it('lists ten results at a time and offers more until all are listed', () => {
    const list = new ResultList();
    list.accept({ results: hits(23), filters: {} }, 'warga');
    const pages: number[] = [];
    while (list.hasUnlisted) {
      expect(list.moreLabel(strings)).toBe('Tampilkan lebih banyak');
      const page = list.nextPage();
      pages.push(page.length);
      list.markListed(page.length);
    }
    expect(pages).toEqual([10, 10, 3]);
    expect(list.moreLabel(strings)).toBeNull();
    expect(list.status(strings)).toBe('23 hasil untuk “warga”');
  });

  it('offers the next area once the results of those searched are all listed', () => {
    const list = new ResultList();
    list.accept({ results: hits(3), filters: {}, areas: { searched: ['Kalimantan Selatan'], remaining: ['Kalimantan Timur', 'Jawa Timur'] } }, 'festival');
    list.markListed(list.nextPage().length);
    expect(list.moreLabel(strings)).toBe('Cari juga di Kalimantan Timur');
    expect(list.status(strings)).toBe('3 hasil untuk “festival” di Kalimantan Selatan. Ada 2 bagian wilayah lain yang belum dicari.');
  });

  it('keeps the results already listed first when a wider search answers, and follows with the new ones in its order', () => {
    const list = new ResultList();
    list.accept({ results: [hit('a'), hit('b'), hit('c')], filters: {}, areas: { searched: ['Kalimantan Selatan'], remaining: ['Kalimantan Timur'] } }, 'festival');
    list.markListed(list.nextPage().length);
    // The merged index ranks a new shard's result above those listed; they keep their places.
    list.accept({ results: [hit('x'), hit('b'), hit('a'), hit('y'), hit('c')], filters: {}, areas: { searched: ['Kalimantan Selatan', 'Kalimantan Timur'], remaining: [] } }, 'festival');
    expect(list.hasUnlisted).toBe(true);
    expect(ids(list.nextPage())).toEqual(['x', 'y']);
    expect(list.status(strings)).toBe('5 hasil untuk “festival” di Kalimantan Selatan, Kalimantan Timur.');
  });

  it('merges by id: listed results first, then the incoming ones not listed, in their order', () => {
    expect(ids(mergeResults([hit('b'), hit('a')], [hit('a'), hit('c'), hit('b'), hit('d')]))).toEqual(['b', 'a', 'c', 'd']);
    expect(ids(mergeResults([], [hit('a')]))).toEqual(['a']);
  });

  it('describes a search by filters alone without quoting words', () => {
    const list = new ResultList();
    list.accept({ results: hits(4), filters: {} }, '');
    expect(list.status(strings)).toBe('4 hasil');
    list.accept({ results: hits(4), filters: {}, areas: { searched: ['Kalimantan Timur'], remaining: [] } }, '');
    expect(list.status(strings)).toBe('4 hasil di Kalimantan Timur.');
  });

  it('starts over for the next search, with nothing to say until it answers', () => {
    const list = new ResultList();
    list.accept({ results: hits(12), filters: {}, areas: { searched: ['Kalimantan Selatan'], remaining: ['Kalimantan Timur'] } }, 'warga');
    list.markListed(list.nextPage().length);
    list.clear();
    expect(list.hasUnlisted).toBe(false);
    expect(list.moreLabel(strings)).toBeNull();
    expect(list.status(strings)).toBe('');
  });
});

describe('a result as the list shows it', () => {
  it('shows the title, the type label, the thumbnail with its alt text, and the excerpt with its matches', () => {
    const view = presentResult({
      url: '/potensi/warung-apung/',
      excerpt: 'Rumah makan &amp; <mark>kuliner</mark> terapung di <mark>Muara</mark>',
      meta: { title: 'Warung apung', jenis: 'Potensi Kuliner', gambar: '/jembatan/_astro/warung.abc.webp', gambar_alt: 'Perahu di sungai' },
    });
    expect(view).toEqual({
      url: '/potensi/warung-apung/',
      title: 'Warung apung',
      type: 'Potensi Kuliner',
      image: { src: '/jembatan/_astro/warung.abc.webp', alt: 'Perahu di sungai' },
      excerpt: [
        { html: 'Rumah makan &amp; ', marked: false },
        { html: 'kuliner', marked: true },
        { html: ' terapung di ', marked: false },
        { html: 'Muara', marked: true },
      ],
    });
  });

  it('lists a page without metadata by its address, with no label and no image', () => {
    expect(presentResult({ url: '/bentuk-kim/', excerpt: '', meta: {} })).toEqual({ url: '/bentuk-kim/', title: '/bentuk-kim/', type: undefined, image: undefined, excerpt: [] });
  });

  it('keeps a match that opens the excerpt marked', () => {
    expect(presentResult({ url: '/a/', excerpt: '<mark>Badak</mark> Mekar', meta: { title: 'A' } }).excerpt).toEqual([
      { html: 'Badak', marked: true },
      { html: ' Mekar', marked: false },
    ]);
  });

  it('shows no thumbnail from another origin, which the page\'s CSP would block anyway', () => {
    for (const gambar of ['https://contoh.id/a.webp', '//contoh.id/a.webp', 'javascript:alert(1)', ' ']) {
      expect(presentResult({ url: '/a/', excerpt: '', meta: { title: 'A', gambar } }).image, gambar).toBeUndefined();
    }
  });

  it('gives a thumbnail without a description an empty alt text rather than none', () => {
    expect(presentResult({ url: '/a/', excerpt: '', meta: { title: 'A', gambar: '/_astro/a.webp' } }).image).toEqual({ src: '/_astro/a.webp', alt: '' });
  });
});
