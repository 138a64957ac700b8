/**
 * The map in real Chromium, on a fixture network whose places and KIM have coordinates (the
 * demo has one estimated point; tests/browser/pages.test.ts draws it): the map library loads only when a reader scrolls to the map, the
 * markers appear, a click opens a popup whose link leads to the place page; the same under a
 * base path; and with tiles that cannot load, the markers and links still work.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { auditPage, BLANK_TILE, blankTiles, launchBrowser } from '../helpers/browser.ts';
import { BASE_NETWORK, buildSite, createFixture, removeFixture } from '../helpers/fixture.ts';

let work: string;
let fixture: string;
let browser: Browser;
let root: StaticServer;
let based: StaticServer;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'jembatan-map-'));
  fixture = createFixture({
    network: { ...BASE_NETWORK, scope: ['64.74'] },
    kim: {
      'kim-bontang-kuala': {
        data: { name: 'KIM Bontang Kuala', village: '64.74.01.1001', sectors: ['wisata'], coordinates: { lat: 0.1305, lng: 117.5012 } },
        body: 'Profil.',
      },
    },
    places: {
      'dermaga-kayu': {
        data: { name: 'Dermaga Kayu', kind: 'wisata', region: '64.74.01.1001', kim: 'kim-bontang-kuala', summary: 'Dermaga.', coordinates: { lat: 0.1321, lng: 117.5043 } },
        body: 'Isi.',
      },
      'warung-ikan': {
        data: { name: 'Warung Ikan Bakar', kind: 'kuliner', region: '64.74.01.1001', kim: 'kim-bontang-kuala', summary: 'Ikan.', coordinates: { lat: 0.128, lng: 117.498 }, hours: '10.00–22.00', priceRange: 'murah' },
        body: 'Isi.',
      },
      // Contributor text reaches the map as text, never as markup.
      'kios-kopi': {
        data: { name: 'Kios <b>Kopi</b> <img src=x onerror=alert(1)>', kind: 'kuliner', region: '64.74.02.1001', summary: 'Kopi.', coordinates: { lat: 0.11, lng: 117.49 } },
        body: 'Isi.',
      },
      'tanpa-titik': { data: { name: 'Tempat Tanpa Titik', kind: 'kerajinan', region: '64.74.02.1001', summary: 'Belum dipetakan.' }, body: 'Isi.' },
    },
  });
  const plain = await buildSite(fixture, { env: { JEMBATAN_CACHE_DIR: path.join(work, 'cache') }, outDir: path.join(work, 'root') });
  if (plain.code !== 0) throw new Error(plain.output);
  const withBase = await buildSite(fixture, { env: { JEMBATAN_CACHE_DIR: path.join(work, 'cache'), BASE_PATH: '/jembatan/' }, outDir: path.join(work, 'based') });
  if (withBase.code !== 0) throw new Error(withBase.output);
  browser = await launchBrowser();
  root = await serveStatic(plain.outDir);
  based = await serveStatic(withBase.outDir, '/jembatan/');
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([root?.close(), based?.close()]);
  if (fixture) removeFixture(fixture);
  rmSync(work, { recursive: true, force: true });
});

/** A phone-sized page whose tile requests are answered (with a blank tile) or refused. */
async function phone(tiles: 'blank' | 'refused'): Promise<{ page: Page; scripts: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 360, height: 640 } });
  const scripts: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => ['script', 'stylesheet'].includes(r.resourceType()) && scripts.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
  await page.route('https://tile.openstreetmap.org/**', (route) =>
    tiles === 'blank' ? route.fulfill({ status: 200, contentType: 'image/png', body: BLANK_TILE }) : route.abort(),
  );
  return { page, scripts, errors };
}

/**
 * Waits until the map has stopped moving. Opening a popup pans the map to show it (a quarter of
 * a second); a click while the link still moves presses on the link and releases on the map,
 * which the browser delivers to the map, so no navigation follows (seen on a loaded machine).
 */
async function mapAtRest(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const pane = document.querySelector<HTMLElement>('.leaflet-map-pane');
      const state = window as unknown as { lastPane?: string };
      const still = pane !== null && state.lastPane === pane.style.transform;
      state.lastPane = pane?.style.transform;
      return still;
    },
    undefined,
    { polling: 300 },
  );
}

async function journey(server: StaticServer, tiles: 'blank' | 'refused') {
  const { page, scripts, errors } = await phone(tiles);
  const base = new URL(server.url).pathname;
  await page.goto(`${server.url}wilayah/kota-bontang/`);

  // Before the reader scrolls there, only the small loader has come: no map library, no map.
  const upFront = scripts.length;
  expect(await page.locator('.leaflet-container').count()).toBe(0);
  expect(await page.textContent('.map-fallback')).toContain('data peta (GeoJSON)');

  await page.locator('[data-map]').scrollIntoViewIfNeeded();
  await page.locator('.map-marker').first().waitFor();
  expect(scripts.length).toBeGreaterThan(upFront);
  // Three places and the KIM have coordinates; the fourth place has none and stays off the map.
  expect(await page.locator('.map-marker-place').count()).toBe(3);
  expect(await page.locator('.map-marker-kim').count()).toBe(1);
  for (const marker of await page.locator('.map-marker').all()) await marker.hover({ force: true });
  expect(await page.locator('.leaflet-pane b, .leaflet-pane img[onerror]').count()).toBe(0);

  await page.locator('.map-marker-place').first().click();
  const link = page.locator('.leaflet-popup .map-popup-link');
  await link.waitFor();
  const name = await link.textContent();
  expect(await link.getAttribute('href')).toMatch(new RegExp(`^${base}potensi/[a-z-]+/$`));
  await mapAtRest(page);
  await link.click();
  await page.waitForURL(new RegExp(`${base}potensi/[a-z-]+/$`));
  expect(await page.textContent('h1')).toBe(name);
  await page.close();
  expect(errors).toEqual([]);
}

describe('the map in Chromium', () => {
  it('loads when the reader reaches it, shows the markers and leads to the place page', async () => {
    await journey(root, 'blank');
  });

  it('works the same under a base path', async () => {
    await journey(based, 'blank');
  });

  it('still shows its markers and links when the tiles cannot load', async () => {
    await journey(root, 'refused');
  });

  it('shows the place directory of a region with its map, kinds and areas', async () => {
    const { page, errors } = await phone('blank');
    await page.goto(`${root.url}potensi/wilayah/kota-bontang/`);
    expect(await page.textContent('h1')).toBe('Potensi di Kota Bontang');
    expect(await page.locator('.card h3').allTextContents()).toEqual(['Dermaga Kayu', 'Kios <b>Kopi</b> <img src=x onerror=alert(1)>', 'Tempat Tanpa Titik', 'Warung Ikan Bakar']);
    expect(await page.locator('.card').filter({ hasText: 'Warung Ikan Bakar' }).textContent()).toContain('10.00–22.00');
    await page.click('nav .facets a:text("Kuliner")');
    await page.waitForURL(/\/potensi\/wilayah\/kota-bontang\/jenis\/kuliner\/$/);
    expect(await page.locator('.card h3').allTextContents()).toEqual(['Kios <b>Kopi</b> <img src=x onerror=alert(1)>', 'Warung Ikan Bakar']);
    await page.locator('[data-map]').scrollIntoViewIfNeeded();
    await page.locator('.map-marker').first().waitFor();
    expect(await page.locator('.map-marker').count()).toBe(2);
    await page.close();
    expect(errors).toEqual([]);
  });

  it('passes the accessibility and security audit once the map is drawn', async () => {
    const page = await browser.newPage();
    await blankTiles(page);
    const audit = await auditPage(page, `${root.url}kim/kim-bontang-kuala/`, async (p) => {
      await p.locator('[data-map]').scrollIntoViewIfNeeded();
      await p.locator('.map-marker').first().waitFor();
    });
    // The KIM's own secretariat and its two places with coordinates.
    expect(await page.locator('.map-marker').count()).toBe(3);
    expect(audit.consoleErrors).toEqual([]);
    expect(audit.cspViolations).toEqual([]);
    expect(audit.accessibility).toEqual([]);
    await page.close();
  });
});
