/**
 * The merge's plan, on file lists made up here: where each shard's file lands in the site, which
 * shard wins a path several write, what a merge into the previous site relinks and removes when
 * some shards changed, and the site's figures counted from the lists as a walk of the folder
 * would count them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mergedPath, ownersOf, planMerge, statsOfFiles } from '../../../src/build/shards/merge.ts';
import type { ListedFile } from '../../../src/build/shards/output.ts';
import { measureSite } from '../../../src/build/site-stats.ts';
import { writeTree } from '../../helpers/files.ts';

const ORDER = ['63', '64', 'jaringan'];
type Listings = Map<string, ListedFile[]>;
const listings = (byShard: Record<string, Record<string, number>>): Listings => new Map(Object.entries(byShard).map(([shard, files]) => [shard, Object.entries(files)]));
const BEFORE = listings({
  '63': { 'index.html': 10, 'cerita/kabar-banjar/index.html': 20, 'pagefind/pagefind-entry.json': 2, 'sitemap-0.xml': 5, '_astro/gaya.css': 7 },
  '64': { 'index.html': 11, 'cerita/kabar-bontang/index.html': 21, 'kim/kim-bontang/index.html': 30, 'pagefind/pagefind-entry.json': 3, 'sitemap-0.xml': 6 },
  jaringan: { 'index.html': 12, 'cerita/index.html': 40, 'pagefind/pagefind-entry.json': 4, 'sitemap-0.xml': 7, 'sitemap-index.xml': 1, 'data/peta.geojson': 9, '.jembatan-shard/router.json': 1 },
});

describe('where a shard’s file lands in the merged site', () => {
  it('keeps pages and assets where they are, and gives each region shard its own search index and sitemap', () => {
    expect(mergedPath('63', 'cerita/kabar-banjar/index.html')).toBe('cerita/kabar-banjar/index.html');
    expect(mergedPath('64.74-64.74', 'pagefind/index/id_1.pf_index')).toBe('pagefind/64.74-64.74/index/id_1.pf_index');
    expect(mergedPath('63', 'sitemap-0.xml')).toBe('sitemap-63-0.xml');
    expect(mergedPath('jaringan', 'sitemap-1.xml')).toBe('sitemap-jaringan-1.xml');
    // The network shard's index holds the guide, which no region shard indexes.
    expect(mergedPath('jaringan', 'pagefind/pagefind-entry.json')).toBe('pagefind/jaringan/pagefind-entry.json');
  });

  it('leaves out what the merge writes itself and every shard’s description', () => {
    for (const [shard, file] of [
      ['63', 'sitemap-index.xml'],
      ['63', 'data/peta.geojson'],
      ['63', '.jembatan-shard/files.json'],
      ['jaringan', '.jembatan-shard/shard.json'],
    ] as const) {
      expect(mergedPath(shard, file), `${shard} ${file}`).toBeNull();
    }
  });

  it('gives a path several shards write to the last of them in the plan', () => {
    const owners = ownersOf(ORDER, BEFORE);
    expect(owners.get('index.html')).toEqual({ shard: 'jaringan', file: 'index.html', bytes: 12 });
    expect(owners.get('_astro/gaya.css')?.shard).toBe('63');
    expect([...owners.keys()].filter((p) => p.startsWith('pagefind/')).sort()).toEqual(['pagefind/63/pagefind-entry.json', 'pagefind/64/pagefind-entry.json', 'pagefind/jaringan/pagefind-entry.json']);
  });
});

describe('a merge’s steps', () => {
  it('links every path into an empty folder', () => {
    const steps = planMerge(ORDER, BEFORE, null, new Set(ORDER));
    expect(steps.remove).toEqual([]);
    expect([...steps.link.keys()].sort()).toEqual([...ownersOf(ORDER, BEFORE).keys()].sort());
  });

  it('does nothing to the previous site when no shard changed', () => {
    const steps = planMerge(ORDER, BEFORE, BEFORE, new Set());
    expect([steps.link.size, steps.remove]).toEqual([0, []]);
    expect(steps.owners.size).toBe(ownersOf(ORDER, BEFORE).size);
  });

  it('relinks only the changed shards’ paths they win, and removes what no shard writes any longer', () => {
    // 63 gains a story and loses one; the network shard changes its listing page.
    const after = listings({
      '63': { 'index.html': 10, 'cerita/kabar-baru/index.html': 22, 'pagefind/pagefind-entry.json': 3, 'sitemap-0.xml': 5, '_astro/gaya.css': 7 },
      '64': Object.fromEntries(BEFORE.get('64')!),
      jaringan: { ...Object.fromEntries(BEFORE.get('jaringan')!), 'cerita/index.html': 44 },
    });
    const steps = planMerge(ORDER, after, BEFORE, new Set(['63', 'jaringan']));
    expect([...steps.link.keys()].sort()).toEqual([
      '_astro/gaya.css',
      'cerita/index.html',
      'cerita/kabar-baru/index.html',
      'index.html',
      'pagefind/63/pagefind-entry.json',
      'pagefind/jaringan/pagefind-entry.json',
      'sitemap-63-0.xml',
      'sitemap-jaringan-0.xml',
    ]);
    expect(steps.remove).toEqual(['cerita/kabar-banjar/index.html']);
    // The unchanged shard's files are neither relinked nor removed.
    expect([...steps.link.keys(), ...steps.remove].some((p) => p.includes('bontang') || p.startsWith('pagefind/64/'))).toBe(false);
  });

  it('hands a path back to an earlier unchanged shard when the later shard that won it stops writing it', () => {
    const before = listings({ '63': { 'bersama.html': 1 }, '64': { 'bersama.html': 2 }, jaringan: {} });
    const after = listings({ '63': { 'bersama.html': 1 }, '64': {}, jaringan: {} });
    const steps = planMerge(ORDER, after, before, new Set(['64']));
    expect(steps.link.get('bersama.html')).toEqual({ shard: '63', file: 'bersama.html', bytes: 1 });
    expect(steps.remove).toEqual([]);
  });

  it('leaves a path to the later unchanged shard that wins it, whatever an earlier changed shard writes there', () => {
    const before = listings({ '63': { 'bersama.html': 1 }, '64': { 'bersama.html': 2 }, jaringan: {} });
    const after = listings({ '63': { 'bersama.html': 5 }, '64': { 'bersama.html': 2 }, jaringan: {} });
    expect(planMerge(ORDER, after, before, new Set(['63'])).link.size).toBe(0);
  });
});

describe('the merged site’s figures from its file lists', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'jembatan-merge-stats-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('are what a walk of the same site counts: files, bytes, the largest file and the fullest folder', () => {
    const files: Record<string, string> = { 'index.html': 'x'.repeat(30), 'data/peta.geojson': 'y'.repeat(300), 'pagefind/63/index/a.pf_index': 'z' };
    for (let i = 0; i < 5; i++) files[`cerita/kabar-${i}/index.html`] = 'w'.repeat(i + 1);
    writeTree(dir, files);
    expect(statsOfFiles(Object.entries(files).map(([p, text]) => [p, text.length] as const))).toEqual(measureSite(dir));
  });
});
