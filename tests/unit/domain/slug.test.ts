import { describe, expect, it } from 'vitest';
import { isSlug, slugify } from '../../../src/domain/slug.ts';

describe('slugify', () => {
  it('lowercases a name and joins its words with hyphens', () => {
    expect(slugify('Bontang Kuala')).toBe('bontang-kuala');
    expect(slugify('KOTA BONTANG')).toBe('kota-bontang');
  });

  it('folds diacritics into plain ASCII letters', () => {
    expect(slugify('Séko')).toBe('seko');
    expect(slugify('Ñusa Ülu')).toBe('nusa-ulu');
    expect(slugify('Bàtù Ampàr')).toBe('batu-ampar');
  });

  it('folds compatibility characters such as ligatures', () => {
    expect(slugify('ﬁlm')).toBe('film');
  });

  it('keeps an existing hyphen as a single hyphen ("Api-api")', () => {
    expect(slugify('Api-api')).toBe('api-api');
  });

  it('turns a quote inside a name into a hyphen (Soka"an)', () => {
    expect(slugify('Soka"an')).toBe('soka-an');
    expect(slugify("Soka'an")).toBe('soka-an');
  });

  it('collapses runs of punctuation and spaces into one hyphen', () => {
    expect(slugify('Loa Janan (Ilir)')).toBe('loa-janan-ilir');
    expect(slugify('Sungai  --  Kapih / Seberang')).toBe('sungai-kapih-seberang');
  });

  it('trims hyphens from both ends', () => {
    expect(slugify('  "Muara Badak"  ')).toBe('muara-badak');
    expect(slugify('-Tanjung Laut-')).toBe('tanjung-laut');
  });

  it('keeps digits', () => {
    expect(slugify('Sidomulyo 2')).toBe('sidomulyo-2');
    expect(slugify('Km. 10')).toBe('km-10');
  });

  it('returns an empty string for a name without letters or digits', () => {
    expect(slugify('!!! ???')).toBe('');
    expect(slugify('')).toBe('');
  });

  it('always produces a valid slug when it produces anything', () => {
    for (const name of ['Séko', 'Api-api', 'Soka"an', 'Loa Janan (Ilir)', '  x  ', 'Ḿuara ‒ Kaman']) {
      expect(isSlug(slugify(name))).toBe(true);
    }
  });
});

describe('isSlug', () => {
  it('accepts lowercase words joined by single hyphens', () => {
    expect(isSlug('kim-bontang-kuala')).toBe(true);
    expect(isSlug('kim2')).toBe(true);
    expect(isSlug('2026')).toBe(true);
  });

  it('rejects upper case letters', () => {
    expect(isSlug('KIM-Bontang')).toBe(false);
  });

  it('rejects spaces, underscores and dots', () => {
    expect(isSlug('kim bontang')).toBe(false);
    expect(isSlug('kim_bontang')).toBe(false);
    expect(isSlug('kim.bontang')).toBe(false);
  });

  it('rejects leading, trailing and doubled hyphens', () => {
    expect(isSlug('-kim')).toBe(false);
    expect(isSlug('kim-')).toBe(false);
    expect(isSlug('kim--bontang')).toBe(false);
  });

  it('rejects an empty string and non-ASCII letters', () => {
    expect(isSlug('')).toBe(false);
    expect(isSlug('séko')).toBe(false);
  });
});
