/**
 * The shard cache on folders made from scratch: an output stored under its key comes back file
 * for file, survives the merge moving its files away, is refused once a file of it was written in
 * place (restored or checked where it is), and only the newest outputs of a shard are kept.
 */
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareTrees } from '../../../src/build/checks/compare.ts';
import { ShardCache } from '../../../src/build/shards/cache.ts';
import type { ShardKeyParts } from '../../../src/build/shards/key.ts';
import { writeTree } from '../../helpers/files.ts';

const PARTS: ShardKeyParts = { content: 'c', network: 'n', figures: 'f', plan: 'p', code: 'k', regions: 'r', settings: 's' };
const OUTPUT = {
  'index.html': '<!doctype html><title>Beranda</title>',
  'kim/kim-banjar/index.html': '<!doctype html><title>KIM Banjar</title>',
  'pagefind/pagefind-entry.json': '{}',
  'data/peta.geojson': '{"type":"FeatureCollection","features":[]}',
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jembatan-shard-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A shard's output, as its build leaves it. */
function built(name: string, files: Record<string, string> = OUTPUT): string {
  const dist = path.join(dir, name);
  writeTree(dist, files);
  return dist;
}

describe('the shard cache', () => {
  it('gives back a stored output file for file, under its key only', () => {
    const cache = new ShardCache(path.join(dir, 'cache'));
    const entry = cache.store('63', 'kunci-a', PARTS, built('dist'));
    expect(entry).toMatchObject({ key: 'kunci-a', parts: PARTS, files: 4 });
    expect(cache.restore('63', 'kunci-b', path.join(dir, 'restored'))).toBeUndefined();
    expect(cache.restore('64', 'kunci-a', path.join(dir, 'restored'))).toBeUndefined();
    expect(cache.restore('63', 'kunci-a', path.join(dir, 'restored'))).toEqual(entry);
    expect(compareTrees(path.join(dir, 'dist'), path.join(dir, 'restored'))).toMatchObject({ onlyBefore: [], onlyAfter: [], changed: [], same: 4 });
  });

  it('replaces what the shard’s output folder held before', () => {
    const cache = new ShardCache(path.join(dir, 'cache'));
    cache.store('63', 'kunci-a', PARTS, built('dist'));
    const target = built('target', { 'lama/index.html': 'halaman lama' });
    cache.restore('63', 'kunci-a', target);
    expect(existsSync(path.join(target, 'lama'))).toBe(false);
    expect(readFileSync(path.join(target, 'index.html'), 'utf8')).toBe(OUTPUT['index.html']);
  });

  it('keeps its copy when the merge moves the restored files away and the site is deleted', () => {
    const cache = new ShardCache(path.join(dir, 'cache'));
    cache.store('63', 'kunci-a', PARTS, built('dist'));
    renameSync(path.join(dir, 'dist'), path.join(dir, 'site'));
    rmSync(path.join(dir, 'site'), { recursive: true });
    const restored = path.join(dir, 'restored');
    expect(cache.restore('63', 'kunci-a', restored)).toBeDefined();
    renameSync(path.join(restored, 'index.html'), path.join(dir, 'moved.html'));
    rmSync(path.join(dir, 'moved.html'));
    expect(cache.restore('63', 'kunci-a', restored)).toBeDefined();
    expect(readFileSync(path.join(restored, 'index.html'), 'utf8')).toBe(OUTPUT['index.html']);
  });

  it('refuses and drops an entry whose file was written in place after it was stored', () => {
    const cache = new ShardCache(path.join(dir, 'cache'));
    const dist = built('dist');
    cache.store('63', 'kunci-a', PARTS, dist);
    // A hard link shares its bytes: writing into the built file writes into the cached one.
    appendFileSync(path.join(dist, 'data/peta.geojson'), ' ');
    const restored = path.join(dir, 'restored');
    expect(cache.restore('63', 'kunci-a', restored)).toBeUndefined();
    expect(existsSync(restored)).toBe(false);
    expect(cache.latest('63')).toBeUndefined();
    expect(readdirSync(path.join(dir, 'cache', '63'))).toEqual(['manifest.json']);
  });

  it('finds a stored output where it is, and checks it against its seal before the merge reads it', () => {
    const cache = new ShardCache(path.join(dir, 'cache'));
    const dist = built('dist');
    cache.store('63', 'kunci-a', PARTS, dist);
    const stored = cache.lookup('63', 'kunci-a')!;
    expect(readFileSync(path.join(stored, 'kim/kim-banjar/index.html'), 'utf8')).toBe(OUTPUT['kim/kim-banjar/index.html']);
    expect(cache.lookup('63', 'kunci-b')).toBeUndefined();
    expect(cache.verify('63', 'kunci-a')).toBe(true);
    appendFileSync(path.join(dist, 'kim/kim-banjar/index.html'), '<p>diubah</p>');
    expect(cache.verify('63', 'kunci-a')).toBe(false);
    expect(cache.lookup('63', 'kunci-a')).toBeUndefined();
    expect(existsSync(stored)).toBe(false);
  });

  it('keeps the newest two outputs of a shard, newest first, and nothing else', () => {
    const cache = new ShardCache(path.join(dir, 'cache'));
    for (const key of ['kunci-a', 'kunci-b', 'kunci-c']) cache.store('63', key, { ...PARTS, content: key }, built(`dist-${key}`, { 'index.html': key }));
    cache.store('64', 'kunci-a', PARTS, built('dist-64'));
    expect(cache.latest('63')?.key).toBe('kunci-c');
    expect(readdirSync(path.join(dir, 'cache', '63')).sort()).toEqual(['kunci-b', 'kunci-c', 'manifest.json']);
    expect(cache.restore('63', 'kunci-a', path.join(dir, 'restored'))).toBeUndefined();
    expect(cache.restore('63', 'kunci-b', path.join(dir, 'restored'))?.parts.content).toBe('kunci-b');
    expect(readFileSync(path.join(dir, 'restored', 'index.html'), 'utf8')).toBe('kunci-b');
    expect(cache.latest('64')?.key).toBe('kunci-a');
  });

  it('keeps as many outputs per shard as it is told', () => {
    const cache = new ShardCache(path.join(dir, 'cache'), { keep: 1 });
    cache.store('63', 'kunci-a', PARTS, built('dist-a'));
    cache.store('63', 'kunci-b', PARTS, built('dist-b'));
    expect(readdirSync(path.join(dir, 'cache', '63')).sort()).toEqual(['kunci-b', 'manifest.json']);
  });

  it('stores the same key again as the newest, once', () => {
    const cache = new ShardCache(path.join(dir, 'cache'));
    cache.store('63', 'kunci-a', PARTS, built('dist-a'));
    cache.store('63', 'kunci-b', PARTS, built('dist-b'));
    cache.store('63', 'kunci-a', PARTS, built('dist-a2'));
    expect(readdirSync(path.join(dir, 'cache', '63')).sort()).toEqual(['kunci-a', 'kunci-b', 'manifest.json']);
    expect(cache.latest('63')?.key).toBe('kunci-a');
  });
});
