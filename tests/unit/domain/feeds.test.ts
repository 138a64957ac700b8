import { describe, expect, it } from 'vitest';
import { FEED_ITEMS, LOCAL_FEED_ITEMS, feedStories, jsonFeed, lastChange, rss, type FeedChannel, type FeedEntry } from '../../../src/domain/feeds.ts';
import { readJsonFeed, readRss } from '../../helpers/feeds.ts';

const channel: FeedChannel = {
  title: 'Jaringan KIM Kutai Kartanegara',
  description: 'Cerita terbaru dari seluruh KIM.',
  link: 'https://kim.example.org/',
  self: { rss: 'https://kim.example.org/rss.xml', json: 'https://kim.example.org/feed.json' },
  language: 'id',
  updated: new Date('2026-11-30T00:00:00Z'),
  publisher: { name: 'Jaringan KIM Kutai Kartanegara', url: 'https://kim.example.org/' },
  rights: 'Lisensi tiap cerita tertera di cerita itu.',
  generator: 'Jembatan',
};

function entry(over: Partial<FeedEntry> = {}): FeedEntry {
  return {
    url: 'https://kim.example.org/cerita/benua-elai/',
    title: 'Benua Elai, destinasi wisata Desa Batuah',
    summary: 'Ringkasan.',
    contentHtml: '<p>Isi <a href="https://kim.example.org/potensi/benua-elai/">Benua Elai</a>.</p>',
    published: new Date('2026-11-30T00:00:00Z'),
    authors: ['Tim Redaksi KIM Batuah'],
    kim: { name: 'KIM Batuah', url: 'https://kim.example.org/kim/kim-batuah/' },
    category: { label: 'Potensi desa', url: 'https://kim.example.org/cerita/kategori/potensi/' },
    tags: ['Wisata desa'],
    license: { label: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.id' },
    ...over,
  };
}

// What a hostile contributor writes in a title or summary: the end of a CDATA section (twice, which
// broke the `feed` package's writer), markup, a script end tag, quotes, a line separator and
// characters XML 1.0 cannot carry at all.
const HOSTILE = 'A]]><x/>]]><script>alert(1)</script> "kutip" \'satu\' & \u2028 baris\u0001\u0008\uFFFF';
const HOSTILE_READ = 'A]]><x/>]]><script>alert(1)</script> "kutip" \'satu\' & \u2028 baris';

describe('RSS', () => {
  it('is RSS 2.0 with everything a reader needs, every address absolute', () => {
    const feed = readRss(rss(channel, [entry({ image: { url: 'https://kim.example.org/_astro/a.webp', type: 'image/webp', alt: 'Danau' }, updated: new Date('2026-12-01T00:00:00Z') })]));
    expect(feed.problems).toEqual([]);
    expect(feed.self).toBe('https://kim.example.org/rss.xml');
    const [item] = feed.items;
    expect(item).toMatchObject({
      title: 'Benua Elai, destinasi wisata Desa Batuah',
      link: 'https://kim.example.org/cerita/benua-elai/',
      authors: ['Tim Redaksi KIM Batuah'],
      categories: ['Potensi desa', 'Wisata desa'],
      rights: 'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/deed.id)',
      image: 'https://kim.example.org/_astro/a.webp',
    });
    expect(item!.published.toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(item!.contentHtml).toContain('<a href="https://kim.example.org/potensi/benua-elai/">');
  });

  it('credits the KIM when a story names no author', () => {
    expect(readRss(rss(channel, [entry({ authors: [] })])).items[0]!.authors).toEqual(['KIM Batuah']);
  });

  it('carries a hostile title, summary and body as text, and stays well-formed', () => {
    const xml = rss({ ...channel, title: HOSTILE }, [entry({ title: HOSTILE, summary: HOSTILE, contentHtml: `<p>${HOSTILE}</p>`, tags: [HOSTILE], authors: [HOSTILE] })]);
    const feed = readRss(xml);
    expect(feed.problems).toEqual([]);
    expect(feed.title).toBe(HOSTILE_READ);
    expect(feed.items[0]).toMatchObject({ title: HOSTILE_READ, summary: HOSTILE_READ, contentHtml: `<p>${HOSTILE_READ}</p>`, authors: [HOSTILE_READ] });
    expect(feed.items[0]!.categories).toContain(HOSTILE_READ);
    expect(xml).not.toContain('<x/>');
    expect(xml).not.toContain('<script>');
  });

  it('is valid with no stories yet', () => {
    const feed = readRss(rss({ ...channel, updated: undefined }, []));
    expect(feed.problems).toEqual([]);
    expect(feed.items).toEqual([]);
  });
});

describe('JSON Feed', () => {
  it('is JSON Feed 1.1 with the same stories', () => {
    const { feed, problems } = readJsonFeed(jsonFeed(channel, [entry({ image: { url: 'https://kim.example.org/_astro/a.webp', type: 'image/webp', alt: 'Danau' } })]));
    expect(problems).toEqual([]);
    expect(feed.feed_url).toBe('https://kim.example.org/feed.json');
    expect(feed.items[0]).toMatchObject({
      id: 'https://kim.example.org/cerita/benua-elai/',
      url: 'https://kim.example.org/cerita/benua-elai/',
      date_published: '2026-11-30T00:00:00.000Z',
      authors: [{ name: 'Tim Redaksi KIM Batuah' }],
      tags: ['Potensi desa', 'Wisata desa'],
      image: 'https://kim.example.org/_astro/a.webp',
    });
  });

  it('keeps a hostile title exactly, as JSON text', () => {
    const { feed, problems } = readJsonFeed(jsonFeed(channel, [entry({ title: HOSTILE })]));
    expect(problems).toEqual([]);
    expect(feed.items[0]!.title).toBe(HOSTILE);
  });
});

describe('what a feed carries', () => {
  it('takes the newest stories, up to the limit', () => {
    const stories = Array.from({ length: FEED_ITEMS + 5 }, (_, i) => i);
    expect(feedStories(stories)).toEqual(stories.slice(0, FEED_ITEMS));
    expect(feedStories(stories, LOCAL_FEED_ITEMS)).toEqual(stories.slice(0, LOCAL_FEED_ITEMS));
  });

  it('is changed when its newest story was published or updated', () => {
    expect(lastChange([])).toBeUndefined();
    expect(
      lastChange([
        { published: new Date('2026-11-01') },
        { published: new Date('2026-10-01'), updated: new Date('2026-11-15') },
      ]),
    ).toEqual(new Date('2026-11-15'));
  });
});
