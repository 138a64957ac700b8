/**
 * Builds the Pagefind search index over a built site, through Pagefind's Node API (its binary
 * ships in an npm package, nothing is downloaded). Only elements marked `data-pagefind-body`
 * are indexed, so navigation, footers and listing pages never show up as results.
 */
import { readFileSync, statSync } from 'node:fs';
import { listFiles } from '../../format/files.ts';
import path from 'node:path';
import * as pagefind from 'pagefind';

export interface SearchIndexReport {
  pages: number;
  files: number;
  bytes: number;
  milliseconds: number;
}

/** The line a build prints once the index is written; the benchmark reads it. */
export function describeSearchIndex(report: SearchIndexReport): string {
  return `Indeks pencarian: ${report.pages} halaman, ${report.files} berkas, ${(report.bytes / 1024).toFixed(0)} KB (${report.milliseconds} ms).`;
}

/** The folder the index is written to, inside the built site. */
const SEARCH_INDEX_DIR = 'pagefind';

function folderSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const file of listFiles(dir)) {
    files++;
    bytes += statSync(path.join(dir, file)).size;
  }
  return { files, bytes };
}

/**
 * Indexes the built site in `outDir`; with `folders`, only the pages under those top folders (a
 * shard of a national build indexes its own pages, not the ones every shard renders).
 */
export async function indexSite(outDir: string, { folders }: { folders?: readonly string[] } = {}): Promise<SearchIndexReport> {
  const started = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind tidak dapat dimulai: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir, ...(folders ? { glob: `{${folders.join(',')}}/**/*.{html}` } : {}) });
    if (added.errors.length > 0) throw new Error(`Pagefind gagal mengindeks: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(outDir, SEARCH_INDEX_DIR) });
    if (written.errors.length > 0) throw new Error(`Pagefind gagal menulis indeks: ${written.errors.join('; ')}`);
    // `page_count` counts every HTML file walked, searchable or not; the index's entry file counts
    // the pages it holds.
    const entry = JSON.parse(readFileSync(path.join(outDir, SEARCH_INDEX_DIR, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const pages = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    return { pages, ...folderSize(path.join(outDir, SEARCH_INDEX_DIR)), milliseconds: Math.round(performance.now() - started) };
  } finally {
    await pagefind.close();
  }
}
