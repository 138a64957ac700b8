/**
 * The Lighthouse check must fail when a page breaks a floor (each page is loaded three times
 * under applied throttling and judged by its median run, hence the long timeouts). A
 * hand-written page that meets every floor is the control; the same page with planted problems
 * must fail, naming the category and the audits that cost points, and so must the page with a
 * script that keeps the main thread busy after it paints. And a built story with a phone photo
 * as its cover, the heaviest kind of page most networks publish, must meet every floor.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkImageMetadata } from '../../src/build/checks/index.ts';
import { BASE_NETWORK, buildSite, createFixture, PROJECT_ROOT, removeFixture } from '../helpers/fixture.ts';
import { photo } from '../helpers/photos.ts';
import { writerIn } from '../helpers/files.ts';

let site: string;
let photoFixture: string;
let photoDist: string;

const page = (body: string, head = '<meta name="description" content="Halaman uji untuk pemeriksaan Lighthouse.">') => `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Halaman uji</title>${head}<link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/gaya.css"></head>
<body><main><h1>Halaman uji</h1>${body}</main></body></html>`;

function lighthouse(urlPath: string) {
  return spawnSync(process.execPath, ['scripts/lighthouse.ts', site, '--page', urlPath, '--no-record'], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 420_000 });
}

/** The same check over a built site, without blocking the test runner while Lighthouse works. */
function lighthouseAsync(dist: string, urlPath: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/lighthouse.ts', dist, '--page', urlPath, '--no-record'], { cwd: PROJECT_ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const PHOTO_STORY = 'cerita/festival-dermaga/';

beforeAll(() => {
  site = mkdtempSync(path.join(tmpdir(), 'jembatan-lighthouse-'));
  const write = writerIn(site);
  write('gaya.css', 'body{font:1rem/1.5 system-ui,sans-serif;margin:1rem;color:#1c1917;background:#fff}a{color:#0b5c56}');
  write('robots.txt', 'User-agent: *\nAllow: /\n');
  write('favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>');
  write('baik/index.html', page('<p>Teks yang cukup panjang untuk dibaca. <a href="/baik/">Halaman ini</a>.</p>'));
  // A widget that keeps the main thread busy after the first paint: three 400 ms tasks, in which a
  // reader's tap goes unanswered. Timed by the clock, so the throttled processor cannot shorten them.
  write('sibuk.js', 'const busy = (ms) => { const end = performance.now() + ms; while (performance.now() < end); };\nlet left = 3;\nconst next = () => { busy(400); if (--left > 0) setTimeout(next, 0); };\naddEventListener("load", () => setTimeout(next, 0));\n');
  write('lambat/index.html', page('<p>Teks yang cukup panjang untuk dibaca. <a href="/baik/">Halaman lain</a>.</p><script src="/sibuk.js"></script>'));
  write(
    'buruk/index.html',
    page('<p style="color:#d6d3d1">Teks abu-abu pucat di atas putih.</p><img src="/tidak-ada.png"><a href="/baik/"></a>', ''),
  );
});

afterAll(() => {
  rmSync(site, { recursive: true, force: true });
  if (photoFixture) removeFixture(photoFixture);
});

describe('the Lighthouse check', () => {
  it('passes a page that meets every floor', () => {
    const run = lighthouse('baik/');
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('| baik/ (/baik/) | 100 | 100 | 100 | 100 |');
  }, 420_000);

  it('fails a page with planted accessibility and SEO problems, naming what to fix', () => {
    const run = lighthouse('buruk/');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Lighthouse di bawah batas minimum');
    expect(run.stderr).toMatch(/buruk\/: accessibility \d+ < 100/);
    expect(run.stderr).toMatch(/buruk\/: seo \d+ < 100/);
    expect(run.stderr).toContain('image-alt');
    expect(run.stderr).toContain('meta-description');
  }, 420_000);

  it('fails a page whose script blocks the main thread after the first paint, naming total blocking time', () => {
    const run = lighthouse('lambat/');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/lambat\/: performance \d+ < 95/);
    expect(run.stderr).toContain('total-blocking-time');
    expect(run.stderr).not.toMatch(/lambat\/: (accessibility|best-practices|seo)/);
  }, 420_000);
});

// Built after the hand-written pages are measured, so a build's aftermath never weighs on their scores.
describe('the Lighthouse check on a built story with a photo', () => {
  beforeAll(async () => {
    // A story whose cover is a phone's photo: 3000×2000, with the GPS position the phone wrote.
    photoFixture = createFixture({
      network: BASE_NETWORK,
      kim: { 'kim-bontang-kuala': { data: { name: 'KIM Bontang Kuala', village: '64.74.01.1001' }, body: 'Profil.' } },
      stories: {
        'festival-dermaga': {
          data: {
            title: 'Festival perahu hias di dermaga',
            date: '2026-11-21',
            kim: 'kim-bontang-kuala',
            summary: 'Perahu hias warga memenuhi dermaga kampung atas laut.',
            category: 'kegiatan',
            cover: { src: './sampul.jpg', alt: 'Perahu hias berjajar di dermaga', credit: 'Tim KIM' },
          },
          body: 'Warga menghias perahu sejak pagi. Sore harinya perahu-perahu itu berlayar di depan dermaga, ditonton warga dari rumah panggung di sepanjang pantai.',
        },
      },
      files: { 'stories/sampul.jpg': await photo({ width: 3000, height: 2000, seed: 7, gps: true }) },
    });
    const built = await buildSite(photoFixture);
    if (built.code !== 0) throw new Error(built.output);
    photoDist = built.outDir;
  }, 420_000);

  it('passes a story with a phone photo as its cover, published without the photo\'s GPS position', async () => {
    const source = await sharp(path.join(photoFixture, 'stories/sampul.jpg')).metadata();
    expect([source.width, source.height]).toEqual([3000, 2000]);
    expect(source.exif).toBeDefined();
    expect(await checkImageMetadata(photoDist)).toEqual([]);

    const run = await lighthouseAsync(photoDist, PHOTO_STORY);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const row = run.stdout.split('\n').find((line) => line.startsWith(`| ${PHOTO_STORY} (/${PHOTO_STORY}) |`));
    expect(row, run.stdout).toBeDefined();
    const [performance, ...others] = row!.split('|').slice(2, 6).map((cell) => Number(cell.trim()));
    expect(performance, row).toBeGreaterThanOrEqual(95);
    expect(others, row).toEqual([100, 100, 100]);
  }, 420_000);
});
