/**
 * Search on a network built in shards, in Chromium: a search narrowed to one kabupaten/kota (the
 * search box on its region pages) downloads only the index of the shard that holds it; clearing
 * the filter searches every shard.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { launchBrowser } from '../helpers/browser.ts';
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
      'festival-banjar': { data: { title: 'Festival pesisir Banjar', date: '2026-11-03', kim: 'kim-banjar', summary: 'Festival.', category: 'kegiatan' }, body: 'Festival pesisir di tepi sungai.' },
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

describe('search across shards in Chromium', () => {
  it('loads one shard for a search narrowed to a kabupaten/kota, and every shard otherwise', async () => {
    const page = await browser.newPage();
    const shardsFetched = new Set<string>();
    page.on('request', (r) => {
      const match = /\/pagefind\/([^/]+)\/pagefind\./.exec(new URL(r.url()).pathname);
      if (match) shardsFetched.add(match[1]!);
    });
    await page.goto(`${server.url}wilayah/kota-bontang/`);
    await page.fill('#cari-wilayah', 'festival');
    await page.press('#cari-wilayah', 'Enter');
    await page.waitForURL(/\/cari\/\?q=festival&kabupaten=Kota\+Bontang$/);
    const titles = async () => {
      await page.waitForFunction(() => {
        const status = document.querySelector('#status')?.textContent ?? '';
        return status !== '' && !status.startsWith('Mencari');
      });
      return page.$$eval('#hasil li h2 a', (links) => links.map((a) => a.textContent ?? ''));
    };
    // The story, and the KIM and village pages that list it: all in Bontang.
    const inBontang = await titles();
    expect(inBontang).toContain('Festival pesisir Bontang');
    expect(inBontang).not.toContain('Festival pesisir Banjar');
    expect([...shardsFetched]).toEqual(['64']);

    await page.selectOption('#saring-kabupaten', '');
    await page.waitForFunction((n) => document.querySelectorAll('#hasil li').length > n, inBontang.length);
    const everywhere = await titles();
    expect(everywhere).toEqual(expect.arrayContaining(['Festival pesisir Banjar', 'Festival pesisir Bontang']));
    expect([...shardsFetched].sort()).toEqual(['63', '64']);
    await page.close();
  });
});
