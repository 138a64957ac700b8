import { describe, expect, it } from 'vitest';
import { brandFileParam, classifyPath, createUrls, directoryParam, feedParam, listingParam, ownPageFolders, pathOfPage, regionParam, reservedEntryIds, withBase } from '../../../src/domain/urls.ts';

const village = { pathSegments: ['kota-bontang', 'bontang-utara', 'bontang-kuala'] };
const regency = { pathSegments: ['kota-bontang'] };

describe('createUrls at the site root', () => {
  const urls = createUrls({ base: '/' });

  it('gives the home page as "/"', () => {
    expect(urls.home()).toBe('/');
  });

  it('puts region pages under /wilayah/ with their path segments', () => {
    expect(urls.regionIndex()).toBe('/wilayah/');
    expect(urls.region(regency)).toBe('/wilayah/kota-bontang/');
    expect(urls.region(village)).toBe('/wilayah/kota-bontang/bontang-utara/bontang-kuala/');
  });

  it('puts KIM, stories and places under their Indonesian section words', () => {
    expect(urls.kim('kim-bontang-kuala')).toBe('/kim/kim-bontang-kuala/');
    expect(urls.story('festival-pesisir')).toBe('/cerita/festival-pesisir/');
    expect(urls.place('pantai-bontang-kuala')).toBe('/potensi/pantai-bontang-kuala/');
  });

  it('gives the first unfiltered listing page no extra segment', () => {
    expect(urls.storyListing()).toBe('/cerita/');
    expect(urls.storyListing(undefined, 1)).toBe('/cerita/');
    expect(urls.kimListing()).toBe('/kim/');
    expect(urls.placeListing()).toBe('/potensi/');
  });

  it('adds "halaman/<n>" only from page 2 on', () => {
    expect(urls.storyListing(undefined, 2)).toBe('/cerita/halaman/2/');
    expect(urls.storyListing({ type: 'category', key: 'berita' }, 1)).toBe('/cerita/kategori/berita/');
    expect(urls.storyListing({ type: 'category', key: 'berita' }, 3)).toBe('/cerita/kategori/berita/halaman/3/');
    expect(urls.topics()).toBe('/cerita/topik/');
    expect(urls.storyListing({ type: 'topic', key: 'wisata-desa' }, 2)).toBe('/cerita/topik/wisata-desa/halaman/2/');
    expect(classifyPath('/cerita/topik/wisata-desa/')).toEqual({ kind: 'listing', section: 'stories' });
  });

  it('names each facet type with its own word', () => {
    expect(urls.kimListing({ type: 'sector', key: 'wisata' })).toBe('/kim/sektor/wisata/');
    expect(urls.placeListing({ type: 'kind', key: 'kuliner' }, 2)).toBe('/potensi/jenis/kuliner/halaman/2/');
  });

  it('puts a region\'s place directory under the places section, with the same kind and page words', () => {
    expect(urls.placeDirectory(regency)).toBe('/potensi/wilayah/kota-bontang/');
    expect(urls.placeDirectory(regency, { type: 'kind', key: 'kuliner' }, 2)).toBe('/potensi/wilayah/kota-bontang/jenis/kuliner/halaman/2/');
    expect(directoryParam(regency, { type: 'kind', key: 'kuliner' }, 2)).toBe('kota-bontang/jenis/kuliner/halaman/2');
    expect(directoryParam(regency, undefined, 1)).toBe('kota-bontang');
  });

  it('puts a region\'s story directory under the stories section, with the same page word', () => {
    expect(urls.storyDirectory(regency)).toBe('/cerita/wilayah/kota-bontang/');
    expect(urls.storyDirectory(regency, 2)).toBe('/cerita/wilayah/kota-bontang/halaman/2/');
  });

  it('gives the guide and the sitemap fixed addresses', () => {
    expect(urls.guide()).toBe('/bentuk-kim/');
    expect(urls.sitemap()).toBe('/sitemap-index.xml');
  });

  it('serves assets from the root whether or not the path starts with a slash', () => {
    expect(urls.asset('favicon.svg')).toBe('/favicon.svg');
    expect(urls.asset('/og/default.png')).toBe('/og/default.png');
    expect(urls.asset('//og.png')).toBe('/og.png');
  });

  it('uses "/" when no base is given', () => {
    expect(createUrls().home()).toBe('/');
    expect(createUrls().kim('kim-a')).toBe('/kim/kim-a/');
  });
});

describe('createUrls under a project base such as GitHub Pages', () => {
  const urls = createUrls({ base: '/jembatan/' });

  it('prefixes every page with the base', () => {
    expect(urls.home()).toBe('/jembatan/');
    expect(urls.regionIndex()).toBe('/jembatan/wilayah/');
    expect(urls.region(village)).toBe('/jembatan/wilayah/kota-bontang/bontang-utara/bontang-kuala/');
    expect(urls.kim('kim-a')).toBe('/jembatan/kim/kim-a/');
    expect(urls.story('s')).toBe('/jembatan/cerita/s/');
    expect(urls.place('p')).toBe('/jembatan/potensi/p/');
    expect(urls.guide()).toBe('/jembatan/bentuk-kim/');
  });

  it('prefixes listings, the sitemap and assets with the base', () => {
    expect(urls.storyListing({ type: 'category', key: 'berita' }, 2)).toBe('/jembatan/cerita/kategori/berita/halaman/2/');
    expect(urls.sitemap()).toBe('/jembatan/sitemap-index.xml');
    expect(urls.asset('favicon.svg')).toBe('/jembatan/favicon.svg');
    expect(urls.asset('/favicon.svg')).toBe('/jembatan/favicon.svg');
  });

  it('gives the same URLs when the base lacks its trailing slash', () => {
    const bare = createUrls({ base: '/jembatan' });
    expect(bare.home()).toBe(urls.home());
    expect(bare.region(village)).toBe(urls.region(village));
    expect(bare.asset('a.png')).toBe(urls.asset('a.png'));
  });
});

describe('withBase', () => {
  it('never doubles the slash between base and path', () => {
    expect(withBase('/', '/kim/')).toBe('/kim/');
    expect(withBase('/jembatan/', '/kim/')).toBe('/jembatan/kim/');
    expect(withBase('/a/b//', '/x')).toBe('/a/b/x');
  });
});

describe('listingParam', () => {
  it('is undefined for the first unfiltered page', () => {
    expect(listingParam(undefined, 1)).toBeUndefined();
  });

  it('names later pages "halaman/<n>"', () => {
    expect(listingParam(undefined, 2)).toBe('halaman/2');
    expect(listingParam(undefined, 10)).toBe('halaman/10');
  });

  it('names a facet by its type word and key', () => {
    expect(listingParam({ type: 'category', key: 'berita' }, 1)).toBe('kategori/berita');
    expect(listingParam({ type: 'sector', key: 'umkm' }, 1)).toBe('sektor/umkm');
    expect(listingParam({ type: 'kind', key: 'wisata' }, 1)).toBe('jenis/wisata');
  });

  it('puts the page after the facet', () => {
    expect(listingParam({ type: 'category', key: 'berita' }, 2)).toBe('kategori/berita/halaman/2');
  });
});

describe('regionParam', () => {
  it('joins the path segments with slashes and no outer slashes', () => {
    expect(regionParam(village)).toBe('kota-bontang/bontang-utara/bontang-kuala');
    expect(regionParam(regency)).toBe('kota-bontang');
  });
});

describe('classifyPath', () => {
  const urls = createUrls();
  it('recognises every page createUrls makes', () => {
    expect(classifyPath(urls.home())).toEqual({ kind: 'home' });
    expect(classifyPath(urls.regionIndex())).toEqual({ kind: 'region-index' });
    expect(classifyPath(urls.region(regency))).toEqual({ kind: 'region', depth: 1 });
    expect(classifyPath(urls.region(village))).toEqual({ kind: 'region', depth: 3 });
    expect(classifyPath(urls.kim('kim-bontang-kuala'))).toEqual({ kind: 'kim', section: 'kim', id: 'kim-bontang-kuala' });
    expect(classifyPath(urls.story('festival'))).toEqual({ kind: 'story', section: 'stories', id: 'festival' });
    expect(classifyPath(urls.place('dermaga'))).toEqual({ kind: 'place', section: 'places', id: 'dermaga' });
    expect(classifyPath(urls.storyListing())).toEqual({ kind: 'listing', section: 'stories' });
    expect(classifyPath(urls.storyListing({ type: 'category', key: 'berita' }, 2))).toEqual({ kind: 'listing', section: 'stories' });
    expect(classifyPath(urls.kimListing(undefined, 2))).toEqual({ kind: 'listing', section: 'kim' });
    expect(classifyPath(urls.placeDirectory(regency, { type: 'kind', key: 'kuliner' }))).toEqual({ kind: 'directory', section: 'places', depth: 3 });
    expect(classifyPath(urls.storyDirectory(regency, 2))).toEqual({ kind: 'directory', section: 'stories', depth: 3 });
    expect(classifyPath(urls.search())).toEqual({ kind: 'search' });
    expect(classifyPath(urls.guide())).toEqual({ kind: 'guide' });
    expect(classifyPath(urls.feeds())).toEqual({ kind: 'feeds' });
    expect(urls.press()).toBe('/pers/');
    expect(urls.press(2)).toBe('/pers/halaman/2/');
    expect(classifyPath(urls.press())).toEqual({ kind: 'press' });
    expect(classifyPath(urls.press(3))).toEqual({ kind: 'press' });
    expect(classifyPath('/pers/lain/2/')).toEqual({ kind: 'other' });
  });

  it('recognises every feed, in the folder of the page it follows', () => {
    const targets = [{ type: 'network' }, { type: 'category', key: 'berita' }, { type: 'kim', id: 'kim-batuah' }, { type: 'region', region: village }] as const;
    expect(targets.map((target) => urls.feed(target, 'rss'))).toEqual([
      '/rss.xml',
      '/cerita/kategori/berita/rss.xml',
      '/kim/kim-batuah/rss.xml',
      `${urls.region(village)}rss.xml`,
    ]);
    for (const target of targets) {
      expect(classifyPath(urls.feed(target, 'rss'))).toEqual({ kind: 'feed' });
      expect(classifyPath(urls.feed(target, 'json'))).toEqual({ kind: 'feed' });
      expect(`/${feedParam(target, 'json')}`).toBe(urls.feed(target, 'json'));
    }
    // A KIM may be called "rss-xml", never "rss.xml" (ids are slugs), and its page stays a page.
    expect(classifyPath('/kim/rss-xml/')).toEqual({ kind: 'kim', section: 'kim', id: 'rss-xml' });
    expect(createUrls({ base: '/jembatan/' }).feed({ type: 'network' }, 'json')).toBe('/jembatan/feed.json');
  });

  it('recognises a KIM\'s brand kit and poster below its page, and their files as files', () => {
    expect(urls.brandKit('kim-batuah')).toBe('/kim/kim-batuah/merek/');
    expect(urls.poster('kim-batuah')).toBe('/kim/kim-batuah/poster/');
    expect(classifyPath(urls.brandKit('kim-batuah'))).toEqual({ kind: 'brand-kit', section: 'kim', id: 'kim-batuah' });
    expect(classifyPath(urls.poster('kim-batuah'))).toEqual({ kind: 'poster', section: 'kim', id: 'kim-batuah' });
    for (const file of ['logoSvg', 'logoPng', 'posterPng'] as const) {
      expect(classifyPath(urls.brandFile('kim-batuah', file))).toEqual({ kind: 'other' });
      expect(`/${brandFileParam('kim-batuah', file)}`).toBe(urls.brandFile('kim-batuah', file));
    }
    expect(urls.brandFile('kim-batuah', 'posterPng')).toBe('/kim/kim-batuah/merek/poster-a4.png');
    expect(createUrls({ base: '/jembatan/' }).brandFile('kim-batuah', 'logoPng')).toBe('/jembatan/kim/kim-batuah/merek/logo.png');
    expect(createUrls({ base: '/jembatan/' }).brandKit('kim-batuah')).toBe('/jembatan/kim/kim-batuah/merek/');
    // Below a listing word it stays a listing: the sector listing has no kit.
    expect(classifyPath('/kim/sektor/merek/')).toEqual({ kind: 'listing', section: 'kim' });
  });

  it('tells an entry named like another section\'s listing word from a listing', () => {
    expect(classifyPath('/kim/kategori/')).toEqual({ kind: 'kim', section: 'kim', id: 'kategori' });
    expect(classifyPath('/kim/sektor/')).toEqual({ kind: 'listing', section: 'kim' });
  });

  it('keeps "wilayah" from naming a story, since the stories\' region directories use it', () => {
    expect(reservedEntryIds('stories').ids).toContain('wilayah');
    expect(reservedEntryIds('kim').ids).not.toContain('wilayah');
    expect(reservedEntryIds('stories').ids).toContain('topik');
    expect(reservedEntryIds('places').ids).not.toContain('topik');
    expect(classifyPath('/cerita/wilayah/')).toEqual({ kind: 'directory', section: 'stories', depth: 0 });
  });

  it('calls anything else other', () => {
    expect(classifyPath('/data/peta.geojson')).toEqual({ kind: 'other' });
    expect(classifyPath('/pagefind/')).toEqual({ kind: 'other' });
  });

  it('reads the path a built file is served at', () => {
    expect(pathOfPage('index.html')).toBe('/');
    expect(pathOfPage('kim/kim-batuah/index.html')).toBe('/kim/kim-batuah/');
    expect(pathOfPage('404.html')).toBe('/404.html');
  });
});

describe('ownPageFolders', () => {
  // A shard's search index holds these folders only; a page every shard renders must lie outside them.
  const inOwnFolder = (pathname: string) => ownPageFolders().includes(pathname.split('/')[1]!);
  const urls = createUrls();

  it('holds the pages of regions, KIM, stories and places', () => {
    for (const pathname of [urls.kim('kim-batuah'), urls.story('kabar'), urls.place('benua-elai'), urls.regionIndex()]) expect(inOwnFolder(pathname), pathname).toBe(true);
  });

  it('leaves out the home page, the guide and the search page, which every shard renders', () => {
    for (const pathname of [urls.home(), urls.guide(), urls.search()]) expect(inOwnFolder(pathname), pathname).toBe(false);
  });
});
