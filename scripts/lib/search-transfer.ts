/**
 * What a reader's first search downloads, measured in Chromium rather than estimated: the search
 * page is opened with a query, and every response until the results are listed is counted. Text
 * (HTML, CSS, JavaScript, JSON) counts gzip-compressed, as any static host sends it; Pagefind's
 * index files and WebAssembly are stored compressed and count as they are. Used by the browser
 * tests (the demo's budget) and by `scripts/measure-search.ts` (any built site, such as the
 * benchmark's national one).
 */
import { gzipSync } from 'node:zlib';
import { createUrls } from '../../src/domain/urls.ts';
import { createTranslator } from '../../src/site/i18n/index.ts';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { serveStatic } from './static-server.ts';

interface Transfer {
  path: string;
  bytes: number;
}

export interface SearchTransfer {
  query: string;
  results: number;
  status: string;
  bytes: number;
  transfers: Transfer[];
}

const TEXT = /\.(html|css|js|mjs|json)$|\/$/;

/** Status lines the search page shows while it has no results to count yet. */
const t = createTranslator('id');
const WAITING = [t('search.loading'), t('search.prompt')];

/** Opens the search page for `query` on a phone-sized page and counts what loads until the results show. */
export async function measureFirstSearch(browser: Browser, siteUrl: string, query: string): Promise<SearchTransfer> {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 2.625, isMobile: true });
  const page = await context.newPage();
  const pending: Promise<Transfer>[] = [];
  page.on('response', (response) => {
    pending.push(
      response
        .body()
        .catch(() => Buffer.alloc(0))
        .then((body) => {
          const { pathname } = new URL(response.url());
          return { path: pathname, bytes: TEXT.test(pathname) ? gzipSync(body).length : body.length };
        }),
    );
  });
  try {
    // The site's own URL for a search, relative to where the site is served.
    await page.goto(new URL(createUrls().search(query).slice(1), siteUrl).href);
    await page.waitForFunction(
      (waiting) => {
        const status = document.querySelector('#status')?.textContent ?? '';
        return status !== '' && !waiting.some((text) => status.startsWith(text.replace(/…$/, '')));
      },
      WAITING,
      { timeout: 120_000 },
    );
    // The listed results' fragments are requested before the status is written; let them land.
    await page.waitForLoadState('networkidle');
    const status = (await page.textContent('#status')) ?? '';
    const results = await page.locator('#hasil li').count();
    const transfers = await Promise.all(pending);
    return { query, results, status, bytes: transfers.reduce((sum, t) => sum + t.bytes, 0), transfers };
  } finally {
    await context.close();
  }
}

/** Serves a built site and measures a first search for each query, each in a fresh context. */
export async function measureSiteSearches(distDir: string, queries: readonly string[]): Promise<SearchTransfer[]> {
  const server = await serveStatic(distDir);
  const browser = await launchChromium();
  try {
    const measured: SearchTransfer[] = [];
    for (const query of queries) measured.push(await measureFirstSearch(browser, server.url, query));
    return measured;
  } finally {
    await browser.close();
    await server.close();
  }
}
