/**
 * What `npm run new` asks and how it reads options and answers (scripts/lib/new-entry.ts), with
 * the questions answered by the test: villages found by name, namesakes listed to pick from, a
 * story dated today where its KIM is, and every refusal in one Indonesian message.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RegionData } from '../../../src/domain/regions/tree.ts';
import { msg } from '../../../src/format/messages.ts';
import type { ScaffoldContext } from '../../../src/format/scaffold.ts';
import { collectValues, entryKindOf, findArea, Refusal, type Conversation, type RegionSetting } from '../../../scripts/lib/new-entry.ts';
import { officialSlice } from '../../helpers/regions.ts';

// Batuah in Loa Janan and in Kotabaru (outside the scope); two Sidomulyo in Kutai Kartanegara;
// Tanjung Laut and Tanjung Laut Indah in Bontang Selatan.
const VILLAGES = ['64.02.03.2006', '63.02.19.2005', '64.02.04.2007', '64.02.12.2010', '64.74.01.1001', '64.74.02.1001', '64.74.02.1006'];
const SCOPE = ['64.02', '64.74'];

let data: RegionData;
const setting = (): RegionSetting => ({ data, scope: SCOPE });
beforeAll(async () => {
  data = await officialSlice(VILLAGES);
});

const CONTEXT: ScaffoldContext = {
  taken: { kim: new Map([['kim-batuah', 'content/kim/kim-batuah.md']]), stories: new Map([['kabar-batuah', 'content/stories/kabar-batuah.md']]), places: new Map() },
  kims: [
    { id: 'kim-batuah', name: 'KIM Batuah', village: '64.02.03.2006' },
    { id: 'kim-bontang-kuala', name: 'KIM Bontang Kuala', village: '64.74.01.1001' },
  ],
};

/** 23.30 WIB, 00.30 WITA: already 1 December in Kalimantan Timur. */
const NOW = new Date('2026-11-30T16:30:00Z');

/** A conversation nobody answers, as in a script or CI. */
function unattended(): Conversation & { said: string[] } {
  const said: string[] = [];
  return { ask: null, say: (line) => said.push(line), said };
}

/** A conversation with a person giving these answers in turn; records the questions and what was said. */
function answering(...answers: string[]): Conversation & { said: string[]; asked: string[] } {
  const said: string[] = [];
  const asked: string[] = [];
  return {
    ask: async (question) => {
      asked.push(question);
      if (answers.length === 0) throw new Error(`Unexpected question: ${question}\n${said.join('\n')}`);
      return answers.shift()!;
    },
    say: (line) => said.push(line),
    said,
    asked,
  };
}

const collect = async (kind: Parameters<typeof collectValues>[0], options: Record<string, string>, talk: Conversation) =>
  (await collectValues(kind, options, { context: CONTEXT, regions: setting(), now: NOW }, talk)).values;

async function refusal(promise: Promise<unknown>): Promise<Refusal> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Refusal);
  return error as Refusal;
}

describe('entryKindOf', () => {
  it('takes the kinds in English and in Indonesian', () => {
    expect(['kim', 'story', 'cerita', 'Potensi', 'place'].map(entryKindOf)).toEqual(['kim', 'story', 'story', 'place', 'place']);
    expect(entryKindOf('berita')).toBeUndefined();
  });
});

describe('findArea', () => {
  it('finds a village by its name or its code', () => {
    expect(findArea('Batuah', setting())).toEqual({ code: '64.02.03.2006', label: 'Batuah — Kec. Loa Janan, Kab. Kutai Kartanegara' });
    expect(findArea('desa batuah', setting())).toMatchObject({ code: '64.02.03.2006' });
    expect(findArea('64.74.01.1001', setting())).toEqual({ code: '64.74.01.1001', label: 'Bontang Kuala — Kec. Bontang Utara, Kota Bontang' });
  });

  it('prefers the village of exactly that name to those whose name starts with it', () => {
    expect(findArea('Tanjung Laut', setting())).toMatchObject({ code: '64.74.02.1001' });
  });

  it('lists namesakes to choose from, and names that only start like the query', () => {
    expect(findArea('Sidomulyo', setting())).toEqual({
      candidates: [
        { code: '64.02.04.2007', name: 'Sidomulyo', label: 'Sidomulyo — Kec. Anggana, Kab. Kutai Kartanegara' },
        { code: '64.02.12.2010', name: 'Sidomulyo', label: 'Sidomulyo — Kec. Tabang, Kab. Kutai Kartanegara' },
      ],
    });
    expect(findArea('tanjung', setting())).toMatchObject({ candidates: [{ name: 'Tanjung Laut' }, { name: 'Tanjung Laut Indah' }] });
  });

  it('says where a village outside the scope is, by name or by code', () => {
    expect(findArea('63.02.19.2005', setting())).toEqual({ problem: 'Batuah — Kec. Pamukan Barat, Kab. Kotabaru (63.02.19.2005) berada di luar cakupan jaringan ini (64.02, 64.74).' });
    expect(findArea('Pamukan', setting())).toEqual({ problem: 'tidak ada desa/kelurahan bernama "Pamukan" dalam cakupan jaringan ini (64.02, 64.74).' });
    expect(findArea('64.02.03.2999', setting())).toEqual({ problem: msg.regionUnknown('64.02.03.2999') });
  });

  it('takes a kecamatan code for a place only', () => {
    expect(findArea('64.02.03', setting(), { districts: true })).toEqual({ code: '64.02.03', label: 'Kec. Loa Janan, Kab. Kutai Kartanegara' });
    expect(findArea('64.02.03', setting())).toEqual({ problem: 'tulis nama desa/kelurahan atau kodenya, misalnya "64.74.01.1001".' });
    expect(findArea('63.02.19', setting(), { districts: true })).toMatchObject({ problem: expect.stringMatching(/^Kec\. Pamukan Barat, Kab\. Kotabaru \(63\.02\.19\) berada di luar cakupan/) });
  });
});

describe('collectValues without anyone to ask', () => {
  it('takes every value from the options, the village as its code, and dates a story today where its KIM is', async () => {
    expect(await collect('kim', { name: 'KIM Sidomulyo', village: '64.02.04.2007' }, unattended())).toEqual({ name: 'KIM Sidomulyo', village: '64.02.04.2007' });
    expect(await collect('story', { title: 'Kabar', kim: 'kim-batuah', summary: 'Ringkas.', category: 'berita' }, unattended())).toMatchObject({ date: '2026-12-01' });
    expect(await collect('place', { name: 'Kawasan Loa Janan', kind: 'wisata', village: '64.02.03', summary: 'Kawasan.' }, unattended())).toEqual({
      name: 'Kawasan Loa Janan',
      kind: 'wisata',
      region: '64.02.03',
      summary: 'Kawasan.',
    });
  });

  it('notes what a village or kecamatan code stands for', async () => {
    const kim = await collectValues('kim', { name: 'KIM Batuah', village: 'Batuah', id: 'kim-batuah-2' }, { context: CONTEXT, regions: setting(), now: NOW }, unattended());
    expect(kim.notes).toEqual({ village: 'Batuah — Kec. Loa Janan, Kab. Kutai Kartanegara' });
    const place = await collectValues('place', { name: 'Kawasan', kind: 'wisata', village: '64.02.03', summary: 'Kawasan.' }, { context: CONTEXT, regions: setting(), now: NOW }, unattended());
    expect(place.notes).toEqual({ region: 'Kec. Loa Janan, Kab. Kutai Kartanegara' });
  });

  it('keeps a date that was given', async () => {
    expect(await collect('story', { title: 'Kabar', kim: 'kim-batuah', summary: 'Ringkas.', category: 'berita', date: '2026-11-02' }, unattended())).toMatchObject({ date: '2026-11-02' });
  });

  it('refuses an ambiguous village name, listing the namesakes with their kecamatan, kabupaten and code', async () => {
    const error = await refusal(collect('kim', { name: 'KIM Sidomulyo', village: 'Sidomulyo' }, unattended()));
    expect(error.exitCode).toBe(1);
    expect(error.message).toBe(
      [
        'Ada 2 desa/kelurahan yang cocok dengan "Sidomulyo":',
        '   1. Sidomulyo — Kec. Anggana, Kab. Kutai Kartanegara  (64.02.04.2007)',
        '   2. Sidomulyo — Kec. Tabang, Kab. Kutai Kartanegara  (64.02.12.2010)',
        'Tulis kodenya, misalnya --village 64.02.04.2007.',
      ].join('\n'),
    );
  });

  it('lists every missing option in one line', async () => {
    const error = await refusal(collect('story', { title: 'Kabar' }, unattended()));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe('Belum lengkap: --kim (KIM penerbit), --category (Kategori), --summary (Ringkasan). Tulis opsi-opsi itu, atau jalankan perintah ini di terminal untuk menjawab pertanyaannya. Lihat --help.');
  });

  it('refuses an option that the kind does not take, naming the ones it does', async () => {
    const error = await refusal(collect('kim', { title: 'KIM Batuah' }, unattended()));
    expect(error).toMatchObject({ exitCode: 2, message: 'Opsi --title tidak dipakai untuk KIM; yang dipakai: --name, --village, --id. Lihat --help.' });
  });

  it('refuses a village that is not in the scope, saying so', async () => {
    const error = await refusal(collect('kim', { name: 'KIM Pamukan', village: 'Pamukan Barat' }, unattended()));
    expect(error.message).toBe('--village: tidak ada desa/kelurahan bernama "Pamukan Barat" dalam cakupan jaringan ini (64.02, 64.74).');
  });
});

describe('collectValues with a person answering', () => {
  it('asks only for what the options did not give, and picks a namesake by its number', async () => {
    const talk = answering('Sidomulyo', '2');
    expect(await collect('kim', { name: 'KIM Sidomulyo' }, talk)).toEqual({ name: 'KIM Sidomulyo', village: '64.02.12.2010' });
    expect(talk.asked).toHaveLength(2);
    expect(talk.said).toContain('   2. Sidomulyo — Kec. Tabang, Kab. Kutai Kartanegara  (64.02.12.2010)');
    expect(talk.said.at(-1)).toBe('Desa/kelurahan: Sidomulyo — Kec. Tabang, Kab. Kutai Kartanegara (64.02.12.2010)');
  });

  it('asks again after an answer the content check would refuse, saying why', async () => {
    const talk = answering('Kabar dari Batuah', '1', 'beritaa', 'berita', ' ', 'Warga bergotong royong.');
    const values = await collect('story', {}, talk);
    expect(values).toEqual({ title: 'Kabar dari Batuah', kim: 'kim-batuah', category: 'berita', summary: 'Warga bergotong royong.', date: '2026-12-01' });
    expect(talk.said).toContain('Tidak ada pilihan yang cocok dengan "beritaa".');
    expect(talk.said).toContain(`Ringkasan: ${msg.required}`);
  });

  it('asks for another file name when the title gives one that is taken', async () => {
    const talk = answering('Kabar Batuah', 'kabar-batuah-2', 'kim-batuah', 'kegiatan', 'Ringkas.');
    expect(await collect('story', {}, talk)).toMatchObject({ title: 'Kabar Batuah', id: 'kabar-batuah-2' });
    expect(talk.said).toContain('Nama berkas "kabar-batuah" sudah dipakai oleh content/stories/kabar-batuah.md. Pilih judul atau nama berkas lain.');
  });

  it('asks again for a village it cannot find, and lets a place go without a KIM', async () => {
    const talk = answering('Dermaga Bontang Kuala', 'wisata', 'Bontang Kuwala', 'Bontang Kuala', 'Dermaga kayu.', '');
    expect(await collect('place', {}, talk)).toEqual({ name: 'Dermaga Bontang Kuala', kind: 'wisata', region: '64.74.01.1001', summary: 'Dermaga kayu.' });
    expect(talk.said).toContain('Tidak ada desa/kelurahan bernama "Bontang Kuwala" dalam cakupan jaringan ini (64.02, 64.74).');
  });
});
