import { defineHastPlugin } from 'satteri';
import { COLUMN_PHOTO } from './images.ts';

/**
 * Story bodies come from contributors. Astro 7's Markdown processor passes raw HTML through
 * untouched (`<script>` included) and keeps any link scheme, so these plugins make the output
 * safe: raw HTML is shown as text, and links or images with a dangerous scheme are dropped.
 */

/** Schemes a link or image written in Markdown may use. Anything else (javascript:, data:, vbscript:, …) is removed. */
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/**
 * True when a URL from contributor Markdown is harmless: relative, a fragment, or one of the
 * safe schemes. Browsers ignore whitespace and control characters inside a scheme
 * ("java\tscript:"), so those are removed before the scheme is read.
 */
export function isSafeContentUrl(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
  return scheme === undefined || SAFE_SCHEMES.has(scheme);
}

/** Raw HTML chunks become plain text: a reader sees the tag written out and the browser never runs it. */
export const escapeRawHtml = defineHastPlugin({
  name: 'jembatan:escape-raw-html',
  raw(node, ctx) {
    ctx.replaceNode(node, { type: 'text', value: node.value });
  },
});

/** A link with an unsafe target keeps its text but loses the link; an unsafe image disappears. */
export const dropUnsafeUrls = defineHastPlugin({
  name: 'jembatan:drop-unsafe-urls',
  element: {
    filter: ['a', 'img'],
    visit(node, ctx) {
      const url = node.tagName === 'a' ? node.properties.href : node.properties.src;
      if (typeof url !== 'string' || isSafeContentUrl(url)) return;
      if (node.tagName === 'a') ctx.replaceNode(node, [...node.children]);
      else ctx.removeNode(node);
    },
  },
});

/**
 * Photos in a body are shown at the text column's width: without a width Astro would also
 * encode the phone's full 4,000-pixel original, which no reader needs and which costs build time.
 */
export const capBodyImages = defineHastPlugin({
  name: 'jembatan:cap-body-images',
  element: {
    filter: ['img'],
    visit(node, ctx) {
      const src = node.properties.src;
      if (typeof src === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(src)) ctx.setProperty(node, 'width', COLUMN_PHOTO.width);
    },
  },
});

/**
 * Parser features for contributor bodies. The gate strips the frontmatter itself and hands only
 * the body on, so the parser must never look for a second frontmatter block in it: a `---` block
 * at the top of a body is text, for the gate and the renderer alike.
 */
export const CONTENT_FEATURES = { frontmatter: false } as const;

/** The plugins every contributor Markdown and MDX body goes through. */
export const contentHastPlugins = [escapeRawHtml, dropUnsafeUrls, capBodyImages];
