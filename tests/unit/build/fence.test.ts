/**
 * The Vite fence around `content/`, called as Vite would call it: only the published entries and
 * the photos they show get through, and an MDX entry is served as the body the gate checked.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseFrontmatter as astroFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentFence, fencedSource } from '../../../src/build/fence.ts';
import { startGate } from '../../../src/format/gate.ts';
import { photo } from '../../helpers/photos.ts';
import { writerIn } from '../../helpers/files.ts';

let root: string;
let content: string;
type Load = (this: { error: (message: string) => never }, id: string) => Promise<{ code: string } | null>;
let load: Load;
const call = (id: string) =>
  load.call(
    {
      error: (message: string) => {
        throw new Error(message);
      },
    },
    id,
  );

const now = new Date('2026-12-01T00:00:00Z');
const story = (title: string, extra = '') => `---\ntitle: ${title}\ndate: 2026-11-01\nkim: kim-a\nsummary: R.\ncategory: berita\n${extra}---\n`;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'jembatan-pagar-'));
  content = path.join(root, 'content');
  const write = writerIn(content);
  write('network.yaml', 'name: Uji\ndescription: Uji.\nsite: https://uji.example.org\nscope: ["64.74"]\n');
  write('kim/kim-a.md', '---\nname: KIM A\nvillage: "64.74.01.1001"\n---\n');
  write('stories/terbit.mdx', `${story('Terbit', 'cover: { src: ./sampul.jpg, alt: Sampul, credit: Tim }\n')}\nIsi **terbit**.\n\n<Gallery>\n\n![Foto](./galeri.jpg)\n\n</Gallery>\n`);
  write('stories/draf.mdx', `${story('Draf', 'draft: true\ncover: { src: ./draf.jpg, alt: Draf, credit: Tim }\n')}\nIsi draf.\n`);
  write('stories/_parkir.mdx', story('Parkir'));
  // Inside content/ though its name starts like a way out of it.
  write('..tersembunyi.mdx', story('Tersembunyi'));
  for (const [name, seed] of [['sampul', 1], ['galeri', 2], ['draf', 3]] as const) write(`stories/${name}.jpg`, await photo({ width: 64, height: 48, seed }));
  writeFileSync(path.join(root, 'luar.jpg'), await photo({ width: 64, height: 48, seed: 4 }));
  const run = await startGate(content, { now, cwd: root });
  if (!run.result.ok) throw new Error(JSON.stringify(run.result.errors));
  const plugin = contentFence({ contentDir: content, now });
  load = (plugin.load as { handler: Load }).handler;
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the content fence', () => {
  it('serves a published MDX entry as its checked body behind an empty frontmatter', async () => {
    const served = await call(`${path.join(content, 'stories/terbit.mdx')}?astroContentModuleFlag=true`);
    expect(served?.code).toContain('Isi **terbit**.');
    expect(served?.code).not.toContain('title: Terbit');
    // What Astro's own frontmatter reader then finds: nothing, and the body.
    const { frontmatter, content: body } = astroFrontmatter(served!.code);
    expect(frontmatter).toEqual({});
    expect(body.trim().startsWith('Isi **terbit**.')).toBe(true);
  });

  it('keeps the body on the lines it has in the file', () => {
    const source = fencedSource({ body: 'Isi.', bodyLine: 9 });
    expect(source.split('\n').indexOf('Isi.')).toBe(8);
  });

  it('lets through the photos a published entry shows, for Astro to read', async () => {
    expect(await call(`${path.join(content, 'stories/sampul.jpg')}?astroContentImageFlag`)).toBeNull();
    expect(await call(`${path.join(content, 'stories/galeri.jpg')}?astroContentImageFlag`)).toBeNull();
  });

  it('refuses a draft, its photo, a parked file and anything else in content/', async () => {
    for (const relative of ['stories/draf.mdx', 'stories/draf.jpg', 'stories/_parkir.mdx', 'network.yaml', 'kim/kim-a.md/../../network.yaml', '..tersembunyi.mdx']) {
      await expect(call(path.join(content, relative)), relative).rejects.toThrow(/tidak disetujui gerbang konten/);
    }
  });

  it('refuses a content photo import that points outside content/', async () => {
    await expect(call(`${path.join(root, 'luar.jpg')}?astroContentImageFlag`)).rejects.toThrow(/tidak disetujui gerbang konten/);
  });

  it('leaves the project\'s own modules alone', async () => {
    expect(await call(path.join(root, 'src/pages/index.astro'))).toBeNull();
    expect(await call('\0virtual:jembatan/network')).toBeNull();
  });
});
