import { describe, expect, it } from 'vitest';
import id from '../../../src/site/i18n/id.json';
import { createTranslator, interpolate, isUiKey } from '../../../src/site/i18n/index.ts';
import { initialsOf, luminance, monogram, textColorOn } from '../../../src/domain/monogram.ts';
import {
  DEFAULT_LICENSE,
  LICENSES,
  LICENSE_KEYS,
  PLACE_KIND_KEYS,
  PRICE_RANGE_KEYS,
  SECTOR_KEYS,
  STORY_CATEGORY_KEYS,
} from '../../../src/domain/taxonomy.ts';
import { DEFAULT_KIM_COLOR } from '../../../src/format/schemas/kim.ts';

describe('the Indonesian dictionary covers the taxonomy', () => {
  it('has a label for every sector', () => {
    expect(SECTOR_KEYS.filter((k) => !isUiKey(`sector.${k}`))).toEqual([]);
  });

  it('has a label for every story category', () => {
    expect(STORY_CATEGORY_KEYS.filter((k) => !isUiKey(`story.category.${k}`))).toEqual([]);
  });

  it('has a label for every price range', () => {
    expect(PRICE_RANGE_KEYS.filter((k) => !isUiKey(`place.price.${k}`))).toEqual([]);
  });

  it('has a republishing note for every licence, naming the KIM', () => {
    expect(LICENSE_KEYS.filter((k) => !isUiKey(`story.license.${k}`))).toEqual([]);
    for (const key of LICENSE_KEYS) expect(id[`story.license.${key}` as keyof typeof id]).toContain('{kim}');
  });

  it('has no empty entries', () => {
    expect(Object.entries(id).filter(([, value]) => value.trim() === '')).toEqual([]);
  });

  it('does not recognise a key that is not in the dictionary', () => {
    expect(isUiKey('sector.olahraga')).toBe(false);
  });
});

describe('the taxonomy', () => {
  it('makes every place kind a sector too', () => {
    expect(PLACE_KIND_KEYS.filter((k) => !(SECTOR_KEYS as readonly string[]).includes(k))).toEqual([]);
  });

  it('keeps sectors that are not places out of the place kinds', () => {
    expect(PLACE_KIND_KEYS).not.toContain('teknologi');
    expect(PLACE_KIND_KEYS).not.toContain('perfilman');
  });

  it('uses keys that can be URL segments', () => {
    for (const key of [...SECTOR_KEYS, ...STORY_CATEGORY_KEYS]) expect(key).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('defaults to a licence that allows republishing', () => {
    expect(DEFAULT_LICENSE).toBe('CC-BY-4.0');
    expect(LICENSES[DEFAULT_LICENSE].republish).toBe(true);
    expect(LICENSES['hak-cipta'].republish).toBe(false);
  });
});

describe('interpolate', () => {
  it('fills every placeholder', () => {
    expect(interpolate('{withKim} dari {total} desa', { withKim: 3, total: 10 })).toBe('3 dari 10 desa');
  });

  it('leaves a template without placeholders as it is', () => {
    expect(interpolate('Beranda')).toBe('Beranda');
  });

  it('throws on a missing variable instead of printing the placeholder', () => {
    expect(() => interpolate('KIM di {name}', {})).toThrow(/Missing variable "name"/);
    expect(() => interpolate('KIM di {name}')).toThrow(/Missing variable "name"/);
  });

  it('accepts an empty string or zero as a value', () => {
    expect(interpolate('[{a}|{b}]', { a: '', b: 0 })).toBe('[|0]');
  });
});

describe('createTranslator', () => {
  const t = createTranslator('id');

  it('looks up and fills a dictionary entry', () => {
    expect(t('stats.coverage', { withKim: 3, total: 10, percent: '30%' })).toBe(
      '3 dari 10 desa/kelurahan sudah memiliki KIM (30%).',
    );
    expect(t('nav.home')).toBe('Beranda');
  });

  it('throws when an entry needs a variable that is not given', () => {
    expect(() => t('region.kimsHere')).toThrow(/Missing variable "name"/);
  });
});

describe('monogram', () => {
  it('takes initials from the distinctive words of a KIM name', () => {
    expect(initialsOf('KIM Bontang Kuala')).toBe('BK');
    expect(initialsOf('Komunitas Informasi Masyarakat Desa Batuah')).toBe('B');
    expect(initialsOf('KIM Kelurahan Tanjung Laut Indah')).toBe('TL');
  });

  it('falls back to the stop words when nothing else is left', () => {
    expect(initialsOf('KIM')).toBe('K');
    expect(initialsOf('Komunitas Informasi Masyarakat')).toBe('KI');
  });

  it('splits on hyphens and keeps letters with diacritics', () => {
    expect(initialsOf('KIM Api-api')).toBe('AA');
    expect(initialsOf('kim édelweis')).toBe('É');
  });

  it('gives a question mark for a name without letters', () => {
    expect(initialsOf('')).toBe('?');
    expect(initialsOf(' - ')).toBe('?');
  });

  it('puts white text on the default teal and black text on yellow', () => {
    expect(textColorOn(DEFAULT_KIM_COLOR)).toBe('#ffffff');
    expect(textColorOn('#fde047')).toBe('#000000');
    expect(textColorOn('#000000')).toBe('#ffffff');
    expect(textColorOn('#ffffff')).toBe('#000000');
  });

  it('bundles initials and colours', () => {
    expect(monogram('KIM Bontang Kuala', DEFAULT_KIM_COLOR)).toEqual({
      initials: 'BK',
      background: DEFAULT_KIM_COLOR,
      foreground: '#ffffff',
    });
  });
});

describe('luminance', () => {
  it('is 0 for black and 1 for white', () => {
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#ffffff')).toBeCloseTo(1, 10);
  });

  it('matches the WCAG value for mid grey and the primaries', () => {
    expect(luminance('#808080')).toBeCloseTo(0.2159, 4);
    expect(luminance('#ff0000')).toBeCloseTo(0.2126, 4);
    expect(luminance('#00ff00')).toBeCloseTo(0.7152, 4);
    expect(luminance('#0000ff')).toBeCloseTo(0.0722, 4);
  });

  it('gives the default teal enough contrast with white for normal text (WCAG AA)', () => {
    const contrast = 1.05 / (luminance(DEFAULT_KIM_COLOR) + 0.05);
    expect(contrast).toBeGreaterThanOrEqual(4.5);
  });

  it('rises with brightness', () => {
    const greys = ['#000000', '#333333', '#666666', '#999999', '#cccccc', '#ffffff'].map(luminance);
    expect(greys).toEqual([...greys].sort((a, b) => a - b));
  });
});
