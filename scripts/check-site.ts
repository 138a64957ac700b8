/**
 * Checks a built site before it is published: valid HTML, internal links that resolve under
 * the deploy base, and images without EXIF/XMP/IPTC metadata; and says which free hosts can take
 * it (src/build/host-limits.ts).
 * Usage: `npm run check:site [-- dist] [-- --base /jembatan/] [--host cloudflare-pages]`. The base
 * defaults to the one the build used: `BASE_PATH`, else `base` in `network.yaml`, else "/".
 * `--host` fails the check when the site goes over that host's limits (a deploy workflow names
 * the host it deploys to).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readArguments } from './lib/cli.ts';
import { checkSite, formatSiteProblems, listHtmlFiles, listImageFiles, normalizeBase } from '../src/build/checks/index.ts';
import { HOSTS, hostById, hostReport, judgeHosts, sharedPreviewsAdvice } from '../src/build/host-limits.ts';
import { measureEntryPreviews, measureSite } from '../src/build/site-stats.ts';
import { readSiteSettings } from '../src/build/settings.ts';
import { resolveContentDir } from '../src/format/read.ts';

const USAGE = `Cara pakai: node scripts/check-site.ts [folder-build=dist] [--base /nama-repo/] [--host ${HOSTS.map((h) => h.id).join('|')}]

Memeriksa hasil build sebelum diterbitkan dan menyebut hosting gratis mana yang bisa menampungnya.
--host gagal bila situs melampaui batas hosting itu.`;

const args = readArguments(USAGE, { base: { type: 'string' }, host: { type: 'string' } });
const target = args.values.host === undefined ? undefined : hostById(args.values.host);
if (args.values.host !== undefined && !target) {
  console.error(`--host harus salah satu dari ${HOSTS.map((h) => h.id).join(', ')}, bukan "${args.values.host}".`);
  process.exit(2);
}
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
  const stats = measureSite(distDir);
  const verdicts = judgeHosts(stats);
  console.log(hostReport(stats, verdicts));
  const advice = verdicts.every((v) => v.fits) ? undefined : sharedPreviewsAdvice(stats, verdicts, measureEntryPreviews(distDir));
  if (advice) console.log(advice);
  const refused = target && verdicts.find((v) => v.host.id === target.id && !v.fits);
  if (problems.length === 0) {
    console.log(`Situs lolos pemeriksaan: ${pages} halaman HTML, ${listImageFiles(distDir).length} gambar.`);
  } else {
    console.error(formatSiteProblems(problems));
    process.exitCode = 1;
  }
  if (refused) {
    console.error(`Situs ini melampaui batas ${refused.host.name} (lihat di atas): tidak bisa diterbitkan di sana.`);
    process.exitCode = 1;
  }
}
