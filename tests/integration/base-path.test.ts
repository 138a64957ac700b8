/**
 * The small network built for a project site on GitHub Pages, served under a folder: every link
 * must start with it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSite } from '../../src/build/checks/index.ts';
import { buildSite, removeFixture, type BuildResult } from '../helpers/fixture.ts';
import { createSmallNetwork } from '../helpers/small-network.ts';

let contentDir: string;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => path.join(dir, f));
}

afterAll(() => removeFixture(contentDir));

describe('a network served under a base path', () => {
  let based: BuildResult;
  beforeAll(async () => {
    contentDir = await createSmallNetwork();
    based = await buildSite(contentDir, { env: { BASE_PATH: '/jembatan/' } });
    if (based.code !== 0) throw new Error(based.output);
  }, 240_000);

  it('has only links that resolve under the base path', async () => {
    expect((await checkSite(based.outDir, { base: '/jembatan/' })).problems).toEqual([]);
  });

  it('prefixes every internal link with the base path', () => {
    for (const file of htmlFiles(based.outDir)) {
      const $ = load(readFileSync(file, 'utf8'));
      $('a[href^="/"], img[src^="/"], source[srcset^="/"], link[href^="/"]').each((_, el) => {
        const url = $(el).attr('href') ?? $(el).attr('src') ?? $(el).attr('srcset')!;
        expect(url, `${file}: ${url}`).toMatch(/^\/jembatan\//);
      });
    }
  });
});
