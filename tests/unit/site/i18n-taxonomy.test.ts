import { describe, expect, it } from 'vitest';
import id from '../../../src/site/i18n/id.json';
import { createTranslator, interpolate, isUiKey } from '../../../src/site/i18n/index.ts';
import {
  DEFAULT_LICENSE,
  LICENSES,
  LICENSE_KEYS,
  PLACE_KIND_KEYS,
  PRICE_RANGE_KEYS,
  SECTOR_KEYS,
  STORY_CATEGORY_KEYS,
} from '../../../src/domain/taxonomy.ts';

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
