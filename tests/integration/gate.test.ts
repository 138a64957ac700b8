/**
 * Bad content must stop the real build with a message a KIM member can act on: which file,
 * which field (or line of the body), and what is wrong, in Bahasa Indonesia, and nothing may be
 * published. Each case starts from a valid fixture and breaks exactly one thing; every fixture
 * is committed to git and cloned before it is built, as a pull request reaches a maintainer's
 * machine or CI (symbolic links included: git keeps them).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import sharp from 'sharp';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { msg } from '../../src/format/messages.ts';
import { BASE_NETWORK, buildSite, commitAndClone, createFixture, removeFixture, type FixtureSpec } from '../helpers/fixture.ts';
import { findLeaks } from '../helpers/published.ts';
import { writeFileIn } from '../helpers/files.ts';

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
  /** Changes git cannot carry (a named pipe), made in the clone. */
  afterClone?: (dir: string) => void;
  file: string;
  /** The field the message must name, or null for a problem with the whole file or its body. */
  field: string | null;
  /** The line of the file the message must name (a problem in the body). */
  line?: number;
  message: string;
}

/** Files outside every fixture, which a hostile one points at. */
const outside = mkdtempSync(path.join(tmpdir(), 'jembatan-luar-'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));
/** Where code smuggled into a fixture would leave its mark if it ever ran. */
const SENTINEL = path.join(outside, 'kode-dijalankan.txt');

const story = (data: Record<string, unknown>, extra: Partial<FixtureSpec['stories']> = {}) => ({
  stories: { kabar: { data: { ...validStory, ...data } }, ...extra } as FixtureSpec['stories'],
});
const kim = (data: Record<string, unknown>) => ({ kim: { 'kim-bontang-kuala': { data: { ...validKim, ...data } } } });
const place = (data: Record<string, unknown>) => ({ places: { dermaga: { data: { ...validPlace, ...data } } } });
const mdx = (body: string) => ({ stories: { kabar: { data: validStory, ext: 'mdx' as const, body } } });
const write = (relative: string, content: string | Uint8Array) => (dir: string) => writeFileIn(dir, relative, content);
const link = (relative: string, target: string) => (dir: string) => {
  mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
  symlinkSync(target, path.join(dir, relative));
};
/** A story whose body is `body`. */
const storyBody = (body: string) => ({ stories: { kabar: { data: validStory, body } } });
/** The line a fixture's body starts on: the fences, the YAML and the blank line the fixture writes. */
const bodyLineOf = (data: Record<string, unknown>) => yaml.dump(data).trimEnd().split('\n').length + 4;
const BODY_LINE = bodyLineOf(validStory);
const photoAt = (relative: string, options: { width?: number; height?: number } = {}) => async (dir: string) =>
  write(relative, await sharp({ create: { width: options.width ?? 64, height: options.height ?? 48, channels: 3, background: '#3366aa' } }).jpeg().toBuffer())(dir);
/** MDX that would write a file on the build machine, were it ever compiled. */
const CODE_MDX = `---\ntitle: Kabar pasar\ndate: 2026-11-01\nkim: kim-bontang-kuala\nsummary: Pasar.\ncategory: berita\n---\n\nimport { writeFileSync } from 'node:fs';\nexport const jejak = writeFileSync(${JSON.stringify(SENTINEL)}, 'dijalankan');\n\nHalo.\n`;

const BAD_CASES: BadCase[] = [
  {
    name: 'broken YAML',
    overrides: { stories: { kabar: { data: 'title: "Kabar tanpa tanda kutip penutup\ndate: 2026-11-01' } } },
    file: 'stories/kabar.md',
    field: null,
    line: 4,
    message: 'frontmatter YAML tidak dapat dibaca: tanda kutip ganda (") dibuka tetapi tidak ditutup',
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
  // Links and files that are not plain files: the way code got into a build before.
  {
    name: 'a symbolic link to an MDX file the gate would skip',
    mutate: async (dir) => {
      write('stories/_kabar-pasar.mdx', CODE_MDX)(dir);
      link('stories/kabar-pasar.mdx', '_kabar-pasar.mdx')(dir);
    },
    file: 'stories/kabar-pasar.mdx',
    field: null,
    message: 'tautan simbolik (symbolic link): folder content/ hanya boleh berisi berkas dan folder biasa',
  },
  {
    name: 'a symbolic link to a photo outside the repository',
    overrides: story({ cover: { src: './rahasia.jpg', alt: 'x', credit: 'y' } }),
    mutate: async (dir) => {
      await photoAt('rahasia.jpg')(outside);
      link('stories/rahasia.jpg', path.join(outside, 'rahasia.jpg'))(dir);
    },
    file: 'stories/kabar.md',
    field: 'cover.src',
    message: msg.imageLink('./rahasia.jpg'),
  },
  {
    name: 'a symbolic link to a folder outside the repository',
    mutate: (dir) => {
      write('arsip/lama.md', `---\ntitle: x\n---\n`)(outside);
      link('places/arsip', path.join(outside, 'arsip'))(dir);
    },
    file: 'places/arsip',
    field: null,
    message: 'tautan simbolik (symbolic link)',
  },
  {
    name: 'a named pipe in the content folder',
    afterClone: (dir) => execFileSync('mkfifo', [path.join(dir, 'stories', 'pipa.md')]),
    file: 'stories/pipa.md',
    field: null,
    message: 'bukan berkas biasa: folder content/ hanya boleh berisi berkas dan folder biasa',
  },
  { name: 'a cover path that leaves the content folder', overrides: story({ cover: { src: '../../../../../../../etc/hostname.jpg', alt: 'x', credit: 'y' } }), file: 'stories/kabar.md', field: 'cover.src', message: 'keluar dari folder content/' },
  { name: 'a photo path with a query', overrides: story({ cover: { src: './foto.jpg?raw', alt: 'x', credit: 'y' } }), mutate: photoAt('stories/foto.jpg'), file: 'stories/kabar.md', field: 'cover.src', message: 'tidak boleh memuat tanda "?"' },
  { name: 'a photo that is a folder', overrides: story({ cover: { src: './foto.jpg', alt: 'x', credit: 'y' } }), mutate: photoAt('stories/foto.jpg/dalam.jpg'), file: 'stories/kabar.md', field: 'cover.src', message: msg.imageFolder('./foto.jpg') },
  { name: 'an SVG saved as a JPEG', overrides: story({ cover: { src: './logo.jpg', alt: 'x', credit: 'y' } }), mutate: write('stories/logo.jpg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), file: 'stories/kabar.md', field: 'cover.src', message: msg.imageSvg('./logo.jpg') },
  {
    name: 'an iPhone HEIC photo',
    overrides: place({ photos: [{ src: './dermaga.heic', alt: 'x', credit: 'y' }] }),
    mutate: write('places/dermaga.heic', Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic\0\0\0\0mif1heic'), Buffer.alloc(64)])),
    file: 'places/dermaga.md',
    field: 'photos[0].src',
    message: msg.imageFormat('./dermaga.heic'),
  },
  // Photos in a body get the same checks as the cover, located by the line they are on.
  { name: 'a missing photo in a story body', overrides: storyBody('Teks.\n\n![Dermaga](./hilang.jpg)'), file: 'stories/kabar.md', field: null, line: BODY_LINE + 2, message: msg.imageMissing('./hilang.jpg') },
  { name: 'a photo in a body that leaves the content folder', overrides: storyBody('![Rahasia](../../../../../../etc/hostname.jpg)'), file: 'stories/kabar.md', field: null, line: BODY_LINE, message: 'keluar dari folder content/' },
  { name: 'a photo in a body from another site', overrides: storyBody('![Pantai](https://contoh.id/pantai.jpg)'), file: 'stories/kabar.md', field: null, line: BODY_LINE, message: msg.bodyImageRemote('https://contoh.id/pantai.jpg') },
  { name: 'a data: image in a body', overrides: storyBody('![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'), file: 'stories/kabar.md', field: null, line: BODY_LINE, message: msg.imagePath },
  { name: 'a photo in a body written without ./', overrides: storyBody('![Dermaga](foto.jpg)'), mutate: photoAt('stories/foto.jpg'), file: 'stories/kabar.md', field: null, line: BODY_LINE, message: msg.bodyImageRelative('foto.jpg') },
  { name: 'a photo in a body without a description', overrides: storyBody('![](./foto.jpg)'), mutate: photoAt('stories/foto.jpg'), file: 'stories/kabar.md', field: null, line: BODY_LINE, message: msg.bodyImageAlt('./foto.jpg') },
  { name: 'a reference-style photo in a body', overrides: storyBody('![Dermaga][d]\n\n[d]: ./foto.jpg'), mutate: photoAt('stories/foto.jpg'), file: 'stories/kabar.md', field: null, line: BODY_LINE, message: msg.bodyImageReference },
  { name: 'a photo in a body that would import an MDX file', overrides: storyBody('![x](./_jahat.mdx?.png)'), mutate: write('stories/_jahat.mdx', CODE_MDX), file: 'stories/kabar.md', field: null, line: BODY_LINE, message: 'tidak boleh memuat tanda "?"' },
  {
    name: 'a 132-megapixel photo in a body',
    overrides: storyBody('![Besar](./besar.png)'),
    mutate: async (dir) => write('stories/besar.png', await sharp({ create: { width: 12_000, height: 11_000, channels: 3, background: '#000000' } }).png({ compressionLevel: 9 }).toBuffer())(dir),
    file: 'stories/kabar.md',
    field: null,
    line: BODY_LINE,
    message: 'ukuran gambar terlalu besar (12000 × 11000 piksel',
  },
  {
    name: 'a photo file over 30 MB in an MDX gallery',
    overrides: { stories: { kabar: { data: validStory, ext: 'mdx', body: '<Gallery>\n\n![Berat](./berat.jpg)\n\n</Gallery>' } } },
    mutate: async (dir) => {
      const small = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#888888' } }).jpeg().toBuffer();
      write('stories/berat.jpg', Buffer.concat([small, Buffer.alloc(31 * 1024 * 1024)]))(dir);
    },
    file: 'stories/kabar.mdx',
    field: null,
    line: BODY_LINE + 2,
    message: 'berkas gambar terlalu besar (31.0 MB',
  },
  // Names and YAML.
  { name: 'an upper-case file extension', mutate: write('stories/kabar-lain.MD', `---\ntitle: x\n---\n`), file: 'stories/kabar-lain.MD', field: null, message: msg.extensionCase('kabar-lain.MD') },
  { name: 'a file name taken by a listing page', mutate: write('stories/kategori.md', `---\ntitle: x\n---\n`), file: 'stories/kategori.md', field: null, message: msg.reservedId('kategori', 'cerita') },
  {
    name: 'an escape sequence in a file name',
    mutate: write('stories/kabar\u001b[31m.md', `---\ntitle: x\n---\n`),
    file: 'stories/kabar\\u001b[31m.md',
    field: null,
    message: 'nama berkas "kabar\\u001b[31m" tidak dapat menjadi alamat halaman',
  },
  { name: 'a field written twice', overrides: { stories: { kabar: { data: 'title: Kabar\ntitle: Kabar lagi\ndate: 2026-11-01\nkim: kim-bontang-kuala\nsummary: R.\ncategory: berita' } } }, file: 'stories/kabar.md', field: null, line: 3, message: 'frontmatter YAML tidak dapat dibaca: kolom "title" ditulis dua kali' },
  { name: 'YAML aliases that multiply', overrides: { stories: { kabar: { data: `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ntitle: x` } } }, file: 'stories/kabar.md', field: null, message: msg.tooComplex },
  { name: 'broken YAML in network.yaml', overrides: { network: 'name: "Jaringan\nscope: [' }, file: 'network.yaml', field: null, line: 3, message: 'YAML tidak dapat dibaca: tanda kutip ganda (") dibuka tetapi tidak ditutup' },
  { name: 'an unquoted scope code', overrides: { network: 'name: Jaringan Uji\ndescription: Uji.\nsite: https://uji.example.org\nscope:\n  - 64.74\n' }, file: 'network.yaml', field: 'scope[0]', message: msg.codeNeedsQuotes },
  { name: 'an unquoted province code as a region', overrides: place({ region: 64 }), file: 'places/dermaga.md', field: 'region', message: msg.codeNeedsQuotes },
  { name: 'a KIM reference in the wrong case', overrides: story({ kim: 'KIM-Bontang-Kuala' }), file: 'stories/kabar.md', field: 'kim', message: 'Maksud Anda "kim-bontang-kuala"?' },
  { name: 'a KIM reference with a typo', overrides: place({ kim: 'kim-bontang-kual' }), file: 'places/dermaga.md', field: 'kim', message: 'KIM "kim-bontang-kual" tidak ditemukan: tidak ada berkas content/kim/kim-bontang-kual.md. Maksud Anda "kim-bontang-kuala"?' },
  { name: 'an invisible control character in a title', overrides: story({ title: 'Kabar\u0007' }), file: 'stories/kabar.md', field: 'title', message: msg.controlCharacters },
  { name: 'a story file over 256 KB', overrides: storyBody('Kabar panjang. '.repeat(20_000)), file: 'stories/kabar.md', field: null, message: 'berkas terlalu besar (294 KB; paling besar 256 KB)' },
  { name: 'quotes nested a hundred thousand deep', overrides: storyBody(`${'>'.repeat(100_000)} kutipan`), file: 'stories/kabar.md', field: null, line: BODY_LINE, message: 'kutipan (">") atau daftar bersarang terlalu dalam: paling banyak 32 tingkat.' },
  // Shapes that crashed, swelled or misled the build (a hostile review, 2026-12-03).
  { name: 'lists nested five thousand deep', overrides: storyBody(`${'- '.repeat(5000)}x`), file: 'stories/kabar.md', field: null, line: BODY_LINE, message: 'kutipan (">") atau daftar bersarang terlalu dalam' },
  { name: 'a table the parser fills to a million cells', overrides: storyBody(`${'|a'.repeat(1000)}|\n${'|-'.repeat(1000)}|\n${'x\n'.repeat(1000)}`), file: 'stories/kabar.md', field: null, line: BODY_LINE, message: 'tabel terlalu besar (1000 kolom × 1001 baris)' },
  { name: 'a story with a page for each of its 25 topics', overrides: story({ tags: Array.from({ length: 25 }, (_, i) => `Topik ${i}`) }), file: 'stories/kabar.md', field: 'tags', message: msg.tooManyItems(20) },
  { name: 'a place checked in 2999', overrides: place({ verified: '2999-01-01' }), file: 'places/dermaga.md', field: 'verified', message: msg.dateAfterBuild },
  { name: 'a zero-width space in a KIM name', overrides: kim({ name: 'KIM Bontang\u200bKuala' }), file: 'kim/kim-bontang-kuala.md', field: 'name', message: msg.controlCharacters },
  { name: 'a .gitattributes that hides stories from review', mutate: write('stories/.gitattributes', '*.md -diff linguist-generated\n'), file: 'stories/.gitattributes', field: null, message: msg.gitattributes },
  // Places where they cannot be.
  { name: 'coordinates in Kuala Lumpur', overrides: place({ coordinates: { lat: 3.139, lng: 101.687 } }), file: 'places/dermaga.md', field: 'coordinates', message: msg.coordinatesForeign('Malaysia') },
  { name: 'coordinates in the middle of the Java Sea', overrides: place({ coordinates: { lat: -5, lng: 111 } }), file: 'places/dermaga.md', field: 'coordinates', message: 'koordinat berada di laut, sekitar' },
  { name: 'coordinates in Mindanao', overrides: kim({ coordinates: { lat: 7.07, lng: 125.6 } }), file: 'kim/kim-bontang-kuala.md', field: 'coordinates', message: msg.coordinatesForeign('Filipina') },
];

async function tinyJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 8, height: 8, channels: 3, background: '#888888' } }).jpeg().toBuffer();
}

/** Writes a fixture, commits it, clones it, and builds the clone. */
async function buildClone(fixture: FixtureSpec, { mutate, afterClone }: Pick<BadCase, 'mutate' | 'afterClone'> = {}) {
  const dir = createFixture(fixture);
  created.push(dir);
  await mutate?.(dir);
  const clone = commitAndClone(dir);
  afterClone?.(clone);
  return { clone, result: await buildSite(clone) };
}

describe('the content gate', () => {
  it('accepts the valid fixture the bad cases start from, and publishes nothing it should not', async () => {
    const { clone, result } = await buildClone(spec({}));
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain('Konten valid: 1 KIM, 1 cerita, 1 potensi');
    expect(await findLeaks(result.outDir, clone)).toEqual({ metadata: [], unpublished: [] });
  }, 120_000);

  it(`knows at least 50 distinct kinds of bad input (${BAD_CASES.length})`, () => {
    expect(new Set(BAD_CASES.map((c) => c.name)).size).toBe(BAD_CASES.length);
    expect(BAD_CASES.length).toBeGreaterThanOrEqual(50);
  });

  for (const bad of BAD_CASES) {
    it(`stops the build on ${bad.name}, naming the file and ${bad.field ? 'field' : bad.line ? 'line' : 'problem'}`, async () => {
      rmSync(SENTINEL, { force: true });
      const { result } = await buildClone(spec(bad.overrides ?? {}), bad);
      expect(result.code, result.output).toBe(1);
      expect(result.output).toContain('Konten tidak valid');
      // The report names the file, then the problem in the lines below it.
      const lines = result.output.split('\n');
      const fileLine = lines.findIndex((l) => l.startsWith('✗ ') && l.endsWith(bad.file));
      expect(fileLine, result.output).toBeGreaterThanOrEqual(0);
      const line = lines.slice(fileLine + 1).find((l) => l.includes(bad.message));
      expect(line, result.output).toBeDefined();
      if (bad.field) expect(line).toContain(`kolom "${bad.field}":`);
      if (bad.line) expect(line).toContain(`baris ${bad.line}: `);
      // Contributor text never reaches the terminal as control characters.
      expect(result.output).not.toContain('\u001b');
      // Nothing at all is published, and nothing a contributor wrote ran.
      expect(existsSync(path.join(result.outDir, 'index.html'))).toBe(false);
      expect(existsSync(SENTINEL)).toBe(false);
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
    const { code, output } = await buildSite(commitAndClone(dir));
    expect(code).toBe(1);
    expect(output).toContain('Konten tidak valid: 4 kesalahan di 4 berkas');
    expect(output).toContain('kolom "sectors[0]": nilai tidak dikenal');
    expect(output).toContain('kolom "date": tanggal tidak valid');
    expect(output).toContain('kolom "kim": KIM "kim-lain" tidak ditemukan');
    expect(output).toContain('kolom "region": kode wilayah "99.99.99.9999" tidak ada');
  }, 60_000);

  it('builds photos with a GPS position but warns, by field or line, that the originals in the repository keep it', async () => {
    const gpsJpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3366aa' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'Ponsel' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '0/1 8/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '117/1 30/1 0/1' } })
      .toBuffer();
    const data = { ...validStory, cover: { src: './gps.jpg', alt: 'Dermaga', credit: 'Tim KIM' } };
    const { clone, result } = await buildClone(
      spec({ stories: { kabar: { data, body: 'Teks.\n\n![Perahu](./foto/perahu.jpg)' } } }),
      {
        mutate: (dir) => {
          write('stories/gps.jpg', gpsJpeg)(dir);
          write('stories/foto/perahu.jpg', gpsJpeg)(dir);
          write('places/lupa-dipakai.jpg', gpsJpeg)(dir);
          write('stories/catatan.markdown', '# Catatan\n')(dir);
        },
      },
    );
    const { code, output } = result;
    expect(code, output).toBe(0);
    expect(output).toContain('stories/kabar.md');
    expect(output).toContain('kolom "cover.src": foto "./gps.jpg" menyimpan lokasi GPS');
    expect(output).toContain(`baris ${bodyLineOf(data) + 2}: foto "./foto/perahu.jpg" menyimpan lokasi GPS`);
    // A photo nobody uses is still public in the repository.
    expect(output).toMatch(/places\/lupa-dipakai\.jpg\n {4}foto "lupa-dipakai\.jpg" menyimpan lokasi GPS/);
    expect(output).toContain('npm run strip-metadata');
    // A file that looks like an entry but is not read gets a word, not silence.
    expect(output).toMatch(/stories\/catatan\.markdown\n {4}berkas ini tidak dibaca/);
    // The published photos are re-encoded without their position.
    expect(await findLeaks(result.outDir, clone)).toEqual({ metadata: [], unpublished: [] });
  }, 60_000);
});
