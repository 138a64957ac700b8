/**
 * New entry files (src/format/scaffold.ts): every field explained, the given values written so
 * that they read back exactly, the rest commented out with an example of the right type, and
 * wrong values refused in the gate's words before anything is written.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { LICENSE_KEYS, STORY_CATEGORY_KEYS } from '../../../src/domain/taxonomy.ts';
import { parseFrontmatter } from '../../../src/format/frontmatter.ts';
import { msg } from '../../../src/format/messages.ts';
import { entryText, ENTRY_KINDS, idFromTitle, readScaffoldContext, scaffoldEntry, yamlText, type EntryKind, type ScaffoldContext } from '../../../src/format/scaffold.ts';
import { describeFields, type FieldDoc } from '../../../src/format/schemas/fields.ts';
import { BASE_NETWORK, createFixture } from '../../helpers/fixture.ts';
import { file, validate } from '../../helpers/validate-network.ts';

const CONTEXT: ScaffoldContext = {
  taken: { kim: new Map([['kim-bontang-kuala', 'content/kim/kim-bontang-kuala.md']]), stories: new Map([['festival-pesisir', 'content/stories/2026/festival-pesisir.md']]), places: new Map() },
  kims: [{ id: 'kim-bontang-kuala', name: 'KIM Bontang Kuala', village: '64.74.01.1001' }],
};

const KIM = { name: 'KIM Api-api', village: '64.74.01.1002' };
const STORY = { title: 'Kerja bakti di Bontang Kuala', date: '2026-11-30', kim: 'kim-bontang-kuala', summary: 'Warga membersihkan jalan titian.', category: 'kegiatan' };
const PLACE = { name: 'Dermaga Bontang Kuala', kind: 'wisata', region: '64.74.01.1001', summary: 'Dermaga kayu di kampung atas air.', kim: 'kim-bontang-kuala' };

/** The scaffold of a kind from valid values, which must succeed. */
function written(kind: EntryKind, values: Record<string, string>, context = CONTEXT) {
  const result = scaffoldEntry(kind, values, context);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}

/** The problems of values that must be refused. */
function refused(kind: EntryKind, values: Record<string, string>, context = CONTEXT) {
  const result = scaffoldEntry(kind, values, context);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
}

/** Every field at every depth. */
const flatten = (fields: FieldDoc[]): FieldDoc[] => fields.flatMap((f) => [f, ...flatten(f.fields ?? [])]);

/** The frontmatter's blocks: an explanation line, then the field's lines. */
function blocks(text: string): { explanation: string; lines: string[] }[] {
  const frontmatter = text.split('\n---\n')[0]!.split('\n\n').slice(1);
  return frontmatter.map((block) => {
    const [explanation, ...lines] = block.split('\n');
    return { explanation: explanation!, lines };
  });
}

describe('a new entry file', () => {
  for (const kind of Object.keys(ENTRY_KINDS) as EntryKind[]) {
    it(`explains every field of a ${kind}, nested ones too, with its label, hint and allowed values`, () => {
      const values = { kim: KIM, story: STORY, place: PLACE }[kind];
      const text = written(kind, values).text;
      for (const field of flatten(describeFields(ENTRY_KINDS[kind].schema))) {
        const line = `# ${field.label}${field.required ? ' (wajib)' : ''}: ${field.hint}${field.options ? ` Pilihan: ${field.options.join(', ')}.` : ''}`;
        expect(text, field.key).toMatch(new RegExp(`^(?:#   |#     )?${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
      }
    });

    it(`leaves every optional field of a ${kind} commented out, valid YAML of the right type once uncommented`, () => {
      const values = { kim: KIM, story: STORY, place: PLACE }[kind];
      const fields = new Map(describeFields(ENTRY_KINDS[kind].schema).map((f) => [f.key, f]));
      const checked: string[] = [];
      for (const { lines } of blocks(written(kind, values).text)) {
        const key = /^(?:# )?(\w+):/.exec(lines[0]!)![1]!;
        const field = fields.get(key)!;
        if (key in values) {
          expect(lines[0]).toMatch(new RegExp(`^${key}: `));
          continue;
        }
        expect(lines.every((line) => line.startsWith('# ')), key).toBe(true);
        const value = (yaml.load(lines.map((line) => line.slice(2)).join('\n'), { schema: yaml.CORE_SCHEMA }) as Record<string, unknown>)[key];
        const single = field.list && !field.fields ? (value as unknown[])[0] : value;
        const expected = { boolean: 'boolean', number: 'number', text: 'string', date: 'string', choice: 'string', group: 'object' } as const;
        expect(typeof single, key).toBe(expected[field.type]);
        if (field.example !== undefined && !field.fields) expect(String(single), key).toBe(field.example);
        checked.push(key);
      }
      expect(checked.length).toBe(fields.size - Object.keys(values).length);
    });
  }

  it('writes a region code in quotes and a date as a date, as the README shows them', () => {
    const { text } = written('story', STORY);
    expect(text).toContain('\ndate: 2026-11-30\n');
    expect(written('kim', KIM).text).toContain('\nvillage: "64.74.01.1002"\n');
    expect(written('kim', KIM).text).toContain('\n# color: "#0f766e"\n');
  });

  it('passes the content gate unchanged, for each kind, beside the entries it names', () => {
    const files = (['kim', 'story', 'place'] as const).map((kind) => {
      const { path: where, text } = written(kind, { kim: KIM, story: STORY, place: PLACE }[kind]);
      return file(ENTRY_KINDS[kind].collection, path.posix.basename(where), text);
    });
    const existing = file('kim', 'kim-bontang-kuala.md', '---\nname: KIM Bontang Kuala\nvillage: "64.74.01.1001"\n---\n');
    const result = validate({ files: [existing, ...files] });
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    expect(result.network.kim.map((k) => k.id)).toEqual(['kim-bontang-kuala', 'kim-api-api']);
    expect(result.network.stories[0]).toMatchObject({ id: 'kerja-bakti-di-bontang-kuala', data: { title: STORY.title, category: 'kegiatan' } });
    expect(result.network.places[0]).toMatchObject({ id: 'dermaga-bontang-kuala', data: { region: '64.74.01.1001', kim: 'kim-bontang-kuala' } });
  });

  it('keeps a hostile title exactly as typed: quotes, a colon, a hash, line breaks and a frontmatter fence', () => {
    const title = 'Kabar "desa": #1 \\ \'kutip\'\n---\nbaru: ya # bukan komentar';
    const { text } = written('story', { ...STORY, title, summary: 'Ringkas.\r\nBaris kedua\twith tab' });
    const read = parseFrontmatter(text);
    expect(read.ok && read.data).toEqual({ ...STORY, title, summary: 'Ringkas.\r\nBaris kedua\twith tab' });
    // Nothing of the title lands on a line of its own.
    expect(text.split('\n').filter((line) => line.startsWith('---'))).toEqual(['---', '---']);
  });

  it('writes a note after a value as a comment on its line, which the file reads past', () => {
    const { text } = written('kim', KIM);
    const noted = scaffoldEntry('kim', KIM, CONTEXT, { village: 'Api-api — Kec. Bontang Utara,\nKota Bontang' });
    expect(noted.ok && noted.text).toBe(text.replace('village: "64.74.01.1002"', 'village: "64.74.01.1002" # Api-api — Kec. Bontang Utara, Kota Bontang'));
  });

  it('writes words YAML would take for true, false or nothing as text', () => {
    for (const name of ['yes', 'No', 'true', 'null', 'On', '~', '0.5', '64.74', '- daftar', '[1]', '@akun', '*alias', '!tag', 'Kata ']) {
      expect((yaml.load(`x: ${yamlText(name)}`) as { x: unknown }).x, name).toBe(name);
    }
  });

  it('quotes any text so that it reads back as itself', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string()), (text) => {
        const line = `x: ${yamlText(text)}`;
        expect(line).not.toMatch(/[\n\r\u2028\u2029\u0085]/);
        expect((yaml.load(line, { schema: yaml.CORE_SCHEMA }) as { x: unknown }).x).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the file name of a new entry', () => {
  it('comes from the title or name, as the project slugs names', () => {
    expect(written('story', { ...STORY, title: 'Benua Elai, destinasi wisata dari Desa Batuah' }).path).toBe('stories/kim-bontang-kuala/benua-elai-destinasi-wisata-dari-desa-batuah.md');
    expect(written('kim', { ...KIM, name: 'KIM Séko Api-api' }).id).toBe('kim-seko-api-api');
    // In the KIM's own folder, which CODEOWNERS gives to its reviewers; a place without a KIM stays at the top.
    expect(written('place', PLACE).path).toBe('places/kim-bontang-kuala/dermaga-bontang-kuala.md');
    const { kim: _kim, ...withoutKim } = PLACE;
    expect(written('place', withoutKim).path).toBe('places/dermaga-bontang-kuala.md');
  });

  it('is cut at a word when the title is long', () => {
    const id = idFromTitle('Pelatihan teknis pengelolaan informasi dan media sosial untuk anggota KIM se-Kota Bontang tahun 2026');
    expect(id).toBe('pelatihan-teknis-pengelolaan-informasi-dan-media-sosial-untuk-anggota-kim-se');
    expect(id.length).toBeLessThanOrEqual(80);
  });

  it('may be chosen instead', () => {
    expect(written('story', { ...STORY, id: 'kerja-bakti-2026' }).path).toBe('stories/kim-bontang-kuala/kerja-bakti-2026.md');
    expect(refused('story', { ...STORY, id: 'Kerja Bakti' })).toEqual([{ field: 'id', message: msg.fileName('Kerja Bakti') }]);
    // The gate's limit, said before the file is written.
    expect(refused('story', { ...STORY, id: `kerja-bakti-${'a'.repeat(100)}` })).toEqual([{ field: 'id', message: msg.fileNameTooLong(100) }]);
  });

  it('is refused when another entry has it, naming that file', () => {
    expect(refused('story', { ...STORY, title: 'Festival pesisir' })).toEqual([{ field: 'id', message: msg.idTaken('festival-pesisir', 'content/stories/2026/festival-pesisir.md') }]);
    expect(refused('kim', { ...KIM, name: 'KIM Bontang Kuala' })).toEqual([{ field: 'id', message: msg.idTaken('kim-bontang-kuala', 'content/kim/kim-bontang-kuala.md') }]);
  });

  it('is refused when a listing page uses it, or when the title has no letter or digit', () => {
    expect(refused('story', { ...STORY, title: 'Halaman' })).toEqual([{ field: 'id', message: msg.reservedId('halaman', 'cerita') }]);
    expect(refused('place', { ...PLACE, name: 'Jenis' })).toEqual([{ field: 'id', message: msg.reservedId('jenis', 'potensi') }]);
    expect(refused('story', { ...STORY, title: '—!?' })).toEqual([{ field: 'id', message: msg.idFromTitle }]);
  });
});

describe('values a new entry refuses', () => {
  it('says what is wrong with each, in the words of the content check', () => {
    const problems = refused('story', { ...STORY, title: 'x'.repeat(101), summary: ' ', category: 'beritaa', date: '2026-02-30', kim: 'kim-bontang-kuaal' });
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'title', message: msg.tooLong(100) },
        { field: 'summary', message: msg.required },
        { field: 'category', message: msg.oneOf(STORY_CATEGORY_KEYS) },
        { field: 'date', message: msg.date },
        { field: 'kim', message: msg.kimUnknown('kim-bontang-kuaal') + msg.suggestion('kim-bontang-kuala') },
      ]),
    );
    expect(problems).toHaveLength(5);
  });

  it('asks for every required field that is missing', () => {
    expect(refused('place', { name: 'Dermaga' }).map((p) => p.field)).toEqual(['kind', 'region', 'summary']);
    expect(refused('kim', {})).toEqual(expect.arrayContaining([{ field: 'name', message: msg.required }]));
  });

  it('refuses a village code of the wrong shape, and a place kind not in the taxonomy', () => {
    expect(refused('kim', { ...KIM, village: '64.74' })).toEqual([{ field: 'village', message: msg.villageCode }]);
    expect(refused('place', { ...PLACE, kind: 'pantai' })[0]!.message).toMatch(/^nilai tidak dikenal\. Pilihan yang diizinkan: "wisata"/);
  });

  it('keeps the licence field in the file for later, with its choices', () => {
    expect(entryText('story', STORY)).toContain(`Pilihan: ${LICENSE_KEYS.join(', ')}.\n# license: CC-BY-4.0\n`);
  });
});

describe('readScaffoldContext', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('reads the ids in use with their files, the KIM with their names, and the network', async () => {
    const dir = createFixture({
      network: BASE_NETWORK,
      kim: { 'kim-bontang-kuala': { data: { name: 'KIM Bontang Kuala', village: '64.74.01.1001' } }, 'kim-rusak': { data: 'name: [' } },
      stories: { 'festival-pesisir': { data: { title: 'Festival' } } },
      files: { 'stories/2026/kabar-lama.md': '---\ntitle: x\n---\n' },
    });
    dirs.push(dir);
    const { context, network, problems } = await readScaffoldContext(dir, dir);
    expect(problems).toEqual([]);
    expect(network?.scope).toEqual(['64.74']);
    expect(context.kims).toEqual([
      { id: 'kim-bontang-kuala', name: 'KIM Bontang Kuala', village: '64.74.01.1001' },
      { id: 'kim-rusak', name: 'kim-rusak', village: undefined },
    ]);
    expect([...context.taken.stories]).toEqual([
      ['kabar-lama', 'stories/2026/kabar-lama.md'],
      ['festival-pesisir', 'stories/festival-pesisir.md'],
    ]);
  });

  it('gives the problems of a network.yaml that cannot be read', async () => {
    const dir = createFixture({ network: 'name: [' });
    dirs.push(dir);
    const { network, problems } = await readScaffoldContext(dir, dir);
    expect(network).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^YAML tidak dapat dibaca/);
  });
});
