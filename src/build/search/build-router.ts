/**
 * Writes the search router of a network built in shards (see `router.ts`): one router record per
 * shard, made of the raw words of its pages. A shard's record is made once, from its Pagefind
 * index right after the shard is indexed (`routerRecord`), and travels with its output
 * (shards/output.ts), so a rebuild that reuses a shard never reads its index again.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { countWords, ROUTER_DIR, routerContent } from '../../domain/search/router.ts';
import type { RouterRecord } from '../shards/output.ts';

/** Pagefind stores its files gzip-compressed behind a 12-byte signature. */
const SIGNATURE = 'pagefind_dcd';
function readPagefindFile(file: string): Buffer {
  const data = gunzipSync(readFileSync(file));
  if (data.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) throw new Error(`${file} bukan berkas Pagefind yang dikenal.`);
  return data.subarray(SIGNATURE.length);
}

interface Fragment {
  url: string;
  content: string;
}

/**
 * The pages of one Pagefind index, by page id. A fragment file holds one page, named by its id,
 * or (Pagefind 1.5 and later, for small pages) a group of pages keyed by their ids.
 */
function* indexedPages(indexDir: string): Generator<[id: string, page: Fragment]> {
  const dir = path.join(indexDir, 'fragment');
  for (const name of readdirSync(dir)) {
    const data = JSON.parse(readPagefindFile(path.join(dir, name)).toString('utf8')) as Fragment | Record<string, Fragment>;
    if (typeof data.url === 'string' && typeof data.content === 'string') yield [name.replace(/\.pf_fragment$/, ''), data as Fragment];
    else for (const [id, page] of Object.entries(data as Record<string, Fragment>)) yield [id, page];
  }
}

function* indexedTexts(indexDir: string): Generator<string> {
  for (const [, page] of indexedPages(indexDir)) yield page.content;
}

/** The language the shards were indexed in, which the router must share to stem the same way. */
function indexLanguage(indexDir: string): string {
  const entry = JSON.parse(readFileSync(path.join(indexDir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, unknown> };
  const languages = Object.keys(entry.languages);
  if (languages.length !== 1) throw new Error(`Indeks ${indexDir} memuat ${languages.length} bahasa; rute pencarian mengharapkan satu.`);
  return languages[0]!;
}

export interface RouterReport {
  shards: number;
  words: number;
  /** Router result id → shard, for the search page. */
  routes: Record<string, string>;
  /** The router's metadata and word chunks. */
  bytes: number;
  milliseconds: number;
}

/** The line the sharded build prints once the router is written; the benchmark reads it. */
export function describeRouter(report: RouterReport): string {
  return `Rute pencarian: ${report.shards} bagian, ${report.words} kata, indeks ${(report.bytes / 1024).toFixed(0)} KB (${report.milliseconds} ms).`;
}

/** A shard's router record, from its Pagefind index at `indexDir`. */
export function routerRecord(indexDir: string): RouterRecord {
  return { language: indexLanguage(indexDir), content: routerContent(countWords(indexedTexts(indexDir))) };
}

/** The distinct words of a router record (each is repeated by its weight). */
function recordWords(record: RouterRecord, into: Set<string>): void {
  for (const word of record.content.split(' ')) if (word !== '') into.add(word);
}

/**
 * Writes the router for the shards' records to `<searchDir>/rute/` and returns which router
 * result stands for which shard.
 */
export async function buildRouter(searchDir: string, records: readonly (readonly [shard: string, record: RouterRecord])[]): Promise<RouterReport> {
  const started = performance.now();
  const outDir = path.join(searchDir, ROUTER_DIR);
  rmSync(outDir, { recursive: true, force: true });
  const vocabulary = new Set<string>();
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind tidak dapat dimulai: ${errors.join('; ')}`);
    for (const [shard, record] of records) {
      recordWords(record, vocabulary);
      const added = await index.addCustomRecord({ url: shard, content: record.content, language: record.language, meta: { title: shard } });
      if (added.errors.length > 0) throw new Error(`Rute pencarian untuk bagian ${shard} gagal: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: outDir });
    if (written.errors.length > 0) throw new Error(`Pagefind gagal menulis rute pencarian: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  // A router result's id names its fragment; the fragment (the whole vocabulary of a shard, never
  // shown to a reader) is read once here for its shard and then removed from the site.
  const routes: Record<string, string> = {};
  for (const [id, page] of indexedPages(outDir)) routes[id] = page.url;
  rmSync(path.join(outDir, 'fragment'), { recursive: true });
  // What a search may download of it: the metadata and word chunks (Pagefind's scripts are the shards' own).
  const indexFiles = [...readdirSync(outDir).filter((f) => f.endsWith('.pf_meta')), ...readdirSync(path.join(outDir, 'index')).map((f) => path.join('index', f))];
  const bytes = indexFiles.reduce((sum, f) => sum + statSync(path.join(outDir, f)).size, 0);
  return { shards: records.length, words: vocabulary.size, routes, bytes, milliseconds: Math.round(performance.now() - started) };
}
