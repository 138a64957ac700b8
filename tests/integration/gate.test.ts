/**
 * Bad content must stop the real build with a message a KIM member can act on: which file,
 * which field, and what is wrong, in Bahasa Indonesia. Each case starts from a valid fixture
 * and breaks exactly one thing.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BASE_NETWORK, buildSite, createFixture, removeFixture, type FixtureSpec } from '../helpers/fixture.ts';

const validKim = { name: 'KIM Bontang Kuala', village: '64.74.01.1001' };
const validStory = { title: 'Kabar', date: '2026-11-01', kim: 'kim-bontang-kuala', summary: 'Ringkasan.', category: 'berita' };
const validPlace = { name: 'Dermaga', kind: 'wisata', region: '64.74.01.1001', summary: 'Dermaga kayu.' };

function spec(overrides: Partial<FixtureSpec>): FixtureSpec {
  return {
    network: BASE_NETWORK,
    kim: { 'kim-bontang-kuala': { data: validKim } },
    stories: { kabar: { data: validStory } },
    places: { dermaga: { data: validPlace } },
    ...overrides,
  };
}

const created: string[] = [];
afterEach(() => created.splice(0).forEach(removeFixture));

async function failingBuild(overrides: Partial<FixtureSpec>) {
  const dir = createFixture(spec(overrides));
  created.push(dir);
  const result = await buildSite(dir);
  expect(result.code, result.output).not.toBe(0);
  return result.output;
}

describe('the content gate', () => {
  it('accepts the valid fixture these cases start from', async () => {
    const dir = createFixture(spec({}));
    created.push(dir);
    const result = await buildSite(dir);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain('Konten valid: 1 KIM, 1 cerita, 1 potensi');
  }, 120_000);

  it('rejects a village code that does not exist', async () => {
    const output = await failingBuild({ kim: { 'kim-bontang-kuala': { data: { ...validKim, village: '64.74.01.1099' } } } });
    expect(output).toContain('kim/kim-bontang-kuala.md');
    expect(output).toContain('kolom "village": kode wilayah "64.74.01.1099" tidak ada dalam data wilayah Kemendagri');
  }, 60_000);

  it('rejects a village outside the network scope', async () => {
    const output = await failingBuild({ kim: { 'kim-bontang-kuala': { data: { ...validKim, village: '64.02.03.2006' } } } });
    expect(output).toContain('kim/kim-bontang-kuala.md');
    expect(output).toContain('kolom "village": Desa Batuah (64.02.03.2006) berada di luar cakupan jaringan ini (64.74');
  }, 60_000);

  it('rejects a story whose KIM does not exist', async () => {
    const output = await failingBuild({ stories: { kabar: { data: { ...validStory, kim: 'kim-tidak-ada' } } } });
    expect(output).toContain('stories/kabar.md');
    expect(output).toContain('kolom "kim": KIM "kim-tidak-ada" tidak ditemukan');
  }, 60_000);

  it('rejects two entries with the same id', async () => {
    const dir = createFixture(spec({}));
    created.push(dir);
    writeFileSync(path.join(dir, 'stories/kabar.mdx'), `---\ntitle: Kabar lain\ndate: 2026-11-02\nkim: kim-bontang-kuala\nsummary: Lain.\ncategory: berita\n---\n`);
    const result = await buildSite(dir);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('stories/kabar.mdx');
    expect(result.output).toContain('id "kabar" sudah dipakai oleh');
    expect(result.output).toContain('stories/kabar.md.');
  }, 60_000);

  it('rejects a javascript: link in a contact field', async () => {
    const output = await failingBuild({
      kim: { 'kim-bontang-kuala': { data: { ...validKim, contacts: { website: 'javascript:alert(document.cookie)' } } } },
    });
    expect(output).toContain('kim/kim-bontang-kuala.md');
    expect(output).toContain('kolom "contacts.website": tautan tidak aman atau tidak valid');
  }, 60_000);

  it('rejects coordinates in the ocean off Africa', async () => {
    const output = await failingBuild({ places: { dermaga: { data: { ...validPlace, coordinates: { lat: 0, lng: 0 } } } } });
    expect(output).toContain('places/dermaga.md');
    expect(output).toContain('kolom "coordinates": koordinat berada di luar Indonesia');
  }, 60_000);

  it('rejects code in contributor MDX before it runs', async () => {
    const output = await failingBuild({
      stories: { kabar: { data: validStory, ext: 'mdx', body: 'Halo.\n\nexport const x = process.exit(0)\n\n{globalThis.secret}\n' } },
    });
    expect(output).toContain('stories/kabar.mdx');
    expect(output).toContain('MDX tidak boleh berisi "import" atau "export"');
    expect(output).toContain('MDX tidak boleh berisi ekspresi');
  }, 60_000);

  it('reports every problem of a run together, not one per build', async () => {
    const output = await failingBuild({
      kim: { 'kim-bontang-kuala': { data: { ...validKim, sectors: ['pariwisata'] } } },
      stories: { kabar: { data: { ...validStory, date: 'kemarin' } }, 'kabar-dua': { data: { ...validStory, kim: 'kim-lain' } } },
      places: { dermaga: { data: { ...validPlace, region: '99.99.99.9999' } } },
    });
    expect(output).toContain('Konten tidak valid: 4 kesalahan di 4 berkas');
    expect(output).toContain('kolom "sectors[0]": nilai tidak dikenal');
    expect(output).toContain('kolom "date": tanggal tidak valid');
    expect(output).toContain('kolom "kim": KIM "kim-lain" tidak ditemukan');
    expect(output).toContain('kolom "region": kode wilayah "99.99.99.9999" tidak ada');
  }, 60_000);
});
