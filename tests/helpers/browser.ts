/**
 * Drives Debian's Chromium through playwright-core; never a browser that a tool downloads.
 * `auditPage` loads a page and reports what a reader's browser would complain about: console
 * errors, Content-Security-Policy violations, and WCAG 2.1 AA problems found by axe-core.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { load } from 'cheerio';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium.ts';

export const launchBrowser = launchChromium;

/** The titles the search page lists, once it has finished searching. */
export async function resultTitles(page: Page): Promise<string[]> {
  await page.waitForFunction(() => {
    const status = document.querySelector('#status')?.textContent ?? '';
    return status !== '' && !status.startsWith('Mencari');
  });
  return page.$$eval('#hasil li h2 a', (links) => links.map((a) => a.textContent ?? ''));
}

/** Lists every result of the current search: presses "more" until the page has shown them all. */
export async function allResultTitles(page: Page): Promise<string[]> {
  let titles = await resultTitles(page);
  while (await page.isVisible('#lebih')) {
    await page.click('#lebih');
    await page.waitForFunction((n) => document.querySelectorAll('#hasil li').length > n, titles.length);
    titles = await resultTitles(page);
  }
  return titles;
}

/**
 * The values of one search facet (`kabupaten`, `tipe`…) of every result the search page lists,
 * read from each result's page as served: the `data-pagefind-filter` attributes Pagefind indexed
 * that page by. A result whose page cannot be fetched is an error, not a result without values.
 */
export async function listedFacets(page: Page, key: string): Promise<{ url: string; values: string[] }[]> {
  const urls = await page.$$eval('#hasil li h2 a', (links) => links.map((a) => (a as HTMLAnchorElement).href));
  return Promise.all(
    urls.map(async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: status ${response.status}`);
      const $ = load(await response.text());
      const values = $('[data-pagefind-filter]')
        .map((_, el) => $(el).attr('data-pagefind-filter') ?? '')
        .get()
        .filter((pair) => pair.startsWith(`${key}:`))
        .map((pair) => pair.slice(key.length + 1));
      return { url, values };
    }),
  );
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface PageAudit {
  status: number | undefined;
  consoleErrors: string[];
  cspViolations: string[];
  /** axe rule id and the first offending element, one entry per violated rule. */
  accessibility: string[];
}

/** A one-pixel PNG: what a map tile request is answered with where the machine has no internet. */
export const BLANK_TILE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk+A8AAQUBAScY42YAAAAASUVORK5CYII=', 'base64');

/** Answers the map's tile requests with a blank tile, so a map in view loads as it would online. */
export async function blankTiles(page: Page): Promise<void> {
  await page.route('https://tile.openstreetmap.org/**', (route) => route.fulfill({ status: 200, contentType: 'image/png', body: BLANK_TILE }));
}

/** `prepare` runs after the page has loaded and before the audit, e.g. to scroll a map into view. */
export async function auditPage(page: Page, url: string, prepare?: (page: Page) => Promise<void>): Promise<PageAudit> {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // A not-found page is itself served with status 404, and Chromium logs that as an error.
    if (message.location().url === url && message.text().includes('status of 404')) return;
    consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  // Registered before any page script, outside the page's CSP, so every violation is seen.
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __csp: string[] }).__csp.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  await prepare?.(page);
  const cspViolations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ') ?? ''} (${v.nodes.length}×)`);
  });
  return { status: response?.status(), consoleErrors, cspViolations, accessibility: violations };
}
