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
