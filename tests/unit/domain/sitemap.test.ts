import { describe, expect, it } from 'vitest';
import { lastModified } from '../../../src/domain/sitemap.ts';
import { createUrls } from '../../../src/domain/urls.ts';

const story = (id: string, kim: string, date: string, extra: { updated?: string; draft?: boolean } = {}) => ({
  id,
  data: { kim, date: new Date(date), updated: extra.updated ? new Date(extra.updated) : undefined, draft: extra.draft ?? false },
});

describe('lastModified', () => {
  const now = new Date('2026-12-01T00:00:00Z');
  const dates = lastModified(
    {
      stories: [
        story('a', 'kim-a', '2026-11-01', { updated: '2026-11-20' }),
        story('b', 'kim-a', '2026-11-10'),
        story('draf', 'kim-b', '2026-11-25', { draft: true }),
        story('nanti', 'kim-b', '2027-01-01'),
      ],
      places: [{ id: 'p', data: { verified: new Date('2026-09-09') } }, { id: 'q', data: {} }],
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

  it('dates nothing from an unpublished story, and no page without a date', () => {
    expect(dates.has('/jembatan/kim/kim-b/')).toBe(false);
    expect(dates.has('/jembatan/cerita/draf/')).toBe(false);
    expect(dates.has('/jembatan/potensi/q/')).toBe(false);
  });
});
