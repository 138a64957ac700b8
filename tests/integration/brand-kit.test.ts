/**
 * A KIM's brand kit and the QR codes of printed pages, built from scratch: a network of two KIM,
 * one with a logo, two colours and every brand word, one with nothing but its name. Every kit has
 * its page and files, every QR code (read from pixels, as a phone does) leads to the page's
 * absolute address, also on a site served under a base path.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contrast } from '../../src/domain/brand.ts';
import { BASE_NETWORK, buildSite, createFixture, removeFixture, type BuildResult } from '../helpers/fixture.ts';
import { decodeQrImage, decodeQrSvg } from '../helpers/qr.ts';

const SITE = 'https://uji.example.org';
const FULL = 'kim-bontang-kuala';
const BARE = 'kim-kanaan';
const STORY = 'festival-laut';
const PLACE = 'dermaga-kayu';

let contentDir: string;
let root: BuildResult;
let based: BuildResult;

beforeAll(async () => {
  const logo = await sharp({ create: { width: 600, height: 400, channels: 4, background: '#1d4ed8' } })
    .composite([{ input: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400"><circle cx="300" cy="200" r="150" fill="#fde047"/></svg>') }])
    .png()
    .toBuffer();
  contentDir = createFixture({
    network: BASE_NETWORK,
    kim: {
      [FULL]: {
        data: {
          name: 'KIM Bontang Kuala & Pesisir',
          village: '64.74.01.1001',
          sectors: ['wisata'],
          tagline: 'Kampung di atas laut',
          flagship: 'wisata bahari',
          brandStory: 'Rumah panggung di atas laut dan dermaga kayu. </p><script>alert(1)</script> & seterusnya.',
          color: '#b91c1c',
          secondaryColor: '#f59e0b',
          logo: './logo-bontang-kuala.png',
        },
      },
      [BARE]: { data: { name: 'KIM Kanaan', village: '64.74.03.1003' } },
    },
    stories: { [STORY]: { data: { title: 'Festival laut', date: '2026-11-01', kim: FULL, summary: 'Festival tahunan di dermaga.', category: 'kegiatan' }, body: 'Isi.' } },
    places: { [PLACE]: { data: { name: 'Dermaga kayu', kind: 'wisata', region: '64.74.03.1003', kim: BARE, summary: 'Dermaga tua.' } } },
    files: { 'kim/logo-bontang-kuala.png': logo },
  });
  [root, based] = [await buildSite(contentDir), await buildSite(contentDir, { env: { BASE_PATH: '/jembatan/' } })];
  for (const build of [root, based]) if (build.code !== 0) throw new Error(build.output);
}, 400_000);

afterAll(() => removeFixture(contentDir));

const html = (build: BuildResult, page: string): CheerioAPI => load(readFileSync(path.join(build.outDir, page, 'index.html'), 'utf8'));
const file = (build: BuildResult, relative: string) => readFileSync(path.join(build.outDir, relative));

describe.each([
  { name: 'at the site root', build: () => root, base: '/' },
  { name: 'under the base path /jembatan/', build: () => based, base: '/jembatan/' },
])('built $name', ({ build, base }) => {
  const absolute = (page: string) => `${SITE}${base}${page}`;

  it('prints a QR code at the end of a story and a place that leads back to the page', () => {
    for (const [page, source] of [[`cerita/${STORY}/`, 'KIM Bontang Kuala & Pesisir'], [`potensi/${PLACE}/`, 'KIM Kanaan']] as const) {
      const $ = html(build(), page);
      const block = $('article .print-source');
      expect(block, page).toHaveLength(1);
      expect(decodeQrSvg($.html(block.find('svg.qr'))), page).toBe(absolute(page));
      expect(block.text()).toContain(source);
      expect(block.find('.print-url').text()).toBe(absolute(page));
    }
  });

  it('gives every KIM a kit page, linked from its profile, with its files', async () => {
    for (const id of [FULL, BARE]) {
      const profile = html(build(), `kim/${id}/`);
      expect(profile(`a[href="${base}kim/${id}/merek/"]`), id).toHaveLength(1);
      const $ = html(build(), `kim/${id}/merek/`);
      const downloads = $('a[download]')
        .toArray()
        .map((a) => $(a).attr('href')!);
      for (const name of ['logo.svg', 'logo.png', 'poster-a4.png']) expect(downloads, id).toContain(`${base}kim/${id}/merek/${name}`);
      expect(downloads).toContain(`${base}kim/${id}/pratinjau.jpg`);
      expect($(`a[href="${base}kim/${id}/poster/"]`).length).toBeGreaterThan(0);
      expect(existsSync(path.join(build().outDir, `kim/${id}/pratinjau.jpg`))).toBe(true);
    }
  });

  it('makes the logo files: the monogram in outlines and 1024 px square, an uploaded logo in its own proportions', async () => {
    const monogramSvg = file(build(), `kim/${BARE}/merek/logo.svg`).toString('utf8');
    expect(monogramSvg).not.toContain('<text');
    expect(await sharp(Buffer.from(monogramSvg)).metadata()).toMatchObject({ format: 'svg', width: 1024, height: 1024 });
    expect(await sharp(file(build(), `kim/${BARE}/merek/logo.png`)).metadata()).toMatchObject({ format: 'png', width: 1024, height: 1024 });
    // The 600 × 400 logo is not enlarged; its SVG holds the same picture.
    expect(await sharp(file(build(), `kim/${FULL}/merek/logo.png`)).metadata()).toMatchObject({ format: 'png', width: 600, height: 400 });
    const uploadedSvg = file(build(), `kim/${FULL}/merek/logo.svg`);
    expect(uploadedSvg.toString('utf8')).toMatch(/^<svg [^>]*><image href="data:image\/png;base64,/);
    expect(await sharp(uploadedSvg).metadata()).toMatchObject({ format: 'svg', width: 600, height: 400 });
  });

  it('makes an A4 poster PNG whose QR code leads to the KIM page', async () => {
    for (const id of [FULL, BARE]) {
      const png = file(build(), `kim/${id}/merek/poster-a4.png`);
      const meta = await sharp(png).metadata();
      expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: 'png', width: 1240, height: 1754 });
      expect(meta.height! / meta.width!).toBeCloseTo(297 / 210, 2);
      expect(png.length).toBeLessThan(300_000);
      expect(await decodeQrImage(png), id).toBe(absolute(`kim/${id}/`));
    }
    // The uploaded logo (#1d4ed8 with a yellow disc) is drawn in the band's disc: blue near its corner.
    const { data, info } = await sharp(file(build(), `kim/${FULL}/merek/poster-a4.png`)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const at = (140 + 140 * info.width) * info.channels;
    expect([...data.subarray(at, at + 3)].map((c, i) => Math.abs(c - [0x1d, 0x4e, 0xd8][i]!)).every((d) => d <= 6)).toBe(true);
  });

  it('shows the poster page with the KIM’s words, escaped, and a QR code to the KIM page', () => {
    const $ = html(build(), `kim/${FULL}/poster/`);
    expect(decodeQrSvg($.html($('.poster svg.qr')))).toBe(absolute(`kim/${FULL}/`));
    expect($('.poster h1').text()).toBe('KIM Bontang Kuala & Pesisir');
    expect($('.poster-places').text()).toBe('Kelurahan Bontang Kuala · Kecamatan Bontang Utara · Kota Bontang');
    expect($('.poster-tagline').text()).toBe('Kampung di atas laut');
    expect($('.poster-flagship-value').text()).toBe('wisata bahari');
    expect($('.poster-story').text()).toContain('</p><script>alert(1)</script> & seterusnya.');
    expect($('script:not([type="application/ld+json"])')).toHaveLength(0);
    expect($('.poster-strip').text()).toContain(BASE_NETWORK.name);
    // The KIM that wrote nothing still gets a poster that says something true.
    const bare = html(build(), `kim/${BARE}/poster/`);
    expect(bare('.poster-fallback').text()).toContain('Kelurahan Kanaan');
    expect(decodeQrSvg(bare.html(bare('.poster svg.qr')))).toBe(absolute(`kim/${BARE}/`));
  });
});

describe('the brand kit page', () => {
  it('lists each colour with text colours that meet 4.5:1, on it and on white', () => {
    // The KIM that chose two colours lists both; the other, its one assigned colour.
    for (const [id, count] of [[FULL, 2], [BARE, 1]] as const) {
      const $ = html(root, `kim/${id}/merek/`);
      const chips = $('.swatch-chip').toArray();
      expect(chips).toHaveLength(count);
      if (id === FULL) expect(chips.map((chip) => $(chip).find('rect').first().attr('fill'))).toEqual(['#b91c1c', '#f59e0b']);
      for (const chip of chips) {
        const color = $(chip).find('rect').first().attr('fill')!;
        const ink = $(chip).find('text').first().attr('fill')!;
        const onWhite = $(chip).find('rect').eq(1).attr('stroke')!;
        expect(contrast(ink, color), `${id} ${color}`).toBeGreaterThanOrEqual(4.5);
        expect(contrast(onWhite, '#ffffff'), `${id} ${color}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('shows the brand words written, and says how to fill the ones missing', () => {
    const full = html(root, `kim/${FULL}/merek/`)('.kit-words dd').toArray().map((dd) => load(dd).text());
    expect(full).toEqual(['Kampung di atas laut', 'wisata bahari', 'Rumah panggung di atas laut dan dermaga kayu. </p><script>alert(1)</script> & seterusnya.']);
    const $ = html(root, `kim/${BARE}/merek/`);
    expect($('.kit-words dd.empty')).toHaveLength(3);
    expect($('.kit-words dd.empty').first().text()).toContain('tagline');
  });

  it('is in the sitemap, with the poster page', () => {
    const sitemap = readFileSync(path.join(root.outDir, 'sitemap-0.xml'), 'utf8');
    for (const id of [FULL, BARE]) for (const page of ['merek', 'poster']) expect(sitemap).toContain(`${SITE}/kim/${id}/${page}/`);
  });
});
