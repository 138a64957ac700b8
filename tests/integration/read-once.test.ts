/**
 * One pipeline: a build reads each content file, network.yaml and the official region lists once
 * (the gate reads them; the loader, the fence and the pages take the gate's result). Measured by
 * recording every file the build process opens (tests/helpers/trace-reads.mjs).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_NETWORK, buildSite, createFixture, removeFixture, type BuildResult } from '../helpers/fixture.ts';
import { photo } from '../helpers/photos.ts';

let contentDir: string;
let build: BuildResult;
let reads: string[];

beforeAll(async () => {
  contentDir = createFixture({
    network: BASE_NETWORK,
    kim: { 'kim-bontang-kuala': { data: { name: 'KIM Bontang Kuala', village: '64.74.01.1001', coordinates: { lat: 0.1325, lng: 117.5 } }, body: 'Tentang KIM.' } },
    stories: {
      kabar: { data: { title: 'Kabar', date: '2026-11-01', kim: 'kim-bontang-kuala', summary: 'Kabar.', category: 'berita', cover: { src: './sampul.jpg', alt: 'Sampul', credit: 'Tim' } }, body: 'Isi.\n\n![Dermaga](./isi.jpg)' },
      galeri: { ext: 'mdx', data: { title: 'Galeri', date: '2026-11-02', kim: 'kim-bontang-kuala', summary: 'Galeri.', category: 'kegiatan' }, body: '<Gallery>\n\n![Perahu](./galeri.jpg)\n\n</Gallery>' },
      draf: { data: { title: 'Draf', date: '2026-11-03', kim: 'kim-bontang-kuala', summary: 'Draf.', category: 'berita', draft: true } },
    },
    places: { dermaga: { data: { name: 'Dermaga', kind: 'wisata', region: '64.74.01.1001', summary: 'Dermaga.', coordinates: { lat: 0.13, lng: 117.5 } } } },
    files: { 'stories/sampul.jpg': await photo({ seed: 1 }), 'stories/isi.jpg': await photo({ seed: 2 }), 'stories/galeri.jpg': await photo({ seed: 3 }) },
  });
  const trace = `${contentDir}-reads.json`;
  build = await buildSite(contentDir, { env: { NODE_OPTIONS: `--import ${path.resolve('tests/helpers/trace-reads.mjs')}`, JEMBATAN_TRACE_READS: trace } });
  if (build.code !== 0) throw new Error(build.output);
  reads = JSON.parse(readFileSync(trace, 'utf8')) as string[];
}, 240_000);

afterAll(() => removeFixture(contentDir));

const timesRead = (file: string) => reads.filter((read) => path.resolve(read) === file).length;

describe('a build', () => {
  it('reads every entry file once, MDX included (the fence serves the body the gate read)', () => {
    for (const entry of ['kim/kim-bontang-kuala.md', 'stories/kabar.md', 'stories/galeri.mdx', 'stories/draf.md', 'places/dermaga.md']) {
      expect(timesRead(path.join(contentDir, entry)), entry).toBe(1);
    }
  });

  it('reads network.yaml once', () => {
    expect(timesRead(path.join(contentDir, 'network.yaml'))).toBe(1);
  });

  it('reads each official region list once, the island list included', () => {
    const data = path.dirname(createRequire(import.meta.url).resolve('idn-area-data/data/provinces.csv'));
    for (const list of ['provinces', 'regencies', 'districts', 'villages', 'islands']) expect(timesRead(path.join(data, `${list}.csv`)), list).toBe(1);
  });
});
