/**
 * Search in real Chromium: from the header search box on the home page to a filtered result,
 * on the demo network, at the site root and under a base path; and what Indonesian stemming
 * does and does not find, on fixture pages.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureFirstSearch } from '../../scripts/lib/search-transfer.ts';
import { listFiles } from '../../src/format/files.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { allResultTitles, launchBrowser, listedFacets, resultTitles } from '../helpers/browser.ts';
import { BASE_NETWORK, buildSite, createFixture, PROJECT_ROOT, removeFixture } from '../helpers/fixture.ts';

let work: string;
let browser: Browser;
let root: StaticServer;
let based: StaticServer;
let words: StaticServer;
let wordsFixture: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'jembatan-search-'));
  const content = path.join(PROJECT_ROOT, 'content');
  const plain = await buildSite(content, { env: { JEMBATAN_CACHE_DIR: path.join(work, 'cache') }, outDir: path.join(work, 'root') });
  if (plain.code !== 0) throw new Error(plain.output);
  const withBase = await buildSite(content, {
    env: { JEMBATAN_CACHE_DIR: path.join(work, 'cache-based'), BASE_PATH: '/jembatan/' },
    outDir: path.join(work, 'based'),
  });
  if (withBase.code !== 0) throw new Error(withBase.output);

  // Pages whose words differ from the queries only by Indonesian affixes or accents.
  wordsFixture = createFixture({
    network: BASE_NETWORK,
    kim: { 'kim-uji': { data: { name: 'KIM Uji', village: '64.74.01.1001' }, body: 'Profil.' } },
    stories: {
      'satu': { data: { title: 'Cerita satu', date: '2026-11-01', kim: 'kim-uji', summary: 'Satu.', category: 'berita' }, body: 'Warung ini terkenal karena kulinernya yang khas.' },
      'dua': { data: { title: 'Cerita dua', date: '2026-11-02', kim: 'kim-uji', summary: 'Dua.', category: 'berita' }, body: 'Banyak keluarga datang untuk berwisata ke pantai.' },
      'tiga': { data: { title: 'Cerita tiga', date: '2026-11-03', kim: 'kim-uji', summary: 'Tiga.', category: 'berita' }, body: 'Dinas pariwisata meninjau dermaga.' },
      'empat': { data: { title: 'Cerita empat', date: '2026-11-04', kim: 'kim-uji', summary: 'Empat.', category: 'berita' }, body: 'Kopi dari kafé di ujung jalan.' },
    },
  });
  const wordsBuild = await buildSite(wordsFixture);
  if (wordsBuild.code !== 0) throw new Error(wordsBuild.output);

  browser = await launchBrowser();
  root = await serveStatic(plain.outDir);
  based = await serveStatic(withBase.outDir, '/jembatan/');
  words = await serveStatic(wordsBuild.outDir);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([root?.close(), based?.close(), words?.close()]);
  if (wordsFixture) removeFixture(wordsFixture);
  rmSync(work, { recursive: true, force: true });
});

/**
 * Lists every result of the page's search and checks each one's facets on its own built page:
 * exactly the one kabupaten/kota (so a single result from elsewhere fails), and the type if given.
 */
async function expectAllIn(page: Page, kabupaten: string, tipe?: string) {
  const titles = await allResultTitles(page);
  const regions = await listedFacets(page, 'kabupaten');
  expect(regions).toHaveLength(titles.length);
  for (const result of regions) expect(result.values, result.url).toEqual([kabupaten]);
  if (tipe) for (const result of await listedFacets(page, 'tipe')) expect(result.values, result.url).toEqual([tipe]);
}

async function journey(server: StaticServer) {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto(server.url);
  await page.fill('#cari-beranda', 'wisata');
  await page.press('#cari-beranda', 'Enter');
  await page.waitForURL(/\/cari\/\?q=wisata$/);
  expect(new URL(page.url()).pathname).toBe(`${new URL(server.url).pathname}cari/`);
  const all = await resultTitles(page);
  expect(all.length).toBeGreaterThan(1);
  // Unfiltered, the words are found in both kabupaten/kota: the filter below has something to remove.
  await allResultTitles(page);
  const everywhere = (await listedFacets(page, 'kabupaten')).flatMap((r) => r.values);
  expect(everywhere).toContain('Kota Bontang');
  expect(everywhere).toContain('Kabupaten Kutai Kartanegara');

  await page.selectOption('#saring-kabupaten', 'Kabupaten Kutai Kartanegara');
  const inKukar = await resultTitles(page);
  expect(inKukar.length).toBeGreaterThan(0);
  expect(page.url()).toContain('kabupaten=Kabupaten+Kutai+Kartanegara');
  // Every result listed, not only the first page of them, is in Kutai Kartanegara, none in Bontang.
  await expectAllIn(page, 'Kabupaten Kutai Kartanegara');

  await page.selectOption('#saring-tipe', 'Potensi');
  const places = await resultTitles(page);
  expect(places.length).toBeGreaterThan(0);
  expect(places.length).toBeLessThanOrEqual(inKukar.length);
  expect(page.url()).toContain('tipe=Potensi');
  await expectAllIn(page, 'Kabupaten Kutai Kartanegara', 'Potensi');

  // The list can be shared: loading the URL again gives the same results.
  const shared = page.url();
  const again = await browser.newPage();
  await again.goto(shared);
  expect(await resultTitles(again)).toEqual(places);
  await again.close();

  await page.click('#hasil li h2 a');
  await page.waitForLoadState('load');
  expect(new URL(page.url()).pathname).toMatch(/\/potensi\/[a-z0-9-]+\/$/);
  expect(await page.textContent('h1')).toBe(places[0]);
  await page.close();
  expect(errors).toEqual([]);
}

describe('search in Chromium', () => {
  it('goes from the header box on the home page to a filtered result and opens it', async () => {
    await journey(root);
  });

  it('works the same under a base path', async () => {
    await journey(based);
  });

  it('downloads less than 150 KB for a first search, measured in the browser', async () => {
    // "desa" names most village pages: its index chunk is as large as a one-word query gets.
    const measured = await measureFirstSearch(browser, root.url, 'desa');
    expect(measured.results).toBeGreaterThan(0);
    expect(measured.transfers.some((t) => t.path.endsWith('.pf_meta')), JSON.stringify(measured.transfers)).toBe(true);
    expect(measured.bytes, JSON.stringify(measured.transfers, null, 1)).toBeLessThan(150 * 1024);
  });

  it('tells a reader without JavaScript how to browse instead', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${root.url}cari/?q=wisata`);
    expect(await page.textContent('noscript')).toContain('Pencarian memerlukan JavaScript');
    await context.close();
  });
});

describe('the demo network\'s search index', () => {
  /** Asks the built index itself, through Pagefind's own browser API. */
  async function pagefind<T>(query: (pf: PagefindApi) => Promise<T>): Promise<T> {
    const page = await browser.newPage();
    await page.goto(root.url);
    const url = `${root.url}pagefind/pagefind.js`;
    // A string, not a function: vitest rewrites import() inside test code, and this runs in the page.
    const result = (await page.evaluate(
      `(async () => { const pf = await import(${JSON.stringify(url)}); await pf.options({ basePath: ${JSON.stringify(url.replace(/pagefind\.js$/, ''))} }); return (${query.toString()})(pf); })()`,
    )) as T;
    await page.close();
    return result;
  }
  interface PagefindApi {
    options(o: object): Promise<void>;
    filters(): Promise<Record<string, Record<string, number>>>;
    search(q: string | null, o?: object): Promise<{ results: { data(): Promise<{ content: string }> }[] }>;
  }
  // Entries may sit in subfolders (a KIM's own folder of stories and places).
  const count = (folder: string) => listFiles(path.join(PROJECT_ROOT, 'content', folder)).filter((f) => /\.mdx?$/.test(f)).length;

  it('has every facet, with the values and counts of the demo network', async () => {
    const filters = await pagefind((pf) => pf.filters());
    expect(Object.keys(filters).sort()).toEqual(['desa', 'kabupaten', 'kecamatan', 'sektor', 'tahun', 'tipe']);
    const pages = count('stories') + count('places') + count('kim') + 252;
    expect(filters.tipe).toEqual({ Cerita: count('stories'), Potensi: count('places'), KIM: count('kim'), Wilayah: 252 });
    expect(Object.keys(filters.kabupaten!).sort()).toEqual(['Kabupaten Kutai Kartanegara', 'Kota Bontang']);
    expect(Object.values(filters.kabupaten!).reduce((a, b) => a + b, 0)).toBe(pages);
    // Kota Bontang has 3 kecamatan, Kutai Kartanegara 20; every one has village pages.
    expect(Object.keys(filters.kecamatan!)).toHaveLength(23);
    expect(filters.kecamatan!['Kecamatan Bontang Utara']).toBeGreaterThan(6);
    expect(Object.keys(filters.desa!)).toHaveLength(252);
    expect(filters.tahun).toEqual({ '2026': count('stories') });
    expect(Object.keys(filters.sektor!).sort()).toEqual(['Kuliner', 'Wisata']);
  });

  it('indexes page content, not the site\'s navigation or footer', async () => {
    // "Beranda" (navigation, breadcrumbs) and "generator" (footer) are on every page, only in the chrome.
    expect(await pagefind(async (pf) => (await pf.search('generator')).results.length)).toBe(0);
    // The stemmer reads "Beranda" as ber- + "anda", which the join guide says to its reader: the
    // guide is found, but no indexed text holds the navigation's word itself.
    const beranda = await pagefind(async (pf) => Promise.all((await pf.search('Beranda')).results.map(async (r) => (await r.data()).content)));
    expect(beranda.filter((text) => text.includes('Beranda'))).toEqual([]);
    // "Kode wilayah Kemendagri: 64.74…" heads every region page, as a label, not as its content.
    expect(await pagefind(async (pf) => (await pf.search('Kemendagri')).results.length)).toBe(0);
    expect(await pagefind(async (pf) => (await pf.search('Enggelam')).results.length)).toBeGreaterThan(0);
  });
});

describe('what the demo\'s search lists first', () => {
  async function listed(query: string): Promise<{ titles: string[]; types: string[] }> {
    const page = await browser.newPage();
    await page.goto(`${root.url}cari/?q=${encodeURIComponent(query)}`);
    const titles = await resultTitles(page);
    const types = await page.$$eval('#hasil li', (items) => items.map((li) => li.querySelector('.result-type')?.textContent ?? ''));
    await page.close();
    return { titles, types };
  }

  it('lists the beach area of Muara Badak above the five villages named Badak', async () => {
    const { titles, types } = await listed('badak');
    expect(titles[0]).toBe('Kawasan wisata pantai terpadu Muara Badak');
    expect(types[0]).toBe('Potensi Wisata');
    expect(titles.filter((title) => title.startsWith('Desa '))).toHaveLength(5);
  });

  it('lists the one culinary place first for "kuliner", though its text never says the word', async () => {
    const { titles, types } = await listed('kuliner');
    expect(titles[0]).toBe('Perahu wisata dan rumah makan terapung Muara Muntai Ulu');
    expect(types[0]).toBe('Potensi Kuliner');
  });
});

describe('Indonesian stemming', () => {
  const search = async (query: string) => {
    const page = await browser.newPage();
    await page.goto(`${words.url}cari/?q=${encodeURIComponent(query)}`);
    const titles = await resultTitles(page);
    await page.close();
    return titles;
  };

  it('finds "kulinernya" when searching "kuliner" (the -nya suffix is removed)', async () => {
    expect(await search('kuliner')).toContain('Cerita satu');
  });

  it('finds "berwisata" when searching "wisata" (the ber- prefix is removed)', async () => {
    expect(await search('wisata')).toContain('Cerita dua');
  });

  it('does not find "pariwisata" from "wisata": pari- is part of the word, not an affix', async () => {
    expect(await search('wisata')).not.toContain('Cerita tiga');
    expect(await search('pariwisata')).toContain('Cerita tiga');
  });

  it('folds accents: "kafe" finds "kafé"', async () => {
    expect(await search('kafe')).toContain('Cerita empat');
  });
});
