/**
 * Bad content must stop the real build with a message a KIM member can act on: which file,
 * which field, and what is wrong, in Bahasa Indonesia, and nothing may be published. Each case
 * starts from a valid fixture and breaks exactly one thing.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
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

interface BadCase {
  name: string;
  overrides?: Partial<FixtureSpec>;
  /** Further changes to the written fixture, for what the spec cannot express. */
  mutate?: (dir: string) => void | Promise<void>;
  file: string;
  /** The field the message must name, or null for a problem with the whole file. */
  field: string | null;
  message: string;
}

const story = (data: Record<string, unknown>, extra: Partial<FixtureSpec['stories']> = {}) => ({
  stories: { kabar: { data: { ...validStory, ...data } }, ...extra } as FixtureSpec['stories'],
});
const kim = (data: Record<string, unknown>) => ({ kim: { 'kim-bontang-kuala': { data: { ...validKim, ...data } } } });
const place = (data: Record<string, unknown>) => ({ places: { dermaga: { data: { ...validPlace, ...data } } } });
const mdx = (body: string) => ({ stories: { kabar: { data: validStory, ext: 'mdx' as const, body } } });
const write = (relative: string, content: string | Uint8Array) => (dir: string) => {
  mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
  writeFileSync(path.join(dir, relative), content);
};

const BAD_CASES: BadCase[] = [
  {
    name: 'broken YAML',
    overrides: { stories: { kabar: { data: 'title: "Kabar tanpa tanda kutip penutup\ndate: 2026-11-01' } } },
    file: 'stories/kabar.md',
    field: null,
    message: 'frontmatter YAML tidak dapat dibaca: baris 4: tanda kutip ganda (") dibuka tetapi tidak ditutup',
  },
  { name: 'a file without frontmatter', mutate: write('stories/catatan.md', 'Hanya teks, tanpa frontmatter.\n'), file: 'stories/catatan.md', field: null, message: 'tidak diawali frontmatter' },
  { name: 'a missing required field', overrides: story({ title: undefined }), file: 'stories/kabar.md', field: 'title', message: 'wajib diisi' },
  { name: 'a date in the wrong format', overrides: story({ date: '30/11/2026' }), file: 'stories/kabar.md', field: 'date', message: 'tanggal tidak valid: tulis seperti 2026-11-30' },
  { name: 'a date the calendar does not have', overrides: story({ date: '2026-02-30' }), file: 'stories/kabar.md', field: 'date', message: 'tanggal tidak valid' },
  { name: 'a wrong type', overrides: story({ draft: 'ya' }), file: 'stories/kabar.md', field: 'draft', message: 'harus "true" (ya) atau "false" (tidak)' },
  { name: 'a misspelt field', overrides: story({ titel: 'Kabar' }), file: 'stories/kabar.md', field: 'titel', message: 'kolom "titel" tidak dikenal' },
  {
    name: 'a file that is not UTF-8',
    mutate: write('stories/latin.md', Buffer.from('---\ntitle: Caf\xe9\ndate: 2026-11-01\n---\n', 'latin1')),
    file: 'stories/latin.md',
    field: null,
    message: 'bukan teks UTF-8',
  },
  { name: 'an unknown story category', overrides: story({ category: 'gosip' }), file: 'stories/kabar.md', field: 'category', message: 'nilai tidak dikenal. Pilihan yang diizinkan: "berita"' },
  { name: 'an unknown place kind', overrides: place({ kind: 'pantai' }), file: 'places/dermaga.md', field: 'kind', message: 'Pilihan yang diizinkan: "wisata", "kuliner"' },
  { name: 'an unknown KIM sector', overrides: kim({ sectors: ['pariwisata'] }), file: 'kim/kim-bontang-kuala.md', field: 'sectors[0]', message: 'nilai tidak dikenal' },
  { name: 'a colour that is not a colour code', overrides: kim({ color: 'merah' }), file: 'kim/kim-bontang-kuala.md', field: 'color', message: 'kode heksadesimal' },
  {
    name: 'two files with the same id',
    mutate: write('stories/kabar.mdx', `---\ntitle: Kabar lain\ndate: 2026-11-02\nkim: kim-bontang-kuala\nsummary: Lain.\ncategory: berita\n---\n`),
    file: 'stories/kabar.mdx',
    field: null,
    message: 'id "kabar" sudah dipakai oleh',
  },
  {
    name: 'two files with the same id in different folders',
    mutate: write('stories/2026/kabar.md', `---\ntitle: Kabar lain\ndate: 2026-11-02\nkim: kim-bontang-kuala\nsummary: Lain.\ncategory: berita\n---\n`),
    file: 'stories/kabar.md',
    field: null,
    message: 'id "kabar" sudah dipakai oleh',
  },
  { name: 'a file name that cannot be a URL', mutate: write('stories/Kabar Baru.md', `---\ntitle: x\n---\n`), file: 'stories/Kabar Baru.md', field: null, message: 'nama berkas "Kabar Baru" tidak dapat menjadi alamat halaman' },
  { name: 'a missing image', overrides: story({ cover: { src: './tidak-ada.jpg', alt: 'x', credit: 'y' } }), file: 'stories/kabar.md', field: 'cover.src', message: 'berkas gambar "./tidak-ada.jpg" tidak ditemukan' },
  { name: 'an image given as a web address', overrides: story({ cover: { src: 'https://example.org/a.jpg', alt: 'x', credit: 'y' } }), file: 'stories/kabar.md', field: 'cover.src', message: 'jalur berkas gambar relatif' },
  { name: 'a photo without alt text', overrides: story({ cover: { src: './a.jpg', credit: 'y' } }), mutate: async (dir) => write('stories/a.jpg', await tinyJpeg())(dir), file: 'stories/kabar.md', field: 'cover.alt', message: 'wajib diisi' },
  { name: 'a corrupt image', overrides: story({ cover: { src: './rusak.jpg', alt: 'x', credit: 'y' } }), mutate: write('stories/rusak.jpg', Buffer.from('bukan gambar sama sekali')), file: 'stories/kabar.md', field: 'cover.src', message: 'bukan gambar yang dapat dibaca' },
  {
    name: 'a decompression bomb',
    overrides: story({ cover: { src: './bom.png', alt: 'x', credit: 'y' } }),
    mutate: async (dir) => write('stories/bom.png', await sharp({ create: { width: 12_000, height: 12_000, channels: 3, background: '#000000' } }).png({ compressionLevel: 9 }).toBuffer())(dir),
    file: 'stories/kabar.md',
    field: 'cover.src',
    message: 'ukuran gambar terlalu besar (12000 × 12000 piksel',
  },
  { name: 'a village code that does not exist', overrides: kim({ village: '64.74.01.1099' }), file: 'kim/kim-bontang-kuala.md', field: 'village', message: 'kode wilayah "64.74.01.1099" tidak ada dalam data wilayah Kemendagri' },
  { name: 'a village outside the scope', overrides: kim({ village: '64.02.03.2006' }), file: 'kim/kim-bontang-kuala.md', field: 'village', message: 'Desa Batuah (64.02.03.2006) berada di luar cakupan jaringan ini' },
  { name: 'a district code where a village is needed', overrides: kim({ village: '64.74.01' }), file: 'kim/kim-bontang-kuala.md', field: 'village', message: 'harus berupa kode desa/kelurahan' },
  { name: 'a region that is not a code', overrides: place({ region: 'Bontang' }), file: 'places/dermaga.md', field: 'region', message: 'harus berupa kode desa/kelurahan' },
  { name: 'a story whose KIM does not exist', overrides: story({ kim: 'kim-tidak-ada' }), file: 'stories/kabar.md', field: 'kim', message: 'KIM "kim-tidak-ada" tidak ditemukan' },
  { name: 'a story about a place that does not exist', overrides: story({ places: ['pantai-hilang'] }), file: 'stories/kabar.md', field: 'places[0]', message: 'potensi "pantai-hilang" tidak ditemukan' },
  { name: 'a place whose KIM does not exist', overrides: place({ kim: 'kim-lain' }), file: 'places/dermaga.md', field: 'kim', message: 'KIM "kim-lain" tidak ditemukan' },
  { name: 'a javascript: contact link', overrides: kim({ contacts: { website: 'javascript:alert(document.cookie)' } }), file: 'kim/kim-bontang-kuala.md', field: 'contacts.website', message: 'tautan tidak aman atau tidak valid' },
  { name: 'a data: social profile', overrides: kim({ contacts: { instagram: 'data:text/html,<script>alert(1)</script>' } }), file: 'kim/kim-bontang-kuala.md', field: 'contacts.instagram', message: 'tautan tidak aman atau tidak valid' },
  { name: 'a WhatsApp number that is not a number', overrides: place({ contacts: { whatsapp: 'tanya saja di warung' } }), file: 'places/dermaga.md', field: 'contacts.whatsapp', message: 'nomor telepon tidak valid' },
  { name: 'coordinates in the ocean off Africa', overrides: place({ coordinates: { lat: 0, lng: 0 } }), file: 'places/dermaga.md', field: 'coordinates', message: 'koordinat berada di luar Indonesia' },
  { name: 'an import in MDX', overrides: mdx('import fs from "node:fs"\n\nHalo.'), file: 'stories/kabar.mdx', field: null, message: 'MDX tidak boleh berisi "import" atau "export"' },
  { name: 'an expression in MDX', overrides: mdx('Halo {process.env.SECRET}.'), file: 'stories/kabar.mdx', field: null, message: 'MDX tidak boleh berisi ekspresi' },
  { name: 'a script tag in MDX', overrides: mdx('Halo.\n\n<script>alert(1)</script>\n'), file: 'stories/kabar.mdx', field: null, message: 'baris 11: komponen atau tag HTML <script> tidak diizinkan' },
  { name: 'a video that is not from YouTube', overrides: mdx('<Video url="https://evil.example.org/x" title="Video" />\n'), file: 'stories/kabar.mdx', field: null, message: 'atribut "url" pada <Video> harus berupa tautan video YouTube' },
  { name: 'a missing network.yaml', overrides: { network: null }, file: 'network.yaml', field: null, message: 'network.yaml tidak ditemukan' },
  { name: 'a scope code that does not exist', overrides: { network: { ...BASE_NETWORK, scope: ['64.99'] } }, file: 'network.yaml', field: 'scope[0]', message: 'kode wilayah "64.99" tidak ada' },
  { name: 'a site address that is not a web address', overrides: { network: { ...BASE_NETWORK, site: 'javascript:alert(1)' } }, file: 'network.yaml', field: 'site', message: 'alamat situs lengkap' },
];

async function tinyJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 8, height: 8, channels: 3, background: '#888888' } }).jpeg().toBuffer();
}

describe('the content gate', () => {
  it('accepts the valid fixture the bad cases start from', async () => {
    const dir = createFixture(spec({}));
    created.push(dir);
    const result = await buildSite(dir);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain('Konten valid: 1 KIM, 1 cerita, 1 potensi');
  }, 120_000);

  it(`knows at least 25 distinct kinds of bad input (${BAD_CASES.length})`, () => {
    expect(new Set(BAD_CASES.map((c) => c.name)).size).toBe(BAD_CASES.length);
    expect(BAD_CASES.length).toBeGreaterThanOrEqual(25);
  });

  for (const bad of BAD_CASES) {
    it(`stops the build on ${bad.name}, naming the file and field`, async () => {
      const dir = createFixture(spec(bad.overrides ?? {}));
      created.push(dir);
      await bad.mutate?.(dir);
      const result = await buildSite(dir);
      expect(result.code, result.output).toBe(1);
      expect(result.output).toContain('Konten tidak valid');
      expect(result.output).toContain(bad.file);
      const line = result.output.split('\n').find((l) => l.includes(bad.message));
      expect(line, result.output).toBeDefined();
      if (bad.field) expect(line).toContain(`kolom "${bad.field}":`);
      // Nothing at all is published.
      expect(existsSync(path.join(result.outDir, 'index.html'))).toBe(false);
    }, 60_000);
  }

  it('reports every problem of a run together, not one per build', async () => {
    const dir = createFixture(
      spec({
        kim: { 'kim-bontang-kuala': { data: { ...validKim, sectors: ['pariwisata'] } } },
        stories: { kabar: { data: { ...validStory, date: 'kemarin' } }, 'kabar-dua': { data: { ...validStory, kim: 'kim-lain' } } },
        places: { dermaga: { data: { ...validPlace, region: '99.99.99.9999' } } },
      }),
    );
    created.push(dir);
    const { code, output } = await buildSite(dir);
    expect(code).toBe(1);
    expect(output).toContain('Konten tidak valid: 4 kesalahan di 4 berkas');
    expect(output).toContain('kolom "sectors[0]": nilai tidak dikenal');
    expect(output).toContain('kolom "date": tanggal tidak valid');
    expect(output).toContain('kolom "kim": KIM "kim-lain" tidak ditemukan');
    expect(output).toContain('kolom "region": kode wilayah "99.99.99.9999" tidak ada');
  }, 60_000);

  it('builds a photo with a GPS position but warns that the original in the repository keeps it', async () => {
    const dir = createFixture(spec({ stories: { kabar: { data: { ...validStory, cover: { src: './gps.jpg', alt: 'Dermaga', credit: 'Tim KIM' } } } } }));
    created.push(dir);
    const gpsJpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3366aa' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'Ponsel' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '0/1 8/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '117/1 30/1 0/1' } })
      .toBuffer();
    writeFileSync(path.join(dir, 'stories/gps.jpg'), gpsJpeg);
    const { code, output } = await buildSite(dir);
    expect(code, output).toBe(0);
    expect(output).toContain('stories/kabar.md');
    expect(output).toContain('kolom "cover.src": foto "./gps.jpg" menyimpan lokasi GPS');
    expect(output).toContain('npm run strip-metadata');
  }, 60_000);
});
