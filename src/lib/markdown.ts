import type { satteri } from '@astrojs/markdown-satteri';

type HastPlugins = NonNullable<NonNullable<Parameters<typeof satteri>[0]>['hastPlugins']>;

/**
 * Astro 7's Markdown processor passes raw HTML through untouched, `<script>` included. Story
 * bodies come from contributors, so every raw HTML chunk is turned into plain text: a reader
 * sees the tag written out and the browser never runs it.
 */
export const escapeRawHtml = {
  name: 'jembatan:escape-raw-html',
  raw(node: { value: string }, ctx: { replaceNode: (node: unknown, replacement: { type: 'text'; value: string }) => void }) {
    ctx.replaceNode(node, { type: 'text', value: node.value });
  },
} as unknown as HastPlugins[number];
