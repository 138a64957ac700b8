/**
 * Indexes a built site for search: `node scripts/search-index.ts <dist>`. A normal build does
 * this inside Astro's last hook; a sharded build runs it per shard after Astro has exited, so
 * Pagefind never shares the machine's memory with the process that rendered the pages.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describeSearchIndex, indexSite } from '../src/build/search/index-site.ts';
import { readArguments } from './lib/cli.ts';

const USAGE = `Cara pakai: node scripts/search-index.ts <folder-build>

Membuat indeks pencarian Pagefind untuk situs yang sudah dibangun (folder pagefind/ di dalamnya).
Build biasa sudah melakukannya sendiri; perintah ini dipakai build per bagian wilayah.`;

const args = readArguments(USAGE, {});
const dir = args.positionals[0];
if (!dir) {
  console.error(`Folder build belum disebut.\n\n${USAGE}`);
  process.exit(2);
}
if (!existsSync(path.join(dir, 'index.html')) && !existsSync(path.join(dir, '404.html'))) {
  console.error(`${dir} bukan folder hasil build (tidak ada index.html): jalankan "npm run build" dulu.`);
  process.exit(2);
}
console.log(describeSearchIndex(await indexSite(path.resolve(dir))));
