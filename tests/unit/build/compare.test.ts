import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareTrees } from '../../../src/build/checks/compare.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'jembatan-banding-'));
  dirs.push(dir);
  for (const [relative, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    writeFileSync(path.join(dir, relative), content);
  }
  return dir;
}

describe('compareTrees', () => {
  it('finds two identical sites identical', () => {
    const files = { 'index.html': '<p>a</p>', '_astro/x.Ab12.js': 'x()' };
    expect(compareTrees(tree(files), tree(files))).toEqual({ onlyBefore: [], onlyAfter: [], changed: [], renamed: [], same: 2 });
  });

  it('tells a renamed asset with the same bytes from a change, and still sees a change in the page naming it', () => {
    const before = tree({ 'index.html': '<script src="/_astro/s.Aaaa.js"></script><p>a</p>', 'cari/index.html': '<script src="/_astro/s.Aaaa.js"></script>', '_astro/s.Aaaa.js': 'cari()' });
    const after = tree({ 'index.html': '<script src="/_astro/s.Bbbb.js"></script><p>b</p>', 'cari/index.html': '<script src="/_astro/s.Bbbb.js"></script>', '_astro/s.Bbbb.js': 'cari()' });
    expect(compareTrees(before, after)).toEqual({ onlyBefore: [], onlyAfter: [], changed: ['index.html'], renamed: [['_astro/s.Aaaa.js', '_astro/s.Bbbb.js']], same: 1 });
  });

  it('reports an asset whose bytes changed as gone and new', () => {
    const result = compareTrees(tree({ '_astro/s.Aaaa.js': 'a()' }), tree({ '_astro/s.Bbbb.js': 'b()' }));
    expect(result).toMatchObject({ onlyBefore: ['_astro/s.Aaaa.js'], onlyAfter: ['_astro/s.Bbbb.js'], renamed: [] });
  });
});
