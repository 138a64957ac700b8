import { describe, expect, it } from 'vitest';
import { kimSchema, networkSchema, pathImageContext, placeSchema, storySchema } from '../../../src/format/schemas/index.ts';
import { htmlTextLength, MAX_TITLE_LENGTH } from '../../../src/format/schemas/common.ts';
import { PLACE_KIND_KEYS, STORY_CATEGORY_KEYS } from '../../../src/domain/taxonomy.ts';
import { msg } from '../../../src/format/messages.ts';

const kim = kimSchema(pathImageContext);
const story = storySchema(pathImageContext);
const place = placeSchema(pathImageContext);

const minimalKim = { name: 'KIM Bontang Kuala', village: '64.74.01.1001' };
const minimalStory = {
  title: 'Festival Pesisir Bontang Kuala',
  date: '2026-01-05',
  kim: 'kim-bontang-kuala',
  summary: 'Warga merayakan festival tahunan di kampung atas air.',
  category: 'berita',
};
const minimalPlace = {
  name: 'Kampung Wisata Bontang Kuala',
  kind: 'wisata',
  region: '64.74.01.1001',
  summary: 'Permukiman di atas air dengan jembatan kayu.',
};
const minimalNetwork = {
  name: 'Jaringan KIM Bontang',
  description: 'KIM di Kota Bontang.',
  site: 'https://kim.contoh.id',
  scope: ['64.74'],
};

/** The issues of a failed parse as [path, message] pairs, for readable assertions. */
function issuesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => [i.path.join('.'), i.message]);
}

describe('kimSchema', () => {
  it('accepts a minimal KIM and fills in the defaults, leaving the colour for the network to choose', () => {
    const result = kim.safeParse(minimalKim);
    expect(result.success).toBe(true);
    expect(result.data).toEqual({
      ...minimalKim,
      sectors: [],
      contacts: {},
      reviewers: [],
      active: true,
      sample: false,
    });
  });

  it('drops repeated sectors and keeps their order', () => {
    const result = kim.parse({ ...minimalKim, sectors: ['wisata', 'kuliner', 'wisata'] });
    expect(result.sectors).toEqual(['wisata', 'kuliner']);
  });

  it('lowercases a brand colour written in capitals', () => {
    expect(kim.parse({ ...minimalKim, color: '#1D4ED8' }).color).toBe('#1d4ed8');
  });

  it('rejects a colour that is not #rrggbb', () => {
    expect(issuesOf(kim.safeParse({ ...minimalKim, color: 'teal' }))).toEqual([['color', msg.color]]);
  });

  it('rejects an unknown key such as a misspelt field', () => {
    const result = kim.safeParse({ ...minimalKim, nama: 'KIM X' });
    expect(result.success).toBe(false);
    expect(result.error!.issues).toHaveLength(1);
    expect(result.error!.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['nama'] });
  });

  it('rejects a district code where a village code is required', () => {
    expect(issuesOf(kim.safeParse({ ...minimalKim, village: '64.74.01' }))).toEqual([['village', msg.villageCode]]);
  });

  it('rejects an unknown sector and lists the allowed ones', () => {
    const [[field, message]] = issuesOf(kim.safeParse({ ...minimalKim, sectors: ['pariwisata'] })) as [[string, string]];
    expect(field).toBe('sectors.0');
    expect(message).toContain('nilai tidak dikenal');
    expect(message).toContain('"wisata", "kuliner"');
    expect(message).toContain('"perfilman"');
  });

  it('rejects a javascript: website with the unsafe-link message', () => {
    expect(issuesOf(kim.safeParse({ ...minimalKim, contacts: { website: 'javascript:alert(1)' } }))).toEqual([
      ['contacts.website', msg.unsafeUrl],
    ]);
  });

  it('rejects a mailto: link as a website, since a website must be a web page', () => {
    expect(issuesOf(kim.safeParse({ ...minimalKim, contacts: { website: 'mailto:kim@contoh.id' } }))).toEqual([
      ['contacts.website', msg.unsafeUrl],
    ]);
  });

  it('normalises WhatsApp numbers, including wa.me links, to international digits', () => {
    expect(kim.parse({ ...minimalKim, contacts: { whatsapp: '0812-3456-7890' } }).contacts.whatsapp).toBe('6281234567890');
    expect(kim.parse({ ...minimalKim, contacts: { whatsapp: 'https://wa.me/6281234567890' } }).contacts.whatsapp).toBe(
      '6281234567890',
    );
  });

  it('rejects a WhatsApp value that is not a phone number', () => {
    expect(issuesOf(kim.safeParse({ ...minimalKim, contacts: { whatsapp: 'nomor rahasia' } }))).toEqual([
      ['contacts.whatsapp', msg.phone],
    ]);
    expect(issuesOf(kim.safeParse({ ...minimalKim, contacts: { whatsapp: 'javascript:alert(1)' } }))).toEqual([
      ['contacts.whatsapp', msg.unsafeUrl],
    ]);
  });

  it('strips mailto: from an email and turns a handle into a profile URL', () => {
    const { contacts } = kim.parse({ ...minimalKim, contacts: { email: 'mailto:kim@contoh.id', instagram: '@kimbk' } });
    expect(contacts).toEqual({ email: 'kim@contoh.id', instagram: 'https://www.instagram.com/kimbk' });
  });

  it('rejects a javascript: social profile with the unsafe-link message', () => {
    expect(issuesOf(kim.safeParse({ ...minimalKim, contacts: { facebook: 'javascript:alert(1)' } }))).toEqual([
      ['contacts.facebook', msg.unsafeUrl],
    ]);
  });

  it('reports a missing name as required', () => {
    expect(issuesOf(kim.safeParse({ village: '64.74.01.1001' }))).toEqual([['name', msg.required]]);
  });

  it('reports a name of only spaces as required', () => {
    expect(issuesOf(kim.safeParse({ ...minimalKim, name: '   ' }))).toEqual([['name', msg.required]]);
  });

  it('rejects a name that is too long with its limit', () => {
    expect(issuesOf(kim.safeParse({ ...minimalKim, name: 'K'.repeat(MAX_TITLE_LENGTH + 1) }))).toEqual([['name', msg.tooLong(MAX_TITLE_LENGTH)]]);
  });
});

describe('storySchema', () => {
  it('accepts a minimal story and fills in the defaults', () => {
    const result = story.parse(minimalStory);
    expect(result).toEqual({
      ...minimalStory,
      date: new Date('2026-01-05T00:00:00Z'),
      tags: [],
      authors: [],
      license: 'CC-BY-4.0',
      draft: false,
      places: [],
      sample: false,
    });
  });

  it('accepts a date that YAML has already turned into a Date', () => {
    const date = new Date('2026-01-05T00:00:00Z');
    expect(story.parse({ ...minimalStory, date }).date).toEqual(date);
  });

  it('keeps each tag as written and drops repeats that would share its topic page', () => {
    const result = story.parse({ ...minimalStory, tags: ['Danau Melintang', ' danau melintang ', 'danau-melintang', 'KIM', 'kim', '🌊', '🌊'] });
    expect(result.tags).toEqual(['Danau Melintang', 'KIM', '🌊']);
  });

  it('rejects a date written day-first or in words', () => {
    expect(issuesOf(story.safeParse({ ...minimalStory, date: '05-01-2026' }))).toEqual([['date', msg.date]]);
    expect(issuesOf(story.safeParse({ ...minimalStory, date: 'kemarin' }))).toEqual([['date', msg.date]]);
  });

  it('rejects a date with an impossible month', () => {
    expect(issuesOf(story.safeParse({ ...minimalStory, date: '2026-13-05' }))).toEqual([['date', msg.date]]);
  });

  it('rejects a date that is neither text nor a date', () => {
    expect(issuesOf(story.safeParse({ ...minimalStory, date: 20260105 }))).toEqual([['date', msg.date]]);
  });

  it('rejects an unknown category and lists every allowed one', () => {
    expect(issuesOf(story.safeParse({ ...minimalStory, category: 'olahraga' }))).toEqual([
      ['category', msg.oneOf(STORY_CATEGORY_KEYS)],
    ]);
    expect(msg.oneOf(STORY_CATEGORY_KEYS)).toContain('"layanan-publik"');
  });

  it('rejects an unknown licence', () => {
    const [[field, message]] = issuesOf(story.safeParse({ ...minimalStory, license: 'MIT' })) as [[string, string]];
    expect(field).toBe('license');
    expect(message).toContain('"CC-BY-4.0"');
    expect(message).toContain('"hak-cipta"');
  });

  it('rejects a KIM reference that is not an entry id', () => {
    expect(issuesOf(story.safeParse({ ...minimalStory, kim: 'KIM Bontang Kuala' }))).toEqual([['kim', msg.entryId]]);
  });

  it('rejects draft written as a word instead of true or false', () => {
    expect(issuesOf(story.safeParse({ ...minimalStory, draft: 'ya' }))).toEqual([['draft', msg.boolean]]);
  });

  it('requires alt text and credit on a cover photo', () => {
    const issues = issuesOf(story.safeParse({ ...minimalStory, cover: { src: './sampul.jpg' } }));
    expect(issues).toEqual([
      ['cover.alt', msg.required],
      ['cover.credit', msg.required],
    ]);
  });

  it('rejects an unknown key', () => {
    const result = story.safeParse({ ...minimalStory, penulis: ['Ani'] });
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['penulis'] });
  });
});

describe('placeSchema', () => {
  it('accepts a minimal place and fills in the defaults', () => {
    expect(place.parse(minimalPlace)).toEqual({
      ...minimalPlace,
      contacts: {},
      photos: [],
      featured: false,
      sample: false,
    });
  });

  it('accepts a district code for a place that spans several villages', () => {
    expect(place.parse({ ...minimalPlace, region: '64.02.05' }).region).toBe('64.02.05');
  });

  it('rejects a regency code as a place region', () => {
    expect(issuesOf(place.safeParse({ ...minimalPlace, region: '64.74' }))).toEqual([['region', msg.areaCode]]);
  });

  it('accepts coordinates in Bontang', () => {
    expect(place.parse({ ...minimalPlace, coordinates: { lat: 0.1333, lng: 117.4833 } }).coordinates).toEqual({
      lat: 0.1333,
      lng: 117.4833,
    });
  });

  it('accepts an estimated point with the public page it was read from, and refuses a source that is not a web page', () => {
    const lake = { lat: -0.2881, lng: 116.3478, approximate: true, source: 'http://visitkaltim.id/blog/danau' };
    expect(place.parse({ ...minimalPlace, coordinates: lake }).coordinates).toEqual(lake);
    expect(issuesOf(place.safeParse({ ...minimalPlace, coordinates: { ...lake, source: 'javascript:alert(1)' } }))).toEqual([['coordinates.source', msg.unsafeUrl]]);
    expect(issuesOf(place.safeParse({ ...minimalPlace, coordinates: { ...lake, approximate: 'ya' } }))).toEqual([['coordinates.approximate', msg.boolean]]);
  });

  it('rejects coordinates 0,0 as outside Indonesia', () => {
    expect(issuesOf(place.safeParse({ ...minimalPlace, coordinates: { lat: 0, lng: 0 } }))).toEqual([
      ['coordinates', msg.outsideIndonesia],
    ]);
  });

  it('rejects coordinates written as one piece of text', () => {
    expect(issuesOf(place.safeParse({ ...minimalPlace, coordinates: '0.13, 117.48' }))).toEqual([
      ['coordinates', msg.coordinates],
    ]);
  });

  it('rejects a kind that is a KIM sector but not a place kind, listing the place kinds', () => {
    expect(issuesOf(place.safeParse({ ...minimalPlace, kind: 'teknologi' }))).toEqual([['kind', msg.oneOf(PLACE_KIND_KEYS)]]);
    expect(msg.oneOf(PLACE_KIND_KEYS)).not.toContain('teknologi');
  });

  it('rejects an unknown price range', () => {
    const [[field, message]] = issuesOf(place.safeParse({ ...minimalPlace, priceRange: 'gratisan' })) as [[string, string]];
    expect(field).toBe('priceRange');
    expect(message).toBe('nilai tidak dikenal. Pilihan yang diizinkan: "gratis", "murah", "sedang", "mahal".');
  });

  it('rejects a photo without its credit', () => {
    expect(issuesOf(place.safeParse({ ...minimalPlace, photos: [{ src: './a.jpg', alt: 'Jembatan kayu' }] }))).toEqual([
      ['photos.0.credit', msg.required],
    ]);
  });
});

describe('networkSchema', () => {
  it('accepts a minimal network and fills in the defaults', () => {
    expect(networkSchema.parse(minimalNetwork)).toEqual({
      ...minimalNetwork,
      base: '/',
      map: {
        tiles: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
        attribution: '© OpenStreetMap contributors',
        attributionUrl: 'https://www.openstreetmap.org/copyright',
        maxZoom: 19,
      },
      cms: { editors: [], review: true, openAuthoring: true },
      statistics: { quietDays: 90, staleDays: 365 },
      socialCards: 'auto',
      sample: false,
    });
  });

  it('lets a network choose its preview images or leave them to the host\'s build, and names the choices when the value is unknown', () => {
    for (const mode of ['auto', 'entries', 'kim']) expect(networkSchema.parse({ ...minimalNetwork, socialCards: mode }).socialCards).toBe(mode);
    expect(issuesOf(networkSchema.safeParse({ ...minimalNetwork, socialCards: 'semua' }))).toEqual([['socialCards', msg.oneOf(['auto', 'entries', 'kim'])]]);
  });

  it('takes a network\'s own tile server, https only, and says how to write one', () => {
    const map = { tiles: 'https://peta.kukarkab.go.id/{z}/{x}/{y}.png', attribution: 'Diskominfo Kukar' };
    expect(networkSchema.parse({ ...minimalNetwork, map }).map).toEqual({ ...map, maxZoom: 19 });
    expect(issuesOf(networkSchema.safeParse({ ...minimalNetwork, map: { ...map, tiles: 'http://peta.contoh.id/{z}/{x}/{y}.png' } }))).toEqual([
      ['map.tiles', msg.tileUrl],
    ]);
  });

  it('accepts the national scope "ID" and a province, regency or district code', () => {
    expect(networkSchema.parse({ ...minimalNetwork, scope: ['ID'] }).scope).toEqual(['ID']);
    expect(networkSchema.parse({ ...minimalNetwork, scope: ['64', '63.02', '62.01.01'] }).scope).toEqual([
      '64',
      '63.02',
      '62.01.01',
    ]);
  });

  it('rejects a village code in the scope', () => {
    expect(issuesOf(networkSchema.safeParse({ ...minimalNetwork, scope: ['64.74', '64.74.01.1001'] }))).toEqual([
      ['scope.1', msg.scopeCode],
    ]);
  });

  it('rejects a scope code that YAML read as a number', () => {
    expect(issuesOf(networkSchema.safeParse({ ...minimalNetwork, scope: [64.74] }))).toEqual([['scope.0', msg.codeNeedsQuotes]]);
  });

  it('rejects an empty scope as required', () => {
    expect(issuesOf(networkSchema.safeParse({ ...minimalNetwork, scope: [] }))).toEqual([['scope', msg.required]]);
  });

  it('rejects a base path without its slashes', () => {
    expect(issuesOf(networkSchema.safeParse({ ...minimalNetwork, base: 'jembatan' }))).toEqual([['base', msg.basePath]]);
    expect(networkSchema.parse({ ...minimalNetwork, base: '/jembatan/' }).base).toBe('/jembatan/');
  });

  it('rejects a base path that climbs out of the site folder', () => {
    for (const base of ['/../', '/./', '/kim/../../']) expect(issuesOf(networkSchema.safeParse({ ...minimalNetwork, base })), base).toEqual([['base', msg.basePath]]);
    expect(networkSchema.parse({ ...minimalNetwork, base: '/kim.v2/' }).base).toBe('/kim.v2/');
  });

  it('rejects a site that is not a web address', () => {
    expect(issuesOf(networkSchema.safeParse({ ...minimalNetwork, site: 'kim.contoh.id' }))).toEqual([['site', msg.siteUrl]]);
  });

  it('has no languages field until the English edition exists', () => {
    expect(networkSchema.safeParse({ ...minimalNetwork, languages: ['id'] }).error!.issues).toMatchObject([{ code: 'unrecognized_keys', keys: ['languages'] }]);
  });

  it('rejects an unknown key', () => {
    const result = networkSchema.safeParse({ ...minimalNetwork, cakupan: ['64.74'] });
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['cakupan'] });
  });
});

describe('titles', () => {
  it('measure a headline as it is written into HTML, so the built page stays valid', () => {
    const story = storySchema(pathImageContext);
    const base = { date: '2026-11-01', kim: 'kim-a', summary: 'S', category: 'berita' };
    expect(story.safeParse({ ...base, title: 'A'.repeat(MAX_TITLE_LENGTH) }).success).toBe(true);
    const ampersands = story.safeParse({ ...base, title: `${'A'.repeat(90)} & ${'B'.repeat(5)}` });
    expect(ampersands.success).toBe(false);
    expect(ampersands.error?.issues.map((i) => i.path.join('.'))).toEqual(['title']);
    expect(htmlTextLength('Kuliner & "wisata"')).toBe('Kuliner &amp; &quot;wisata&quot;'.length);
  });
});
