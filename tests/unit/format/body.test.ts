/**
 * The gate skips parsing a Markdown body that holds no "![" (a quarter of its time over a
 * national network). That is only safe if the parser Astro renders with never makes a photo
 * out of a body without "![": checked here against the parser itself, on random bodies built
 * from everything Markdown writes around images (links, references, HTML, escapes, entities).
 */
import fc from 'fast-check';
import { markdownToMdast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { inspectBody } from '../../../src/format/body.ts';
import { CONTENT_FEATURES } from '../../../src/format/markdown.ts';

interface Node {
  type: string;
  children?: Node[];
}
const imageNodes = (node: Node): string[] => [...(node.type === 'image' || node.type === 'imageReference' ? [node.type] : []), ...(node.children ?? []).flatMap(imageNodes)];
const parsedImages = (body: string) => imageNodes(markdownToMdast(body, { features: CONTENT_FEATURES }) as unknown as Node);

const FRAGMENTS = ['!', '[', ']', '(', ')', '\\', '&#33;', '&excl;', '<img src="./a.jpg">', '[a]: ./a.jpg', '[a]', './a.jpg', ' ', '\n', '\n\n', '> ', '- ', '`', '*', 'teks', '<', '>', '"', "'", '#'];
const bodyWithout = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join('')).filter((body) => !body.includes('!['));

describe('inspectBody on Markdown', () => {
  it('finds no photo where the parser finds none: a body without "![" never holds one', () => {
    fc.assert(
      fc.property(bodyWithout, (body) => {
        expect(parsedImages(body)).toEqual([]);
        expect(inspectBody(body, 'md')).toEqual({ problems: [], images: [], imageReferences: [] });
      }),
      { numRuns: 2000 },
    );
  });

  it('still finds every photo and reference-style image written with "!["', () => {
    const body = 'Pembuka.\n\n![Dermaga](./foto/dermaga.jpg)\n\nTeks ![Perahu][p] lagi.\n\n[p]: ./foto/perahu.jpg\n';
    const report = inspectBody(body, 'md', 5);
    expect(report.images).toEqual([{ url: './foto/dermaga.jpg', alt: 'Dermaga', line: 8 }]);
    expect(report.imageReferences).toEqual([10]);
    expect(parsedImages(body).sort()).toEqual(['image', 'imageReference']);
  });

  it('still refuses a quote nested too deep, with or without a photo', () => {
    expect(inspectBody(`${'>'.repeat(40)} teks`, 'md').problems).toHaveLength(1);
  });
});

describe('inspectBody refuses a body shaped to crash or swell the build', () => {
  const nesting = 'kutipan (">") atau daftar bersarang terlalu dalam: paling banyak 32 tingkat.';
  const only = (body: string, format: 'md' | 'mdx' = 'md') => inspectBody(body, format, 4).problems;

  it('refuses lists nested deeper than 32 levels, on one line or by indentation, before parsing them', () => {
    // 1,000 levels overflowed the stack of the gate's walk, 5,000 that of the feeds' HTML walk.
    expect(only(`${'- '.repeat(1000)}x\n\n![foto](./x.jpg)`)).toEqual([{ line: 5, message: nesting }]);
    expect(only(`${'- '.repeat(5000)}x`)).toEqual([{ line: 5, message: nesting }]);
    expect(only(`${'1. '.repeat(40)}x`, 'mdx')).toEqual([{ line: 5, message: nesting }]);
    const indented = Array.from({ length: 40 }, (_, i) => `${' '.repeat(2 * i)}- x`).join('\n');
    expect(only(indented)).toEqual([{ line: 4 + 33, message: nesting }]);
    // Quotes and lists together count as one nesting: this took the parser 8 s per file.
    expect(only('> - '.repeat(60_000))).toEqual([{ line: 5, message: nesting }]);
  });

  it('accepts ordinary nesting, and a line of dashes as the thematic break it is', () => {
    expect(only(Array.from({ length: 10 }, (_, i) => `${' '.repeat(2 * i)}- x`).join('\n'))).toEqual([]);
    expect(only(`> - kutipan dalam daftar\n\n${'- '.repeat(50)}\n\nTeks.`)).toEqual([]);
  });

  it('refuses emphasis nested ten thousand deep, and parses a plain body only when it could nest deep', () => {
    const problems = only(`${'*'.repeat(20_000)}a${'*'.repeat(20_000)}`);
    expect(problems).toEqual([{ line: 5, message: 'penekanan (*, _, ~), tautan, kutipan atau daftar bersarang terlalu dalam: paling banyak 64 tingkat.' }]);
    expect(only(`${'_'.repeat(200)}a${'_'.repeat(200)}`, 'mdx')).toHaveLength(1);
    expect(only('**Catatan:** warga *datang* ke [balai](https://contoh.id) dan ~~tidak~~ pulang.\n'.repeat(30))).toEqual([]);
  });

  it('refuses a table whose filled-in cells would swell the page, naming its header line', () => {
    const wide = `${'|a'.repeat(1000)}|\n${'|-'.repeat(1000)}|\n${'x\n'.repeat(1000)}`;
    expect(only(wide)).toEqual([
      { line: 5, message: 'tabel terlalu besar (1000 kolom × 1001 baris): paling banyak 30 kolom dan 3.000 sel. Pecah menjadi beberapa tabel yang lebih kecil.' },
    ]);
    // Every line up to the first empty one becomes a row, pipes or not.
    expect(only(`Teks.\n\n| a | b |\n| --- | --- |\n${'x\n'.repeat(2000)}`)[0]).toMatchObject({ line: 7, message: expect.stringContaining('(2 kolom × 2001 baris)') });
    expect(only('| Nama | Jumlah |\n| --- | ---: |\n| Beras | 10 |\n| Gula | 5 |\n')).toEqual([]);
    // A heading underlined with dashes above a long text with a pipe somewhere is not a table.
    expect(only(`Judul\n---\n${'Satu baris | dengan garis tegak.\n'.repeat(4000)}`)).toEqual([]);
  });
});
