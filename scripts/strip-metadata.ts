/**
 * Removes EXIF, XMP and IPTC metadata (GPS positions, camera serials, names) from every photo in
 * the content folder, in place. Phone photos record where they were taken; once committed to a
 * public repository that position is public, so strip photos before sending them.
 * Usage: `npm run strip-metadata [-- path/to/content]`; `--help` prints the usage.
 * The work is done by `stripMetadata` in src/build/strip-metadata.ts, which the tests call directly.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { readArguments } from './lib/cli.ts';
import { stripMetadata } from '../src/build/strip-metadata.ts';
import { resolveContentDir } from '../src/format/read.ts';

const USAGE = [
  'Cara pakai: npm run strip-metadata [-- folder-konten]',
  '',
  'Menghapus metadata EXIF, XMP dan IPTC (lokasi GPS, nomor seri kamera, nama pemilik) dari semua',
  'foto di folder konten (bawaan: content/, atau JEMBATAN_CONTENT_DIR). Foto dikenali dari isinya,',
  'apa pun nama berkasnya; tautan simbolis tidak diikuti.',
].join('\n');

const args = readArguments(USAGE, {});
const contentDir = resolveContentDir(process.cwd(), args.positionals[0] ?? process.env.JEMBATAN_CONTENT_DIR);
if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
  console.error(`Folder konten tidak ditemukan: ${path.relative(process.cwd(), contentDir) || '.'}`);
  process.exit(1);
}

const { stripped, failed } = await stripMetadata(contentDir, {
  log: (line, event) => (event === 'failed' ? console.error(line) : console.log(line)),
});
console.log(stripped.length === 0 ? 'Tidak ada foto yang perlu dibersihkan.' : `${stripped.length} foto dibersihkan dari metadata.`);
if (failed.length > 0) {
  console.error(`${failed.length} berkas masih memuat metadata dan tidak dapat dibersihkan; lihat pesan di atas.`);
  process.exitCode = 1;
}
