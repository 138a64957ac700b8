/**
 * Every main page type of the demo network, in real Chromium, served twice: with the site's own
 * `_headers` (as Netlify or Cloudflare Pages serve it) and without them (as GitHub Pages does, where
 * each page's `<meta>` policy is all there is): no console error, no Content-Security-Policy
 * violation, and no WCAG 2.1 AA violation that axe-core can detect. Then a story with photos, and
 * the audit itself, on planted pages.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page, Response } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPagePolicies, checkSite } from '../../src/build/checks/index.ts';
import { auditPage, blankTiles, launchBrowser, resultTitles } from '../helpers/browser.ts';
import { BASE_NETWORK, buildSite, createFixture, PROJECT_ROOT, removeFixture } from '../helpers/fixture.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

let work: string;
let demoDir: string;
let browser: Browser;
let demo: StaticServer;
/** The demo as GitHub Pages serves it: no `_headers`, so no CSP header. */
let demoWithoutHeaders: StaticServer;
let photos: StaticServer;
let photoFixture: string;
let photoDist: string;

/** The two ways a network's site is served, and what protects its pages in each. */
const HOSTS = [
  { name: "with the host's _headers (Netlify, Cloudflare Pages)", headers: true },
  { name: 'as GitHub Pages serves it, with the <meta> policy only', headers: false },
] as const;
const demoServer = (headers: boolean) => (headers ? demo : demoWithoutHeaders);

const DEMO_PAGES = {
  home: '',
  'region index': 'wilayah/',
  province: 'wilayah/kalimantan-timur/',
  regency: 'wilayah/kabupaten-kutai-kartanegara/',
  district: 'wilayah/kabupaten-kutai-kartanegara/loa-janan/',
  'village with a KIM': 'wilayah/kabupaten-kutai-kartanegara/loa-janan/batuah/',
  'village without a KIM': 'wilayah/kabupaten-kutai-kartanegara/loa-janan/bakungan/',
  KIM: 'kim/kim-batuah/',
  'brand kit': 'kim/kim-batuah/merek/',
  poster: 'kim/kim-batuah/poster/',
  'KIM listing': 'kim/',
  'KIM sector listing': 'kim/sektor/wisata/',
  story: 'cerita/benua-elai-destinasi-wisata-desa-batuah/',
  'story listing': 'cerita/',
  'story category': 'cerita/kategori/potensi/',
  'regency story directory': 'cerita/wilayah/kabupaten-kutai-kartanegara/',
  'district story directory': 'cerita/wilayah/kabupaten-kutai-kartanegara/loa-janan/',
  topics: 'cerita/topik/',
  feeds: 'ikuti/',
  'press room': 'pers/',
  'open data': 'data/',
  dashboard: 'statistik/',
  'regency dashboard': 'statistik/kabupaten-kutai-kartanegara/',
  'district dashboard': 'statistik/kabupaten-kutai-kartanegara/muara-wis/',
  topic: 'cerita/topik/wisata/',
  place: 'potensi/benua-elai/',
  'place with an estimated point': 'potensi/desa-wisata-muara-enggelam/',
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
  // Photo-like pixels (blurred noise), so the encoders work as hard as on a real phone photo
  // (they encode about three times larger than tests/helpers/photos.ts's, so the phone budget
  // below is measured on the heavier kind), with the GPS position a phone writes, which the
  // published copies must not carry.
  const photo = (color: string) =>
    sharp({ create: { width: 3000, height: 2000, channels: 3, background: color, noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
      .blur(1.5)
      .jpeg({ quality: 90 })
      .withExif({ IFD0: { Make: 'Ponsel', Model: 'Kamera Uji' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '0/1 8/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '117/1 30/1 0/1' } })
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
  photoDist = photoBuild.outDir;

  browser = await launchBrowser();
  demo = await serveStatic(demoDir);
  demoWithoutHeaders = await serveStatic(demoDir, '/', { headers: false });
  photos = await serveStatic(photoBuild.outDir);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  await demoWithoutHeaders?.close();
  await photos?.close();
  if (photoFixture) removeFixture(photoFixture);
  rmSync(work, { recursive: true, force: true });
});

describe.each(HOSTS)('in Chromium, served $name, every page type of the demo network', ({ headers }) => {
  for (const [type, urlPath] of Object.entries(DEMO_PAGES)) {
    it(`${type} loads cleanly and passes WCAG 2.1 AA checks`, async () => {
      const page = await browser.newPage();
      // A listing's map in view loads its tiles; this machine has no internet to fetch them from.
      await blankTiles(page);
      // The search page writes its results after `load`: audit the page a reader sees, with them.
      let listed: string[] | undefined;
      const prepare = type === 'search with results' ? async (p: Page) => void (listed = await resultTitles(p)) : undefined;
      const audit = await auditPage(page, `${demoServer(headers).url}${urlPath}`, prepare);
      await page.close();
      expect(audit.status).toBe(type === 'not found' ? 404 : 200);
      expect(audit.consoleErrors).toEqual([]);
      expect(audit.cspViolations).toEqual([]);
      expect(audit.accessibility).toEqual([]);
      if (prepare) expect(listed?.length).toBeGreaterThan(0);
    });
  }
});

describe('sharing and republishing a story, in Chromium', () => {
  const STORY = 'cerita/benua-elai-destinasi-wisata-desa-batuah/';

  it('copies the republishing text and the page address with one button each', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(demo.url).origin });
    const page = await context.newPage();
    await page.goto(`${demo.url}${STORY}`);
    await page.click('details.republish summary');
    const copyText = page.locator('details.republish button[data-copy]');
    await expect(copyText.isVisible()).resolves.toBe(true);
    await copyText.click();
    await expect.poll(() => copyText.textContent()).toBe('Tersalin');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.locator('#naskah-cerita').inputValue());
    expect(copied).toContain('<h1>Benua Elai, destinasi wisata dari Desa Batuah</h1>');
    await page.click('.share button[data-copy]');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`https://example.org/${STORY}`);
    await context.close();
  });

  it('keeps the text selectable and the buttons hidden without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${demo.url}${STORY}`);
    await page.click('details.republish summary');
    await expect(page.locator('#naskah-cerita').isVisible()).resolves.toBe(true);
    await expect(page.locator('button[data-copy]').first().isVisible()).resolves.toBe(false);
    // Structured data is data: present and parseable without any script running.
    const graph = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!)['@graph'];
    expect(graph.map((n: { '@type': string }) => n['@type'])).toEqual(['NewsArticle', 'Organization', 'BreadcrumbList']);
    await context.close();
  });
});

describe('the layout, on a phone and on a desktop', () => {
  it('draws the demo’s map where a place has a point, and says in its popup that the point is an estimate', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await blankTiles(page);
    for (const where of ['potensi/desa-wisata-muara-enggelam/', 'wilayah/kabupaten-kutai-kartanegara/']) {
      await page.goto(`${demo.url}${where}`);
      await page.locator('[data-map]').scrollIntoViewIfNeeded();
      await page.locator('.map-marker-place').first().waitFor();
      expect(await page.locator('.map-marker-place').count(), where).toBe(1);
    }
    await page.locator('.map-marker-place').click();
    await expect.poll(() => page.locator('.leaflet-popup').textContent()).toContain('Wisata · lokasi perkiraan');
    expect(await page.locator('.leaflet-popup .map-popup-link').getAttribute('href')).toBe('/potensi/desa-wisata-muara-enggelam/');
    await page.close();
  });

  it('never scrolls sideways at 320 px, on any page type', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    const wide: string[] = [];
    for (const [type, urlPath] of Object.entries(DEMO_PAGES)) {
      await page.goto(`${demo.url}${urlPath}`, { waitUntil: 'load' });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) wide.push(`${type}: ${width} px`);
    }
    await context.close();
    expect(wide).toEqual([]);
  });

  it('leaves room between the last of a page\'s content and the footer, on every page type', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const tight: string[] = [];
    for (const [type, urlPath] of Object.entries(DEMO_PAGES)) {
      await page.goto(`${demo.url}${urlPath}`, { waitUntil: 'load' });
      const gap = await page.evaluate(() => {
        const main = document.querySelector('main')!;
        // What a reader sees: the inside of a closed <details> keeps stale boxes that are not drawn.
        const last = Math.max(...[...main.querySelectorAll('*')].filter((el) => el.checkVisibility()).map((el) => el.getBoundingClientRect().bottom));
        return document.querySelector('.site-footer')!.getBoundingClientRect().top - last;
      });
      if (gap < 24) tight.push(`${type}: ${Math.round(gap)} px`);
    }
    await context.close();
    expect(tight).toEqual([]);
  });

  it('prints a story and a place for the notice board: the text and its source, without navigation, search or map', async () => {
    // A4 is 210 mm wide; less 15 mm margins each side, 180 mm: 680 CSS pixels.
    const page = await browser.newPage({ viewport: { width: 680, height: 960 } });
    await page.emulateMedia({ media: 'print' });
    for (const urlPath of [DEMO_PAGES.story, DEMO_PAGES.place]) {
      await page.goto(`${demo.url}${urlPath}`);
      for (const hidden of ['.site-header', '.breadcrumbs']) expect(await page.locator(hidden).isVisible(), `${urlPath} ${hidden}`).toBe(false);
      expect(await page.locator('h1').isVisible()).toBe(true);
      expect(await page.locator('.site-footer').isVisible()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${urlPath} fits the sheet`).toBeLessThanOrEqual(680);
      // The QR code back to the page ends the sheet, with the page's address in text.
      const qr = page.locator('.print-source svg.qr');
      expect(await qr.isVisible(), `${urlPath} QR code`).toBe(true);
      const box = (await qr.boundingBox())!;
      expect(box.width, `${urlPath} QR code size`).toBeGreaterThanOrEqual(100);
      expect(await page.locator('.print-source .print-url').textContent()).toBe(new URL(urlPath, 'https://example.org/').href);
    }
    expect(await page.locator('.license').isVisible()).toBe(false); // The place page has no licence box.
    await page.goto(`${demo.url}${DEMO_PAGES.story}`);
    expect(await page.locator('.license').isVisible()).toBe(true);
    expect(await page.locator('svg.art').count()).toBeGreaterThan(0);
    expect(await page.locator('svg.art').evaluateAll((arts) => arts.filter((a) => a.getBoundingClientRect().height > 0).length)).toBe(0);
    // On screen the page is already open: no QR code.
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('.print-source').count()).toBe(1);
    expect(await page.locator('.print-source').isVisible()).toBe(false);
    await page.close();
  });

  it('prints a KIM\'s poster on one A4 sheet, in its colours, with its QR code', async () => {
    const page = await browser.newPage();
    await page.goto(`${demo.url}${DEMO_PAGES.poster}`);
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.site-header', '.breadcrumbs', '.site-footer', '.poster-howto']) expect(await page.locator(hidden).isVisible(), hidden).toBe(false);
    expect(await page.locator('.poster svg.qr').isVisible()).toBe(true);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    // One page object in the PDF: the poster fills one sheet and spills onto no second.
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
    await page.close();
  });

  it('keeps the phone header to two short rows: the name and menu, then the search', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    for (const urlPath of [DEMO_PAGES.KIM, DEMO_PAGES.story, DEMO_PAGES.home]) {
      await page.goto(`${demo.url}${urlPath}`);
      const header = (await page.locator('.site-header').boundingBox())!;
      expect(header.height, urlPath).toBeLessThanOrEqual(120);
    }
    await context.close();
  });

  it('opens the phone menu without JavaScript, and its links lead to their pages', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${demo.url}${DEMO_PAGES.KIM}`);
    const menu = page.locator('.menu nav a', { hasText: 'Potensi' });
    expect(await menu.isVisible()).toBe(false);
    expect(await page.locator('.site-nav').isVisible()).toBe(false);
    await page.locator('.menu summary').click();
    expect(await menu.isVisible()).toBe(true);
    // Every link of the menu is a comfortable tap target.
    for (const box of await page.locator('.menu nav a').evaluateAll((links) => links.map((a) => a.getBoundingClientRect().height))) expect(box).toBeGreaterThanOrEqual(44);
    await menu.click();
    await page.waitForURL(/\/potensi\/$/);
    await context.close();
  });

  it('puts the name, the links and the search in one row on a desktop', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${demo.url}${DEMO_PAGES.KIM}`);
    const header = (await page.locator('.site-header').boundingBox())!;
    expect(header.height).toBeLessThanOrEqual(80);
    expect(await page.locator('.menu').isVisible()).toBe(false);
    const tops = await Promise.all(['.brand', '.site-nav', '.header-search'].map(async (selector) => (await page.locator(selector).boundingBox())!));
    for (const box of tops) expect(box.y + box.height).toBeLessThanOrEqual(header.height);
    await context.close();
  });
});

describe('in Chromium, a story with photos', () => {
  it('a story with a cover and a gallery loads its optimised images cleanly', async () => {
    const page = await browser.newPage();
    const responses = new Map<string, Response>();
    page.on('response', (response) => void responses.set(response.url(), response));
    const audit = await auditPage(page, `${photos.url}cerita/festival-foto/`);
    const images = await page.$$eval('article.prose img', (imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth));
    // The images are lazy: bring each into view, then wait until the browser has finished with it.
    const loaded: { alt: string; complete: boolean; naturalWidth: number; currentSrc: string; srcset: string[]; bytes: string; type: string }[] = [];
    const locators = page.locator('article.prose img');
    for (let i = 0; i < (await locators.count()); i++) {
      const image = locators.nth(i);
      await image.scrollIntoViewIfNeeded();
      await page.waitForFunction((img) => (img as HTMLImageElement).complete, await image.elementHandle(), { timeout: 15_000 });
      const seen = await image.evaluate((img: HTMLImageElement) => ({
        alt: img.alt,
        complete: img.complete,
        naturalWidth: img.naturalWidth,
        currentSrc: img.currentSrc,
        srcset: (img.getAttribute('srcset') ?? '').split(',').map((c) => c.trim().split(/\s+/)[0]!).filter(Boolean).map((u) => new URL(u, document.baseURI).href),
      }));
      // What was actually received for the image shown: the bytes must be a WebP file.
      const response = responses.get(seen.currentSrc);
      const body = response ? await response.body() : Buffer.alloc(0);
      loaded.push({ ...seen, bytes: body.subarray(0, 4).toString('latin1') + body.subarray(8, 12).toString('latin1'), type: response?.headers()['content-type'] ?? '' });
    }
    await page.close();
    expect(audit.consoleErrors).toEqual([]);
    expect(audit.cspViolations).toEqual([]);
    expect(audit.accessibility).toEqual([]);
    expect(images).toHaveLength(3);
    expect(loaded).toHaveLength(3);
    for (const image of loaded) {
      const why = JSON.stringify(image);
      expect(image.complete && image.naturalWidth > 0, why).toBe(true);
      expect(image.currentSrc, why).toMatch(/\.webp$/);
      expect(image.type, why).toBe('image/webp');
      expect(image.bytes, why).toBe('RIFFWEBP');
      // Several widths to choose from, every one WebP, the one shown among them.
      expect(image.srcset.length, why).toBeGreaterThan(1);
      for (const candidate of image.srcset) expect(candidate, why).toMatch(/\.webp$/);
      expect(image.srcset, why).toContain(image.currentSrc);
    }
  });

  it('shows a 3:2 photo on a card in the shape of the designed visual, filled, so cards in a row line up', async () => {
    for (const width of [390, 1366]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${photos.url}cerita/`);
      const photo = page.locator('.card img').first();
      await photo.scrollIntoViewIfNeeded();
      await page.waitForFunction((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0, await photo.elementHandle());
      const box = await photo.evaluate((img: HTMLImageElement) => {
        const { width: w, height: h } = img.getBoundingClientRect();
        const card = img.closest('.card')!.getBoundingClientRect();
        return { ratio: w / h, fit: getComputedStyle(img).objectFit, share: w / card.width, natural: img.naturalWidth / img.naturalHeight };
      });
      await page.close();
      expect(box.natural, String(width)).toBeCloseTo(1.5, 1);
      expect(box.ratio, String(width)).toBeCloseTo(1200 / 630, 1);
      expect(box.fit).toBe('cover');
      expect(box.share).toBeGreaterThan(0.85);
    }
  });

  it('passes every site check: metadata by content, page weight, CSP, links', async () => {
    // The sources carry a GPS position: the metadata check has something to find if it leaks.
    for (const source of ['sampul', 'satu', 'dua']) expect((await sharp(path.join(photoFixture, `stories/${source}.jpg`)).metadata()).exif, source).toBeDefined();
    const report = await checkSite(photoDist);
    expect(report.problems).toEqual([]);
  });
});

describe('on a phone', () => {
  it('a story page with its cover photo transfers less than 150 KB', async () => {
    // A mid-range Android phone: 412 CSS pixels wide at 2.625 device pixels per CSS pixel.
    const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 2.625, isMobile: true });
    const page = await context.newPage();
    // Every response's body, read before the context closes; one that cannot be read fails the
    // test rather than counting as 0 bytes.
    const bodies: Promise<{ url: string; bytes: number } | { url: string; error: string }>[] = [];
    page.on('response', (response) => {
      bodies.push(
        response.body().then(
          (body) => ({ url: response.url(), bytes: body.length }),
          (error: Error) => ({ url: response.url(), error: error.message }),
        ),
      );
    });
    await page.goto(`${photos.url}cerita/sampul-saja/`, { waitUntil: 'networkidle' });
    const read = await Promise.all(bodies);
    await context.close();
    const unread = read.filter((r) => 'error' in r);
    expect(unread).toEqual([]);
    const sizes = read.filter((r): r is { url: string; bytes: number } => 'bytes' in r);
    // Bodies as served, uncompressed: a host that gzips HTML and CSS sends less.
    const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
    expect(sizes.filter((s) => /\.webp$/.test(s.url)).length, JSON.stringify(sizes)).toBeGreaterThan(0);
    expect(total, JSON.stringify(sizes, null, 1)).toBeLessThan(150 * 1024);
  });
});

/** The pages that lead a reader onwards: a place's, a kecamatan's, a village's without a KIM, a region's stories. */
const LEADING_PAGES = {
  'place without coordinates or contacts': 'potensi/benua-elai/',
  'place no KIM keeps': 'potensi/kawasan-wisata-pantai-muara-badak/',
  kecamatan: 'wilayah/kabupaten-kutai-kartanegara/loa-janan/',
  'village without a KIM': 'wilayah/kabupaten-kutai-kartanegara/loa-janan/bakungan/',
  'regency story directory': 'cerita/wilayah/kabupaten-kutai-kartanegara/',
};

describe('on the narrowest phone screen, 320 px wide', () => {
  for (const [type, urlPath] of Object.entries(LEADING_PAGES)) {
    it(`the ${type} page fits without scrolling sideways and passes WCAG 2.1 AA checks`, async () => {
      const context = await browser.newContext({ viewport: { width: 320, height: 640 }, isMobile: true });
      const page = await context.newPage();
      const audit = await auditPage(page, `${demo.url}${urlPath}`);
      // Wider than the viewport means the reader has to pan sideways to read a line.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      // Shapes inside an SVG are clipped by its viewport (art.ts draws some partly off its canvas): the SVG itself is measured.
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((el) => !(el instanceof SVGElement && el.ownerSVGElement))
          .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
          .map((el) => el.outerHTML.slice(0, 80)),
      );
      await context.close();
      expect(audit.status).toBe(200);
      expect(overflow, wide.join('\n')).toBe(0);
      expect(wide).toEqual([]);
      expect(audit.accessibility).toEqual([]);
      expect(audit.cspViolations).toEqual([]);
    });
  }
});

describe('the browser audit', () => {
  /** A copy of the demo with `change` applied to the KIM page's HTML, served with or without `_headers`. */
  async function auditPlanted(name: string, headers: boolean, change: (html: string) => string) {
    const planted = path.join(work, name);
    cpSync(demoDir, planted, { recursive: true });
    const file = path.join(planted, 'kim/kim-batuah/index.html');
    writeFileSync(file, change(readFileSync(file, 'utf8')));
    const server = await serveStatic(planted, '/', { headers });
    const page = await browser.newPage();
    // How each request ended: received, or refused and why ("csp" when the policy refused it).
    const requested: { url: string; outcome: string }[] = [];
    page.on('requestfinished', (request) => void requested.push({ url: request.url(), outcome: 'received' }));
    page.on('requestfailed', (request) => void requested.push({ url: request.url(), outcome: request.failure()?.errorText ?? 'failed' }));
    const audit = await auditPage(page, `${server.url}kim/kim-batuah/`);
    const title = await page.title();
    await page.close();
    await server.close();
    return { audit, title, requested, planted };
  }
  const plantScript = (html: string) => html.replace('</main>', '<script>document.title = "x"</script></main>');

  it.each(HOSTS)('catches a planted inline script, an external resource and an image without alt text, served $name', async ({ headers }) => {
    const { audit, title, requested } = await auditPlanted(`planted-${headers ? 'headers' : 'meta'}`, headers, (html) =>
      html.replace('</main>', '<script>document.title = "x"</script><img src="https://tracker.example.org/p.gif"><img src="/favicon.svg"></main>'),
    );
    expect(audit.cspViolations.some((v) => v.startsWith('script-src'))).toBe(true);
    expect(audit.cspViolations.some((v) => v.startsWith('img-src') && v.includes('tracker.example.org'))).toBe(true);
    expect(audit.accessibility.some((v) => v.startsWith('image-alt'))).toBe(true);
    // Blocked, not only reported: the planted script never ran, the browser refused the tracker.
    expect(title).not.toBe('x');
    expect(requested.filter((r) => r.url.includes('tracker.example.org'))).toEqual([{ url: 'https://tracker.example.org/p.gif', outcome: 'csp' }]);
  });

  it('catches a page without its <meta> policy only through the site check: in the browser, the serving mode decides', async () => {
    // The same page, its <meta> policy removed, with a planted inline script. With the host's
    // headers the header policy still blocks the script, so the audit passes the page for the
    // wrong reason; served as GitHub Pages serves it, nothing blocks the script, it runs, and the
    // browser reports no violation at all: a missing <meta> policy is invisible to the browser
    // audit. Only `npm run check:site` (checkPagePolicies) catches it, by reading the page.
    const removeMeta = (html: string) => {
      const without = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
      expect(without).not.toBe(html);
      return plantScript(without);
    };
    const withHeaders = await auditPlanted('no-meta-headers', true, removeMeta);
    expect(withHeaders.audit.cspViolations.some((v) => v.startsWith('script-src'))).toBe(true);
    expect(withHeaders.title).not.toBe('x');

    const asGitHubPages = await auditPlanted('no-meta-github', false, removeMeta);
    expect(asGitHubPages.audit.cspViolations).toEqual([]);
    expect(asGitHubPages.title).toBe('x');

    expect(checkPagePolicies(demoDir)).toEqual([]);
    const problems = checkPagePolicies(asGitHubPages.planted);
    expect(problems.map((p) => [p.file, p.check])).toEqual([['kim/kim-batuah/index.html', 'csp']]);
  });
});
