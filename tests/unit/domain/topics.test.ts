import { describe, expect, it } from 'vitest';
import { buildTopicListings } from '../../../src/domain/listings.ts';
import { topicKey, topicKeysOf, topicsOf } from '../../../src/domain/topics.ts';

const story = (id: string, tags: string[]) => ({ id, data: { tags } });

describe('topics', () => {
  it('key a tag by its slug, so spellings that differ in case, spaces or signs meet', () => {
    expect(['Wisata Desa', 'wisata desa', 'wisata-desa', ' wisata  desa! '].map(topicKey)).toEqual(Array(4).fill('wisata-desa'));
    expect(topicKey('Séko')).toBe('seko');
  });

  it('give a tag a URL cannot carry no key, and no page', () => {
    expect(topicKey('🌊🌊')).toBe('');
    expect(topicKeysOf(story('a', ['🌊', 'laut', 'Laut']))).toEqual(['laut']);
    expect(topicsOf([story('a', ['🌊'])])).toEqual([]);
  });

  it('label a topic with the newest story’s spelling and count each story once', () => {
    const stories = [story('baru', ['wisata desa', 'Wisata-Desa']), story('lama', ['WISATA DESA']), story('lain', ['nelayan'])];
    expect(topicsOf(stories)).toEqual([
      { key: 'wisata-desa', label: 'wisata desa', count: 2 },
      { key: 'nelayan', label: 'nelayan', count: 1 },
    ]);
  });

  it('order topics by how often they are used, then by label', () => {
    const stories = [story('1', ['bontang']), story('2', ['api-api']), story('3', ['bontang'])];
    expect(topicsOf(stories).map((t) => t.key)).toEqual(['bontang', 'api-api']);
  });
});

describe('buildTopicListings', () => {
  const stories = Array.from({ length: 5 }, (_, i) => story(`s${i}`, i % 2 === 0 ? ['pasar', 'ikan'] : ['pasar']));

  it('pages each topic’s stories in the order given, with its URL parameter', () => {
    const pages = buildTopicListings(stories, { pageSize: 2, maxPages: 10 });
    expect(pages.map((p) => [p.param, p.page.items.map((s) => s.id)])).toEqual([
      ['topik/pasar', ['s0', 's1']],
      ['topik/pasar/halaman/2', ['s2', 's3']],
      ['topik/pasar/halaman/3', ['s4']],
      ['topik/ikan', ['s0', 's2']],
      ['topik/ikan/halaman/2', ['s4']],
    ]);
  });

  it('stops after the page limit and takes a topic’s size from the totals a network shard is handed', () => {
    const pages = buildTopicListings(stories, { pageSize: 2, maxPages: 1 }, { pasar: 40, ikan: 3 });
    expect(pages.map((p) => [p.param, p.totalItems, p.page.total])).toEqual([
      ['topik/pasar', 40, 1],
      ['topik/ikan', 3, 1],
    ]);
  });
});
