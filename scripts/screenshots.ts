/**
 * Screenshots of a built site as readers meet it, for the README and for reviewing a change:
 * the home page, a village with a KIM and one without, a KIM, a place, a story and a search, each
 * on a phone (390 × 844) and a desktop (1366 × 768), in Debian's Chromium.
 *
 *     npm run screenshots [-- dist] [--out .github/screenshots] [--full]
 *
 * The pages are found in the site itself, never listed by hand: the first KIM in the KIM listing
 * and its village, a village of the same kecamatan without a KIM, the first place and story with
 * a photo (or without, when none has one), and a search for the first place's kind.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import sharp from 'sharp';
import { launchChromium } from './lib/chromium.ts';
import { readArguments } from './lib/cli.ts';
import { serveStatic } from './lib/static-server.ts';

const USAGE = `Cara pakai: npm run screenshots [-- <folder-build>] [--out .github/screenshots] [--full]

Memotret halaman situs yang sudah dibangun (beranda, desa dengan dan tanpa KIM, KIM, potensi,
cerita, pencarian) di lebar ponsel 390 px dan desktop 1366 px dengan Chromium. --full memotret
seluruh halaman, bukan hanya layar pertama.`;

const { values, positionals } = readArguments(USAGE, { out: { type: 'string', default: '.github/screenshots' }, full: { type: 'boolean', default: false } });
const dist = path.resolve(positionals[0] ?? 'dist');
if (!existsSync(path.join(dist, 'index.html'))) {
  console.error(`${dist} bukan folder hasil build (tidak ada index.html): jalankan "npm run build" dulu.`);
  process.exit(2);
}
const outDir = path.resolve(values.out!);
mkdirSync(outDir, { recursive: true });

const load = (urlPath: string) => cheerio.load(readFileSync(path.join(dist, ...urlPath.split('/').filter(Boolean), 'index.html'), 'utf8'));
/** The site's own links on a page, in page order, under a prefix. */
const linksOn = (urlPath: string, prefix: string) =>
  load(urlPath)(`main a[href^="${prefix}"]`)
    .map((_, a) => a.attribs.href!)
    .get()
    .filter((href) => href !== prefix);

/** An entry page of a folder, preferring one whose page shows a photo. */
function entryWithPhoto(folder: string): string {
  const ids = readdirSync(path.join(dist, folder), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dist, folder, d.name, 'index.html')))
    .map((d) => `/${folder}/${d.name}/`);
  return ids.find((id) => load(id)('main figure img, main picture img').length > 0) ?? ids[0]!;
}

const kims = linksOn('/kim/', '/kim/').filter((href) => /^\/kim\/[^/]+\/$/.test(href));
const kim = kims[0]!;
/** A KIM's village: the last region its page links to. */
const villageOf = (kimPage: string) => linksOn(kimPage, '/wilayah/').at(-1)!;
const village = villageOf(kim);
const withKim = new Set(kims.map(villageOf));
// A village without a KIM, in the kecamatan of a KIM when there is one (its page then shows the nearest KIM).
const villages = readdirSync(path.join(dist, 'wilayah'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.split(path.sep).length === 4 && file.endsWith('index.html'))
  .map((file) => `/wilayah/${path.dirname(file).split(path.sep).join('/')}/`)
  .filter((href) => !withKim.has(href))
  .sort();
const kecamatanOf = (href: string) => href.replace(/[^/]+\/$/, '');
const kimKecamatan = new Set([...withKim].map(kecamatanOf));
const withoutKim = villages.find((href) => kimKecamatan.has(kecamatanOf(href))) ?? villages[0] ?? village;
const place = entryWithPhoto('potensi');
const story = entryWithPhoto('cerita');
const kind = load(place)('main a[href*="/jenis/"]').first().text().trim() || 'wisata';
const pages: [name: string, urlPath: string][] = [
  ['beranda', '/'],
  ['desa-dengan-kim', village],
  ['desa-tanpa-kim', withoutKim],
  ['kim', kim],
  ['potensi', place],
  ['cerita', story],
  ['pencarian', `/cari/?q=${encodeURIComponent(kind.toLowerCase())}`],
];
const widths = [
  ['ponsel', { width: 390, height: 844 }],
  ['desktop', { width: 1366, height: 768 }],
] as const;

const server = await serveStatic(dist);
const browser = await launchChromium();
try {
  for (const [device, viewport] of widths) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'id-ID' });
    const page = await context.newPage();
    for (const [name, urlPath] of pages) {
      await page.goto(new URL(urlPath, server.url).href, { waitUntil: 'networkidle' });
      if (name === 'pencarian') await page.waitForSelector('.results li', { timeout: 10_000 }).catch(() => {});
      const file = path.join(outDir, `${name}-${device}.png`);
      // A palette PNG: a README image a few tens of kilobytes, still sharp for text.
      await sharp(await page.screenshot({ fullPage: values.full })).png({ palette: true, quality: 90, compressionLevel: 9 }).toFile(file);
      console.log(`${path.relative(process.cwd(), file)}  ${urlPath}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
