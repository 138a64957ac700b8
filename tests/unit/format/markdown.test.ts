/**
 * The renderer's own defences, behind the gate: whatever Markdown reaches it, raw HTML comes out
 * as text and no link or image keeps a dangerous scheme.
 */
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { CONTENT_FEATURES, contentHastPlugins } from '../../../src/format/markdown.ts';
import { isSafeContentUrl } from '../../../src/domain/links.ts';

const render = (markdown: string) => markdownToHtml(markdown, { hastPlugins: contentHastPlugins, features: CONTENT_FEATURES }).html;

describe('the content Markdown renderer', () => {
  it('drops an image with a data: or javascript: address and keeps a safe one', () => {
    const html = render('![a](data:image/svg+xml;base64,PHN2Zz4=) ![b](javascript:alert(1)) ![c](https://example.org/c.jpg)');
    expect(html).not.toMatch(/data:|javascript:/);
    expect(html).toContain('src="https://example.org/c.jpg"');
  });

  it('keeps the text of a link with an unsafe scheme but not the link', () => {
    const html = render('[klik](JaVa\tScRiPt:alert(1)) dan [aman](https://example.org/)');
    expect(html).toContain('klik');
    expect(html).not.toMatch(/javascript/i);
    expect(html).toContain('<a href="https://example.org/">aman</a>');
  });

  it('shows raw HTML as text', () => {
    const html = render('<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });

  it('reads a --- block at the top of a body as text, never as a second frontmatter', () => {
    const html = render('---\nlayout: ../../evil.astro\n---\n\nIsi.');
    expect(html).toContain('layout: ../../evil.astro');
  });

  it('anchors headings with a prefix, so no heading takes an id of the page layout', () => {
    const html = render('## Isi\n\nTeks.\n\n## Isi\n\n### Peta judul');
    expect(html).toContain('<h2 id="bagian-isi">Isi</h2>');
    expect(html).toContain('<h2 id="bagian-isi-1">Isi</h2>');
    expect(html).toContain('<h3 id="bagian-peta-judul">Peta judul</h3>');
  });

  it('tells safe addresses from unsafe ones, ignoring the whitespace browsers ignore', () => {
    expect(isSafeContentUrl('./foto.jpg')).toBe(true);
    expect(isSafeContentUrl('mailto:kim@contoh.id')).toBe(true);
    expect(isSafeContentUrl(' java\u0000script:alert(1)')).toBe(false);
    expect(isSafeContentUrl('vbscript:x')).toBe(false);
  });
});
