/**
 * Checks on the built site (`dist/`): valid HTML, internal links that resolve, images without
 * metadata and SVGs without scripts. They inspect what is actually published, so they catch
 * what no check on the sources can: a component emitting a duplicate id, a link to a page that
 * was never generated, a photo copied with its GPS position.
 */
import { lstatSync } from 'node:fs';
import type { CheerioAPI } from 'cheerio';
import { classifyPath, pathOfPage } from '../../domain/urls.ts';
import { validateHtml } from './html.ts';
import { linkCheck } from './links.ts';
import { policyCheck } from './csp.ts';
import { checkImages, listIrregularFiles } from './metadata.ts';
import { weightCheck, type WeightFigures } from './weight.ts';
import { visitPages } from './pages.ts';
import type { SiteCheck, SiteProblem } from './types.ts';
import { groupedReport } from '../../format/errors.ts';

export { listHtmlFiles, validateHtml } from './html.ts';
export { checkLinks, normalizeBase, srcsetUrls } from './links.ts';
export { checkPagePolicies } from './csp.ts';
export type { SiteProblem } from './types.ts';
export { checkImageMetadata, checkSvgFiles, listImageFiles, listSvgFiles, svgActiveContent } from './metadata.ts';

/**
 * Pages that may load JavaScript: the search page, which cannot work without it, pages that show
 * a map, and pages with a copy button (story and place pages, whose fields stay selectable
 * without it). Every other page must load none.
 */
export function isScriptPage(page: string, html: CheerioAPI): boolean {
  return classifyPath(pathOfPage(page)).kind === 'search' || html('[data-map]').length > 0 || html('button[data-copy]').length > 0;
}

/** Where the site is deployed; links must start with it. */
export interface CheckSiteOptions {
  /** The deploy base, "/" or "/<repo>/" for GitHub Pages. */
  base?: string;
}

/** How each check is named in the Indonesian report. */
const CHECK_LABELS: Record<SiteCheck, string> = {
  html: 'HTML',
  link: 'tautan',
  metadata: 'metadata gambar',
  svg: 'SVG',
  weight: 'bobot halaman',
  csp: 'kebijakan keamanan',
  file: 'berkas',
};

/**
 * Runs every check and returns all problems at once, sorted by file, so one round of fixes
 * is enough.
 */
export interface SiteReport {
  problems: SiteProblem[];
  /** What the pages weigh, measured while checking their budgets. */
  weight: WeightFigures;
}

export async function checkSite(distDir: string, { base = '/' }: CheckSiteOptions = {}): Promise<SiteReport> {
  // HTML validation runs in worker threads and the images' metadata in sharp's: the checks below
  // run in this thread meanwhile.
  const pending = Promise.all([validateHtml(distDir), checkImages(distDir)]);
  // Its failure is reported where it is awaited below, even when a check here throws first.
  pending.catch(() => undefined);
  const checks = { links: linkCheck(distDir, base), weight: weightCheck(distDir, { base, scriptsAllowed: isScriptPage }), policies: policyCheck() };
  visitPages(distDir, Object.values(checks));
  const [links, weight, policies] = [checks.links.finish(), checks.weight.finish(), checks.policies.finish()];
  const files = listIrregularFiles(distDir);
  const [html, images] = await pending;
  const problems = [...html, ...links, ...images, ...weight.problems, ...policies, ...files].sort((a, b) => a.file.localeCompare(b.file));
  return { problems, weight: weight.figures };
}

/**
 * `public/` is copied into the site as it is: a link there (or the folder itself being one) would
 * publish whatever it points at on the build machine, and a photo there keeps its metadata.
 * Checked before anything is built; problems are named by their path in the project.
 */
export async function checkPublicDir(publicDir: string): Promise<SiteProblem[]> {
  if (lstatSync(publicDir, { throwIfNoEntry: false })?.isSymbolicLink()) {
    return [{ file: 'public', check: 'file', message: 'folder public/ adalah tautan simbolik (symbolic link): ganti dengan folder biasa.' }];
  }
  const problems = [...listIrregularFiles(publicDir), ...(await checkImages(publicDir))];
  return problems.map((problem) => ({ ...problem, file: `public/${problem.file}` }));
}

/** The report printed when the built site has problems, grouped by file like the content report. */
export function formatSiteProblems(problems: readonly SiteProblem[]): string {
  return groupedReport(
    (files) => `Situs hasil build bermasalah: ${problems.length} temuan di ${files} berkas.`,
    '✗',
    problems.map((problem) => ({ file: problem.file, text: `[${CHECK_LABELS[problem.check]}] ${problem.message}` })),
  );
}
