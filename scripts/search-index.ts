/**
 * Indexes a built site for search: `node scripts/search-index.ts <dist>`. A normal build does
 * this inside Astro's last hook; a sharded build runs it per shard after Astro has exited, so
 * Pagefind never shares the machine's memory with the process that rendered the pages.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { routerRecord } from '../src/build/search/build-router.ts';
import { describeSearchIndex, indexSite } from '../src/build/search/index-site.ts';
import { writeRouterRecord } from '../src/build/shards/output.ts';
import { ownPageFolders } from '../src/domain/urls.ts';
import { readArguments } from './lib/cli.ts';

const USAGE = `Cara pakai: node scripts/search-index.ts <folder-build> [--router-record] [--network]

Membuat indeks pencarian Pagefind untuk situs yang sudah dibangun (folder pagefind/ di dalamnya).
Build biasa sudah melakukannya sendiri; perintah ini dipakai build per bagian wilayah. Dengan
--router-record, kata-kata bagian itu untuk rute pencarian juga dicatat di hasilnya. Dengan
--network, yang diindeks adalah halaman bagian jaringan (panduan), bukan halaman wilayah.`;

const args = readArguments(USAGE, { 'router-record': { type: 'boolean', default: false }, network: { type: 'boolean', default: false } });
const dir = args.positionals[0];
if (!dir) {
  console.error(`Folder build belum disebut.\n\n${USAGE}`);
  process.exit(2);
}
if (!existsSync(path.join(dir, 'index.html')) && !existsSync(path.join(dir, '404.html'))) {
  console.error(`${dir} bukan folder hasil build (tidak ada index.html): jalankan "npm run build" dulu.`);
  process.exit(2);
}
// A region shard indexes only its own pages: the guide, which every shard renders alike, would
// otherwise be in every shard's index and listed once per shard a search loads. The network
// shard's index holds the guide alone (no other page it builds is searchable), and the search
// page adds it whenever the router says it holds the query's words.
const folders = args.values.network ? undefined : ownPageFolders();
console.log(describeSearchIndex(await indexSite(path.resolve(dir), folders ? { folders } : {})));
// Read while the index is fresh in the page cache, once per build of the shard (shards/output.ts).
if (args.values['router-record']) writeRouterRecord(dir, routerRecord(path.join(dir, 'pagefind')));
