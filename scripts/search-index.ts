/**
 * Indexes a built site for search: `node scripts/search-index.ts <dist>`. A normal build does
 * this inside Astro's last hook; a sharded build runs it per shard after Astro has exited, so
 * Pagefind never shares the machine's memory with the process that rendered the pages.
 */
import path from 'node:path';
import { describeSearchIndex, indexSite } from '../src/build/search/index-site.ts';

const dir = process.argv[2];
if (!dir) {
  console.error('Pakai: node scripts/search-index.ts <folder hasil build>');
  process.exit(2);
}
console.log(describeSearchIndex(await indexSite(path.resolve(dir))));
