import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { folderStats, searchFigures } from '../../../scripts/bench/search-cost.ts';
import { writeFileIn } from '../../helpers/files.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const SCRIPT = 'export function search(q) { return q; }\n'.repeat(40);
const WORKER = 'self.onmessage = (e) => postMessage(e.data);\n'.repeat(30);
const ENTRY = JSON.stringify({ version: '1.6.0', languages: { id: { hash: 'id_abc', wasm: 'id', page_count: 3 } } });

interface IndexShape {
  chunks: number[];
  filters: number[];
  fragments: number[];
}

/** A Pagefind index in miniature: files of the given sizes where Pagefind puts them. */
function writeIndex(dir: string, { chunks, filters, fragments }: IndexShape): void {
  const file = (relative: string, content: string | number) => writeFileIn(dir, relative, typeof content === 'number' ? Buffer.alloc(content, 1) : content);
  file('pagefind-entry.json', ENTRY);
  file('pagefind.js', SCRIPT);
  file('pagefind-worker.js', WORKER);
  file('pagefind-ui.js', 5_000); // never loaded by Jembatan's search page
  file('wasm.id.pagefind', 1_000);
  file('pagefind.id_abc.pf_meta', 200);
  chunks.forEach((size, i) => file(`index/id_${i}.pf_index`, size));
  filters.forEach((size, i) => file(`filter/id_${i}.pf_filter`, size));
  fragments.forEach((size, i) => file(`fragment/id_${i}.pf_fragment`, size));
}

function site(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'jembatan-search-cost-'));
  dirs.push(dir);
  return dir;
}

const gzip = (text: string) => gzipSync(text).length;
const sum = (sizes: number[]) => sizes.reduce((a, b) => a + b, 0);

describe('searchFigures (the cost of a first search)', () => {
  it('counts Pagefind’s script gzipped, its own files as stored, the largest chunk, every filter and ten average fragments', () => {
    const dist = site();
    const shape = { chunks: [300, 500, 120], filters: [40, 60], fragments: [40, 60, ...Array(10).fill(50)] };
    writeIndex(path.join(dist, 'pagefind'), shape);
    const figures = searchFigures(dist)!;
    expect(figures.firstQueryParts).toEqual({
      'pagefind-entry.json': ENTRY.length,
      'pagefind.js (gzip)': gzip(SCRIPT),
      'pagefind-worker.js (gzip)': gzip(WORKER),
      wasm: 1_000,
      pf_meta: 200,
      'largest index chunk': 500,
      'filter chunks (all)': 100,
      'fragments shown (average size)': 500, // 12 fragments averaging 50 bytes, ten shown
    });
    expect(figures.firstQueryBytes).toBe(sum(Object.values(figures.firstQueryParts)));
    expect(figures).toMatchObject({ indexChunks: 3, fragments: 12, indexFiles: 6 + 3 + 2 + 12 });
    expect(figures.indexBytes).toBe(folderStats(path.join(dist, 'pagefind')).bytes);
    expect(figures.firstQueryNarrowedBytes).toBeUndefined();
  });

  it('is null for a site without an index', () => {
    expect(searchFigures(site())).toBeNull();
  });

  it('on a sharded site, counts the router and then the costliest shard, and a narrowed search as one shard alone', () => {
    const dist = site();
    writeIndex(path.join(dist, 'pagefind', '64'), { chunks: [400], filters: [300], fragments: [60, 60] });
    writeIndex(path.join(dist, 'pagefind', '65'), { chunks: [900], filters: [100], fragments: [40] });
    writeIndex(path.join(dist, 'pagefind', 'rute'), { chunks: [250, 80], filters: [], fragments: [] });
    writeFileSync(path.join(dist, 'pagefind', 'shards.json'), JSON.stringify({ shards: ['64', '65'] }));
    const figures = searchFigures(dist)!;
    // Shard 65 adds more (900 + 100 + 40 against 400 + 300 + 120).
    expect(figures.firstQueryParts).toEqual({
      'router pagefind-entry.json': ENTRY.length,
      'pagefind.js (gzip)': gzip(SCRIPT),
      'pagefind-worker.js (gzip)': gzip(WORKER),
      wasm: 1_000,
      'router pf_meta': 200,
      'router largest index chunk': 250,
      'router filter chunks (all)': 0,
      'shard pagefind-entry.json': ENTRY.length,
      'shard pf_meta': 200,
      'shard largest index chunk': 900,
      'shard filter chunks (all)': 100,
      'shard fragments shown (average size)': 40,
      shards: 2,
    });
    expect(figures.firstQueryBytes).toBe(sum(Object.entries(figures.firstQueryParts).filter(([part]) => part !== 'shards').map(([, bytes]) => bytes)));
    const shardBytes = (shape: IndexShape) => ENTRY.length + gzip(SCRIPT) + gzip(WORKER) + 1_000 + 200 + Math.max(...shape.chunks) + sum(shape.filters) + sum(shape.fragments);
    expect(figures.firstQueryNarrowedBytes).toBe(Math.max(shardBytes({ chunks: [400], filters: [300], fragments: [60, 60] }), shardBytes({ chunks: [900], filters: [100], fragments: [40] })));
    expect(figures).toMatchObject({ indexChunks: 2, fragments: 3 });
  });
});
