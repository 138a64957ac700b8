/**
 * Social previews: every story, place, KIM and region with content gets its own 1200 × 630 card,
 * well under 100 KB, and a rebuild after one new story draws that story's card only, taking every
 * other from the build cache. A network with `socialCards: kim` gives stories and places their
 * KIM's card (a place without a KIM, its area's) and draws none of their own.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_NETWORK, buildSite, createFixture, removeFixture, type BuildResult } from '../helpers/fixture.ts';

let contentDir: string;
let first: BuildResult;
let cacheBefore: Map<string, number>;
let second: BuildResult;
let firstStoryCard: Buffer;

// Markup, quotes and a line separator, in a title near the longest allowed (escaping counted).
const HOSTILE_TITLE = 'Judul </script><svg onload=alert(1)> & "kutip" \u2028 yang panjang untuk kartu';

const cacheDir = () => path.join(contentDir, '..', `${path.basename(contentDir)}-cache`, 'social');
const cacheFiles = () => new Map(readdirSync(cacheDir()).map((f) => [f, statSync(path.join(cacheDir(), f)).mtimeMs]));
const pageImage = (outDir: string, page: string) => {
  const $ = load(readFileSync(path.join(outDir, page, 'index.html'), 'utf8'));
  return { og: $('meta[property="og:image"]').attr('content')!, twitter: $('meta[name="twitter:image"]').attr('content')!, card: $('meta[name="twitter:card"]').attr('content') };
};

beforeAll(async () => {
  contentDir = createFixture({
    network: BASE_NETWORK,
    kim: { 'kim-bontang-kuala': { data: { name: 'KIM Bontang Kuala', village: '64.74.01.1001', sectors: ['wisata'], color: '#b91c1c' } } },
    stories: {
      'kabar-pertama': { data: { title: HOSTILE_TITLE, date: '2026-11-01', kim: 'kim-bontang-kuala', summary: 'Ringkasan.', category: 'berita' }, body: 'Isi.' },
    },
    places: { dermaga: { data: { name: 'Dermaga Bontang Kuala', kind: 'wisata', region: '64.74.01.1001', kim: 'kim-bontang-kuala', summary: 'Dermaga kayu.' } } },
  });
  first = await buildSite(contentDir);
  if (first.code !== 0) throw new Error(first.output);
  cacheBefore = cacheFiles();
  firstStoryCard = readFileSync(path.join(first.outDir, 'cerita/kabar-pertama/pratinjau.jpg'));
  writeFileSync(
    path.join(contentDir, 'stories', 'kabar-kedua.md'),
    '---\ntitle: Kabar kedua\ndate: 2026-11-02\nkim: kim-bontang-kuala\nsummary: Ringkasan kedua.\ncategory: berita\n---\nIsi kedua.\n',
  );
  second = await buildSite(contentDir);
  if (second.code !== 0) throw new Error(second.output);
}, 300_000);

afterAll(() => removeFixture(contentDir));

describe('social previews', () => {
  it('give every story, place, KIM and region with content its own card, and other pages the network’s', () => {
    const own = ['cerita/kabar-pertama/', 'potensi/dermaga/', 'kim/kim-bontang-kuala/', 'wilayah/kota-bontang/bontang-utara/bontang-kuala/', 'wilayah/kota-bontang/'];
    for (const page of own) {
      const { og, twitter, card } = pageImage(second.outDir, page);
      expect(og).toBe(`https://uji.example.org/${page}pratinjau.jpg`);
      expect(twitter).toBe(og);
      expect(card).toBe('summary_large_image');
    }
    for (const page of ['', 'cari/', 'wilayah/kota-bontang/bontang-barat/kanaan/']) expect(pageImage(second.outDir, page).og).toBe('https://uji.example.org/pratinjau.jpg');
  });

  it('are 1200 × 630 JPEG images well under 100 KB, a hostile long title included', async () => {
    const files = readdirSync(second.outDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('pratinjau.jpg'));
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) {
      const bytes = readFileSync(path.join(second.outDir, file));
      const meta = await sharp(bytes).metadata();
      expect({ file, format: meta.format, width: meta.width, height: meta.height }).toEqual({ file, format: 'jpeg', width: 1200, height: 630 });
      // "Well under" 100 KB: a fifth of the budget kept free for longer names and busier brand colours.
      expect(bytes.length, file).toBeLessThan(80_000);
    }
  });

  it('are drawn again only for what changed: one new story, one new card', () => {
    const after = cacheFiles();
    const added = [...after.keys()].filter((f) => !cacheBefore.has(f));
    expect(added).toHaveLength(1);
    for (const [file, mtime] of cacheBefore) expect(after.get(file), file).toBe(mtime);
    expect(readFileSync(path.join(second.outDir, 'cerita/kabar-pertama/pratinjau.jpg')).equals(firstStoryCard)).toBe(true);
  });
});

describe('shared previews (socialCards: kim)', () => {
  let shared: string;
  let built: BuildResult;
  beforeAll(async () => {
    shared = createFixture({
      network: { ...BASE_NETWORK, socialCards: 'kim' },
      kim: { 'kim-bontang-kuala': { data: { name: 'KIM Bontang Kuala', village: '64.74.01.1001', sectors: ['wisata'] } } },
      stories: { 'kabar-dermaga': { data: { title: 'Kabar dari dermaga', date: '2026-11-01', kim: 'kim-bontang-kuala', summary: 'Ringkasan.', category: 'berita' }, body: 'Isi.' } },
      places: {
        dermaga: { data: { name: 'Dermaga Bontang Kuala', kind: 'wisata', region: '64.74.01.1001', kim: 'kim-bontang-kuala', summary: 'Dermaga kayu.' } },
        'tanpa-kim': { data: { name: 'Tempat tanpa KIM', kind: 'wisata', region: '64.74.02.1004', summary: 'Potensi yang belum punya KIM.' } },
      },
    });
    built = await buildSite(shared);
    if (built.code !== 0) throw new Error(built.output);
  }, 300_000);
  afterAll(() => removeFixture(shared));

  const structuredImages = (page: string) => {
    const $ = load(readFileSync(path.join(built.outDir, page, 'index.html'), 'utf8'));
    const nodes = $('script[type="application/ld+json"]')
      .toArray()
      .flatMap((script) => [JSON.parse($(script).text())].flat())
      .flatMap((node: { '@graph'?: unknown[] }) => node['@graph'] ?? [node]) as { '@type': string; image?: { url: string }[] }[];
    return nodes.filter((node) => node['@type'] !== 'BreadcrumbList' && node.image).flatMap((node) => node.image!.map((image) => image.url));
  };

  it('shows the KIM’s card on its stories and places, and the area’s on a place without a KIM', () => {
    const kimCard = 'https://uji.example.org/kim/kim-bontang-kuala/pratinjau.jpg';
    for (const page of ['cerita/kabar-dermaga/', 'potensi/dermaga/']) {
      expect(pageImage(built.outDir, page).og, page).toBe(kimCard);
      expect(structuredImages(page), page).toContain(kimCard);
    }
    const region = pageImage(built.outDir, 'potensi/tanpa-kim/').og;
    expect(region).toBe('https://uji.example.org/wilayah/kota-bontang/bontang-selatan/satimpo/pratinjau.jpg');
    expect(structuredImages('potensi/tanpa-kim/')).toContain(region);
    // Every card a page names is there.
    for (const url of [kimCard, region]) expect(statSync(path.join(built.outDir, new URL(url).pathname)).isFile(), url).toBe(true);
  });

  it('draws no card of a story or place', () => {
    const files = readdirSync(built.outDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('pratinjau.jpg'));
    expect(files.filter((f) => f.startsWith('cerita/') || f.startsWith('potensi/'))).toEqual([]);
    expect(files).toContain('kim/kim-bontang-kuala/pratinjau.jpg');
  });
});
