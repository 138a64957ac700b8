/**
 * Builds a small network from scratch with the real `astro build` and reads the HTML it
 * produced: the pages a reader, a journalist and a KIM member actually get.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { load, type CheerioAPI } from 'cheerio';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSite } from '../../src/build/checks/index.ts';
import { RUNNABLE_SCRIPT } from '../../src/build/checks/weight.ts';
import { PHOTO_EXTENSION } from '../../src/format/paths.ts';
import { buildSite, removeFixture, type BuildResult } from '../helpers/fixture.ts';
import { createSmallNetwork } from '../helpers/small-network.ts';
import { findLeaks } from '../helpers/published.ts';
import { addressesIn, readJsonFeed, readRss } from '../helpers/feeds.ts';

let contentDir: string;
let build: BuildResult;

function page(urlPath: string): CheerioAPI {
  const file = path.join(build.outDir, urlPath, urlPath.endsWith('.html') ? '' : 'index.html');
  return load(readFileSync(file, 'utf8'));
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => path.join(dir, f));
}

beforeAll(async () => {
  contentDir = await createSmallNetwork();
  build = await buildSite(contentDir);
  if (build.code !== 0) throw new Error(`Fixture build failed:\n${build.output}`);
}, 240_000);

afterAll(() => removeFixture(contentDir));

describe('a built network', () => {
  it('publishes nothing of its draft and its story dated later, and no image with metadata', async () => {
    expect(await findLeaks(build.outDir, contentDir)).toEqual({ metadata: [], unpublished: [] });
  });

  it('has a page for every kelurahan in scope, labelled as a kelurahan', () => {
    const villages = htmlFiles(path.join(build.outDir, 'wilayah/kota-bontang')).filter(
      (f) => path.relative(path.join(build.outDir, 'wilayah/kota-bontang'), f).split(path.sep).length === 3,
    );
    expect(villages).toHaveLength(15);
    const $ = page('wilayah/kota-bontang/bontang-utara/bontang-kuala/');
    expect($('h1').text()).toBe('Kelurahan Bontang Kuala');
    expect($('html').attr('lang')).toBe('id');
  });

  it('lists both KIM of a village that has two', () => {
    const $ = page('wilayah/kota-bontang/bontang-utara/bontang-kuala/');
    const names = $('.card h3 a').map((_, a) => $(a).text()).get();
    expect(names).toEqual(expect.arrayContaining(['KIM Bontang Kuala', 'KIM Pemuda Bontang Kuala']));
  });

  it('gives a village without a KIM a page that invites residents to form one', () => {
    const $ = page('wilayah/kota-bontang/bontang-barat/kanaan/');
    expect($('main').text()).toContain('Kelurahan Kanaan belum memiliki KIM dalam jaringan ini.');
    expect($('main a[href="/bentuk-kim/"]').length).toBeGreaterThan(0);
  });

  it('shows coverage on district and city pages', () => {
    const district = page('wilayah/kota-bontang/bontang-utara/');
    expect(district('main').text()).toContain('2 dari 6 desa/kelurahan sudah memiliki KIM');
    expect(district('.badge.yes').length).toBe(2);
    const city = page('wilayah/kota-bontang/');
    expect(city('main').text()).toContain('2 dari 15 desa/kelurahan sudah memiliki KIM');
    expect(city('.region-list a').map((_, a) => city(a).text()).get()).toEqual([
      'Kecamatan Bontang Utara',
      'Kecamatan Bontang Selatan',
      'Kecamatan Bontang Barat',
    ]);
  });

  it('renders a KIM profile with its decree, sectors, contacts and monogram', () => {
    const $ = page('kim/kim-bontang-kuala/');
    const text = $('main').text();
    expect(text).toContain('SK Lurah Bontang Kuala Nomor 12/2021, tanggal 1 Maret 2021');
    expect(text).toContain('KIM-6474-001');
    expect($('a[href="/kim/sektor/kuliner/"]').length).toBe(1);
    expect($('a[href^="https://wa.me/6281234567890"]').length).toBe(1);
    expect($('a[href="https://www.instagram.com/kimbontangkuala"]').length).toBe(1);
    expect($('svg.logo text').text()).toBe('BK');
    expect($('svg.logo circle').attr('fill')).toBe('#1d4ed8');
    expect($('main strong').text()).toBe('KIM Bontang Kuala');
    expect($('main').text()).toContain('Festival kampung laut');
  });

  it('renders a story with dateline, publisher, authors, optimised cover and licence', () => {
    const $ = page('cerita/festival-kampung-laut/');
    const meta = $('article .meta').text();
    expect(meta).toContain('Kelurahan Bontang Kuala, Kecamatan Bontang Utara, Kota Bontang');
    expect(meta).toContain('20 November 2026');
    expect(meta).toContain('Tim Redaksi KIM');
    expect($('article a[href="/kim/kim-bontang-kuala/"]').length).toBeGreaterThan(0);
    // One format (WebP) at the widths a phone and a desktop column need.
    const img = $('article figure img');
    const widths = img.attr('srcset')!.split(',').map((c) => c.trim().split(' ')[1]);
    expect(widths).toEqual(['480w', '720w', '1200w', '1440w']);
    expect(img.attr('srcset')).toMatch(/\.webp /);
    expect(img.attr('sizes')).toBe('(min-width: 44rem) 42rem, 100vw');
    expect(img.attr('alt')).toBe('Perahu hias di dermaga');
    expect(img.attr('width')).toBe('720');
    expect(img.attr('height')).toBe('405');
    expect(img.attr('fetchpriority')).toBe('high');
    expect($('figcaption').text()).toContain('Tim Redaksi KIM');
    expect($('aside.license').text()).toContain('CC BY 4.0');
    expect($('a[rel="license"]').attr('href')).toContain('creativecommons.org/licenses/by/4.0');
    // The place's card; the body links it by a relative address, which works under any base path.
    expect($('article a[href="/potensi/dermaga-bontang-kuala/"]').length).toBe(1);
    expect($('article a[href="../../potensi/dermaga-bontang-kuala/"]').length).toBe(1);
  });

  it('gives a photo one set of files, shared by its card and its page', () => {
    const files = (srcset: string) => srcset.split(',').map((c) => c.trim().split(' ')[0]!);
    const story = files(page('cerita/festival-kampung-laut/')('article figure img').attr('srcset')!);
    const $ = page('cerita/');
    const card = $('.card').filter((_, c) => $(c).find('h3 a').attr('href') === '/cerita/festival-kampung-laut/');
    const cardImg = card.find('img');
    expect(files(cardImg.attr('srcset')!)).toEqual(story.slice(0, 2));
    expect(story).toContain(cardImg.attr('src'));
    // The 1,600-pixel cover becomes its four widths and the search result's thumbnail, nothing else.
    const thumbnail = page('cerita/festival-kampung-laut/')('[data-pagefind-meta^="gambar:"]').attr('data-pagefind-meta')!.slice('gambar:'.length);
    const photoFiles = readdirSync(path.join(build.outDir, '_astro')).filter((f) => f.startsWith('festival.'));
    expect(photoFiles.map((f) => `/_astro/${f}`).sort()).toEqual([...story, thumbnail].sort());
  });

  it('shows raw HTML from a Markdown story body as text instead of running it', () => {
    const $ = page('cerita/pengumuman-lama/');
    // Only the site's own script files (the copy buttons'), nothing inline.
    expect($(RUNNABLE_SCRIPT).filter((_, s) => !($(s).attr('src') ?? '').startsWith('/_astro/') || $(s).text() !== '').length).toBe(0);
    expect($('[onerror]').length).toBe(0);
    // Smart punctuation curls the quotes; what matters is that the tag is shown, not parsed.
    expect($('article').text()).toMatch(/<script>alert\(.xss.\)<\/script>/);
  });

  it('suggests related stories that share a place, a KIM or a tag', () => {
    const $ = page('cerita/pengumuman-lama/');
    expect($('section[aria-labelledby="cerita-terkait"] h3 a').first().text()).toBe('Festival kampung laut');
    expect($('aside.license').text()).toContain('Hak cipta dilindungi');
  });

  it('renders a place with directions, WhatsApp with a message, and phone links', () => {
    const $ = page('potensi/dermaga-bontang-kuala/');
    expect($('a[href^="https://www.google.com/maps/dir/?api=1&destination=0.1333,117.5"]').length).toBe(1);
    expect($('a[href^="https://www.openstreetmap.org/?mlat=0.1333&mlon=117.5"]').length).toBe(1);
    const wa = $('a[href^="https://wa.me/6281311112222?text="]').attr('href')!;
    expect(decodeURIComponent(wa.split('text=')[1]!)).toContain('Dermaga Bontang Kuala');
    expect($('a[href="tel:+62548123456"]').length).toBe(1);
    expect($('main').text()).toContain('Setiap hari, 08.00–17.00 WITA');
    expect($('main').text()).toContain('Gratis');
  });

  it('lists a place that spans several villages on its district page', () => {
    const $ = page('wilayah/kota-bontang/bontang-selatan/');
    expect($('main').text()).toContain('Kawasan pesisir Bontang Selatan');
  });

  it('paginates listings and builds a listing per category, kind and sector', () => {
    expect(page('cerita/')('.pagination a[rel="next"]').attr('href')).toBe('/cerita/halaman/2/');
    expect(page('cerita/halaman/2/')('.card').length).toBe(1);
    expect(page('cerita/kategori/berita/')('.card').length).toBe(11);
    expect(page('potensi/jenis/wisata/')('.card h3').text()).toBe('Dermaga Bontang Kuala');
    // A place card says when it is open and what it costs.
    expect(page('potensi/jenis/wisata/')('.card').text()).toContain('Setiap hari, 08.00–17.00 WITA · Kisaran harga: Gratis');
    expect(page('kim/sektor/teknologi/')('.card h3').text()).toBe('KIM Pemuda Bontang Kuala');
    expect(existsSync(path.join(build.outDir, 'kim/sektor/perfilman'))).toBe(false);
  });

  it('dates the sitemap’s pages by their own last change, and points robots.txt at it', () => {
    const $ = load(readFileSync(path.join(build.outDir, 'sitemap-0.xml'), 'utf8'), { xml: true });
    const lastmod = (loc: string) => $('url').filter((_, u) => $(u).find('loc').text() === `https://uji.example.org/${loc}`).find('lastmod').text();
    // Published on the 20th, corrected on the 22nd.
    expect(lastmod('cerita/festival-kampung-laut/')).toMatch(/^2026-11-22/);
    // A KIM's page changes when it publishes or updates; its newest change is the festival's.
    expect(lastmod('kim/kim-bontang-kuala/')).toMatch(/^2026-11-22/);
    // A region's page changes with its KIM's news, up to the kota: the festival again.
    expect(lastmod('wilayah/kota-bontang/bontang-utara/bontang-kuala/')).toMatch(/^2026-11-22/);
    expect(lastmod('wilayah/kota-bontang/')).toMatch(/^2026-11-22/);
    // A kecamatan with no KIM and no checked place: no lastmod rather than the build's time.
    expect(lastmod('wilayah/kota-bontang/bontang-barat/')).toBe('');
    expect(readFileSync(path.join(build.outDir, 'robots.txt'), 'utf8')).toContain('Sitemap: https://uji.example.org/sitemap-index.xml');
  });

  it('publishes no draft and no future-dated story anywhere', () => {
    expect(existsSync(path.join(build.outDir, 'cerita/masih-draf'))).toBe(false);
    expect(existsSync(path.join(build.outDir, 'cerita/dari-masa-depan'))).toBe(false);
    const sitemap = readFileSync(path.join(build.outDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('https://uji.example.org/cerita/festival-kampung-laut/');
    expect(sitemap).not.toContain('masih-draf');
    for (const file of htmlFiles(build.outDir)) {
      const html = readFileSync(file, 'utf8');
      expect(html, file).not.toContain('Masih draf');
      expect(html, file).not.toContain('Dari masa depan');
    }
  });

  it('ships no JavaScript on pages without search or a map, and only a small loader where a map is', () => {
    const mapPages: string[] = [];
    for (const file of htmlFiles(build.outDir)) {
      const $ = load(readFileSync(file, 'utf8'));
      const scripts = $(RUNNABLE_SCRIPT);
      const page = path.relative(build.outDir, file).split(path.sep).join('/');
      if (page === 'admin/index.html') {
        // The web CMS for KIM members: its script and the village field, both the site's own files.
        expect(scripts.toArray().map((s) => $(s).attr('src'))).toEqual(['/admin/sveltia-cms.js', expect.stringMatching(/^\/_astro\/.+\.js$/)]);
        expect(scripts.filter((_, s) => $(s).text().trim() !== '').length).toBe(0);
      } else {
        // Each script a page may have, as a file of the site's own: search, the map's loader, the copy buttons.
        const expected = [
          ...(page === 'cari/index.html' ? ['cari'] : []),
          ...($('[data-map]').length > 0 ? ['MapView'] : []),
          ...($('button[data-copy]').length > 0 ? ['CopyButtons'] : []),
        ];
        expect(scripts.toArray().map((s) => /^\/_astro\/(\w+)\.astro_astro_type_script/.exec($(s).attr('src') ?? '')?.[1]).sort(), page).toEqual(expected.sort());
        for (const script of scripts.toArray()) expect([$(script).attr('type'), $(script).text()], page).toEqual(['module', '']);
        if ($('[data-map]').length > 0) mapPages.push(page);
      }
    }
    // The one place with coordinates puts a map on its own page, its KIM, its regions, their directories and the places listing.
    expect(mapPages.sort()).toEqual(
      [
        'kim/kim-bontang-kuala/index.html',
        'potensi/dermaga-bontang-kuala/index.html',
        'potensi/index.html',
        'potensi/jenis/wisata/index.html',
        'potensi/wilayah/kalimantan-timur/index.html',
        'potensi/wilayah/kalimantan-timur/jenis/wisata/index.html',
        'potensi/wilayah/kota-bontang/index.html',
        'potensi/wilayah/kota-bontang/jenis/wisata/index.html',
        'potensi/wilayah/kota-bontang/bontang-utara/index.html',
        'potensi/wilayah/kota-bontang/bontang-utara/jenis/wisata/index.html',
        'wilayah/kalimantan-timur/index.html',
        'wilayah/kota-bontang/index.html',
        'wilayah/kota-bontang/bontang-utara/index.html',
        'wilayah/kota-bontang/bontang-utara/bontang-kuala/index.html',
      ].sort(),
    );
  });

  it('loads the map library only from the loader, never from a page', () => {
    const loader = load(readFileSync(path.join(build.outDir, 'wilayah/kota-bontang/index.html'), 'utf8'))(`${RUNNABLE_SCRIPT}[src*="MapView"]`).attr('src')!;
    const code = readFileSync(path.join(build.outDir, loader), 'utf8');
    expect(gzipSync(code).length).toBeLessThan(3 * 1024);
    expect(code).not.toContain('leaflet-container');
    expect(code).toMatch(/import\(/);
    const $ = load(readFileSync(path.join(build.outDir, 'wilayah/kota-bontang/index.html'), 'utf8'));
    // The site's one stylesheet; Leaflet's comes with the library.
    expect($('link[rel="stylesheet"]').map((_, el) => $(el).attr('href')).get()).toEqual([expect.stringMatching(/^\/_astro\/Base\.[\w-]+\.css$/)]);
    expect(JSON.parse($('[data-map]').attr('data-markers')!)).toEqual([
      [0.1333, 117.5, 'p', 'Dermaga Bontang Kuala', '/potensi/dermaga-bontang-kuala/', 'Wisata'],
    ]);
  });

  it('has a home page with figures, a guide and a 404 page', () => {
    const home = page('');
    expect(home('.stats').text()).toContain('15 desa/kelurahan');
    expect(home('.stats').text()).toContain('3 KIM');
    expect(home('main').text()).toContain('Dermaga Bontang Kuala');
    expect(page('bentuk-kim/')('h1').text()).toBe('Cara membentuk KIM dan bergabung dengan jaringan');
    expect(page('404.html')('h1').text()).toBe('Halaman tidak ditemukan');
  });

  it('links the open data from every page, and the map data from there', () => {
    expect(page('wilayah/')('footer a[href="/data/"]').length).toBe(1);
    expect(page('data/')('main a[href="/data/peta.geojson"]').length).toBe(1);
  });

  it('credits the region data under its licence on every page', () => {
    const footer = page('wilayah/')('footer').text();
    expect(footer).toContain('idn-area-data');
    expect(footer).toContain('ODbL');
  });
});

describe('open data', () => {
  it('publishes places and KIM with coordinates as GeoJSON at a stable URL', () => {
    const geojson = JSON.parse(readFileSync(path.join(build.outDir, 'data/peta.geojson'), 'utf8'));
    expect(geojson.type).toBe('FeatureCollection');
    expect(geojson.features).toEqual([
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [117.5, 0.1333] },
        properties: {
          jenis: 'potensi',
          nama: 'Dermaga Bontang Kuala',
          url: 'https://uji.example.org/potensi/dermaga-bontang-kuala/',
          kategori: 'Wisata',
          wilayah: 'Kelurahan Bontang Kuala, Kecamatan Bontang Utara, Kota Bontang',
          perkiraan: false,
          sumber_lokasi: null,
        },
      },
    ]);
  });
});

describe('the search index', () => {
  const filters = (urlPath: string) =>
    page(urlPath)('[data-pagefind-filter]')
      .map((_, el) => page(urlPath)(el).attr('data-pagefind-filter'))
      .get()
      .sort();

  it('tags every story, place, KIM and village page with its facets', () => {
    expect(filters('cerita/festival-kampung-laut/')).toEqual([
      'desa:Kelurahan Bontang Kuala',
      'kabupaten:Kota Bontang',
      'kecamatan:Kecamatan Bontang Utara',
      'tahun:2026',
      'tipe:Cerita',
    ]);
    expect(filters('potensi/dermaga-bontang-kuala/')).toEqual([
      'desa:Kelurahan Bontang Kuala',
      'kabupaten:Kota Bontang',
      'kecamatan:Kecamatan Bontang Utara',
      'sektor:Wisata',
      'tipe:Potensi',
    ]);
    expect(filters('kim/kim-bontang-kuala/')).toEqual(expect.arrayContaining(['sektor:Kuliner', 'sektor:Wisata', 'tipe:KIM']));
    expect(filters('wilayah/kota-bontang/bontang-barat/kanaan/')).toEqual(expect.arrayContaining(['tipe:Wilayah', 'desa:Kelurahan Kanaan']));
    expect(page('cerita/festival-kampung-laut/')('[data-pagefind-sort]').attr('data-pagefind-sort')).toBe('tanggal:2026-11-20');
  });

  it('indexes only the main content: navigation, breadcrumbs and footer stay out', () => {
    const $ = page('cerita/festival-kampung-laut/');
    const body = $('[data-pagefind-body]');
    expect(body.length).toBe(1);
    expect(body.is('main')).toBe(true);
    expect($('header [data-pagefind-body], footer [data-pagefind-body]').length).toBe(0);
    expect($('nav.breadcrumbs').attr('data-pagefind-ignore')).toBeDefined();
    // Listing pages and the home page are not search results of their own.
    expect(page('cerita/')('[data-pagefind-body]').length).toBe(0);
    expect(page('')('[data-pagefind-body]').length).toBe(0);
  });

  it('is written as part of the build, in Indonesian', () => {
    const entry = JSON.parse(readFileSync(path.join(build.outDir, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['id']);
    // 15 kelurahan, 3 KIM, 13 published stories, 2 places and the join guide.
    expect(entry.languages.id.page_count).toBe(15 + 3 + 13 + 2 + 1);
  });
});

describe('the checks on a built site', () => {
  it('find valid HTML, resolving links and no image metadata in the fixture build', async () => {
    expect((await checkSite(build.outDir, { base: '/' })).problems).toEqual([]);
  });

  it('never ship a contributor photo as it was uploaded, only re-encoded copies', () => {
    const original = readFileSync(path.join(contentDir, 'stories/festival.jpg'));
    const shipped = readdirSync(path.join(build.outDir, '_astro')).filter((f) => PHOTO_EXTENSION.test(f));
    expect(shipped.length).toBeGreaterThan(0);
    for (const file of shipped) {
      expect(readFileSync(path.join(build.outDir, '_astro', file)).equals(original), file).toBe(false);
    }
  });

  it('ship the security headers and the CSP fallback', () => {
    const headers = readFileSync(path.join(build.outDir, '_headers'), 'utf8');
    expect(headers).toContain("/*\n  Content-Security-Policy: default-src 'self'");
    expect(headers).toContain("frame-ancestors 'none'");
    // The CMS's own policy replaces the site's under /admin/ (Cloudflare Pages: detached first).
    expect(headers).toMatch(/\/admin\/\*\n  ! Content-Security-Policy\n  ! Cross-Origin-Opener-Policy\n  Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'/);
    expect(headers).toContain('X-Content-Type-Options: nosniff');
    const csp = page('')('meta[http-equiv="Content-Security-Policy"]').attr('content')!;
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain('frame-ancestors');
    expect(csp).not.toContain('unsafe-inline');
  });
});

describe('the feeds', () => {
  const feedFiles = () =>
    readdirSync(build.outDir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('rss.xml') || f.endsWith('feed.json'))
      .map((f) => f.split(path.sep).join('/'))
      .sort();
  const rssOf = (file: string) => readRss(readFileSync(path.join(build.outDir, file), 'utf8'));
  const jsonOf = (file: string) => readJsonFeed(readFileSync(path.join(build.outDir, file), 'utf8'));

  it('cover the network, each category, each KIM and each area with stories, in RSS and JSON Feed', () => {
    const folders = [
      '',
      'cerita/kategori/berita/',
      'cerita/kategori/kegiatan/',
      'cerita/kategori/pengumuman/',
      'kim/kim-api-api/',
      'kim/kim-bontang-kuala/',
      'kim/kim-pemuda-bontang-kuala/',
      'wilayah/kota-bontang/',
      'wilayah/kota-bontang/bontang-utara/',
      'wilayah/kota-bontang/bontang-utara/api-api/',
      'wilayah/kota-bontang/bontang-utara/bontang-kuala/',
    ];
    expect(feedFiles()).toEqual(folders.flatMap((folder) => [`${folder}feed.json`, `${folder}rss.xml`]).sort());
  });

  it('parse with an independent reader, with every required element and only absolute addresses', () => {
    for (const file of feedFiles()) {
      if (file.endsWith('.xml')) {
        const feed = rssOf(file);
        expect(feed.problems, file).toEqual([]);
        expect(feed.self).toBe(`https://uji.example.org/${file}`);
        for (const item of feed.items) for (const address of addressesIn(item.contentHtml)) expect(address, `${file} ${item.title}`).toMatch(/^https:\/\//);
      } else {
        const { feed, problems } = jsonOf(file);
        expect(problems, file).toEqual([]);
        expect(feed.feed_url).toBe(`https://uji.example.org/${file}`);
        for (const item of feed.items) for (const address of addressesIn(item.content_html)) expect(address, `${file} ${item.title}`).toMatch(/^https:\/\//);
      }
    }
  });

  it('carry a story as its page shows it: title, address, date, body, authors, cover and licence', () => {
    const $ = page('cerita/festival-kampung-laut/');
    const item = rssOf('rss.xml').items.find((i) => i.title === $('h1').text())!;
    expect(item.link).toBe($('link[rel="canonical"]').attr('href'));
    expect(item.published.toISOString().slice(0, 10)).toBe($('article time').first().attr('datetime'));
    expect(item.summary).toBe($('.lead').text());
    expect(item.authors).toEqual(['Tim Redaksi KIM']);
    expect(item.categories).toEqual(['Kegiatan', 'Wisata', 'budaya']);
    expect(item.rights).toContain('CC BY 4.0');
    // The body, with its site link made absolute, the cover credited, and the licence and source.
    expect(item.contentHtml).toContain('Festival berlangsung <strong>meriah</strong>.');
    expect(item.contentHtml).toContain('<a href="https://uji.example.org/potensi/dermaga-bontang-kuala/">dermaga</a>');
    expect(item.contentHtml).toContain('Foto: Tim Redaksi KIM');
    expect(item.contentHtml).toContain('<p><em>Koreksi: Jumlah perahu hias diperbaiki.</em></p>');
    expect(item.contentHtml).toContain('href="https://creativecommons.org/licenses/by/4.0/deed.id"');
    expect(item.contentHtml).not.toContain('data-');
    // The enclosure is the cover the page shows, a file the build wrote (no extra encode).
    const cover = $('article figure img').attr('src')!;
    expect(item.image).toBe(`https://uji.example.org${cover}`);
    expect(existsSync(path.join(build.outDir, cover))).toBe(true);
    const json = jsonOf('feed.json').feed.items.find((i) => i.url === item.link)!;
    expect(json).toMatchObject({ title: item.title, image: item.image, content_html: item.contentHtml });
  });

  it('keep raw HTML of a story as text, and unpublished stories out', () => {
    const all = feedFiles().map((file) => readFileSync(path.join(build.outDir, file), 'utf8'));
    const item = rssOf('cerita/kategori/pengumuman/rss.xml').items[0]!;
    expect(item.contentHtml).toContain('&lt;script&gt;alert');
    expect(item.contentHtml).not.toContain('<script');
    for (const text of all) expect(text).not.toMatch(/Masih draf|Dari masa depan|masih-draf|dari-masa-depan/);
  });

  it('hold each their own stories, newest first: twenty at most, ten for a KIM, kecamatan or village', () => {
    const network = rssOf('rss.xml').items;
    expect(network).toHaveLength(13);
    expect(network.map((i) => i.published.getTime())).toEqual(network.map((i) => i.published.getTime()).sort((a, b) => b - a));
    expect(rssOf('cerita/kategori/kegiatan/rss.xml').items.map((i) => i.title)).toEqual(['Festival kampung laut']);
    // A KIM without stories has a feed to follow before its first; the inactive one's old news stays.
    expect(rssOf('kim/kim-pemuda-bontang-kuala/rss.xml').items).toEqual([]);
    expect(rssOf('kim/kim-api-api/rss.xml').items.map((i) => i.title)).toEqual(Array.from({ length: 10 }, (_, i) => `Kabar nomor ${11 - i}`));
    expect(rssOf('wilayah/kota-bontang/bontang-utara/bontang-kuala/rss.xml').items.map((i) => i.title)).toEqual(['Festival kampung laut', 'Pengumuman lama']);
    expect(rssOf('wilayah/kota-bontang/rss.xml').items).toHaveLength(13);
    expect(rssOf('wilayah/kota-bontang/bontang-utara/rss.xml').items).toHaveLength(10);
  });

  it('are linked from every page, and offered where a reader follows a KIM or an area', () => {
    for (const file of htmlFiles(build.outDir).filter((f) => !f.includes(`${path.sep}admin${path.sep}`))) {
      const $ = load(readFileSync(file, 'utf8'));
      const alternates = $('link[rel="alternate"]').map((_, l) => $(l).attr('href')!).get();
      expect(alternates, file).toEqual(expect.arrayContaining(['/rss.xml', '/feed.json']));
      for (const href of alternates) expect(existsSync(path.join(build.outDir, href)), `${file} → ${href}`).toBe(true);
    }
    const village = page('wilayah/kota-bontang/bontang-utara/bontang-kuala/');
    expect(village('.follow h2').text()).toBe('Ikuti kabar Kelurahan Bontang Kuala');
    expect(village('.follow a[href$="rss.xml"]').attr('href')).toBe('/wilayah/kota-bontang/bontang-utara/bontang-kuala/rss.xml');
    expect(page('kim/kim-bontang-kuala/')('.follow a[href$="feed.json"]').attr('href')).toBe('/kim/kim-bontang-kuala/feed.json');
    expect(page('cerita/kategori/berita/')('link[rel="alternate"][type="application/rss+xml"]').first().attr('href')).toBe('/cerita/kategori/berita/rss.xml');
    // A village without stories offers no feed it does not have.
    expect(page('wilayah/kota-bontang/bontang-barat/kanaan/')('.follow').length).toBe(0);
    const feeds = page('ikuti/');
    expect(feeds('a[href="/cerita/kategori/berita/rss.xml"]').length).toBe(1);
    expect(feeds('a[href="/wilayah/kota-bontang/feed.json"]').length).toBe(1);
  });
});

describe('the metadata of every page', () => {
  it('has a canonical address, Open Graph and Twitter tags with a real title, and a preview image the build wrote', () => {
    for (const file of htmlFiles(build.outDir).filter((f) => !f.includes(`${path.sep}admin${path.sep}`) && !f.endsWith('404.html'))) {
      const $ = load(readFileSync(file, 'utf8'));
      const canonical = $('link[rel="canonical"]').attr('href')!;
      expect(canonical, file).toMatch(/^https:\/\/uji\.example\.org\//);
      expect($('meta[property="og:url"]').attr('content')).toBe(canonical);
      const title = $('meta[property="og:title"]').attr('content')!;
      expect(title, file).not.toBe('Beranda');
      expect(title.length, file).toBeGreaterThan(2);
      expect($('meta[property="og:type"]').attr('content'), file).toMatch(/^(website|article)$/);
      expect($('meta[name="twitter:card"]').attr('content'), file).toBe('summary_large_image');
      const image = new URL($('meta[property="og:image"]').attr('content')!);
      expect(existsSync(path.join(build.outDir, image.pathname)), `${file} → ${image.pathname}`).toBe(true);
    }
    expect(page('')('meta[property="og:title"]').attr('content')).toBe('Jaringan Uji');
    const story = page('cerita/festival-kampung-laut/');
    expect(story('meta[property="og:type"]').attr('content')).toBe('article');
    expect(story('meta[property="article:published_time"]').attr('content')).toBe('2026-11-20');
  });
});

describe('the structured data of every page', () => {
  type Node = Record<string, unknown>;
  const graphOf = ($: CheerioAPI) => $('script[type="application/ld+json"]').map((_, el) => JSON.parse($(el).text())['@graph'] as Node[]).get().flat() as Node[];
  const absolute = (value: unknown) => typeof value === 'string' && value.startsWith('https://uji.example.org/');
  // What each type needs to be useful to a search engine or an aggregator.
  const REQUIRED: Record<string, string[]> = {
    NewsArticle: ['headline', 'datePublished', 'dateModified', 'author', 'publisher', 'image', 'dateline', 'locationCreated', 'url'],
    Organization: ['name', 'url'],
    WebSite: ['name', 'url', 'potentialAction'],
    TouristAttraction: ['name', 'address', 'url'],
    Restaurant: ['name', 'address', 'url'],
    LocalBusiness: ['name', 'address', 'url'],
    AdministrativeArea: ['name', 'identifier', 'url'],
    BreadcrumbList: ['itemListElement'],
  };

  it('parses on every page, with the properties its types require and absolute addresses', () => {
    const seen = new Set<string>();
    for (const file of htmlFiles(build.outDir).filter((f) => !f.includes(`${path.sep}admin${path.sep}`) && !f.endsWith('404.html'))) {
      const graph = graphOf(load(readFileSync(file, 'utf8')));
      expect(graph.length, file).toBeGreaterThan(0);
      for (const node of graph) {
        const type = node['@type'] as string;
        seen.add(type);
        for (const property of REQUIRED[type] ?? []) expect(node[property], `${file}: ${type}.${property}`).toBeDefined();
        if (type === 'BreadcrumbList') {
          const items = node.itemListElement as Node[];
          expect(items.map((i) => i.position)).toEqual(items.map((_, i) => i + 1));
          for (const item of items) expect(absolute(item.item), file).toBe(true);
        }
        if (node.url !== undefined) expect(absolute(node.url), `${file}: ${type}.url`).toBe(true);
      }
    }
    // The fixture's places are a tourist spot and a kuliner area.
    expect([...seen].sort()).toEqual(['AdministrativeArea', 'BreadcrumbList', 'NewsArticle', 'Organization', 'Restaurant', 'TouristAttraction', 'WebSite']);
  });

  it('describes a story as its page shows it, with images the build wrote and the photo credited', () => {
    const $ = page('cerita/festival-kampung-laut/');
    const article = graphOf($).find((n) => n['@type'] === 'NewsArticle')!;
    expect(article.headline).toBe($('h1').text());
    expect(article.url).toBe($('link[rel="canonical"]').attr('href'));
    expect(article.datePublished).toBe($('article time').first().attr('datetime'));
    expect(article.author).toEqual([{ '@type': 'Person', name: 'Tim Redaksi KIM' }]);
    expect(article).toMatchObject({ dateModified: '2026-11-22', correction: 'Jumlah perahu hias diperbaiki.' });
    const images = article.image as Node[];
    expect(images[0]).toMatchObject({ url: `https://uji.example.org${$('article figure img').attr('src')}`, creditText: 'Tim Redaksi KIM' });
    for (const image of images) expect(existsSync(path.join(build.outDir, new URL(image.url as string).pathname)), image.url as string).toBe(true);
    const publisher = graphOf($).find((n) => n['@id'] === (article.publisher as Node)['@id'])!;
    expect(publisher).toMatchObject({ '@type': 'Organization', name: 'KIM Bontang Kuala' });
  });

  it('offers search engines the site search, and places their coordinates and hours', () => {
    const site = graphOf(page('')).find((n) => n['@type'] === 'WebSite')!;
    expect((site.potentialAction as { target: { urlTemplate: string } }).target.urlTemplate).toBe('https://uji.example.org/cari/?q={search_term_string}');
    const dermaga = graphOf(page('potensi/dermaga-bontang-kuala/'))[0]!;
    expect(dermaga).toMatchObject({ '@type': 'TouristAttraction', geo: { latitude: 0.1333, longitude: 117.5 }, isAccessibleForFree: true, openingHoursSpecification: { opens: '08:00', closes: '17:00' } });
  });
});

describe('republishing and sharing', () => {
  const republished = (page$: CheerioAPI) => load(page$('details.republish textarea').text(), null, false);

  it('offers a story’s clean HTML with byline, dateline, correction, link back and licence, selectable without JavaScript', () => {
    const $ = page('cerita/festival-kampung-laut/');
    expect($('details.republish textarea[readonly]').length).toBe(1);
    const copy = republished($);
    expect(copy('h1').text()).toBe('Festival kampung laut');
    expect(copy.root().text()).toContain('Oleh Tim Redaksi KIM, KIM Bontang Kuala');
    expect(copy.root().text()).toContain('Kelurahan Bontang Kuala, Kecamatan Bontang Utara, Kota Bontang, 20 November 2026');
    expect(copy.root().text()).toContain('Koreksi: Jumlah perahu hias diperbaiki.');
    expect(copy('a[href="https://uji.example.org/cerita/festival-kampung-laut/"]').length).toBe(1);
    expect(copy('a[rel="license"]').attr('href')).toBe('https://creativecommons.org/licenses/by/4.0/deed.id');
    expect(copy('a[href="https://uji.example.org/potensi/dermaga-bontang-kuala/"]').text()).toBe('dermaga');
    // The cover has no licence of its own: left out, its photographer still named.
    expect(copy('img').length).toBe(0);
    expect(copy.root().text()).toContain('Foto sampul karya Tim Redaksi KIM tidak disertakan');
    expect(copy('[class], [data-astro-cid], [style]').length).toBe(0);
    // The copy button appears only where its script runs.
    expect($('details.republish button[data-copy="naskah-cerita"][hidden]').length).toBe(1);
  });

  it('offers no republishing text where the licence does not allow it', () => {
    expect(page('cerita/pengumuman-lama/')('details.republish').length).toBe(0);
  });

  it('shows a correction above the story, and its update date', () => {
    const $ = page('cerita/festival-kampung-laut/');
    expect($('article .correction').text()).toBe('Koreksi: Jumlah perahu hias diperbaiki.');
    expect($('article > p.meta').first().find('time').last().attr('datetime')).toBe('2026-11-22');
  });

  it('shares stories and places with plain links, WhatsApp first, and the address to copy', () => {
    for (const path of ['cerita/festival-kampung-laut/', 'potensi/dermaga-bontang-kuala/']) {
      const $ = page(path);
      const links = $('.share a').map((_, a) => $(a).attr('href')!).get();
      expect(links[0]!.startsWith('https://wa.me/?text=')).toBe(true);
      expect(decodeURIComponent(links[0]!)).toContain(`https://uji.example.org/${path}`);
      expect(links.map((l) => new URL(l).protocol + (new URL(l).host || ''))).toEqual(['https:wa.me', 'https:www.facebook.com', 'https:x.com', 'https:t.me', 'mailto:']);
      expect($('.share input[readonly]').attr('value')).toBe(`https://uji.example.org/${path}`);
    }
  });
});

describe('the open data', () => {
  const csv = (file: string) => Papa.parse<Record<string, string>>(readFileSync(path.join(build.outDir, 'data', file), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  const json = (file: string) => JSON.parse(readFileSync(path.join(build.outDir, 'data', file), 'utf8')) as { count: number; items: Record<string, unknown>[] };
  const pagesUnder = (folder: string, depth: number) =>
    htmlFiles(path.join(build.outDir, folder)).filter((f) => path.relative(path.join(build.outDir, folder), f).split(path.sep).length === depth + 1);

  it('loads with a CSV and a JSON parser, with as many rows as the site has pages', () => {
    const entryPages = (section: string) => pagesUnder(section, 1).filter((f) => !/\/(halaman|kategori|sektor|jenis|topik|wilayah)\//.test(f)).length;
    const expected = { kim: entryPages('kim'), potensi: entryPages('potensi'), cerita: entryPages('cerita'), cakupan: pagesUnder('wilayah', 3).length };
    expect(expected).toEqual({ kim: 3, potensi: 2, cerita: 13, cakupan: 15 });
    for (const [dataset, count] of Object.entries(expected)) {
      const table = csv(`${dataset}.csv`);
      expect(table.errors, dataset).toEqual([]);
      expect(table.data, dataset).toHaveLength(count);
      expect(json(`${dataset}.json`)).toMatchObject({ count });
      expect(json(`${dataset}.json`).items).toHaveLength(count);
    }
  });

  it('describes a KIM with its region codes and names, decree, public contacts and latest story', () => {
    const kim = csv('kim.csv').data.find((r) => r.id === 'kim-bontang-kuala')!;
    expect(kim).toMatchObject({
      name: 'KIM Bontang Kuala',
      url: 'https://uji.example.org/kim/kim-bontang-kuala/',
      village_code: '64.74.01.1001',
      village: 'Kelurahan Bontang Kuala',
      regency: 'Kota Bontang',
      decree_number: '12/2021',
      whatsapp: '+6281234567890',
      instagram: 'https://www.instagram.com/kimbontangkuala',
      last_story_date: '2026-11-20',
    });
    const village = csv('cakupan.csv').data.find((r) => r.code === '64.74.01.1001')!;
    expect(village).toMatchObject({ name: 'Bontang Kuala', kind: 'Kelurahan', kims: '2', url: 'https://uji.example.org/wilayah/kota-bontang/bontang-utara/bontang-kuala/' });
    expect(csv('cakupan.csv').data.find((r) => r.code === '64.74.03.1002')).toMatchObject({ kims: '0' });
  });

  it('is documented field by field on its page, with the licences', () => {
    const $ = page('data/');
    for (const file of ['kim.json', 'kim.csv', 'potensi.csv', 'cerita.json', 'cakupan.csv']) expect($(`a[href="/data/${file}"]`).length, file).toBe(1);
    const documented = $('dl.fields dt code').map((_, c) => $(c).text()).get();
    for (const column of Object.keys(csv('kim.csv').data[0]!)) expect(documented).toContain(column);
    expect($('a[rel="license"]').attr('href')).toContain('opendatacommons.org');
    expect(page('')('footer a[href="/data/"]').length).toBe(1);
  });
});

describe('the press room', () => {
  it('explains citing and every licence, lists every KIM’s public contacts by kabupaten/kota, and links brand assets, feeds and data', () => {
    const $ = page('pers/');
    expect($('h1').text()).toBe('Ruang pers');
    expect($('dl.fields dt').map((_, d) => $(d).text()).get()).toEqual(['CC BY 4.0', 'CC BY-SA 4.0', 'CC BY-NC 4.0', 'CC0 1.0 (domain publik)', 'Hak cipta dilindungi']);
    expect($('h3').map((_, h) => $(h).text()).get()).toEqual(['Kota Bontang']);
    // One page: no pages to go on to, and no index of them.
    expect($('.pagination').length).toBe(0);
    expect($('nav[aria-label="Kabupaten/kota"]').length).toBe(0);
    const kims = $('.press-kim');
    expect(kims.length).toBe(3);
    const bontangKuala = kims.filter((_, k) => $(k).text().includes('KIM Bontang Kuala'));
    expect(bontangKuala.find('a[href^="https://wa.me/6281234567890"]').length).toBe(1);
    expect(bontangKuala.text()).toContain('Kelurahan Bontang Kuala, Kecamatan Bontang Utara, Kota Bontang · Kuliner, Wisata');
    for (const href of ['/pratinjau.jpg', '/favicon.svg', '/ikuti/', '/data/', '/data/kim.csv']) expect($(`main a[href="${href}"]`).length, href).toBe(1);
    expect(page('')('footer a[href="/pers/"]').length).toBe(1);
  });
});
