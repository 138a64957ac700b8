import { describe, expect, it } from 'vitest';
import { countWords, MAX_ROUTE_WEIGHT, rankShards, routeWeight, routerContent } from '../../../src/domain/search/router.ts';

describe('search router records', () => {
  it('counts each word once per page, case folded, keeping what Pagefind cleans itself', () => {
    const counts = countWords(['Festival pesisir, festival laut.', 'Festival “Idaman”', '   ']);
    expect(counts.get('festival')).toBe(2);
    expect(counts.get('pesisir,')).toBe(1);
    expect(counts.get('laut.')).toBe(1);
    expect(counts.get('“idaman”')).toBe(1);
    expect(counts.has('')).toBe(false);
  });

  it('adds to counts already made, so a shard can be read page by page', () => {
    const counts = countWords(['pantai']);
    countWords(['pantai pasir'], counts);
    expect(Object.fromEntries(counts)).toEqual({ pantai: 2, pasir: 1 });
  });

  it('weighs a word by the doublings of its pages, within a cap', () => {
    expect([1, 2, 3, 4, 7, 8, 1000].map(routeWeight)).toEqual([1, 2, 2, 3, 3, 4, 10]);
    expect(routeWeight(0)).toBe(1);
    expect(routeWeight(2 ** 40)).toBe(MAX_ROUTE_WEIGHT);
  });

  it('writes every word as often as its weight, in a stable order', () => {
    const content = routerContent(new Map([['warga', 4], ['bontang', 1]]));
    expect(content).toBe('bontang warga warga warga');
    expect(routerContent(new Map([['bontang', 1], ['warga', 4]]))).toBe(content);
  });
});

describe('rankShards', () => {
  const routes = { id_a: '63', id_b: '64', id_c: '35-35.12' };

  it('keeps the router order, once per shard, and drops results that are not routes', () => {
    expect(rankShards(['id_c', 'id_page', 'id_a', 'id_c'], routes)).toEqual(['35-35.12', '63']);
  });

  it('returns nothing when no shard holds the words', () => {
    expect(rankShards([], routes)).toEqual([]);
  });
});
