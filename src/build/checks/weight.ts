/**
 * Page-weight budgets, checked on every built page. Readers are often on cheap phones over
 * slow rural connections: a page's HTML must fit in the first round trips (about 14 KB
 * compressed), its CSS must stay small, content pages run no JavaScript at all, and images
 * must be responsive so a phone never downloads a desktop-sized photo.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CheerioAPI } from 'cheerio';
import { runPageCheck, type PageCheck } from './pages.ts';
import type { SiteProblem } from './types.ts';
import { hasUrlScheme } from '../../domain/links.ts';
import { isAdminFile } from '../../domain/urls.ts';
import { listFiles } from '../../format/files.ts';

/**
 * Script elements a browser runs. Structured data is a `<script type="application/ld+json">` data
 * block: never executed, so it costs no JavaScript and needs none.
 */
export const RUNNABLE_SCRIPT = 'script:not([type="application/ld+json"])';

export const BUDGETS = {
  /** Compressed HTML of one page: what fits in TCP's first flights (initial window of 10 packets). */
  htmlGzipBytes: 14 * 1024,
  /** Compressed CSS a page needs. */
  cssGzipBytes: 10 * 1024,
  /** Web font files in the whole site: one subset file, or none. */
  fontFiles: 1,
  /**
   * Compressed JavaScript a map page loads before the reader reaches the map: only the loader
   * that waits for it. The map library comes later, and only if the map is seen.
   */
  mapLoaderGzipBytes: 3 * 1024,
} as const;

export interface WeightOptions {
  /** The deploy base, to find linked stylesheets. */
  base?: string;
  /** Pages allowed to load JavaScript (search and map pages load their own). */
  scriptsAllowed?: (page: string, html: CheerioAPI) => boolean;
}

/** What the page weight check found, and what the pages weigh. */
export interface WeightReport {
  problems: SiteProblem[];
  figures: WeightFigures;
}

export interface WeightFigures {
  pages: number;
  largestHtml: { page: string; gzipBytes: number };
  averageHtmlGzipBytes: number;
  largestCss: { page: string; gzipBytes: number };
  pagesWithScripts: number;
}

const gzipSize = (content: string | Buffer) => gzipSync(content).length;
const FONT_FILE = /\.(?:woff2?|ttf|otf|eot)$/i;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function resolveAsset(distDir: string, base: string, href: string): string | undefined {
  if (hasUrlScheme(href) || !href.startsWith(base)) return undefined;
  const file = path.join(distDir, decodeURIComponent(href.slice(base.length).split(/[?#]/)[0]!));
  return existsSync(file) ? file : undefined;
}

const STATIC_IMPORT = /\bfrom\s*["'](\.{1,2}\/[^"']+)["']|\bimport\s*["'](\.{1,2}\/[^"']+)["']/g;

/** A module's compressed size with everything it imports statically (what loads before it runs); dynamic imports load later. */
function moduleGzipBytes(file: string, seen: Set<string>): number {
  if (seen.has(file) || !existsSync(file)) return 0;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  let bytes = gzipSize(code);
  for (const match of code.matchAll(STATIC_IMPORT)) bytes += moduleGzipBytes(path.resolve(path.dirname(file), match[1] ?? match[2]!), seen);
  return bytes;
}

/** Measures every page and reports each budget it breaks. */
export function checkPageWeight(distDir: string, options: WeightOptions = {}): WeightReport {
  return runPageCheck(distDir, weightCheck(distDir, options));
}

/** The page weight check as one of the checks sharing a read of every page (pages.ts). */
export function weightCheck(distDir: string, options: WeightOptions = {}): PageCheck<WeightReport> {
  const base = options.base ?? '/';
  const scriptsAllowed = options.scriptsAllowed ?? (() => false);
  const problems: SiteProblem[] = [];
  const cssSizes = new Map<string, number>();
  const figures: WeightFigures = {
    pages: 0,
    largestHtml: { page: '', gzipBytes: 0 },
    averageHtmlGzipBytes: 0,
    largestCss: { page: '', gzipBytes: 0 },
    pagesWithScripts: 0,
  };
  let totalHtml = 0;
  const fail = (file: string, message: string) => problems.push({ file, check: 'weight', message });

  const visit = (page: string, html: string, $: CheerioAPI) => {
    if (isAdminFile(page)) return;
    figures.pages++;

    const htmlBytes = gzipSize(html);
    totalHtml += htmlBytes;
    if (htmlBytes > figures.largestHtml.gzipBytes) figures.largestHtml = { page, gzipBytes: htmlBytes };
    if (htmlBytes > BUDGETS.htmlGzipBytes) fail(page, `HTML ${kb(htmlBytes)} setelah gzip, melebihi anggaran ${kb(BUDGETS.htmlGzipBytes)}.`);

    let cssBytes = $('style').toArray().reduce((sum, el) => sum + gzipSize($(el).text()), 0);
    $('link[rel="stylesheet"]').each((_, el) => {
      const file = resolveAsset(distDir, base, $(el).attr('href') ?? '');
      if (!file) return;
      if (!cssSizes.has(file)) cssSizes.set(file, gzipSize(readFileSync(file)));
      cssBytes += cssSizes.get(file)!;
    });
    if (cssBytes > figures.largestCss.gzipBytes) figures.largestCss = { page, gzipBytes: cssBytes };
    if (cssBytes > BUDGETS.cssGzipBytes) fail(page, `CSS ${kb(cssBytes)} setelah gzip, melebihi anggaran ${kb(BUDGETS.cssGzipBytes)}.`);

    const scripts = $(RUNNABLE_SCRIPT).length;
    if (scripts > 0) {
      figures.pagesWithScripts++;
      if (!scriptsAllowed(page, $)) fail(page, `memuat ${scripts} skrip; halaman isi harus berfungsi tanpa JavaScript.`);
    }
    if ($('[data-map]').length > 0) {
      let upfront = 0;
      const seen = new Set<string>();
      $('script[src], link[rel="modulepreload"]').each((_, el) => {
        const file = resolveAsset(distDir, base, $(el).attr('src') ?? $(el).attr('href') ?? '');
        if (file) upfront += moduleGzipBytes(file, seen);
      });
      if (upfront > BUDGETS.mapLoaderGzipBytes) {
        fail(page, `memuat ${kb(upfront)} JavaScript sebelum peta terlihat; paling banyak ${kb(BUDGETS.mapLoaderGzipBytes)} (pustaka peta dimuat saat peta dicapai).`);
      }
    }

    $('img').each((index, el) => {
      const img = $(el);
      const src = img.attr('src') ?? '';
      const label = `<img src="${src}">`;
      if (!img.attr('width') || !img.attr('height')) fail(page, `${label} tanpa width dan height: tata letak bergeser saat gambar dimuat.`);
      const raster = !/\.svg(?:[?#]|$)/i.test(src);
      const responsive = img.attr('srcset') || img.parent('picture').find('source[srcset]').length > 0;
      if (raster && !responsive) fail(page, `${label} tanpa srcset: ponsel akan mengunduh gambar berukuran penuh.`);
      const aboveTheFold = index === 0 || img.attr('fetchpriority') === 'high';
      if (raster && !aboveTheFold && img.attr('loading') !== 'lazy') fail(page, `${label} di bawah layar pertama tidak memakai loading="lazy".`);
    });
  };

  const finish = (): WeightReport => {
    // The web CMS brings its own fonts; readers never load them.
    const fonts = listFiles(distDir).filter((f) => FONT_FILE.test(f) && !isAdminFile(f));
    if (fonts.length > BUDGETS.fontFiles) {
      for (const font of fonts) fail(font, `${fonts.length} berkas fon web; paling banyak ${BUDGETS.fontFiles} (satu subset) atau tanpa fon web.`);
    }
    figures.averageHtmlGzipBytes = figures.pages > 0 ? Math.round(totalHtml / figures.pages) : 0;
    return { problems, figures };
  };
  return { page: visit, finish };
}
