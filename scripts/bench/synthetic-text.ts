/**
 * The words of the synthetic networks (`synthetic.ts`): Indonesian sentences, headlines, tags and
 * place names drawn from small pools with the seeded generator, so the same seed writes the same
 * text.
 */
import type { PLACE_KIND_KEYS } from '../../src/domain/taxonomy.ts';
import { htmlTextLength, MAX_TITLE_LENGTH } from '../../src/format/schemas/common.ts';
import { intBelow, pick } from './prng.ts';

// A small, neutral Indonesian vocabulary. The words only need to look like running text to the
// Markdown processor and the search indexer; no sentence claims anything about a real place.
const SUBJECTS = ['Warga', 'Pemuda', 'Ibu-ibu PKK', 'Kelompok tani', 'Pengurus KIM', 'Perangkat desa', 'Karang taruna', 'Pelaku UMKM'];
const VERBS = ['menggelar', 'menyiapkan', 'membahas', 'mengikuti', 'memperkenalkan', 'merawat', 'mendata', 'mendukung'];
const OBJECTS = [
  'kerja bakti di sekitar balai desa',
  'pelatihan menulis berita warga',
  'pasar murah hasil kebun',
  'lomba kebersihan lingkungan',
  'penanaman bibit di tepi sungai',
  'pendataan potensi usaha kecil',
  'pertemuan rutin bulanan',
  'festival budaya tahunan',
  'posyandu untuk balita dan lansia',
  'perbaikan jalan setapak',
];
const COMPLEMENTS = [
  'bersama perangkat desa',
  'dengan dukungan pemerintah kecamatan',
  'pada akhir pekan',
  'selama dua hari',
  'di halaman balai pertemuan',
  'setelah musyawarah warga',
  'untuk pertama kalinya tahun ini',
];
const CLOSERS = [
  'Kegiatan serupa direncanakan berlanjut setiap bulan.',
  'Warga yang ingin terlibat dapat menghubungi pengurus KIM.',
  'Hasilnya akan dibagikan melalui papan informasi desa.',
  'Panitia mencatat jumlah peserta meningkat dibanding tahun lalu.',
  'Informasi lengkap disampaikan dalam pertemuan berikutnya.',
];
const TAGS = ['gotong royong', 'umkm', 'pertanian', 'wisata', 'budaya', 'kesehatan', 'pendidikan', 'lingkungan', 'pemuda', 'pelatihan'];
const PLACE_NOUNS: Record<(typeof PLACE_KIND_KEYS)[number], readonly string[]> = {
  wisata: ['Air Terjun', 'Pantai', 'Bukit Pandang', 'Danau', 'Hutan Kota'],
  kuliner: ['Warung Ikan Bakar', 'Kedai Kopi', 'Sentra Amplang', 'Rumah Makan Apung'],
  kerajinan: ['Sentra Anyaman', 'Rumah Tenun', 'Bengkel Ukir'],
  umkm: ['Koperasi Warga', 'Toko Oleh-oleh', 'Usaha Madu Hutan'],
  budaya: ['Rumah Adat', 'Sanggar Tari', 'Lamin Budaya'],
  pertanian: ['Kebun Buah', 'Sawah Organik', 'Tambak Udang'],
  lainnya: ['Balai Pertemuan', 'Taman Bacaan', 'Dermaga Warga'],
};

/** One sentence of a story about something `village` did. */
export function sentence(random: () => number, village: string): string {
  return `${pick(random, SUBJECTS)} ${village} ${pick(random, VERBS)} ${pick(random, OBJECTS)} ${pick(random, COMPLEMENTS)}.`;
}

/** `count` paragraphs of three to five such sentences and a closing line. */
export function paragraphs(random: () => number, village: string, count: number): string {
  const out: string[] = [];
  for (let p = 0; p < count; p++) {
    const sentences = Array.from({ length: 3 + intBelow(random, 3) }, () => sentence(random, village));
    out.push([...sentences, pick(random, CLOSERS)].join(' '));
  }
  return out.join('\n\n');
}

/** A headline within the page-title limit, measured as HTML measures it. */
export function headline(random: () => number, village: string): string {
  const title = `${pick(random, SUBJECTS)} ${village} ${pick(random, VERBS)} ${pick(random, OBJECTS)}`;
  let fitted = title;
  while (htmlTextLength(fitted) > MAX_TITLE_LENGTH) fitted = fitted.slice(0, fitted.lastIndexOf(' '));
  return fitted;
}

/** One or two tags for a story. */
export function storyTags(random: () => number): string[] {
  return [...new Set([pick(random, TAGS), pick(random, TAGS)])];
}

/** A place of `kind` named after `village`, e.g. "Kedai Kopi Sukamaju". */
export function placeName(random: () => number, kind: (typeof PLACE_KIND_KEYS)[number], village: string): string {
  return `${pick(random, PLACE_NOUNS[kind])} ${village}`;
}
