import { describe, expect, it } from 'vitest';
import { lastModified } from '../../../src/domain/sitemap.ts';
import { createUrls } from '../../../src/domain/urls.ts';

const story = (id: string, kim: string, date: string, extra: { updated?: string; draft?: boolean } = {}) => ({
  id,
  data: { kim, date: new Date(date), updated: extra.updated ? new Date(extra.updated) : undefined, draft: extra.draft ?? false },
});

/** Regions with pages: Kalimantan Timur, Kota Bontang, Bontang Utara and two of its villages; not Bontang Selatan. */
const regionPaths: Record<string, string[]> = {
  '64': ['kalimantan-timur'],
  '64.74': ['kota-bontang'],
  '64.74.02': ['kota-bontang', 'bontang-utara'],
  '64.74.02.1001': ['kota-bontang', 'bontang-utara', 'bontang-kuala'],
  '64.74.02.1002': ['kota-bontang', 'bontang-utara', 'lok-tuan'],
};
const tree = {
  hasPage: (code: string) => code in regionPaths,
  get: (code: string) => (code in regionPaths ? { pathSegments: regionPaths[code]! } : undefined),
};

describe('lastModified', () => {
  const now = new Date('2026-12-01T00:00:00Z');
  const dates = lastModified(
    {
      tree,
      kim: [
        { id: 'kim-a', data: { village: '64.74.02.1001' } },
        { id: 'kim-b', data: { village: '64.74.02.1002' } },
        { id: 'kim-c', data: { village: '64.74.01.1001' } },
      ],
      stories: [
        story('a', 'kim-a', '2026-11-01', { updated: '2026-11-20' }),
        story('b', 'kim-a', '2026-11-10'),
        story('draf', 'kim-b', '2026-11-25', { draft: true }),
        story('nanti', 'kim-b', '2027-01-01'),
        story('selatan', 'kim-c', '2026-11-30'),
      ],
      places: [
        { id: 'p', data: { region: '64.74.02.1002', verified: new Date('2026-09-09') } },
        { id: 'q', data: { region: '64.74.02.1002' } },
        { id: 'r', data: { region: '64.74.02', verified: new Date('2026-11-25') } },
      ],
    },
    createUrls({ base: '/jembatan/' }),
    now,
  );

  it('dates a story by its update, a KIM by its newest published story, a place by its check', () => {
    expect(dates.get('/jembatan/cerita/a/')).toEqual(new Date('2026-11-20'));
    expect(dates.get('/jembatan/cerita/b/')).toEqual(new Date('2026-11-10'));
    expect(dates.get('/jembatan/kim/kim-a/')).toEqual(new Date('2026-11-20'));
    expect(dates.get('/jembatan/potensi/p/')).toEqual(new Date('2026-09-09'));
  });

  it('dates a region by the newest story of its KIM and the newest check of its places, up to the province', () => {
    expect(dates.get('/jembatan/wilayah/kota-bontang/bontang-utara/bontang-kuala/')).toEqual(new Date('2026-11-20'));
    // Lok Tuan: its KIM published nothing yet, its place was checked.
    expect(dates.get('/jembatan/wilayah/kota-bontang/bontang-utara/lok-tuan/')).toEqual(new Date('2026-09-09'));
    // The district's own place was checked later than any story of its villages.
    expect(dates.get('/jembatan/wilayah/kota-bontang/bontang-utara/')).toEqual(new Date('2026-11-25'));
    // Kota Bontang and the province also hold kim-c's story of the 30th, whose district has no page here.
    expect(dates.get('/jembatan/wilayah/kota-bontang/')).toEqual(new Date('2026-11-30'));
    expect(dates.get('/jembatan/wilayah/kalimantan-timur/')).toEqual(new Date('2026-11-30'));
    expect([...dates.keys()].filter((path) => path.includes('64.74.01') || path.endsWith('bontang-selatan/'))).toEqual([]);
  });

  it('dates nothing from an unpublished story, and no page without a date', () => {
    expect(dates.has('/jembatan/kim/kim-b/')).toBe(false);
    expect(dates.has('/jembatan/cerita/draf/')).toBe(false);
    expect(dates.has('/jembatan/potensi/q/')).toBe(false);
  });
});
