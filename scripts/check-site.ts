/**
 * Checks a built site before it is published: valid HTML, internal links that resolve under
 * the deploy base, and images without EXIF/XMP/IPTC metadata.
 * Usage: `npm run check:site [-- dist] [-- --base /jembatan/]`. The base defaults to the one the
 * build used: `BASE_PATH`, else `base` in `network.yaml`, else "/".
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readArguments } from './lib/cli.ts';
import { checkSite, formatSiteProblems, listHtmlFiles, listImageFiles, normalizeBase } from '../src/build/checks/index.ts';
import { readSiteSettings } from '../src/build/settings.ts';
import { resolveContentDir } from '../src/format/read.ts';

const USAGE = 'Cara pakai: node scripts/check-site.ts [folder-build=dist] [--base /nama-repo/]';

const args = readArguments(USAGE, { base: { type: 'string' } });
const distDir = path.resolve(args.positionals[0] ?? 'dist');
const contentDir = resolveContentDir(process.cwd(), process.env.JEMBATAN_CONTENT_DIR);
const base = normalizeBase(args.values.base ?? readSiteSettings(contentDir, process.env).base);
const pages = existsSync(distDir) ? listHtmlFiles(distDir).length : 0;

if (pages === 0) {
  console.error(`Tidak ada halaman HTML di ${path.relative(process.cwd(), distDir) || '.'}: jalankan "npm run build" dulu.`);
  process.exitCode = 1;
} else {
  const { problems, weight: figures } = await checkSite(distDir, { base });
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(
    `Bobot halaman (gzip): HTML rata-rata ${kb(figures.averageHtmlGzipBytes)}, terbesar ${kb(figures.largestHtml.gzipBytes)} ` +
      `(${figures.largestHtml.page}); CSS ${kb(figures.largestCss.gzipBytes)}; ${figures.pagesWithScripts} halaman dengan skrip.`,
  );
  if (problems.length === 0) {
    console.log(`Situs lolos pemeriksaan: ${pages} halaman HTML, ${listImageFiles(distDir).length} gambar.`);
  } else {
    console.error(formatSiteProblems(problems));
    process.exitCode = 1;
  }
}
