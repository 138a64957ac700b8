/**
 * The gate reads whatever a stranger puts in a pull request. Thousands of random and mutated
 * frontmatter files and bodies go through it here: it must never crash, and every rejection must
 * say which file and where in it (a field, a line) or what is wrong with the file as a whole.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import type { RegionData } from '../../../src/domain/regions/tree.ts';
import { formatContentErrors, type ContentError } from '../../../src/format/errors.ts';
import { msg } from '../../../src/format/messages.ts';
import { validateNetwork } from '../../../src/format/validate.ts';
import type { PathFacts } from '../../../src/format/validation/types.ts';
import { contentFile } from '../../helpers/content-file.ts';
import { cleanEnv, PROJECT_ROOT, TEST_NOW } from '../../helpers/fixture.ts';

const REGIONS: RegionData = {
  provinces: [{ code: '64', name: 'Kalimantan Timur' }],
  regencies: [{ code: '64.74', name: 'Kota Bontang' }],
  districts: [{ code: '64.74.01', name: 'Bontang Utara' }],
  villages: [
    { code: '64.74.01.1001', name: 'Bontang Kuala' },
    { code: '64.74.01.1002', name: 'Api-api' },
  ],
};
const NETWORK = 'name: Uji\ndescription: Uji.\nsite: https://uji.example.org\nscope: ["64.74"]\n';
const COLLECTIONS = ['kim', 'stories', 'places'] as const;

/** Values a contributor (or an attacker) might put in a field. */
const anyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom('64.74.01.1001', '64.74', 64.74, '2026-02-30', '2026-11-01', 'kim-bontang-kuala', 'KIM-Bontang-Kuala', './foto.jpg', '../../../../etc/passwd', 'javascript:alert(1)', '__proto__', '<script>alert(1)</script>', 'x'.repeat(400)),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 12 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A plausible entry of each collection, for mutations to start from. */
const BASE: Record<(typeof COLLECTIONS)[number], Record<string, unknown>> = {
  kim: { name: 'KIM Bontang Kuala', village: '64.74.01.1001', sectors: ['wisata'], contacts: { whatsapp: '0812-3456-7890' }, coordinates: { lat: 0.13, lng: 117.5 } },
  stories: { title: 'Kabar', date: '2026-11-01', kim: 'kim-bontang-kuala', summary: 'Ringkasan.', category: 'berita', cover: { src: './foto.jpg', alt: 'Foto', credit: 'Tim' } },
  places: { name: 'Dermaga', kind: 'wisata', region: '64.74.01.1001', summary: 'Dermaga.', photos: [{ src: './foto.jpg', alt: 'Foto', credit: 'Tim' }] },
};

/** Frontmatter: a valid entry with fields dropped, replaced or added, dumped as YAML; or raw text. */
const frontmatter = (collection: (typeof COLLECTIONS)[number]) =>
  fc.oneof(
    fc
      .record({
        drop: fc.subarray(Object.keys(BASE[collection])),
        replace: fc.dictionary(fc.constantFrom(...Object.keys(BASE[collection])), anyValue, { maxKeys: 3 }),
        add: fc.dictionary(fc.string({ maxLength: 10 }), anyValue, { maxKeys: 2 }),
      })
      .map(({ drop, replace, add }) => {
        const data: Record<string, unknown> = { ...BASE[collection], ...replace, ...add };
        for (const key of drop) delete data[key];
        return yaml.dump(data, { skipInvalid: true });
      }),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.constantFrom('a: &a [x, x]\nb: [*a, *a]\n', 'title: "open\n', 'title: a\ntitle: b\n', '- list\n', '!!js/function "x"\n', 'x: !!binary AAAA\n'),
  );

/** Bodies: Markdown and MDX fragments a contributor might write, shuffled with random text. */
const body = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 80 }),
      fc.constantFrom(
        '![Foto](./foto.jpg)',
        '![](./foto.jpg)',
        '![x](../../../../etc/x.jpg)',
        '![x](https://contoh.id/x.jpg)',
        '![x](%E0%A4%A)',
        '![x](./a.mdx?.png)',
        '![x][r]\n\n[r]: ./foto.jpg',
        '<Gallery>\n\n![Foto](./foto.jpg)\n\n</Gallery>',
        '<Video url="https://youtu.be/aaaaaaaaaaa" title="Video" />',
        '<script>alert(1)</script>',
        'import x from "node:fs"',
        'export const a = 1',
        '{process.env.SECRET}',
        '---\nlayout: ./x.astro\n---',
        '<img src=x onerror=alert(1)>',
        '# Judul',
        '```\nkode\n```',
      ),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join('\n\n'));

const file = contentFile;

/** What a fuzzed photo path may find on disk: anything from nothing to a bomb. */
const disk = fc.constantFrom<PathFacts>(
  { type: 'missing' },
  { type: 'directory' },
  { type: 'link' },
  { type: 'file', bytes: 10, image: null },
  { type: 'file', bytes: 50_000, image: { format: 'jpeg', readable: true, width: 800, height: 600, pages: 1, gps: true } },
  { type: 'file', bytes: 50_000, image: { format: 'svg', readable: false, width: 0, height: 0, pages: 1, gps: false } },
  { type: 'file', bytes: 40_000_000, image: { format: 'png', readable: true, width: 20_000, height: 20_000, pages: 1, gps: false } },
);

const entryFile = fc
  .record({
    collection: fc.constantFrom(...COLLECTIONS),
    name: fc.oneof(fc.constantFrom('kabar.md', 'kabar.mdx', 'kim-bontang-kuala.md', 'dermaga.md', 'Kabar Baru.md', 'halaman.md', 'x.MDX'), fc.string({ maxLength: 12 }).map((s) => `${s}.md`)),
    bytes: fc.oneof({ weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) }, { weight: 6, arbitrary: fc.constant(null) }),
    body,
    seed: fc.integer(),
  })
  .chain((f) => frontmatter(f.collection).map((head) => ({ ...f, head })));

/** Problems about a file as a whole: they name the file, and there is no field or line to give. */
const WHOLE_FILE = [msg.noFrontmatter, msg.tooComplex, msg.readFailed(''), msg.notRegular('').slice(0, 20), 'tidak dapat menjadi alamat halaman', 'sudah dipakai', 'harus ditulis dengan huruf kecil', 'berkas terlalu besar', msg.configMissing];
const locates = (error: ContentError) =>
  error.field !== null || error.line !== undefined || /baris \d+|posisi tidak diketahui/.test(error.message) || WHOLE_FILE.some((m) => error.message.includes(m.trim()));

describe('the content gate under fuzzing', () => {
  it('never throws on thousands of random and mutated entries, and locates every problem', () => {
    fc.assert(
      fc.property(fc.array(entryFile, { minLength: 1, maxLength: 4 }), disk, (entries, facts) => {
        const files = entries.map((e) => file(e.collection, e.name, e.bytes ?? new TextEncoder().encode(`---\n${e.head}\n---\n${e.body}\n`)));
        const result = validateNetwork({
          network: { displayPath: 'content/network.yaml', bytes: new TextEncoder().encode(NETWORK) },
          files,
          regions: REGIONS,
          now: new Date(TEST_NOW),
          fileAt: () => facts,
        });
        const problems = [...(result.ok ? [] : result.errors), ...result.warnings];
        for (const problem of problems) {
          expect(typeof problem.message === 'string' && problem.message.length > 0).toBe(true);
          expect(problem.file === 'content/network.yaml' || files.some((f) => f.displayPath === problem.file), problem.file).toBe(true);
          expect(locates(problem), JSON.stringify(problem)).toBe(true);
        }
        // The report a contributor reads is plain text: no control characters, no stack trace.
        const report = formatContentErrors(problems);
        // eslint-disable-next-line no-control-regex
        expect(report).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]|\n\s+at /);
      }),
      { numRuns: 3000 },
    );
  }, 120_000);

  it('never throws on a random network.yaml', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.uint8Array({ maxLength: 300 }), anyValue.map((v) => yaml.dump({ name: 'x', description: 'y', site: 'https://x.id', scope: v }, { skipInvalid: true }))), (network) => {
        const result = validateNetwork({
          network: { displayPath: 'content/network.yaml', bytes: typeof network === 'string' ? new TextEncoder().encode(network) : network },
          files: [],
          regions: REGIONS,
          now: new Date(TEST_NOW),
          fileAt: () => ({ type: 'missing' }),
        });
        for (const problem of result.ok ? [] : result.errors) expect(problem.file).toBe('content/network.yaml');
      }),
      { numRuns: 2000 },
    );
  }, 60_000);
});

describe('npm run check:content on a folder of fuzzed files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jembatan-fuzz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports them all in Indonesian, exits 1, and prints no stack trace', () => {
    writeFileSync(path.join(dir, 'network.yaml'), NETWORK);
    const samples = fc.sample(entryFile, { numRuns: 300, seed: 20261201 });
    samples.forEach((entry, i) => {
      const folder = path.join(dir, entry.collection);
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, `f${i}-${entry.name.replace(/[/\\\0]/g, '_')}`), entry.bytes ?? `---\n${entry.head}\n---\n${entry.body}\n`);
    });
    const result = spawnSync(process.execPath, ['scripts/check-content.ts', dir], { cwd: PROJECT_ROOT, env: { ...cleanEnv(), JEMBATAN_NOW: TEST_NOW }, encoding: 'utf8' });
    expect(result.status, result.stderr.slice(-2000)).toBe(1);
    expect(result.stderr).toMatch(/^Konten tidak valid: \d+ kesalahan di \d+ berkas/m);
    expect(result.stderr + result.stdout).not.toMatch(/\n\s+at |TypeError|RangeError|ReferenceError|Error:/);
  }, 60_000);
});
