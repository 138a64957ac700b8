/**
 * Contributor content is untrusted. This fixture puts attack strings in every text field and
 * body a contributor controls, builds the site, and parses every built page to prove that no
 * contributor-controlled script, event handler, frame or dangerous URL survives, while the text
 * itself is still shown.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_NETWORK, buildSite, createFixture, removeFixture, type BuildResult } from '../helpers/fixture.ts';
import { findLeaks } from '../helpers/published.ts';
import { readJsonFeed, readRss } from '../helpers/feeds.ts';

const SCRIPT = '</script><script>alert("skrip")</script>';
// U+2028 ends a line in older JavaScript parsers: inside a JSON-LD string it must be escaped.
const TITLE = `Judul ${SCRIPT} baris\u2028baru`;
const IMG = '<img src=x onerror=alert("gambar")>';
const SVG = '"><svg onload=alert("svg")>';
const IFRAME = '<iframe src="javascript:alert(1)"></iframe>';
const MARKDOWN_BODY = [
  'Teks biasa.',
  SCRIPT,
  IMG,
  '<a href="javascript:alert(1)" onclick="alert(2)">tautan</a>',
  '[tautan javascript](javascript:alert(document.cookie))',
  '[tautan campur huruf](JaVaScRiPt:alert(1))',
  '[tautan vbscript](vbscript:msgbox(1))',
  '[tautan data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  // A `data:` image never gets this far: the gate refuses an image with any scheme (gate.test.ts),
  // and the renderer would drop it too (markdown.test.ts).
  '<style>body{display:none}</style>',
  IFRAME,
  '<object data="x.swf"></object>',
  '[tautan aman](https://example.org/aman)',
].join('\n\n');

let contentDir: string;
let build: BuildResult;
let pages: { file: string; html: string }[];

beforeAll(async () => {
  const photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#888888' } }).jpeg().toBuffer();
  contentDir = createFixture({
    network: { ...BASE_NETWORK, name: `Jaringan ${SCRIPT}`, description: `Deskripsi ${IMG}`, tagline: SVG },
    kim: {
      'kim-uji': {
        data: {
          name: `KIM ${IMG}`,
          village: '64.74.01.1001',
          tagline: SVG,
          decree: { number: SCRIPT, date: '2021-01-01', issuer: IFRAME },
          registration: IMG,
          contacts: { email: 'kim@contoh.id', website: 'https://example.org/?q="><script>alert(1)</script>' },
        },
        body: MARKDOWN_BODY,
      },
    },
    stories: {
      'cerita-uji': {
        data: {
          title: TITLE,
          date: '2026-11-01',
          kim: 'kim-uji',
          summary: `Ringkasan ${IMG}`,
          category: 'berita',
          tags: [SVG, '<script>x</script>'],
          authors: [IMG],
          // Its own licence lets a republished story carry it; the body's photo has none.
          cover: { src: './foto.jpg', alt: `Alt ${SVG}`, credit: `Kredit ${SCRIPT}`, license: 'CC-BY-4.0' },
          places: ['tempat-uji'],
        },
        body: `${MARKDOWN_BODY}\n\n![Foto badan ${SVG}](./foto.jpg)`,
      },
    },
    places: {
      'tempat-uji': {
        data: {
          name: `Tempat ${SCRIPT}`,
          kind: 'kuliner',
          region: '64.74.01.1001',
          kim: 'kim-uji',
          summary: `Ringkasan ${SVG}`,
          address: IMG,
          hours: IFRAME,
          contacts: { whatsapp: '081234567890' },
          photos: [{ src: '../stories/foto.jpg', alt: IMG, credit: SVG }],
        },
        body: MARKDOWN_BODY,
      },
    },
    files: { 'stories/foto.jpg': photo },
  });
  build = await buildSite(contentDir);
  if (build.code !== 0) throw new Error(build.output);
  pages = readdirSync(build.outDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({ file: f, html: readFileSync(path.join(build.outDir, f), 'utf8') }));
}, 240_000);

afterAll(() => removeFixture(contentDir));

const DANGEROUS_URL = /^\s*(?:javascript|vbscript|data):/i;
const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'action', 'formaction', 'data', 'poster', 'xlink:href'];

describe('a site built from hostile content', () => {
  it('has no script element and no event handler attribute on any page', () => {
    expect(pages.length).toBeGreaterThan(20);
    for (const { file, html } of pages) {
      const $ = load(html);
      // The site's own modules (search, map loader, copy buttons), loaded from its files; nothing inline.
      const own =
        // The web CMS's page: its script and its village field, files of the site, nothing inline.
        file === path.join('admin', 'index.html')
          ? $('script[src="/admin/sveltia-cms.js"]:empty, script[type="module"][src^="/_astro/"]:empty').length
          : $('script[type="module"][src^="/_astro/"]:empty').length;
      // Structured data is a data block: JSON, never run (its contents are checked below).
      expect($('script:not([type="application/ld+json"])').length - own, file).toBe(0);
      $('*').each((_, el) => {
        for (const name of Object.keys((el as { attribs: Record<string, string> }).attribs)) {
          expect(name.startsWith('on'), `${file}: <${(el as { tagName: string }).tagName} ${name}>`).toBe(false);
        }
      });
    }
  });

  it('keeps hostile text inside its structured data: each block parses, holds the text intact and cannot end its element', () => {
    let blocks = 0;
    for (const { file, html } of pages) {
      const $ = load(html);
      $('script[type="application/ld+json"]').each((_, el) => {
        const raw = $(el).text();
        expect(raw, file).not.toMatch(/[<>]/);
        const graph = JSON.parse(raw)['@graph'] as Record<string, unknown>[];
        blocks++;
        if (file === path.join('cerita', 'cerita-uji', 'index.html')) {
          const article = graph.find((n) => n['@type'] === 'NewsArticle')!;
          expect(article.headline).toBe(TITLE);
          expect(raw).not.toContain('\u2028');
          expect(raw).toContain('\\u2028');
          expect(article.author).toEqual([{ '@type': 'Person', name: IMG }]);
          expect((article.image as { creditText?: string }[])[0]!.creditText).toBe(`Kredit ${SCRIPT}`);
        }
      });
    }
    expect(blocks).toBeGreaterThan(20);
  });

  it('republishes the cover its licence allows, with hostile alt and credit as text, and never the body’s photo', () => {
    const $ = load(readFileSync(path.join(build.outDir, 'cerita', 'cerita-uji', 'index.html'), 'utf8'));
    const copy = load($('details.republish textarea').text(), null, false);
    expect(copy('script, iframe, object, embed, style, svg').length).toBe(0);
    const images = copy('img');
    expect(images.length).toBe(1);
    expect(images.attr('src')).toMatch(/^https:\/\/uji\.example\.org\/.+\.(jpe?g|webp)$/);
    expect(images.attr('alt')).toBe(`Alt ${SVG}`);
    expect(copy('figcaption').text()).toContain(`Kredit ${SCRIPT}`);
    expect(copy('figcaption').text()).toContain('CC BY 4.0');
    // The cover the copy points at is a file the build wrote.
    expect(existsSync(path.join(build.outDir, new URL(images.attr('src')!).pathname))).toBe(true);
    expect(copy.root().text()).not.toContain('Foto badan');
  });

  it('writes feeds that parse, with the hostile text as text', () => {
    const rss = readRss(readFileSync(path.join(build.outDir, 'rss.xml'), 'utf8'));
    expect(rss.problems).toEqual([]);
    expect(rss.items[0]!.title).toBe(TITLE);
    // The feed's HTML, as a reader's app parses it: hostile markup is text, not elements.
    const $ = load(rss.items[0]!.contentHtml, null, false);
    expect($('script, iframe, object, embed, style, svg').length).toBe(0);
    $('*').each((_, el) => {
      for (const [name, value] of Object.entries((el as { attribs: Record<string, string> }).attribs)) {
        expect(name.startsWith('on'), name).toBe(false);
        if (URL_ATTRIBUTES.includes(name)) expect(value).not.toMatch(DANGEROUS_URL);
      }
    });
    expect($.root().text()).toContain('<script>alert(“skrip”)</script>');
    const json = readJsonFeed(readFileSync(path.join(build.outDir, 'feed.json'), 'utf8'));
    expect(json.problems).toEqual([]);
    expect(json.feed.items[0]!.title).toBe(TITLE);
  });

  it('has no frame, object or embed, and no style element from a contributor', () => {
    for (const { file, html } of pages) {
      const $ = load(html);
      expect($('iframe, object, embed, style').length, file).toBe(0);
    }
  });

  it('has no javascript:, vbscript: or data: URL in any attribute', () => {
    for (const { file, html } of pages) {
      const $ = load(html);
      for (const attribute of URL_ATTRIBUTES) {
        $(`[${attribute.replace(':', '\\:')}]`).each((_, el) => {
          const value = $(el).attr(attribute)!;
          expect(DANGEROUS_URL.test(value), `${file}: ${attribute}="${value}"`).toBe(false);
        });
      }
    }
  });

  it('still shows what the contributor wrote, as text', () => {
    const $ = load(readFileSync(path.join(build.outDir, 'cerita/cerita-uji/index.html'), 'utf8'));
    expect($('h1').text()).toBe(TITLE);
    expect($('article').text()).toContain('tautan javascript');
    expect($('article a[href="https://example.org/aman"]').text()).toBe('tautan aman');
    expect($('article img').filter((_, img) => $(img).attr('alt') === `Alt ${SVG}`).length).toBe(1);
  });

  it('publishes no image with metadata, read file by file', async () => {
    expect(await findLeaks(build.outDir, contentDir)).toEqual({ metadata: [], unpublished: [] });
  });

  it('keeps the hostile title intact in the page title and meta description, escaped', () => {
    const $ = load(readFileSync(path.join(build.outDir, 'cerita/cerita-uji/index.html'), 'utf8'));
    expect($('title').text()).toContain(TITLE);
    expect($('meta[name="description"]').attr('content')).toBe(`Ringkasan ${IMG}`);
  });
});
