/**
 * The site checks that read every page (links, page weight, policies) share one read and one
 * parse of it: parsing was most of their time, three times over (about 7.5 of 11.5 s on a
 * kabupaten's 2,159 pages), and they run beside the HTML validation on the same cores.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { listHtmlFiles } from './html.ts';

/** A check that looks at each page in turn, then says what it found. */
export interface PageCheck<Result> {
  page(page: string, html: string, $: CheerioAPI): void;
  finish(): Result;
}

/** Shows every HTML page of `distDir` (sorted) to each check, read and parsed once. */
export function visitPages(distDir: string, checks: readonly PageCheck<unknown>[]): void {
  for (const page of listHtmlFiles(distDir)) {
    const html = readFileSync(path.join(distDir, page), 'utf8');
    const $ = load(html);
    for (const check of checks) check.page(page, html, $);
  }
}

/** One check over every page, on its own. */
export function runPageCheck<Result>(distDir: string, check: PageCheck<Result>): Result {
  visitPages(distDir, [check]);
  return check.finish();
}
