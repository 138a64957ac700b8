import { describe, expect, it } from 'vitest';
import { buildsInShard, buildsNetworkPages, inShardSitemap, NETWORK_SHARD, shardEntries } from '../../src/lib/shards.ts';

const entries = {
  kim: [
    { id: 'kim-bontang', data: { village: '64.74.01.1001' } },
    { id: 'kim-banjar', data: { village: '63.03.01.2001' } },
  ],
  places: [
    { id: 'pantai-bontang', data: { region: '64.74.01.1001', kim: 'kim-bontang' } },
    { id: 'pasar-banjar', data: { region: '63.03.01.2001', kim: 'kim-banjar' } },
  ],
  stories: [
    { id: 'kabar-bontang', data: { kim: 'kim-bontang', places: ['pasar-banjar'] } },
    { id: 'kabar-banjar', data: { kim: 'kim-banjar', places: ['pantai-bontang'] } },
    { id: 'kabar-banjar-lain', data: { kim: 'kim-banjar', places: [] } },
  ],
};

describe('shardEntries', () => {
  it('gives a province its own entries and everything their pages mention', () => {
    const shard = shardEntries(entries, '64');
    expect([...shard.kim].sort()).toEqual(['kim-banjar', 'kim-bontang']);
    expect([...shard.stories].sort()).toEqual(['kabar-banjar', 'kabar-bontang']);
    expect([...shard.places].sort()).toEqual(['pantai-bontang', 'pasar-banjar']);
  });

  it('leaves out what the province never shows', () => {
    expect(shardEntries(entries, '64').stories.has('kabar-banjar-lain')).toBe(false);
    expect(shardEntries(entries, '11')).toEqual({ kim: new Set(), stories: new Set(), places: new Set() });
  });
});

describe('which build makes which page', () => {
  it('builds a page only in the shard of its province, and everything without shards', () => {
    expect(buildsInShard('64', '64.74.01.1001')).toBe(true);
    expect(buildsInShard('63', '64.74.01.1001')).toBe(false);
    expect(buildsInShard(NETWORK_SHARD, '64.74.01.1001')).toBe(false);
    expect(buildsInShard(null, '64.74.01.1001')).toBe(true);
    expect(buildsNetworkPages(NETWORK_SHARD)).toBe(true);
    expect(buildsNetworkPages('64')).toBe(false);
    expect(buildsNetworkPages(null)).toBe(true);
  });

  it('lists in a province sitemap only the pages that province owns', () => {
    for (const page of ['/wilayah/kota-bontang/', '/wilayah/kota-bontang/bontang-utara/bontang-kuala/', '/kim/kim-a/', '/cerita/kabar/', '/potensi/pantai/']) {
      expect(inShardSitemap('64', page), page).toBe(true);
    }
    for (const page of ['/', '/wilayah/', '/bentuk-kim/', '/cerita/', '/cerita/halaman/2/', '/cerita/kategori/berita/', '/potensi/jenis/wisata/', '/kim/sektor/wisata/']) {
      expect(inShardSitemap('64', page), page).toBe(false);
      expect(inShardSitemap(NETWORK_SHARD, page), page).toBe(true);
    }
  });
});
