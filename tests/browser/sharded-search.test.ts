/**
 * Search on a network built in shards, in Chromium: a search narrowed to one kabupaten/kota (the
 * search box on its region pages) downloads only the index of the shard that holds it; a search
 * over the whole network asks the router, loads only the best shard holding the words, and the
 * next one when the reader asks.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { allResultTitles, launchBrowser, listedFacets, resultTitles } from '../helpers/browser.ts';
import { BASE_NETWORK, cleanEnv, createFixture, PROJECT_ROOT, removeFixture } from '../helpers/fixture.ts';

let work: string;
let fixture: string;
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'jembatan-sharded-search-'));
  fixture = createFixture({
    network: { ...BASE_NETWORK, scope: ['64.74', '63.03'] },
    kim: {
      'kim-bontang-kuala': { data: { name: 'KIM Bontang Kuala', village: '64.74.01.1001', sectors: ['kuliner'] }, body: 'Profil.' },
      'kim-banjar': { data: { name: 'KIM Banjar', village: '63.03.01.2001', sectors: ['wisata'] }, body: 'Profil.' },
    },
    stories: {
      'festival-bontang': { data: { title: 'Festival pesisir Bontang', date: '2026-11-02', kim: 'kim-bontang-kuala', summary: 'Festival.', category: 'kegiatan' }, body: 'Festival pesisir di kampung atas laut.' },
      'festival-banjar': { data: { title: 'Festival pesisir Banjar', date: '2026-11-03', kim: 'kim-banjar', summary: 'Festival.', category: 'kegiatan' }, body: 'Festival pesisir di tepi sungai. Pemerintah desa membuka lomba jukung.' },
      // Banjar has more pages about festivals than Bontang: the router should send a search there first.
      'festival-banjar-2': { data: { title: 'Festival sungai Banjar', date: '2026-11-04', kim: 'kim-banjar', summary: 'Festival.', category: 'kegiatan' }, body: 'Festival perahu.' },
      'festival-banjar-3': { data: { title: 'Festival kuliner Banjar', date: '2026-11-05', kim: 'kim-banjar', summary: 'Festival.', category: 'kegiatan' }, body: 'Festival makanan.' },
    },
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/build-sharded.ts', '--out', path.join(work, 'dist'), '--work', path.join(work, 'shards')], {
      cwd: PROJECT_ROOT,
      env: { ...cleanEnv(), JEMBATAN_CONTENT_DIR: fixture, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`sharded build failed (${code})`);
  browser = await launchBrowser();
  server = await serveStatic(path.join(work, 'dist'));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (fixture) removeFixture(fixture);
  rmSync(work, { recursive: true, force: true });
});

/** Collects the shard indexes a page downloads (`/pagefind/<shard>/...`), the router apart. */
function watchShards(page: Page): Set<string> {
  const fetched = new Set<string>();
  page.on('request', (r) => {
    const match = /\/pagefind\/([^/]+)\/(?:pagefind\.|index\/|filter\/)/.exec(new URL(r.url()).pathname);
    if (match) fetched.add(match[1]!);
  });
  return fetched;
}

describe('search across shards in Chromium', () => {
  it('loads one shard for a search narrowed to a kabupaten/kota', async () => {
    const page = await browser.newPage();
    const shardsFetched = watchShards(page);
    await page.goto(`${server.url}wilayah/kota-bontang/`);
    await page.fill('#cari-wilayah', 'festival');
    await page.press('#cari-wilayah', 'Enter');
    await page.waitForURL(/\/cari\/\?q=festival&kabupaten=Kota\+Bontang$/);
    // The story, and the KIM and village pages that list it: all in Bontang.
    const inBontang = await resultTitles(page);
    expect(inBontang).toContain('Festival pesisir Bontang');
    expect(inBontang).not.toContain('Festival pesisir Banjar');
    // Every result listed comes from Bontang, read from each result's own page, not only its title.
    const listed = await allResultTitles(page);
    const regions = await listedFacets(page, 'kabupaten');
    expect(regions).toHaveLength(listed.length);
    for (const result of regions) expect(result.values, result.url).toEqual(['Kota Bontang']);
    expect([...shardsFetched]).toEqual(['64']);
    await page.close();
  });

  it('searches the whole network through the router: the best shard first, the next on request', async () => {
    const page = await browser.newPage();
    const shardsFetched = watchShards(page);
    const wasm: string[] = [];
    page.on('request', (r) => {
      if (/\/wasm\.[a-z]+\.pagefind$/.test(r.url())) wasm.push(new URL(r.url()).pathname);
    });
    await page.goto(`${server.url}cari/?q=festival`);
    const first = await resultTitles(page);
    // Both shards hold "festival": the router loads only the one with more pages holding it
    // (Banjar's, though its vocabulary is the larger), and says there is another.
    expect([...shardsFetched].sort()).toEqual(['63', 'rute']);
    expect(first).toEqual(expect.arrayContaining(['Festival pesisir Banjar', 'Festival sungai Banjar', 'Festival kuliner Banjar']));
    expect(first).not.toContain('Festival pesisir Bontang');
    expect(await page.textContent('#status')).toMatch(/di Kalimantan Selatan\. Ada 1 bagian wilayah lain yang belum dicari\.$/);
    const other = 'Kalimantan Timur';
    const more = page.locator('#lebih');
    await expect.poll(() => more.textContent()).toBe(`Cari juga di ${other}`);

    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('#hasil li').length > n, first.length);
    const both = await resultTitles(page);
    // What was listed stays first; the other shard's results follow.
    expect(both.slice(0, first.length)).toEqual(first);
    expect(both).toEqual(expect.arrayContaining(['Festival pesisir Banjar', 'Festival pesisir Bontang']));
    expect([...shardsFetched].sort()).toEqual(['63', '64', 'rute']);
    expect(await page.isHidden('#lebih')).toBe(true);
    // The shards are merged into the router's copy of Pagefind: one WebAssembly download.
    expect(wasm).toEqual(['/pagefind/rute/wasm.id.pagefind']);
    await page.close();
  });

  it('finds the join guide, which only the network shard indexes, and names no area for it', async () => {
    const page = await browser.newPage();
    const shardsFetched = watchShards(page);
    await page.goto(`${server.url}cari/?q=${encodeURIComponent('membentuk kim bergabung')}`);
    const first = await resultTitles(page);
    expect(first[0]).toBe('Cara membentuk KIM dan bergabung dengan jaringan');
    expect(shardsFetched.has('jaringan')).toBe(true);
    // Every shard renders the guide's page; it is listed once however many areas are searched.
    const all = await allResultTitles(page);
    expect(all.filter((title) => title === first[0])).toHaveLength(1);
    expect(await page.textContent('#status')).not.toMatch(/jaringan/);
    await page.close();
  });

  it('never loads a shard that lacks the words, and matches them as the shards stem them', async () => {
    const page = await browser.newPage();
    const shardsFetched = watchShards(page);
    // "pemerintahan" is stemmed like the story's "Pemerintah": of the areas, only Banjar's shard
    // holds it. The join guide speaks of the village government too, so its index comes along.
    await page.goto(`${server.url}cari/?q=pemerintahan`);
    const titles = await resultTitles(page);
    expect(titles).toContain('Festival pesisir Banjar');
    expect([...shardsFetched].sort()).toEqual(['63', 'jaringan', 'rute']);
    expect(await page.isHidden('#lebih')).toBe(true);

    // An exact phrase: the router holds words, not phrases, so it is asked for the words.
    await page.goto(`${server.url}cari/?q=${encodeURIComponent('"lomba jukung"')}`);
    expect(await resultTitles(page)).toContain('Festival pesisir Banjar');

    await page.goto(`${server.url}cari/?q=xylofonkosong`);
    await resultTitles(page);
    expect(await page.textContent('#status')).toMatch(/^Tidak ada hasil untuk “xylofonkosong”/);
    await page.close();
  });
});
