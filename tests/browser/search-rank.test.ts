/**
 * What a search lists first, and how, in real Chromium on a fixture network built from scratch:
 * a place above the village it is named after, the places of a kind above pages that only
 * mention the kind, a type label (and a thumbnail where the entry has a picture) on every
 * result, excerpts from each page's own text rather than its labels, codes and contact boxes,
 * the join guide in the index, and a results page whose first result a phone shows without
 * scrolling and whose filter labels stay beside their menus on a desktop.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { launchBrowser, resultTitles } from '../helpers/browser.ts';
import { BASE_NETWORK, buildSite, createFixture, removeFixture } from '../helpers/fixture.ts';
import { photo } from '../helpers/photos.ts';

let browser: Browser;
let site: StaticServer;
let fixture: string;

// Kelurahan Satimpo and Tanjung Laut are real Bontang villages; the entries are invented.
const SATIMPO = '64.74.02.1004';
const TANJUNG_LAUT = '64.74.02.1001';

beforeAll(async () => {
  fixture = createFixture({
    network: BASE_NETWORK,
    kim: {
      // No contacts and active: its page shows the "Status Aktif" and "belum mencantumkan kontak" boxes.
      'kim-pesisir': { data: { name: 'KIM Pesisir', village: TANJUNG_LAUT, sectors: ['kuliner', 'wisata'] }, body: 'Komunitas warga pesisir yang menulis kabar kampung.' },
    },
    places: {
      // Named after its village: a search for "Satimpo" is a search for the beach.
      'pantai-satimpo': {
        data: {
          name: 'Pantai Satimpo',
          kind: 'wisata',
          region: SATIMPO,
          kim: 'kim-pesisir',
          summary: 'Pantai berpasir putih dengan perahu nelayan.',
          photos: [{ src: './pantai.jpg', alt: 'Pasir putih dan perahu nelayan', credit: 'Tim KIM Pesisir' }],
        },
        body: 'Pengunjung datang sore hari untuk melihat perahu pulang.',
      },
      // The only culinary place.
      'warung-ikan': {
        data: { name: 'Warung Ikan Bakar Bu Sri', kind: 'kuliner', region: TANJUNG_LAUT, kim: 'kim-pesisir', summary: 'Ikan bakar dengan sambal terasi.' },
        body: 'Buka setiap hari di tepi jalan pesisir.',
      },
      // Another kind whose text mentions "kuliner": it must come after the culinary place.
      'tambak-udang': {
        data: { name: 'Tambak Udang Berbas', kind: 'pertanian', region: '64.74.02.1003', summary: 'Tambak warga yang memasok udang untuk kuliner kota.' },
        body: 'Udang dipanen setiap tiga bulan untuk kuliner dan pasar.',
      },
    },
    stories: {
      // Says "kuliner" four times, and still lists after the place whose kind it is.
      'festival-kuliner': {
        data: { title: 'Festival kuliner pesisir', date: '2026-11-20', kim: 'kim-pesisir', summary: 'Festival kuliner warga.', category: 'kegiatan' },
        body: 'Festival kuliner digelar di Tanjung Laut. Pedagang kuliner datang dari seluruh kota untuk acara kuliner ini.',
      },
    },
    files: { 'places/pantai.jpg': await photo({ width: 800, height: 600, seed: 7 }) },
  });
  const built = await buildSite(fixture);
  if (built.code !== 0) throw new Error(built.output);
  browser = await launchBrowser();
  site = await serveStatic(built.outDir);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (fixture) removeFixture(fixture);
});

interface Listed {
  title: string;
  url: string;
  type: string;
  excerpt: string;
}

/** Opens the search page for `query` at a viewport size and reads every result it lists. */
async function search(query: string, viewport = { width: 1366, height: 900 }): Promise<{ page: Page; results: Listed[] }> {
  const page = await browser.newPage({ viewport });
  await page.goto(`${site.url}cari/?q=${encodeURIComponent(query)}`);
  await resultTitles(page);
  const results = await page.$$eval('#hasil li', (items) =>
    items.map((li) => ({
      title: li.querySelector('h2 a')?.textContent ?? '',
      url: new URL((li.querySelector('h2 a') as HTMLAnchorElement).href).pathname,
      type: li.querySelector('.result-type')?.textContent ?? '',
      excerpt: li.querySelector('.result-excerpt')?.textContent ?? '',
    })),
  );
  return { page, results };
}

async function listed(query: string): Promise<Listed[]> {
  const { page, results } = await search(query);
  await page.close();
  return results;
}

describe('what a search lists first', () => {
  it('lists the place named after a village above the village', async () => {
    const results = await listed('satimpo');
    const titles = results.map((r) => r.title);
    expect(titles).toContain('Kelurahan Satimpo');
    expect(titles[0]).toBe('Pantai Satimpo');
    expect(titles.indexOf('Pantai Satimpo')).toBeLessThan(titles.indexOf('Kelurahan Satimpo'));
  });

  it('lists the places of a kind first for the kind\'s word, above a story that repeats it', async () => {
    const titles = (await listed('kuliner')).map((r) => r.title);
    expect(titles[0]).toBe('Warung Ikan Bakar Bu Sri');
    expect(titles).toContain('Festival kuliner pesisir');
    expect(titles).toContain('Tambak Udang Berbas');
  });

  it('labels every result with what it is', async () => {
    const results = await listed('satimpo');
    for (const result of results) expect(result.type, result.url).not.toBe('');
    expect(results.find((r) => r.title === 'Pantai Satimpo')?.type).toBe('Potensi Wisata');
    expect(results.find((r) => r.title === 'Kelurahan Satimpo')?.type).toBe('Kelurahan');
    expect((await listed('pesisir')).find((r) => r.title === 'KIM Pesisir')?.type).toBe('KIM');
    expect((await listed('festival')).find((r) => r.title === 'Festival kuliner pesisir')?.type).toBe('Cerita');
  });

  it('finds the join guide, labelled as a guide', async () => {
    const guide = (await listed('bergabung')).find((r) => r.url === '/bentuk-kim/');
    expect(guide?.type).toBe('Panduan');
  });

  it('quotes each page\'s own text, never its labels, codes or contact boxes', async () => {
    const chrome = ['Kode wilayah', '64.74', 'Status', 'Aktif', 'Kontak', 'belum mencantumkan', 'Dikelola oleh', 'Bagian dari', 'Jenis', 'Foto:'];
    for (const query of ['satimpo', 'kuliner', 'pesisir', 'tanjung', 'laut', 'udang', 'bergabung']) {
      const results = await listed(query);
      expect(results.length, query).toBeGreaterThan(0);
      for (const result of results) {
        for (const text of chrome) expect(result.excerpt, `${query}: ${result.url}`).not.toContain(text);
      }
    }
  });

  it('shows the entry\'s picture small, sized before it loads, lazily, with its description', async () => {
    const { page } = await search('satimpo');
    const thumbnail = page.locator('#hasil li', { hasText: 'Pantai Satimpo' }).locator('img');
    expect(await thumbnail.getAttribute('alt')).toBe('Pasir putih dan perahu nelayan');
    expect(await thumbnail.getAttribute('loading')).toBe('lazy');
    expect(await thumbnail.getAttribute('width')).toBe('64');
    expect(await thumbnail.getAttribute('height')).toBe('64');
    expect(await thumbnail.getAttribute('src')).toMatch(/^\/_astro\/.+\.webp$/);
    await thumbnail.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('#hasil li img');
      return img?.complete && img.naturalWidth > 0;
    });
    // A village has no picture: its result is text alone.
    expect(await page.locator('#hasil li', { hasText: 'Kelurahan Satimpo' }).locator('img').count()).toBe(0);
    await page.close();
  });
});

describe('the results page on a phone and on a desktop', () => {
  it('shows the first result without scrolling on a 390 × 844 phone, with the filters folded', async () => {
    const { page } = await search('satimpo', { width: 390, height: 844 });
    const first = await page.locator('#hasil li').first().boundingBox();
    expect(first).not.toBeNull();
    // Its title at least: the top of the result and its heading line are inside the first screen.
    const heading = await page.locator('#hasil li h2').first().boundingBox();
    expect(first!.y).toBeLessThan(844);
    expect(heading!.y + heading!.height).toBeLessThan(844);
    expect(await page.locator('#saringan').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    // Folded, not gone: the summary opens them.
    await page.click('#saringan summary');
    expect(await page.isVisible('#saring-tipe')).toBe(true);
    await page.close();
  });

  it('opens the filters on a 1366-pixel desktop, each label on the same row as its menu', async () => {
    const { page } = await search('satimpo', { width: 1366, height: 900 });
    expect(await page.isVisible('#saring-kabupaten')).toBe(true);
    const rows = await page.$$eval('#saringan .filter', (fields) =>
      fields.map((field) => {
        const label = field.querySelector('label')!.getBoundingClientRect();
        const select = field.querySelector('select')!.getBoundingClientRect();
        return { label: field.querySelector('label')!.textContent, labelMiddle: label.top + label.height / 2, selectTop: select.top, selectBottom: select.bottom, labelRight: label.right, selectLeft: select.left };
      }),
    );
    // Every facet menu and the order menu.
    expect(rows.length).toBe(7);
    for (const row of rows) {
      expect(row.labelMiddle, row.label ?? '').toBeGreaterThan(row.selectTop);
      expect(row.labelMiddle, row.label ?? '').toBeLessThan(row.selectBottom);
      expect(row.labelRight, row.label ?? '').toBeLessThanOrEqual(row.selectLeft);
    }
    await page.close();
  });
});
