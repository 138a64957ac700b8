/**
 * The folders are the layers, and each layer imports only from the ones below it:
 * domain (pure) < format (the content format and its gate) < site (URLs, words, views) < build
 * (integration, checks, search index). Pages, components and browser code sit on top. The domain
 * knows nothing of Astro or the file system.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/fixture.ts';

const SRC = path.join(PROJECT_ROOT, 'src');
const RANK: Record<string, number> = { domain: 0, format: 1, site: 2, build: 3, client: 4, components: 4, layouts: 4, pages: 5 };

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(?:ts|astro)$/.test(f))
    .map((f) => path.join(dir, f));
}

/** Every module a file imports: relative paths resolved, packages as written. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => {
    const spec = (m[1] ?? m[2] ?? m[3])!;
    return spec.startsWith('.') ? path.resolve(path.dirname(file), spec.split('?')[0]!) : spec;
  });
}

const layerOf = (file: string) => path.relative(SRC, file).split(path.sep)[0]!;

describe('the source layers', () => {
  it('import only from the same layer or the ones below', () => {
    const upward: string[] = [];
    for (const file of sources(SRC)) {
      const layer = layerOf(file);
      if (!(layer in RANK)) continue;
      for (const target of importsOf(file)) {
        if (!path.isAbsolute(target) || !target.startsWith(SRC)) continue;
        const to = layerOf(target);
        if (to in RANK && RANK[to]! > RANK[layer]!) upward.push(`${path.relative(SRC, file)} → ${path.relative(SRC, target)}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('keep the domain free of Astro and of the file system', () => {
    const impure: string[] = [];
    for (const file of sources(path.join(SRC, 'domain'))) {
      for (const target of importsOf(file)) {
        if (/^astro(?::|\/|$)|^node:(?:fs|child_process|readline)|^fs$/.test(target)) impure.push(`${path.relative(SRC, file)} → ${target}`);
      }
    }
    expect(impure).toEqual([]);
  });
});
