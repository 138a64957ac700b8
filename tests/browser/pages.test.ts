/**
 * Every main page type of the demo network, in real Chromium, served with the site's own
 * `_headers`: no console error, no Content-Security-Policy violation, and no WCAG 2.1 AA
 * violation that axe-core can detect.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPage, launchBrowser } from '../helpers/browser.ts';
import { BASE_NETWORK, buildSite, createFixture, PROJECT_ROOT, removeFixture } from '../helpers/fixture.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

let work: string;
let demoDir: string;
let browser: Browser;
let demo: StaticServer;
let photos: StaticServer;
let photoFixture: string;

const DEMO_PAGES = {
  home: '',
  'region index': 'wilayah/',
  province: 'wilayah/kalimantan-timur/',
  regency: 'wilayah/kabupaten-kutai-kartanegara/',
  district: 'wilayah/kabupaten-kutai-kartanegara/loa-janan/',
  'village with a KIM': 'wilayah/kabupaten-kutai-kartanegara/loa-janan/batuah/',
  'village without a KIM': 'wilayah/kabupaten-kutai-kartanegara/loa-janan/bakungan/',
  KIM: 'kim/kim-batuah/',
  'KIM listing': 'kim/',
  'KIM sector listing': 'kim/sektor/wisata/',
  story: 'cerita/benua-elai-destinasi-wisata-desa-batuah/',
  'story listing': 'cerita/',
  'story category': 'cerita/kategori/potensi/',
  place: 'potensi/benua-elai/',
  'place listing': 'potensi/',
  'place kind': 'potensi/jenis/wisata/',
  guide: 'bentuk-kim/',
  'search with results': 'cari/?q=wisata',
  'not found': 'halaman-yang-tidak-ada/',
};

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'jembatan-browser-'));
  demoDir = path.join(work, 'demo');
  const built = await buildSite(path.join(PROJECT_ROOT, 'content'), { env: { JEMBATAN_CACHE_DIR: path.join(work, 'cache') }, outDir: demoDir });
  if (built.code !== 0) throw new Error(built.output);

  // A story with a cover photo and a gallery: the page type with the most images.
  // Photo-like pixels (blurred noise), so the encoders work as hard as on a real phone photo.
  const photo = (color: string) =>
    sharp({ create: { width: 3000, height: 2000, channels: 3, background: color, noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
      .blur(1.5)
      .jpeg({ quality: 90 })
      .toBuffer();
  photoFixture = createFixture({
    network: BASE_NETWORK,
    kim: { 'kim-bontang-kuala': { data: { name: 'KIM Bontang Kuala', village: '64.74.01.1001' } } },
    stories: {
      'sampul-saja': {
        data: {
          title: 'Cerita dengan foto sampul',
          date: '2026-11-21',
          kim: 'kim-bontang-kuala',
          summary: 'Satu foto sampul, seperti kebanyakan cerita.',
          category: 'berita',
          cover: { src: './sampul.jpg', alt: 'Perahu hias', credit: 'Tim KIM' },
        },
        body: 'Suasana festival di dermaga.',
      },
      'festival-foto': {
        ext: 'mdx',
        data: {
          title: 'Festival dalam foto',
          date: '2026-11-20',
          kim: 'kim-bontang-kuala',
          summary: 'Foto-foto festival.',
          category: 'kegiatan',
          cover: { src: './sampul.jpg', alt: 'Perahu hias', credit: 'Tim KIM' },
        },
        body: 'Suasana festival.\n\n<Gallery>\n\n![Penari di dermaga](./satu.jpg)\n\n![Warga menonton](./dua.jpg)\n\n</Gallery>\n',
      },
    },
    files: { 'stories/sampul.jpg': await photo('#1d4ed8'), 'stories/satu.jpg': await photo('#b45309'), 'stories/dua.jpg': await photo('#4d7c0f') },
  });
  const photoBuild = await buildSite(photoFixture);
  if (photoBuild.code !== 0) throw new Error(photoBuild.output);

  browser = await launchBrowser();
  demo = await serveStatic(demoDir);
  photos = await serveStatic(photoBuild.outDir);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  await photos?.close();
  if (photoFixture) removeFixture(photoFixture);
  rmSync(work, { recursive: true, force: true });
});

describe('in Chromium, every page type of the demo network', () => {
  for (const [type, urlPath] of Object.entries(DEMO_PAGES)) {
    it(`${type} loads cleanly and passes WCAG 2.1 AA checks`, async () => {
      const page = await browser.newPage();
      const audit = await auditPage(page, `${demo.url}${urlPath}`);
      await page.close();
      expect(audit.status).toBe(type === 'not found' ? 404 : 200);
      expect(audit.consoleErrors).toEqual([]);
      expect(audit.cspViolations).toEqual([]);
      expect(audit.accessibility).toEqual([]);
    });
  }

  it('a story with a cover and a gallery loads its optimised images cleanly', async () => {
    const page = await browser.newPage();
    const audit = await auditPage(page, `${photos.url}cerita/festival-foto/`);
    const images = await page.$$eval('article.prose img', (imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth));
    await page.close();
    expect(audit.consoleErrors).toEqual([]);
    expect(audit.cspViolations).toEqual([]);
    expect(audit.accessibility).toEqual([]);
    expect(images).toHaveLength(3);
  });
});

describe('on a phone', () => {
  it('a story page with its cover photo transfers less than 150 KB', async () => {
    // A mid-range Android phone: 412 CSS pixels wide at 2.625 device pixels per CSS pixel.
    const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 2.625, isMobile: true });
    const page = await context.newPage();
    const sizes: { url: string; bytes: number }[] = [];
    page.on('response', async (response) => {
      const body = await response.body().catch(() => Buffer.alloc(0));
      sizes.push({ url: response.url(), bytes: body.length });
    });
    await page.goto(`${photos.url}cerita/sampul-saja/`, { waitUntil: 'networkidle' });
    await context.close();
    // Bodies as served, uncompressed: a host that gzips HTML and CSS sends less.
    const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
    expect(sizes.filter((s) => /\.webp$/.test(s.url)).length, JSON.stringify(sizes)).toBeGreaterThan(0);
    expect(total, JSON.stringify(sizes, null, 1)).toBeLessThan(150 * 1024);
  });
});

describe('the browser audit', () => {
  it('catches a planted inline script, an external resource and an image without alt text', async () => {
    const planted = path.join(work, 'planted');
    cpSync(demoDir, planted, { recursive: true });
    const file = path.join(planted, 'kim/kim-batuah/index.html');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '</main>',
        '<script>document.title = "x"</script><img src="https://tracker.example.org/p.gif"><img src="/favicon.svg"></main>',
      ),
    );
    const server = await serveStatic(planted);
    const page = await browser.newPage();
    const audit = await auditPage(page, `${server.url}kim/kim-batuah/`);
    await page.close();
    await server.close();
    expect(audit.cspViolations.some((v) => v.startsWith('script-src'))).toBe(true);
    expect(audit.cspViolations.some((v) => v.startsWith('img-src') && v.includes('tracker.example.org'))).toBe(true);
    expect(audit.accessibility.some((v) => v.startsWith('image-alt'))).toBe(true);
  });
});
