import Slugger from 'github-slugger';
import { defineHastPlugin } from 'satteri';
import { COLUMN_PHOTO } from '../domain/images.ts';
import { hasUrlScheme, isSafeContentUrl } from '../domain/links.ts';

/**
 * Story bodies come from contributors. Astro 7's Markdown processor passes raw HTML through
 * untouched (`<script>` included) and keeps any link scheme, so these plugins make the output
 * safe: raw HTML is shown as text, and links or images with a dangerous scheme are dropped.
 */

/** Raw HTML chunks become plain text: a reader sees the tag written out and the browser never runs it. */
const escapeRawHtml = defineHastPlugin({
  name: 'jembatan:escape-raw-html',
  raw(node, ctx) {
    ctx.replaceNode(node, { type: 'text', value: node.value });
  },
});

/** A link with an unsafe target keeps its text but loses the link; an unsafe image disappears. */
const dropUnsafeUrls = defineHastPlugin({
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
const capBodyImages = defineHastPlugin({
  name: 'jembatan:cap-body-images',
  element: {
    filter: ['img'],
    visit(node, ctx) {
      const src = node.properties.src;
      if (typeof src === 'string' && !hasUrlScheme(src)) ctx.setProperty(node, 'width', COLUMN_PHOTO.width);
    },
  },
});

/**
 * Heading anchors of contributor text start with this word, so a heading can never take an id
 * the page layout uses: a story heading "Isi" would otherwise become `id="isi"`, the skip link's
 * target, and a heading could take the id a page script looks up.
 */
const HEADING_ID_PREFIX = 'bagian-';

/**
 * Gives every heading of a body its anchor, prefixed. Astro's own heading pass keeps an id that
 * is already set, so this runs first; it is a factory so each document counts its own namesakes.
 */
const prefixHeadingIds = () => {
  const slugger = new Slugger();
  return defineHastPlugin({
    name: 'jembatan:prefix-heading-ids',
    element: {
      filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
      visit(node, ctx) {
        ctx.setProperty(node, 'id', `${HEADING_ID_PREFIX}${slugger.slug(ctx.textContent(node))}`);
      },
    },
  });
};

/**
 * Parser features for contributor bodies. The gate strips the frontmatter itself and hands only
 * the body on, so the parser must never look for a second frontmatter block in it: a `---` block
 * at the top of a body is text, for the gate and the renderer alike.
 */
export const CONTENT_FEATURES = { frontmatter: false } as const;

/** The plugins every contributor Markdown and MDX body goes through. */
export const contentHastPlugins = [escapeRawHtml, dropUnsafeUrls, capBodyImages, prefixHeadingIds];
