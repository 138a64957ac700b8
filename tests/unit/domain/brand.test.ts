/**
 * Every KIM's monogram and colour in its network: letters that tell KIM apart (the demo's Batuah
 * and Belimbing, Tanjung Laut and Tanjung Laut Indah; a thousand real villages of one province,
 * with their many namesakes), colours that differ and keep neighbours apart, and text that reads
 * at WCAG AA on the colour and the colour on the page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignBrands, brandSheetName, brandStylesheet, contrast, initialsCandidates, luminance, PALETTE, PAPER, readableOnPaper, textColorOn, type Brand, type BrandInput } from '../../../src/domain/brand.ts';
import { loadRegionData } from '../../../src/format/sources/regions.ts';
import { isSampleContent, SAMPLE_CONTENT } from '../../helpers/sample.ts';

/** The demo's KIM as their files give them: name, village and the colour each chose, if any. */
function demoKims(): BrandInput[] {
  const dir = path.join(SAMPLE_CONTENT, 'kim');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((file) => {
      const data = yaml.load(readFileSync(path.join(dir, file), 'utf8').split(/^---$/m)[1]!) as { name: string; village: string; color?: string };
      return { id: file.replace(/\.md$/, ''), name: data.name, village: data.village, color: data.color };
    });
}

const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);
const kecamatanOf = (village: string) => village.split('.').slice(0, 3).join('.');
const hueGap = (a: number, b: number) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));
const hueOf = new Map(PALETTE.map((p) => [p.color, p.hue]));

function expectReadable(brands: Iterable<Brand>): void {
  for (const brand of brands) {
    expect(contrast(brand.ink, brand.color), brand.color).toBeGreaterThanOrEqual(4.5);
    expect(contrast(brand.onPaper, PAPER), brand.color).toBeGreaterThanOrEqual(4.5);
  }
}

describe('monogram letters', () => {
  it('start with the initials of the distinctive words, then longer and less natural letters', () => {
    expect(initialsCandidates('KIM Bontang Kuala')[0]).toBe('BK');
    expect(initialsCandidates('Komunitas Informasi Masyarakat Desa Batuah').slice(0, 3)).toEqual(['B', 'BA', 'BT']);
    expect(initialsCandidates('KIM Kelurahan Tanjung Laut Indah').slice(0, 2)).toEqual(['TL', 'TLI']);
  });

  it('fall back to the stop words when nothing else is left', () => {
    expect(initialsCandidates('KIM')[0]).toBe('K');
    expect(initialsCandidates('Komunitas Informasi Masyarakat')[0]).toBe('KI');
  });

  it('split on hyphens and keep letters with diacritics', () => {
    expect(initialsCandidates('KIM Api-api')[0]).toBe('AA');
    expect(initialsCandidates('kim édelweis')[0]).toBe('É');
  });

  it('are a question mark for a name without letters', () => {
    expect(initialsCandidates('')).toEqual(['?']);
    expect(initialsCandidates(' - ')).toEqual(['?']);
  });
});

describe('contrast', () => {
  it('puts white text on a deep teal and black text on yellow', () => {
    expect(textColorOn('#0f766e')).toBe('#ffffff');
    expect(textColorOn('#fde047')).toBe('#000000');
    expect(textColorOn('#000000')).toBe('#ffffff');
    expect(textColorOn('#ffffff')).toBe('#000000');
  });

  it('measures luminance as WCAG does: black, white, mid grey and the primaries', () => {
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#ffffff')).toBeCloseTo(1, 10);
    expect(luminance('#808080')).toBeCloseTo(0.2159, 4);
    expect(luminance('#ff0000')).toBeCloseTo(0.2126, 4);
    expect(luminance('#00ff00')).toBeCloseTo(0.7152, 4);
    expect(luminance('#0000ff')).toBeCloseTo(0.0722, 4);
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });

  it('gives every colour of the palette at least 4.5:1 under white text', () => {
    for (const { color } of PALETTE) expect(contrast(color, '#ffffff'), color).toBeGreaterThanOrEqual(4.5);
  });
});

// A network's own content in a fork: these tests are about the sample's KIM.
const sample = isSampleContent();

describe.runIf(sample)('the demo network’s brands', () => {
  const kims = sample ? demoKims() : [];
  const brands = assignBrands(kims);

  it('give every KIM its own letters', () => {
    expect(kims.length).toBeGreaterThan(10);
    expect(duplicates([...brands.values()].map((b) => b.initials))).toEqual([]);
    expect(brands.get('kim-batuah')!.initials).not.toBe(brands.get('kim-belimbing')!.initials);
    expect(brands.get('kim-tanjung-laut')!.initials).toBe('TL');
    expect(brands.get('kim-tanjung-laut-indah')!.initials).toBe('TLI');
  });

  it('give every KIM its own colour, and keep a chosen colour', () => {
    expect(duplicates([...brands.values()].filter((b) => !b.chosen).map((b) => b.color))).toEqual([]);
    for (const kim of kims.filter((k) => k.color)) expect(brands.get(kim.id)!.color).toBe(kim.color);
    expectReadable(brands.values());
  });
});

describe('a network of a thousand KIM in real villages', () => {
  let kims: BrandInput[];
  let brands: Map<string, Brand>;

  beforeAll(async () => {
    // West Java's first thousand villages: many share a name (Sukamaju, Sukamulya, Mekarjaya…).
    const { villages } = await loadRegionData();
    kims = villages
      .filter((v) => v.code.startsWith('32.'))
      .slice(0, 1000)
      .map((v) => ({ id: `kim-${v.code.replaceAll('.', '-')}`, name: `KIM ${v.name}`, village: v.code }));
    brands = assignBrands(kims);
  });

  it('has namesakes to tell apart', () => {
    expect(duplicates(kims.map((k) => k.name)).length).toBeGreaterThan(20);
  });

  it('gives every KIM a different colour, and letters no other KIM of its kabupaten/kota has', () => {
    expect(brands.size).toBe(1000);
    expect(duplicates([...brands.values()].map((b) => b.color))).toEqual([]);
    for (const group of Map.groupBy(kims, (k) => k.village.slice(0, 5)).values()) {
      expect(duplicates(group.map((k) => brands.get(k.id)!.initials))).toEqual([]);
    }
    for (const brand of brands.values()) expect(brand.initials).toMatch(/^[\p{L}][\p{L}\p{N}]{0,2}$/u);
    // Numbered letters are the last resort: a few namesakes in a kabupaten with hundreds of villages.
    expect([...brands.values()].filter((b) => /\d/.test(b.initials)).length).toBeLessThan(50);
  });

  it('keeps the hues of KIM in one kecamatan apart', () => {
    const byKecamatan = Map.groupBy(kims, (k) => kecamatanOf(k.village));
    let pairs = 0;
    for (const group of byKecamatan.values()) {
      // Each hue keeps the next KIM out of 59° of the circle: six always fit, taken one by one.
      if (group.length > 6) continue;
      for (const [i, a] of group.entries()) {
        for (const b of group.slice(i + 1)) {
          pairs++;
          expect(hueGap(hueOf.get(brands.get(a.id)!.color)!, hueOf.get(brands.get(b.id)!.color)!), `${a.name} / ${b.name}`).toBeGreaterThanOrEqual(30);
        }
      }
    }
    expect(pairs).toBeGreaterThan(100);
  });

  it('reads at AA: text on every colour, and every colour on the page', () => {
    expectReadable(brands.values());
  });

  it('gives each KIM the same brand whatever order its KIM are listed in', () => {
    const again = assignBrands([...kims].reverse());
    for (const kim of kims) expect(again.get(kim.id)).toEqual(brands.get(kim.id));
  });
});

describe('a chosen colour', () => {
  it('is kept, with black text on a light one and a darker shade for lines and text on the page', () => {
    const [brand] = assignBrands([{ id: 'kim-a', name: 'KIM A', village: '64.74.01.1001', color: '#facc15' }]).values();
    expect(brand).toMatchObject({ color: '#facc15', chosen: true, ink: '#000000' });
    expect(brand!.onPaper).not.toBe('#facc15');
    expect(contrast(brand!.onPaper, PAPER)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(readableOnPaper('#0f766e'), PAPER)).toBeGreaterThanOrEqual(4.5);
    expect(readableOnPaper('#0f766e')).toBe('#0f766e');
  });
});

describe('brandStylesheet', () => {
  it('sets the brand colour, its ink and the line colour that reads on the page, and nothing else', () => {
    const [brand] = assignBrands([{ id: 'kim-terang', name: 'KIM Terang', village: '64.74.01.1001', color: '#fde047' }]).values();
    const css = brandStylesheet(brand!);
    expect(css).toBe(`.branded{--brand:#fde047;--brand-ink:#000000;--accent-line:${brand!.onPaper}}\n`);
    // A pale yellow would vanish as a line on the paper: the line takes the darkened colour.
    expect(brand!.onPaper).not.toBe('#fde047');
    expect(contrast(brand!.onPaper, PAPER)).toBeGreaterThanOrEqual(4.5);
  });

  it('names a colour\'s file by its hex digits in lower case', () => {
    expect(brandSheetName('#0B7E8E')).toBe('0b7e8e');
  });
});
