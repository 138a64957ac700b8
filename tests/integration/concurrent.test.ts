/**
 * Builds of different content from one project folder, at once and one after another: each must
 * publish its own photos and nothing of the other's (Astro keeps one list of a build's imports
 * per project folder; see src/build/root-lock.ts).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PHOTO_EXTENSION } from '../../src/format/paths.ts';
import { BASE_NETWORK, buildSite, createFixture, removeFixture } from '../helpers/fixture.ts';
import { photo } from '../helpers/photos.ts';

const created: string[] = [];
afterAll(() => created.forEach(removeFixture));

async function networkWithPhoto(name: string, seed: number): Promise<string> {
  const dir = createFixture({
    network: BASE_NETWORK,
    kim: { 'kim-bontang-kuala': { data: { name: 'KIM Bontang Kuala', village: '64.74.01.1001' } } },
    stories: {
      kabar: {
        data: { title: `Kabar ${name}`, date: '2026-11-01', kim: 'kim-bontang-kuala', summary: 'Kabar.', category: 'berita', cover: { src: `./${name}.jpg`, alt: 'Foto', credit: 'Tim' } },
        ext: 'mdx',
        body: `Isi.\n\n<Gallery>\n\n![Galeri](./${name}-galeri.jpg)\n\n</Gallery>`,
      },
    },
    files: { [`stories/${name}.jpg`]: await photo({ width: 800, height: 600, seed }), [`stories/${name}-galeri.jpg`]: await photo({ width: 800, height: 600, seed: seed + 100 }) },
  });
  created.push(dir);
  return dir;
}

/** The content's photos a build published; the site's own images (the map's icons) are the same in every build. */
const photosIn = (dist: string) => readdirSync(path.join(dist, '_astro')).filter((f) => PHOTO_EXTENSION.test(f) && /^(?:pantai|sungai)/.test(f));

describe('builds of different content from one project folder', () => {
  it('each publish only their own photos, whether they run at once or one after another', async () => {
    const [pantai, sungai] = await Promise.all([networkWithPhoto('pantai', 1), networkWithPhoto('sungai', 2)]);
    const together = await Promise.all([buildSite(pantai), buildSite(sungai)]);
    for (const build of together) expect(build.code, build.output).toBe(0);
    expect(photosIn(together[0]!.outDir).filter((f) => !f.startsWith('pantai'))).toEqual([]);
    expect(photosIn(together[1]!.outDir).filter((f) => !f.startsWith('sungai'))).toEqual([]);
    expect(photosIn(together[1]!.outDir).length).toBeGreaterThan(2);
    expect(photosIn(together[0]!.outDir).length).toBeGreaterThan(2);
    // Again, with warm caches, after the other content was built last.
    const again = await buildSite(pantai);
    expect(again.code, again.output).toBe(0);
    expect(photosIn(again.outDir).filter((f) => !f.startsWith('pantai'))).toEqual([]);
    expect(photosIn(again.outDir).sort()).toEqual(photosIn(together[0]!.outDir).sort());
  }, 240_000);
});
