// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import { jembatan } from './src/integrations/jembatan.ts';
import { escapeRawHtml } from './src/lib/markdown.ts';
import { readSiteSettings } from './src/lib/site.ts';
import { resolveContentDir } from './src/lib/validation/read.ts';

// The one place that reads the environment: which content to build, and where it is deployed.
const contentDir = resolveContentDir(process.cwd(), process.env.JEMBATAN_CONTENT_DIR);
const { site, base } = readSiteSettings(contentDir, process.env);

export default defineConfig({
  // Separate caches let tests and benchmarks build other content folders without mixing stores.
  cacheDir: process.env.JEMBATAN_CACHE_DIR || './node_modules/.astro',
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Lossless whitespace handling: Astro 7's default would glue inline words together.
  compressHTML: true,
  markdown: {
    // Contributors write Markdown, not HTML: raw HTML in a story is shown as text, never run.
    processor: satteri({ hastPlugins: [escapeRawHtml] }),
  },
  image: { layout: 'constrained' },
  integrations: [jembatan({ contentDir }), mdx(), sitemap()],
});
