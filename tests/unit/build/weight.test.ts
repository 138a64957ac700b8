import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isScriptPage } from '../../../src/build/checks/index.ts';
import { BUDGETS, checkPageWeight } from '../../../src/build/checks/weight.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function site(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'jembatan-weight-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const page = (body: string, head = '<link rel="stylesheet" href="/_astro/site.css">') =>
  `<!doctype html><html lang="id"><head><title>Uji</title>${head}</head><body><main>${body}</main></body></html>`;

const PICTURE = (loading = 'lazy') =>
  `<picture><source srcset="/_astro/a.avif 480w" type="image/avif"><img src="/_astro/a.jpg" srcset="/_astro/a.jpg 480w" width="480" height="320" alt="a" loading="${loading}"></picture>`;

/** Text that gzip cannot shrink much (random bytes as base64), to break a budget honestly. */
const incompressible = (length: number) => randomBytes(length).toString('base64').slice(0, length);

describe('checkPageWeight', () => {
  it('passes a light page with a small stylesheet and responsive images', () => {
    const dir = site({ 'index.html': page(`<h1>Halo</h1>${PICTURE('eager')}${PICTURE()}`), '_astro/site.css': 'body{margin:0}' });
    const { problems, figures } = checkPageWeight(dir);
    expect(problems).toEqual([]);
    expect(figures.pages).toBe(1);
    expect(figures.largestCss.gzipBytes).toBeGreaterThan(0);
  });

  it('reports a page whose compressed HTML breaks the budget', () => {
    const dir = site({ 'berat/index.html': page(`<p>${incompressible(40_000)}</p>`), '_astro/site.css': 'body{}' });
    const { problems } = checkPageWeight(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'berat/index.html', check: 'weight' });
    expect(problems[0]!.message).toContain(`melebihi anggaran ${(BUDGETS.htmlGzipBytes / 1024).toFixed(1)} KB`);
  });

  it('reports CSS beyond its budget', () => {
    const dir = site({ 'index.html': page('<p>x</p>'), '_astro/site.css': `.a{content:"${incompressible(30_000)}"}` });
    expect(checkPageWeight(dir).problems.map((p) => p.message)).toEqual([expect.stringContaining('CSS')]);
  });

  it('reports a script on a content page, and allows it where the caller says so', () => {
    const dir = site({ 'kim/index.html': page('<script src="/_astro/x.js"></script>'), 'cari/index.html': page('<script src="/_astro/x.js"></script>'), '_astro/site.css': '' });
    const { problems } = checkPageWeight(dir, { scriptsAllowed: (p) => p.startsWith('cari/') });
    expect(problems.map((p) => p.file)).toEqual(['kim/index.html']);
    expect(problems[0]!.message).toContain('tanpa JavaScript');
  });

  it('lets a page with a map load its loader, and nothing heavier before the map is reached', () => {
    const dir = site({
      'peta-ringan/index.html': page('<div data-map></div><script type="module" src="/_astro/loader.js"></script>'),
      'peta-berat/index.html': page('<div data-map></div><script type="module" src="/_astro/leaflet.js"></script>'),
      'peta-impor/index.html': page('<div data-map></div><script type="module" src="/_astro/eager.js"></script>'),
      'tanpa-peta/index.html': page('<script type="module" src="/_astro/loader.js"></script>'),
      '_astro/loader.js': 'new IntersectionObserver(()=>import("./leaflet.js"));',
      // Imported statically, the library loads with the page: it counts.
      '_astro/eager.js': 'import{m}from"./leaflet.js";new IntersectionObserver(m);',
      '_astro/leaflet.js': incompressible(20_000),
      '_astro/site.css': '',
    });
    const { problems } = checkPageWeight(dir, { scriptsAllowed: isScriptPage });
    expect(problems.map((p) => [p.file, p.message])).toEqual([
      ['peta-berat/index.html', expect.stringContaining('JavaScript sebelum peta terlihat')],
      ['peta-impor/index.html', expect.stringContaining('JavaScript sebelum peta terlihat')],
      ['tanpa-peta/index.html', expect.stringContaining('memuat 1 skrip')],
    ]);
  });

  it('reports images without dimensions, without srcset, or eager below the fold', () => {
    const dir = site({
      'index.html': page(`${PICTURE('eager')}<img src="/_astro/b.jpg" alt="b"><img src="/_astro/c.jpg" srcset="/_astro/c.jpg 480w" width="4" height="3" alt="c">`),
      '_astro/site.css': '',
    });
    const messages = checkPageWeight(dir).problems.map((p) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('<img src="/_astro/b.jpg"> tanpa width dan height'),
        expect.stringContaining('<img src="/_astro/b.jpg"> tanpa srcset'),
        expect.stringContaining('<img src="/_astro/c.jpg"> di bawah layar pertama tidak memakai loading="lazy"'),
      ]),
    );
  });

  it('reports more than one web font file', () => {
    const dir = site({ 'index.html': page('<p>x</p>'), '_astro/site.css': '', '_astro/a.woff2': 'x', '_astro/b.woff2': 'y' });
    expect(checkPageWeight(dir).problems.filter((p) => p.message.includes('fon web'))).toHaveLength(2);
  });
});
