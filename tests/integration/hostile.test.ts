/**
 * A pull request written by an attacker, built the way a maintainer or CI builds it: committed,
 * cloned, then `astro build`. What must hold: no contributor code runs, the loader loads exactly
 * the files the gate validated, and nothing of an unpublished entry (text or photo) is published.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';
import { parse } from 'devalue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGate } from '../../src/format/gate.ts';
import { BASE_NETWORK, buildSite, cleanEnv, commitAndClone, createFixture, PROJECT_ROOT, removeFixture, TEST_NOW, type BuildResult } from '../helpers/fixture.ts';
import { findLeaks } from '../helpers/published.ts';
import { photo } from '../helpers/photos.ts';

const outside = mkdtempSync(path.join(tmpdir(), 'jembatan-luar-'));
const SENTINEL = path.join(outside, 'kode-dijalankan.txt');
/** A module that leaves a mark when it is imported: what a hostile `layout:` would point at. */
const EVIL_MODULE = path.join(outside, 'tata-letak.mjs');
const created: string[] = [];

afterAll(() => {
  created.forEach(removeFixture);
  rmSync(outside, { recursive: true, force: true });
});

const kim = { name: 'KIM Bontang Kuala', village: '64.74.01.1001' };
const story = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  date: '2026-11-01',
  kim: 'kim-bontang-kuala',
  summary: `Ringkasan ${title}.`,
  category: 'berita',
  ...extra,
});

let seed = 0;
const gpsPhoto = () => photo({ width: 800, height: 600, seed: ++seed, gps: true });

describe('a pull request that hides code behind a symbolic link', () => {
  let clone: string;
  let build: BuildResult;

  beforeAll(async () => {
    const dir = createFixture({ network: BASE_NETWORK, kim: { 'kim-bontang-kuala': { data: kim } } });
    created.push(dir);
    mkdirSync(path.join(dir, 'stories'));
    writeFileSync(
      path.join(dir, 'stories/_kabar-pasar.mdx'),
      `---\ntitle: Kabar pasar\ndate: 2026-11-01\nkim: kim-bontang-kuala\nsummary: Pasar.\ncategory: berita\n---\n\n` +
        `import { writeFileSync } from 'node:fs';\nexport const jejak = writeFileSync(${JSON.stringify(SENTINEL)}, 'dijalankan');\n\nHalo {jejak}.\n`,
    );
    symlinkSync('_kabar-pasar.mdx', path.join(dir, 'stories/kabar-pasar.mdx'));
    clone = commitAndClone(dir);
    build = await buildSite(clone);
  }, 120_000);

  it('keeps the link through git, as a pull request would', () => {
    expect(existsSync(path.join(clone, 'stories/kabar-pasar.mdx'))).toBe(true);
    expect(spawnSync('test', ['-L', path.join(clone, 'stories/kabar-pasar.mdx')]).status).toBe(0);
  });

  it('stops the build, naming the link, and runs nothing', () => {
    expect(build.code, build.output).toBe(1);
    expect(build.output).toMatch(/✗ \S*stories\/kabar-pasar\.mdx\n {4}tautan simbolik \(symbolic link\)/);
    expect(existsSync(SENTINEL)).toBe(false);
    expect(existsSync(path.join(build.outDir, 'index.html'))).toBe(false);
  });

  it('fails npm run check:content the same way', () => {
    const result = spawnSync(process.execPath, ['scripts/check-content.ts', clone], { cwd: PROJECT_ROOT, env: { ...cleanEnv(), JEMBATAN_NOW: TEST_NOW }, encoding: 'utf8' });
    expect(result.status, result.stdout + result.stderr).toBe(1);
    expect(result.stderr).toContain('tautan simbolik (symbolic link)');
    expect(existsSync(SENTINEL)).toBe(false);
  });
});

describe('a network with unpublished entries, hostile bodies and edge-case files', () => {
  let clone: string;
  let build: BuildResult;

  beforeAll(async () => {
    writeFileSync(EVIL_MODULE, `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(SENTINEL)}, 'tata letak');\nexport default function TataLetak() { return null; }\n`);
    const dir = createFixture({
      network: BASE_NETWORK,
      kim: { 'kim-bontang-kuala': { data: kim, body: 'Tentang KIM.' } },
      stories: {
        terbit: { data: story('Kabar yang terbit', { cover: { src: './foto/terbit.jpg', alt: 'Dermaga', credit: 'Tim KIM' } }), body: '## Isi\n\nIsi kabar yang boleh dibaca semua orang.\n\n## Hasil' },
        'masih-draf': {
          data: story('Rencana rahasia kelurahan', { draft: true, cover: { src: './foto/draf-sampul.jpg', alt: 'Rapat', credit: 'Tim KIM' } }),
          body: 'Kalimat draf yang tidak boleh terbit di mana pun.\n\n![Peserta rapat](./foto/draf-isi.jpg)',
        },
        'masa-depan': {
          ext: 'mdx',
          data: story('Pengumuman bulan depan', { date: '2027-01-15', cover: { src: './foto/depan-sampul.jpg', alt: 'Balai', credit: 'Tim KIM' } }),
          body: 'Kalimat masa depan yang belum boleh terbit.\n\n<Gallery>\n\n![Balai warga](./foto/depan-isi.jpg)\n\n</Gallery>',
        },
        // A `---` block at the top of a body is text: Astro's frontmatter reader never sees it.
        'tata-letak': { ext: 'mdx', data: story('Kabar dengan garis'), body: `---\nlayout: ${EVIL_MODULE}\n---\n\nIsi biasa.` },
      },
      files: {
        'stories/foto/terbit.jpg': await gpsPhoto(),
        'stories/foto/draf-sampul.jpg': await gpsPhoto(),
        'stories/foto/draf-isi.jpg': await gpsPhoto(),
        'stories/foto/depan-sampul.jpg': await gpsPhoto(),
        'stories/foto/depan-isi.jpg': await gpsPhoto(),
        // Files the gate skips or refuses to read as entries; the loader must skip them too.
        'stories/_parkir.md': `---\ntitle: Diparkir\n---\n`,
        'stories/catatan.txt': 'catatan',
        'places/README.markdown': '# Catatan',
        'kim/2026/kim-lain.md': `---\nname: KIM Lain\nvillage: "64.74.01.1002"\n---\n`,
      },
    });
    created.push(dir);
    rmSync(SENTINEL, { force: true });
    clone = commitAndClone(dir);
    build = await buildSite(clone);
    if (build.code !== 0) throw new Error(build.output);
  }, 180_000);

  it('never runs a module a body names as its layout', () => {
    expect(existsSync(SENTINEL)).toBe(false);
    expect(readFileSync(path.join(build.outDir, 'cerita/tata-letak/index.html'), 'utf8')).toContain(`layout: ${EVIL_MODULE}`);
  });

  it('publishes no byte of a draft or a story dated later, and no image with metadata', async () => {
    expect(existsSync(path.join(build.outDir, 'cerita/masih-draf/index.html'))).toBe(false);
    expect(existsSync(path.join(build.outDir, 'cerita/masa-depan/index.html'))).toBe(false);
    expect(await findLeaks(build.outDir, clone)).toEqual({ metadata: [], unpublished: [] });
  });

  it('shows the published story with its cover re-encoded', () => {
    const html = readFileSync(path.join(build.outDir, 'cerita/terbit/index.html'), 'utf8');
    expect(html).toContain('Isi kabar yang boleh dibaca semua orang.');
    expect(html).toMatch(/_astro\/terbit\.[\w-]+\.webp/);
  });

  it('never lets a heading take an id the page layout uses', () => {
    const $ = load(readFileSync(path.join(build.outDir, 'cerita/terbit/index.html'), 'utf8'));
    expect($('[id="isi"]').length).toBe(1);
    expect($('main#isi').length).toBe(1);
    expect($('h2').filter((_, h) => $(h).text() === 'Isi').attr('id')).toBe('bagian-isi');
    expect($('h2').filter((_, h) => $(h).text() === 'Hasil').attr('id')).toBe('bagian-hasil');
  });

  it('loads exactly the published entries the gate validated, in every collection', async () => {
    const { result } = await runGate(clone, { now: new Date(TEST_NOW) });
    if (!result.ok) throw new Error('gate');
    const store = parse(readFileSync(`${clone}-cache/data-store.json`, 'utf8')) as Map<string, Map<string, { filePath: string }>>;
    for (const collection of ['kim', 'stories', 'places'] as const) {
      const gate = result.network[collection].filter((e) => e.source.published).map((e) => `${e.id} ${e.source.path}`);
      const loaded = [...(store.get(collection) ?? new Map()).entries()].map(([id, entry]) => `${id} ${path.relative(clone, path.resolve(PROJECT_ROOT, entry.filePath)).split(path.sep).join('/')}`);
      expect(loaded.sort(), collection).toEqual(gate.sort());
    }
    // And what the gate read is every entry file of the folder, parked ones and other files aside.
    expect(result.network.kim.map((k) => k.source.path).sort()).toEqual(['kim/2026/kim-lain.md', 'kim/kim-bontang-kuala.md']);
    expect(result.network.stories.map((s) => s.id).sort()).toEqual(['masa-depan', 'masih-draf', 'tata-letak', 'terbit']);
  });
});
