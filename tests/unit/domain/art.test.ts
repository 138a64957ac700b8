/**
 * The designed visual of an entry without a photo: a real SVG that renders (sharp's librsvg reads
 * it) at the social preview's size in the brand colour, whose shapes differ from one entry to the
 * next, whose text is escaped whatever a contributor writes, and whose icons come from Lucide.
 */
import * as cheerio from 'cheerio';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ART_HEIGHT, ART_WIDTH, brandArt, escapeXml, wrapTitle } from '../../../src/domain/art.ts';
import { CATEGORY_ICONS, iconBody, iconSvg, SECTOR_ICONS } from '../../../src/domain/icons.ts';
import { SECTOR_KEYS, STORY_CATEGORY_KEYS } from '../../../src/domain/taxonomy.ts';

const BRAND = { color: '#0f766e', ink: '#ffffff' } as const;

async function pixels(svg: string) {
  const { data, info } = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => {
    const i = (y * info.width + x) * 3;
    return `#${[data[i]!, data[i + 1]!, data[i + 2]!].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  };
  return { info, at };
}

describe('the brand art', () => {
  it('renders at 1200 × 630 with the brand colour as its field', async () => {
    const { info, at } = await pixels(brandArt({ seed: 'pantai-marina', brand: BRAND, icon: 'tree-palm' }));
    expect([info.width, info.height]).toEqual([ART_WIDTH, ART_HEIGHT]);
    // Shapes are faint and the badge sits in the middle: most of the field is the brand colour itself.
    const samples = [at(5, 5), at(1190, 620), at(600, 20), at(20, 600), at(1190, 10)];
    expect(samples.filter((c) => c === BRAND.color).length).toBeGreaterThanOrEqual(2);
  });

  it('places its shapes by the entry, so two entries never look the same', () => {
    const a = brandArt({ seed: 'pantai-marina', brand: BRAND, icon: 'tree-palm' });
    const b = brandArt({ seed: 'pantai-tanjung-laut', brand: BRAND, icon: 'tree-palm' });
    expect(a).not.toBe(b);
    expect(brandArt({ seed: 'pantai-marina', brand: BRAND, icon: 'tree-palm' })).toBe(a);
  });

  it('is decoration beside a title, or an image with a name when it stands alone', () => {
    const $decoration = cheerio.load(brandArt({ seed: 'a', brand: BRAND, icon: 'utensils' }), { xml: true });
    expect($decoration('svg').attr('aria-hidden')).toBe('true');
    const $image = cheerio.load(brandArt({ seed: 'a', brand: BRAND, icon: 'utensils', label: 'Warung "Ikan" & Sambal' }), { xml: true });
    expect($image('svg').attr('role')).toBe('img');
    expect($image('svg').attr('aria-label')).toBe('Warung "Ikan" & Sambal');
  });

  it('escapes a hostile title and subtitle, and still renders', async () => {
    const title = 'Kabar </text></svg><script>alert(1)</script> "kutip" \u2028 & <b>tebal</b>';
    const svg = brandArt({ seed: 'x', brand: BRAND, icon: 'newspaper', text: { title, subtitle: `KIM <Batuah> & 'Bontang'` }, label: title });
    const $ = cheerio.load(svg, { xml: true });
    expect($('script').length).toBe(0);
    expect($('b').length).toBe(0);
    expect($.root().children().length).toBe(1);
    expect($('tspan').text()).toContain('</svg><script>');
    expect($('text').last().text()).toBe(`KIM <Batuah> & 'Bontang'`);
    await expect(pixels(svg)).resolves.toBeDefined();
  });

  it('wraps a long headline to three lines and says it goes on', () => {
    const lines = wrapTitle('Warga Kelurahan Tanjung Laut Indah bergotong royong membersihkan saluran air menjelang musim hujan tahun ini', 26, 3);
    expect(lines).toHaveLength(3);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(26);
    expect(lines.at(-1)).toMatch(/…$/);
    expect(wrapTitle('Pasar Terapung', 26, 3)).toEqual(['Pasar Terapung']);
    expect(wrapTitle('Kelurahanyangnamanyasangatpanjangsekali', 10, 2)).toEqual(['Kelurahan…']);
  });

  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});

describe('icons', () => {
  it('has one for every place kind, sector and story category, each a drawing without scripts', () => {
    for (const key of SECTOR_KEYS) expect(iconBody(SECTOR_ICONS[key]), key).toMatch(/^<(path|circle|rect|line|polyline|polygon|ellipse)\b/);
    for (const key of STORY_CATEGORY_KEYS) expect(iconBody(CATEGORY_ICONS[key]), key).toMatch(/^<(path|circle|rect|line|polyline|polygon|ellipse)\b/);
    expect(iconBody('utensils')).not.toMatch(/script|on\w+=|license/i);
  });

  it('draws inline in the text colour, hidden from assistive technology', () => {
    const $ = cheerio.load(iconSvg('store', 24), { xml: true });
    expect($('svg').attr('stroke')).toBe('currentColor');
    expect($('svg').attr('aria-hidden')).toBe('true');
    expect($('svg').attr('width')).toBe('24');
  });
});
