/**
 * The demo network that `npm run build` produces with no setup: Kutai Kartanegara and Bontang,
 * built from the real `content/` folder into a temporary output.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, PROJECT_ROOT, type BuildResult } from '../helpers/fixture.ts';
import { isSampleContent, SAMPLE_CONTENT } from '../helpers/sample.ts';
import { findLeaks } from '../helpers/published.ts';
import { addressesIn, readJsonFeed, readRss } from '../helpers/feeds.ts';

const CONTENT = SAMPLE_CONTENT;
// A network's own content in a fork: these tests are about the sample's KIM and villages.
const sample = isSampleContent();
let work: string;
let build: BuildResult;

// Stories sit in a folder per KIM: every entry file at any depth, by its id (the file's stem).
const ids = (folder: string) =>
  readdirSync(path.join(CONTENT, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.mdx?$/.test(f) && !path.basename(f).startsWith('_'))
    .map((f) => path.basename(f).replace(/\.mdx?$/, ''));
const html = (urlPath: string) => readFileSync(path.join(build.outDir, urlPath, 'index.html'), 'utf8');

beforeAll(async () => {
  if (!sample) return;
  work = mkdtempSync(path.join(tmpdir(), 'jembatan-demo-'));
  // Build the real content folder, with output and cache kept out of the project.
  build = await buildSite(CONTENT, { env: { JEMBATAN_CACHE_DIR: path.join(work, 'cache') }, outDir: path.join(work, 'dist') });
  if (build.code !== 0) throw new Error(build.output);
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.runIf(sample)('the demo network', () => {
  it('has a page for each of the 237 desa/kelurahan of Kutai Kartanegara and 15 of Bontang', () => {
    const count = (regency: string) =>
      readdirSync(path.join(build.outDir, 'wilayah', regency), { recursive: true, encoding: 'utf8' }).filter(
        (f) => f.split(path.sep).length === 3 && f.endsWith('index.html'),
      ).length;
    expect(count('kabupaten-kutai-kartanegara')).toBe(237);
    expect(count('kota-bontang')).toBe(15);
  });

  it('has a page for every KIM, story and place in content/', () => {
    // The heading carries its search weight as an attribute (domain/search/ranking.ts).
    for (const id of ids('kim')) expect(html(`kim/${id}`)).toMatch(/<h1[ >]/);
    for (const id of ids('stories')) expect(html(`cerita/${id}`)).toMatch(/<h1[ >]/);
    for (const id of ids('places')) expect(html(`potensi/${id}`)).toMatch(/<h1[ >]/);
    expect(ids('kim')).toHaveLength(18);
  });

  it('links each story\'s topics to a topic page that lists it, and lists every topic once', () => {
    const topics = new Map<string, Set<string>>();
    for (const id of ids('stories')) {
      const links = load(html(`cerita/${id}`))('main a[href^="/cerita/topik/"]')
        .map((_, a) => a.attribs.href!)
        .get();
      for (const href of links) {
        if (!topics.has(href)) topics.set(href, new Set());
        topics.get(href)!.add(`/cerita/${id}/`);
      }
    }
    expect(topics.size).toBeGreaterThan(5);
    for (const [href, stories] of topics) {
      const $ = load(html(href.slice(1)));
      expect($('h1').text()).toMatch(/^Topik: /);
      const listed = new Set($('main .grid a[href^="/cerita/"]').map((_, a) => a.attribs.href!).get());
      for (const story of stories) expect(listed).toContain(story);
    }
    const $index = load(html('cerita/topik'));
    const index = $index('main ul.topics li')
      .map((_, li) => ({ href: $index(li).find('a').attr('href'), count: Number(/\((\d+)\)/.exec($index(li).text())![1]) }))
      .get();
    expect(index.map((t) => t.href).sort()).toEqual([...topics.keys()].sort());
    for (const { href, count } of index) expect(count).toBe(topics.get(href!)!.size);
  });

  it('gives a KIM\'s page, its stories and its places the KIM\'s colour, and other pages none', () => {
    const sheetOf = (urlPath: string) => load(html(urlPath))('link[rel="stylesheet"][href^="/merek/"]').attr('href');
    const kimSheet = sheetOf('kim/kim-muara-enggelam');
    expect(kimSheet).toMatch(/^\/merek\/[0-9a-f]{6}\.css$/);
    const css = readFileSync(path.join(build.outDir, kimSheet!), 'utf8');
    const color = /--brand:(#[0-9a-f]{6})/.exec(css)![1];
    expect(kimSheet).toBe(`/merek/${color!.slice(1)}.css`);
    // The colour of the KIM's own monogram on its page.
    expect(html('kim/kim-muara-enggelam')).toContain(color);
    expect(sheetOf('cerita/muara-enggelam-desa-di-atas-air')).toBe(kimSheet);
    expect(sheetOf('potensi/desa-wisata-muara-enggelam')).toBe(kimSheet);
    expect(load(html('kim/kim-muara-enggelam'))('body').hasClass('branded')).toBe(true);
    // A place no KIM keeps takes the network's colours.
    for (const other of ['', 'cerita', 'kim', 'wilayah/kota-bontang', 'potensi/kawasan-wisata-pantai-muara-badak']) {
      expect(sheetOf(other)).toBeUndefined();
      expect(load(html(other))('body').hasClass('branded')).toBe(false);
    }
    // One file per colour of the network's KIM, each used.
    expect(readdirSync(path.join(build.outDir, 'merek')).length).toBe(new Set(ids('kim').map((id) => sheetOf(`kim/${id}`))).size);
  });

  it('gives every Bontang kelurahan its KIM, as the facts say', () => {
    const $ = load(html('wilayah/kota-bontang'));
    expect($('main').text()).toContain('15 dari 15 desa/kelurahan sudah memiliki KIM');
  });

  it('labels desa and kelurahan by their code', () => {
    expect(load(html('wilayah/kabupaten-kutai-kartanegara/loa-janan/batuah'))('h1').text()).toBe('Desa Batuah');
    expect(load(html('wilayah/kota-bontang/bontang-utara/api-api'))('h1').text()).toBe('Kelurahan Api-api');
  });

  it('publishes no image with metadata and nothing of an unpublished entry, read file by file', async () => {
    expect(await findLeaks(build.outDir, CONTENT)).toEqual({ metadata: [], unpublished: [] });
  });

  it('marks its sample stories and places as samples', () => {
    for (const id of ids('stories')) expect(html(`cerita/${id}`)).toContain('Konten contoh');
    for (const id of ids('places')) expect(html(`potensi/${id}`)).toContain('Konten contoh');
  });

  it('leads a place\'s reader to its KIM\'s page when neither lists a contact and the network names no operator', () => {
    const $ = load(html('potensi/benua-elai'));
    const contact = $('[data-contact="kim-page"]');
    expect(contact.text().replace(/\s+/g, ' ').trim()).toBe('Tempat ini belum mencantumkan kontak, begitu pula KIM Batuah. Halaman KIM itu memuat profil dan kabar terbarunya.');
    expect(contact.find('a').attr('href')).toBe('/kim/kim-batuah/');
  });

  it('says plainly when nobody can be contacted about a place, and how residents form a KIM', () => {
    const $ = load(html('potensi/kawasan-wisata-pantai-muara-badak'));
    const contact = $('[data-contact="none"]');
    expect(contact.find('p').first().text()).toBe('Tempat ini belum mencantumkan kontak, dan belum ada KIM yang mengelola informasi wilayahnya.');
    expect(contact.find('a').attr('href')).toBe('/bentuk-kim/');
  });

  it('searches the maps for a place without coordinates by its name, kecamatan and kabupaten', () => {
    const $ = load(html('potensi/kawasan-wisata-pantai-muara-badak'));
    expect($('[data-directions="nama"] a').first().attr('href')).toBe(
      `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent('Kawasan wisata pantai terpadu Muara Badak, Kecamatan Muara Badak, Kabupaten Kutai Kartanegara')}`,
    );
  });
});

/**
 * The dashboard's figures, counted again here from what they come from: the content files'
 * frontmatter (read with js-yaml, not the site's reader) and idn-area-data's CSV files.
 */
describe.runIf(sample)('the demo network’s dashboard, against the content files and the region data', () => {
  const DAY = 24 * 60 * 60 * 1000;
  const frontmatter = (folder: string) =>
    readdirSync(path.join(CONTENT, folder), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.mdx?$/.test(f))
      .map((f) => yaml.load(readFileSync(path.join(CONTENT, folder, f), 'utf8').split(/^---$/m)[1]!) as Record<string, unknown>);
  const csv = (name: string) =>
    readFileSync(path.join(PROJECT_ROOT, 'node_modules/idn-area-data/data', `${name}.csv`), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',') as [string, string, string]);
  const villages = csv('villages').filter(([code]) => code.startsWith('64.02.') || code.startsWith('64.74.'));
  const districts = csv('districts').filter(([code]) => code.startsWith('64.02.') || code.startsWith('64.74.'));
  const kims = sample ? frontmatter('kim') : [];
  const stories = sample ? frontmatter('stories') : [];
  const places = sample ? frontmatter('places') : [];
  const day = (value: unknown) => (value instanceof Date ? value : new Date(`${String(value)}T00:00:00Z`));
  const lastStory = (id: string) => Math.max(...stories.filter((s) => s.kim === id).map((s) => day(s.date).getTime()));
  const idOf = (k: Record<string, unknown>) => `kim-${String(k.name).replace(/^KIM /, '').toLowerCase().replaceAll(' ', '-')}`;
  const cells = (urlPath: string, table: string) => {
    const $ = load(html(urlPath));
    return $(`table[data-table="${table}"] tbody tr`)
      .map((_, tr) => [$(tr).find('th, td').map((__, c) => $(c).text().trim()).get()])
      .get() as string[][];
  };
  const number = (text: string) => Number(text.replace(/\./g, '').replace(',', '.').replace('%', '').replace('–', '0'));

  it('counts villages, villages with a KIM, KIM by status and places for each kabupaten/kota', () => {
    const rows = new Map(cells('statistik', 'coverage').map((row) => [row[0], row.slice(1).map(number)]));
    for (const [regency, name] of [['64.02', 'Kabupaten Kutai Kartanegara'], ['64.74', 'Kota Bontang']] as const) {
      const within = (code: unknown) => String(code).startsWith(`${regency}.`);
      const own = kims.filter((k) => within(k.village));
      const withKim = new Set(own.map((k) => k.village)).size;
      const total = villages.filter(([code]) => within(code)).length;
      const active = own.filter((k) => Date.now() - lastStory(idOf(k)) <= 90 * DAY).length;
      const inYear = stories.filter((s) => own.some((k) => idOf(k) === s.kim) && Date.now() - day(s.date).getTime() < 365 * DAY).length;
      const [villagesCell, withKimCell, coverage, kimCell, activeCell, quietCell, inactiveCell, storiesCell, placesCell] = rows.get(name)!;
      expect([villagesCell, withKimCell, kimCell, activeCell, quietCell, inactiveCell], name).toEqual([total, withKim, own.length, active, own.length - active, 0]);
      expect(coverage).toBeCloseTo((withKim / total) * 100, 1);
      expect(storiesCell).toBe(inYear);
      expect(placesCell).toBe(places.filter((p) => within(p.region) || p.region === regency).length);
    }
  });

  it('counts the network’s stories per month, KIM per sector and places per kind', () => {
    const { items } = JSON.parse(readFileSync(path.join(build.outDir, 'data', 'statistik.json'), 'utf8')) as { items: { area_code: string; months: string[]; monthly: number[] }[] };
    const months = items[0]!.months;
    expect(months).toHaveLength(12);
    expect(months.at(-1)).toBe(new Date().toISOString().slice(0, 7));
    const perMonth = months.map((m) => stories.filter((s) => day(s.date).toISOString().slice(0, 7) === m).length);
    expect(cells('statistik', 'monthly').map((row) => number(row[1]!))).toEqual([...perMonth, perMonth.reduce((a, b) => a + b, 0)]);
    const sectors = new Map(cells('statistik', 'sectors').map(([label, count]) => [label!, number(count!)]));
    expect(sectors.get('Wisata')).toBe(kims.filter((k) => ((k.sectors as string[] | undefined) ?? []).includes('wisata')).length);
    const kinds = new Map(cells('statistik', 'kinds').map(([label, count]) => [label!, number(count!)]));
    expect(kinds.get('Wisata')).toBe(places.filter((p) => p.kind === 'wisata').length);
    expect(kinds.get('Kuliner')).toBe(places.filter((p) => p.kind === 'kuliner').length);
    // The open data has the same figures as the pages, for every area.
    const kutai = items.find((row) => row.area_code === '64.02')!;
    expect(kutai.monthly.map(Number).reduce((a, b) => a + b, 0)).toBe(number(cells('statistik', 'coverage').find((r) => r[0] === 'Kabupaten Kutai Kartanegara')![8]!));
  });

  it('gives every chart a text alternative: an image role, a title and a summary with its numbers', () => {
    const pages = ['statistik', 'statistik/kabupaten-kutai-kartanegara', 'statistik/kota-bontang/bontang-utara'];
    for (const page of pages) {
      const $ = load(html(page));
      const charts = $('svg.chart-svg');
      expect(charts.length, page).toBeGreaterThan(0);
      charts.each((_, svg) => {
        const [titleId, descId] = $(svg).attr('aria-labelledby')!.split(' ');
        expect($(svg).attr('role')).toBe('img');
        expect($(svg).find(`title#${titleId}`).text().trim(), page).not.toBe('');
        expect($(svg).find(`desc#${descId}`).text(), page).toMatch(/\d/);
      });
    }
  });

  it('gives every KIM of the demo its brand kit: the page, its logo and its A4 poster', () => {
    for (const id of ids('kim')) {
      expect(html(`kim/${id}/merek`), id).toContain('poster-a4.png');
      for (const file of ['logo.svg', 'logo.png', 'poster-a4.png']) expect(readFileSync(path.join(build.outDir, 'kim', id, 'merek', file)).length, `${id} ${file}`).toBeGreaterThan(500);
      expect(load(html(`kim/${id}`))(`a[href="/kim/${id}/merek/"]`).length, id).toBe(1);
    }
  });

  it('maps each kecamatan’s villages to the kinds of potential their places have, and lists those without a KIM', () => {
    for (const [code, regency, name] of districts) {
      const regencySlug = regency === '64.74' ? 'kota-bontang' : 'kabupaten-kutai-kartanegara';
      const page = readdirSync(path.join(build.outDir, 'statistik', regencySlug), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .find((slug) => load(html(`statistik/${regencySlug}/${slug}`))('h1').text() === `Statistik Kecamatan ${name}`);
      expect(page, name).toBeDefined();
      const own = villages.filter(([, district]) => district === code);
      const rows = cells(`statistik/${regencySlug}/${page}`, 'potential');
      expect(rows, name).toHaveLength(own.length);
      for (const [village, , villageName] of own) {
        const row = rows.find((r) => r[0]!.endsWith(` ${villageName}`))!;
        expect(row, villageName).toBeDefined();
        const expected = ['wisata', 'kuliner'].map((kind) => places.filter((p) => p.region === village && p.kind === kind).length);
        expect(row.slice(1, 3).map(number), villageName).toEqual(expected);
      }
      const withoutKim = load(html(`statistik/${regencySlug}/${page}`))('[data-section="without-kim"] li').length;
      expect(withoutKim, name).toBe(own.filter(([village]) => !kims.some((k) => k.village === village)).length);
    }
  });
});

describe.runIf(sample)('the demo network’s map', () => {
  it('puts every place with coordinates in the GeoJSON, marking an estimated point and naming its source', () => {
    const map = JSON.parse(readFileSync(path.join(build.outDir, 'data', 'peta.geojson'), 'utf8'));
    expect(map.type).toBe('FeatureCollection');
    expect(map.features.length).toBeGreaterThan(0);
    const located = readdirSync(path.join(CONTENT, 'places'), { recursive: true, encoding: 'utf8' }).filter((f) => /\.mdx?$/.test(f) && /^coordinates:/m.test(readFileSync(path.join(CONTENT, 'places', f), 'utf8')));
    expect(map.features.filter((f: { properties: { jenis: string } }) => f.properties.jenis === 'potensi')).toHaveLength(located.length);
    const lake = map.features.find((f: { properties: { url: string } }) => f.properties.url.endsWith('/potensi/desa-wisata-muara-enggelam/'));
    expect(lake.geometry.coordinates).toEqual([116.3478, -0.2881]);
    expect(lake.properties).toMatchObject({ perkiraan: true, sumber_lokasi: 'http://visitkaltim.id/blog/danau-semayang-laut-yang-tawar' });
  });

  it('draws the map on the place’s page and its areas’ pages, and sends travellers by name to an estimated point', () => {
    const $ = load(html('potensi/desa-wisata-muara-enggelam'));
    const markers = (page: string) => JSON.parse(load(html(page))('[data-markers]').attr('data-markers') ?? '[]');
    expect(markers('potensi/desa-wisata-muara-enggelam')).toEqual([[-0.2881, 116.3478, 'p', 'Desa di atas air Muara Enggelam', '/potensi/desa-wisata-muara-enggelam/', 'Wisata · lokasi perkiraan']]);
    expect(markers('wilayah/kabupaten-kutai-kartanegara')).toHaveLength(1);
    // The middle of a lake is no destination: directions search by name, and the page says why.
    expect($('[data-directions="nama"]')).toHaveLength(1);
    expect($('main').text()).toContain('Titik tempat ini di peta hanya perkiraan');
    expect($('[data-location-source] a').attr('href')).toBe('http://visitkaltim.id/blog/danau-semayang-laut-yang-tawar');
    // Nor do search engines get it as the place's position.
    const data = $('script[type="application/ld+json"]').map((_, el) => $(el).text()).get().join('');
    expect(data).not.toContain('GeoCoordinates');
  });
});

describe.runIf(sample)('the demo network’s feeds and data, as a journalist’s tools read them', () => {
  const files = (suffix: string) => readdirSync(build.outDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(suffix));

  it('has feeds that all parse with independent readers, every story of the demo in the network’s feed', () => {
    const rss = files('rss.xml');
    const json = files('feed.json');
    expect(rss.length).toBeGreaterThan(10);
    expect(json.length).toBe(rss.length);
    for (const file of rss) expect(readRss(readFileSync(path.join(build.outDir, file), 'utf8')).problems, file).toEqual([]);
    for (const file of json) expect(readJsonFeed(readFileSync(path.join(build.outDir, file), 'utf8')).problems, file).toEqual([]);
    const stories = readdirSync(path.join(CONTENT, 'stories'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md') || f.endsWith('.mdx'));
    expect(readRss(readFileSync(path.join(build.outDir, 'rss.xml'), 'utf8')).items).toHaveLength(stories.length);
  });

  // A feed is read away from the site: every address must stand on its own.
  const ABSOLUTE = /^(https?:\/\/[^/]|mailto:|tel:)/;

  it('has only absolute addresses in every feed, on the demo’s own site', () => {
    const site = (yaml.load(readFileSync(path.join(CONTENT, 'network.yaml'), 'utf8')) as { site: string }).site.replace(/\/$/, '');
    for (const file of files('rss.xml')) {
      const feed = readRss(readFileSync(path.join(build.outDir, file), 'utf8'));
      expect(feed.self, file).toBe(`${site}/${file.split(path.sep).join('/')}`);
      for (const item of feed.items) {
        expect(item.link.startsWith(`${site}/`), `${file}: ${item.link}`).toBe(true);
        for (const address of addressesIn(item.contentHtml)) expect(address, `${file}: ${item.title}`).toMatch(ABSOLUTE);
      }
    }
    for (const file of files('feed.json')) {
      const { feed } = readJsonFeed(readFileSync(path.join(build.outDir, file), 'utf8'));
      for (const item of feed.items) for (const address of addressesIn(item.content_html)) expect(address, `${file}: ${item.title}`).toMatch(ABSOLUTE);
    }
  });

  it('carries every story in the network’s feeds as its page shows it', () => {
    const rss = readRss(readFileSync(path.join(build.outDir, 'rss.xml'), 'utf8')).items;
    const json = readJsonFeed(readFileSync(path.join(build.outDir, 'feed.json'), 'utf8')).feed.items;
    for (const item of rss) {
      const $ = load(readFileSync(path.join(build.outDir, new URL(item.link).pathname, 'index.html'), 'utf8'));
      expect(item.title, item.link).toBe($('h1').first().text().trim());
      expect(item.link).toBe($('link[rel="canonical"]').attr('href'));
      expect(item.published.toISOString().slice(0, 10), item.link).toBe($('article time').first().attr('datetime')?.slice(0, 10));
      expect(item.summary, item.link).toBe($('.lead').text().trim());
      // The JSON Feed carries the same entry: title, body and cover.
      expect(json.find((j) => j.url === item.link), item.link).toMatchObject({ title: item.title, content_html: item.contentHtml, ...(item.image && { image: item.image }) });
    }
  });

  it('has open data whose rows match its pages', () => {
    const kim = JSON.parse(readFileSync(path.join(build.outDir, 'data', 'kim.json'), 'utf8'));
    expect(kim.count).toBe(readdirSync(path.join(CONTENT, 'kim')).filter((f) => f.endsWith('.md')).length);
    for (const row of kim.items) expect(readFileSync(path.join(build.outDir, new URL(row.url).pathname, 'index.html'), 'utf8')).toContain(row.name);
  });
});
