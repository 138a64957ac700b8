import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedParts, digest, digestFiles, digestValue, rebuildReason, shardKey, type ShardKeyParts } from '../../../src/build/shards/key.ts';
import { PROJECT_ROOT } from '../../helpers/fixture.ts';

const PARTS: ShardKeyParts = {
  content: digest('content'),
  network: digest('network'),
  figures: digest('figures'),
  plan: digest('plan'),
  code: digest('code'),
  regions: digest('regions'),
  settings: digest('settings'),
};

const files = [
  { path: 'network.yaml', digest: digest('name: Uji') },
  { path: 'kim/kim-banjar.md', digest: digest('---\nname: KIM Banjar\n---') },
  { path: 'stories/kabar.md', digest: digest('---\ntitle: Kabar\n---') },
];

describe('a shard key', () => {
  it('is the same for the same inputs', () => {
    expect(shardKey({ ...PARTS })).toBe(shardKey(PARTS));
    expect(shardKey(PARTS)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when any one of its parts changes, and says which', () => {
    for (const part of Object.keys(PARTS) as (keyof ShardKeyParts)[]) {
      const changed = { ...PARTS, [part]: digest(`${part} changed`) };
      expect(shardKey(changed), part).not.toBe(shardKey(PARTS));
      expect(changedParts(PARTS, changed)).toEqual([part]);
    }
  });

  it('gives the reason a shard is built in the build log’s words', () => {
    expect(rebuildReason(undefined, PARTS)).toBe('belum ada di cache');
    expect(rebuildReason(PARTS, { ...PARTS, code: digest('x') })).toBe('kode berubah');
    expect(rebuildReason(PARTS, { ...PARTS, content: digest('x'), figures: digest('y') })).toBe('konten bagian dan angka jaringan berubah');
    expect(rebuildReason(PARTS, { ...PARTS, content: digest('x'), network: digest('y'), settings: digest('z') })).toBe(
      'konten bagian, network.yaml dan pengaturan build berubah',
    );
    // The same parts, yet not restored: the cached copy was missing or had changed.
    expect(rebuildReason(PARTS, PARTS)).toBe('salinan di cache tidak utuh');
  });
});

describe('the digest of a folder’s files', () => {
  it('does not depend on the order the files were listed in', () => {
    expect(digestFiles([...files].reverse())).toBe(digestFiles(files));
    expect(digestFiles([files[1]!, files[2]!, files[0]!])).toBe(digestFiles(files));
  });

  it('changes when one byte of one file changes', () => {
    const changed = files.map((f) => (f.path === 'stories/kabar.md' ? { ...f, digest: digest('---\ntitle: Kabaz\n---') } : f));
    expect(digestFiles(changed)).not.toBe(digestFiles(files));
  });

  it('changes when a file is added, removed or renamed', () => {
    expect(digestFiles([...files, { path: 'stories/baru.md', digest: digest('baru') }])).not.toBe(digestFiles(files));
    expect(digestFiles(files.slice(1))).not.toBe(digestFiles(files));
    expect(digestFiles(files.map((f) => (f.path === 'stories/kabar.md' ? { ...f, path: 'stories/kabar-2.md' } : f)))).not.toBe(digestFiles(files));
  });

  it('cannot be made equal by moving bytes between a path and a digest', () => {
    expect(digestFiles([{ path: 'a', digest: 'bc' }])).not.toBe(digestFiles([{ path: 'ab', digest: 'c' }]));
  });

  it('sorts paths the same way on every machine, by code unit and not by locale', () => {
    const mixed = [
      { path: 'Z.md', digest: '1' },
      { path: 'a.md', digest: '2' },
      { path: 'ä.md', digest: '3' },
    ];
    expect(digestFiles(mixed)).toBe(digestFiles([mixed[2]!, mixed[0]!, mixed[1]!]));
  });

  it('refuses a file listed twice', () => {
    expect(() => digestFiles([...files, files[0]!])).toThrow('network.yaml');
  });
});

describe('the digest of a plain value', () => {
  it('does not depend on the order of an object’s keys, but does on its values', () => {
    expect(digestValue({ site: 'https://a.example', base: '/' })).toBe(digestValue({ base: '/', site: 'https://a.example' }));
    expect(digestValue({ site: 'https://a.example', base: '/x/' })).not.toBe(digestValue({ site: 'https://a.example', base: '/' }));
    expect(digestValue({ nested: { b: 1, a: [2, 3] } })).toBe(digestValue({ nested: { a: [2, 3], b: 1 } }));
  });
});

/**
 * The key leaves out the build clock, because pages depend on it only through which stories are
 * published, and a shard's prepared content holds exactly those. Should a page ever read the
 * clock itself, a cached shard would go stale: these checks fail first.
 */
describe('the build clock', () => {
  const sources = (dir: string) =>
    readdirSync(path.join(PROJECT_ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(?:ts|astro|mjs)$/.test(f))
      .map((f) => path.posix.join(dir, f.split(path.sep).join('/')));
  const read = (file: string) => readFileSync(path.join(PROJECT_ROOT, file), 'utf8');

  it('reaches the pages only through the network model', () => {
    const importers = sources('src').filter((file) => /import\s*{[^}]*\bnow\b[^}]*}\s*from\s*'virtual:jembatan\/network'/.test(read(file)));
    expect(importers).toEqual(['src/site/network.ts']);
  });

  it('is used by the network model only to leave unpublished stories out', () => {
    const model = read('src/domain/network.ts');
    expect(model.match(/input\.now/g)).toEqual(['input.now']);
    expect(model).toContain('input.stories.filter((s) => isPublished(s, input.now))');
  });

  it('reaches the dashboard only through its statistics, which a shard reads from its figures first', () => {
    const site = read('src/site/network.ts');
    // The model and the statistics: nothing else in the site's data takes the clock.
    expect(site.match(/\bnow\b(?!:)/g)).toHaveLength(4);
    expect(site).toContain('known: figures?.statistics');
    // Every clock-dependent figure a page reads is looked up in what the shard was handed first.
    const statistics = read('src/domain/statistics.ts');
    for (const reader of ['this.#known?.areas[key]', 'this.#known?.districts?.[code]?.kims', 'this.#known?.districts?.[district]?.toCheck', 'input.known?.months']) expect(statistics).toContain(reader);
  });

  it('is never read by a page, a component, a view or the domain themselves', () => {
    const readers = ['src/pages', 'src/components', 'src/layouts', 'src/site', 'src/domain'].flatMap(sources).filter((file) => /new Date\(\s*\)|Date\.now\(\)/.test(read(file)));
    expect(readers).toEqual([]);
  });
});
