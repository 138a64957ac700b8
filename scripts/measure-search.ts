/**
 * Measures, in Chromium, what a reader's first search downloads on a built site:
 * `npm run measure:search -- <dist> <query> [<query> ...]`. Each query runs in a fresh browser
 * context (nothing cached), and the bytes are listed per file. See scripts/lib/search-transfer.ts.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readArguments } from './lib/cli.ts';
import { measureSiteSearches } from './lib/search-transfer.ts';

const USAGE = `Cara pakai: npm run measure:search -- <folder-build> <kata> [<kata> ...]

Membuka halaman pencarian situs yang sudah dibangun di Chromium dan mengukur apa yang diunduh
pencarian pertama untuk setiap kata (tanpa cache), per berkas dan per folder indeks.`;

const args = readArguments(USAGE, {}, Infinity);
const [dir, ...queries] = args.positionals;
if (!dir || queries.length === 0) {
  console.error(`Sebutkan folder build dan paling sedikit satu kata.\n\n${USAGE}`);
  process.exit(2);
}
if (!existsSync(path.join(dir, 'pagefind'))) {
  console.error(`${dir} tidak berisi indeks pencarian (folder pagefind/): jalankan "npm run build" dulu.`);
  process.exit(2);
}
for (const measured of await measureSiteSearches(path.resolve(dir), queries)) {
  console.log(`\n“${measured.query}”: ${(measured.bytes / 1024).toFixed(0)} KB in ${measured.transfers.length} responses, ${measured.results} results listed`);
  console.log(`  ${measured.status}`);
  // Grouped by folder so a sharded site shows what each index cost.
  const groups = new Map<string, { files: number; bytes: number }>();
  for (const t of measured.transfers) {
    const key = path.posix.dirname(t.path);
    const group = groups.get(key) ?? { files: 0, bytes: 0 };
    group.files++;
    group.bytes += t.bytes;
    groups.set(key, group);
  }
  for (const [folder, g] of [...groups].sort((a, b) => b[1].bytes - a[1].bytes)) {
    console.log(`  ${(g.bytes / 1024).toFixed(1).padStart(7)} KB  ${String(g.files).padStart(3)} × ${folder}/`);
  }
}
