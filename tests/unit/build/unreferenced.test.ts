import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeUnreferencedImages } from '../../../src/build/unreferenced.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'jembatan-aset-'));
  dirs.push(dir);
  for (const [relative, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    writeFileSync(path.join(dir, relative), content);
  }
  return dir;
}

describe('removeUnreferencedImages', () => {
  it('removes an original nobody links and keeps what pages, srcsets and styles name', () => {
    const dir = site({
      'index.html': '<img src="/_astro/pasar.Ab12Cd34_x1.webp" srcset="/_astro/pasar.Ab12Cd34_x1.webp 480w, /jembatan/_astro/pasar.Ab12Cd34_x2.webp 720w">',
      'cerita/index.html': '<img src="../_astro/dermaga%20kecil.Zz99Yy88_q.webp">',
      '_astro/gaya.css': 'body{background:url(/_astro/latar.Qq11Ww22.png)}',
      '_astro/pasar.Ab12Cd34_x1.webp': 'w',
      '_astro/pasar.Ab12Cd34_x2.webp': 'w',
      '_astro/dermaga kecil.Zz99Yy88_q.webp': 'w',
      '_astro/latar.Qq11Ww22.png': 'p',
      '_astro/pasar.Ab12Cd34.jpg': 'original',
      '_astro/sungai.Mm55Nn66.jpg': 'original',
    });
    expect(removeUnreferencedImages(dir).sort()).toEqual(['pasar.Ab12Cd34.jpg', 'sungai.Mm55Nn66.jpg']);
    expect(existsSync(path.join(dir, '_astro/pasar.Ab12Cd34_x2.webp'))).toBe(true);
    expect(existsSync(path.join(dir, '_astro/dermaga kecil.Zz99Yy88_q.webp'))).toBe(true);
    expect(existsSync(path.join(dir, '_astro/latar.Qq11Ww22.png'))).toBe(true);
    expect(existsSync(path.join(dir, '_astro/sungai.Mm55Nn66.jpg'))).toBe(false);
  });

  it('does nothing on a site without assets', () => {
    expect(removeUnreferencedImages(site({ 'index.html': '<p>Halo</p>' }))).toEqual([]);
  });
});
