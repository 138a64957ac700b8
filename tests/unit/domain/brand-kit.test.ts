/**
 * A KIM's brand kit: colours with text colours that read at AA, a monogram that stands alone, and
 * the A4 poster that carries contributor text as text and a QR code a phone reads.
 */
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { brandSwatches, monogramSvg, POSTER_HEIGHT, POSTER_WIDTH, posterSvg, wrapUrl, type PosterInput } from '../../../src/domain/brand-kit.ts';
import { contrast, PALETTE } from '../../../src/domain/brand.ts';
import { qrCode } from '../../../src/domain/qr.ts';
import { decodeQrSvg } from '../../helpers/qr.ts';

const URL_OF_KIM = 'https://uji.example.org/jembatan/kim/kim-bontang-kuala/';
const HOSTILE = 'KIM </text><script>alert(1)</script> & "Kuala"';

const poster = (overrides: Partial<PosterInput> = {}): PosterInput => ({
  seed: 'kim-bontang-kuala',
  name: 'KIM Bontang Kuala',
  places: ['Kelurahan Bontang Kuala', 'Kecamatan Bontang Utara', 'Kota Bontang'],
  tagline: 'Kampung di atas laut',
  flagship: 'wisata bahari',
  brandStory: 'Rumah panggung di atas laut dan dermaga kayu sepanjang satu kilometer.',
  fallback: 'Kabar dan potensi Kelurahan Bontang Kuala.',
  brand: { initials: 'BK', color: '#b91c1c', ink: '#ffffff' },
  secondaryColor: '#f59e0b',
  qr: qrCode(URL_OF_KIM),
  url: URL_OF_KIM,
  words: { kicker: 'Komunitas Informasi Masyarakat', flagship: 'Potensi unggulan', story: 'Kenali Kelurahan Bontang Kuala', scan: 'Pindai kode ini', scanHint: 'untuk membuka halaman KIM.', network: 'Jaringan Uji' },
  fontFamily: 'Source Sans 3',
  ...overrides,
});

/** Parses SVG as XML and fails on any error or warning: what a strict reader (resvg) would refuse. */
function parseSvg(svg: string): Document {
  const problems: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => problems.push(`${level}: ${message}`) }).parseFromString(svg, 'image/svg+xml');
  expect(problems).toEqual([]);
  return doc as unknown as Document;
}

const texts = (doc: Document) => Array.from(doc.getElementsByTagName('tspan')).map((t) => t.textContent).join(' ');

describe('the brand kit’s colours', () => {
  it('pair every colour with a text colour at 4.5:1 or more, on it and on white paper', () => {
    for (const color of ['#fde047', '#0f766e', '#ffffff', '#777777', '#000000', ...PALETTE.slice(0, 60).map((p) => p.color)]) {
      for (const swatch of brandSwatches({ color }, '#f59e0b')) {
        expect(contrast(swatch.ink, swatch.color), swatch.color).toBeGreaterThanOrEqual(4.5);
        expect(swatch.inkRatio).toBeCloseTo(contrast(swatch.ink, swatch.color));
        expect(contrast(swatch.onWhite, '#ffffff'), swatch.color).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('list the second colour only when the KIM chose one different from the first', () => {
    expect(brandSwatches({ color: '#b91c1c' }, undefined).map((s) => s.role)).toEqual(['primary']);
    expect(brandSwatches({ color: '#b91c1c' }, '#B91C1C').map((s) => s.role)).toEqual(['primary']);
    expect(brandSwatches({ color: '#b91c1c' }, '#f59e0b').map((s) => [s.role, s.color])).toEqual([['primary', '#b91c1c'], ['secondary', '#f59e0b']]);
  });
});

describe('the monogram file', () => {
  it('is a standalone SVG of the disc and letters, with hostile letters escaped', () => {
    const doc = parseSvg(monogramSvg({ initials: '<&>', color: '#b91c1c', ink: '#ffffff' }, { size: 1024, fontFamily: 'Source Sans 3' }));
    expect(doc.documentElement.getAttribute('width')).toBe('1024');
    expect(doc.getElementsByTagName('circle')[0]!.getAttribute('fill')).toBe('#b91c1c');
    expect(doc.getElementsByTagName('text')[0]!.textContent).toBe('<&>');
  });
});

describe('the A4 poster', () => {
  it('is an A4 sheet at 150 dpi', () => {
    const doc = parseSvg(posterSvg(poster()));
    expect([doc.documentElement.getAttribute('width'), doc.documentElement.getAttribute('height')]).toEqual([String(POSTER_WIDTH), String(POSTER_HEIGHT)]);
    expect(POSTER_HEIGHT / POSTER_WIDTH).toBeCloseTo(297 / 210, 2);
  });

  it('carries a hostile name, tagline and story as text, never as markup', () => {
    const svg = posterSvg(poster({ name: HOSTILE, tagline: HOSTILE, flagship: '& <b>', brandStory: `${HOSTILE} ]]> <!-- -->`, words: { ...poster().words, network: HOSTILE } }));
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;/text&gt;&lt;script&gt;');
    expect(svg).toContain('&amp; &quot;Kuala&quot;');
    const doc = parseSvg(svg);
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
    expect(texts(doc)).toContain('</text><script>alert(1)</script> & "Kuala"');
  });

  it('shows the KIM’s words, its places and the address, and says something when it wrote none', () => {
    const full = texts(parseSvg(posterSvg(poster())));
    for (const part of ['KIM Bontang Kuala', 'Kampung di atas laut', 'wisata bahari', 'Rumah panggung', 'Kota Bontang', 'JARINGAN', 'POTENSI UNGGULAN']) expect(full.toUpperCase()).toContain(part.toUpperCase());
    expect(full.replace(/ /g, '')).toContain(URL_OF_KIM);
    const empty = texts(parseSvg(posterSvg(poster({ tagline: undefined, flagship: undefined, brandStory: undefined }))));
    expect(empty).toContain('Kabar dan potensi Kelurahan Bontang Kuala.');
    expect(empty).not.toContain('POTENSI UNGGULAN');
  });

  it('embeds the uploaded logo as a picture, and otherwise draws the monogram', () => {
    const logo = 'data:image/png;base64,iVBORw0KGgo=';
    expect(parseSvg(posterSvg(poster({ logo }))).getElementsByTagName('image')[0]!.getAttribute('href')).toBe(logo);
    expect(texts(parseSvg(posterSvg(poster())))).not.toContain('BK');
    expect(posterSvg(poster())).toMatch(/font-weight="700" fill="#ffffff">BK<\/text>/);
  });

  it('holds a QR code that a reader decodes, drawn as the poster draws it, to the KIM page’s address', () => {
    const svg = posterSvg(poster({ name: HOSTILE }));
    const qr = /<svg xmlns="http:\/\/www.w3.org\/2000\/svg" x="\d+" y="\d+" width="\d+" height="\d+" viewBox="0 0 \d+ \d+"><rect[^>]*\/><path[^>]*\/><\/svg>/.exec(svg)![0];
    expect(decodeQrSvg(qr)).toBe(URL_OF_KIM);
  });
});

describe('an address on the poster', () => {
  it('breaks after a slash or a dot, never inside a word that fits', () => {
    expect(wrapUrl('https://uji.example.org/jembatan/kim/kim-bontang-kuala/', 30)).toEqual(['https://uji.example.org/', 'jembatan/kim/', 'kim-bontang-kuala/']);
    expect(wrapUrl(`https://x.id/${'a'.repeat(50)}/`, 20).every((line) => line.length <= 20)).toBe(true);
    expect(wrapUrl(`https://x.id/${'a'.repeat(50)}/`, 20).join('')).toBe(`https://x.id/${'a'.repeat(50)}/`);
  });
});
