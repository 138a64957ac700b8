// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { jembatan } from './src/build/integration.ts';
import { hostLimitsReport } from './src/build/host-integration.ts';
import { IMAGE_BREAKPOINTS, MAX_IMAGE_PIXELS, WEBP_QUALITY } from './src/domain/images.ts';
import { CONTENT_FEATURES, contentHastPlugins } from './src/format/markdown.ts';
import { readBuildTime, readSocialCardsOverride, siteSettings } from './src/build/settings.ts';
import { TIMINGS_ENV, timingsFile, timingsRecorder, WHOLE_BUILD } from './src/build/timings.ts';
import { startGate } from './src/format/gate.ts';
import { inShardSitemap } from './src/domain/shards.ts';
import { resolveContentDir } from './src/format/read.ts';
import { lastModified } from './src/domain/sitemap.ts';
import { createUrls } from './src/domain/urls.ts';

// The one place that reads the environment: which content to build, where it is deployed, and
// (for a network split into province shards by scripts/build-sharded.ts) which shard this is.
const contentDir = resolveContentDir(process.cwd(), process.env.JEMBATAN_CONTENT_DIR);
const shard = process.env.JEMBATAN_SHARD || null;
// The build's clock (JEMBATAN_NOW pins it): which stories are published.
const now = readBuildTime(process.env);
// `npm run build:host` asks for the KIM's preview images when the host cannot take a story's own.
const socialCards = readSocialCardsOverride(process.env);
// The content gate reads and validates content/ once, here; everything after takes its result,
// the site's address included (a shard skips the land check its preparing step made).
const gate = await startGate(contentDir, { now, locations: shard === null });
const { site, base } = siteSettings(gate.result.ok ? gate.result.network.config : null, process.env);
// A sharded build indexes search after Astro has exited, and hands each shard the figures it
// cannot count from the part of the entries it holds.
const sharded = shard ? { figuresFile: process.env.JEMBATAN_NETWORK_FIGURES || null } : null;
// The benchmark names a file for the build's phase timings; a normal build records nothing.
// Each dated page's last change, for the sitemap (the gate has read every entry already).
const lastmod = gate.result.ok ? lastModified(gate.result.network, createUrls({ base, lang: 'id' }), now) : new Map();
const timings = timingsRecorder(timingsFile(process.env[TIMINGS_ENV], shard ?? WHOLE_BUILD), shard);

export default defineConfig({
  // The project's folders by this file's place, not by Astro's root: a sharded build gives each
  // shard a root of its own (scripts/build-sharded.ts) so that shards can build side by side.
  srcDir: fileURLToPath(new URL('./src/', import.meta.url)),
  publicDir: fileURLToPath(new URL('./public/', import.meta.url)),
  // Separate caches let tests and benchmarks build other content folders without mixing stores.
  cacheDir: process.env.JEMBATAN_CACHE_DIR || fileURLToPath(new URL('./node_modules/.astro/', import.meta.url)),
  site,
  base,
  trailingSlash: 'always',
  // CSS as a cached file rather than inline <style>, so the Content-Security-Policy needs no
  // 'unsafe-inline' and a reader downloads the stylesheet once for the whole site.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 2 },
  // Never inline a script: the Content-Security-Policy allows scripts from the site's own files
  // only, and Astro would otherwise inline a small one (the copy buttons') into the page.
  vite: { build: { assetsInlineLimit: 0 } },
  // Lossless whitespace handling: Astro 7's default would glue inline words together.
  compressHTML: true,
  markdown: {
    // Contributors write Markdown, not HTML: raw HTML is shown as text and unsafe link
    // schemes are dropped. MDX uses the same processor.
    processor: satteri({ hastPlugins: contentHastPlugins, features: CONTENT_FEATURES }),
  },
  image: {
    layout: 'constrained',
    // Widths a phone (about 1,080 device pixels across) and a desktop column need, and no more:
    // every extra width is another encode per photo at build time.
    breakpoints: [...IMAGE_BREAKPOINTS],
    service: {
      entrypoint: 'astro/assets/services/sharp',
      config: {
        // The content gate refuses larger photos first; this is the pipeline's own backstop.
        limitInputPixels: MAX_IMAGE_PIXELS,
        // WebP at this quality keeps news photos clear at about half the bytes of the default.
        webp: { quality: WEBP_QUALITY },
      },
    },
  },
  integrations: [
    jembatan({ gate, shard, figuresFile: sharded?.figuresFile ?? null, searchIndex: !sharded, socialCards, timings }),
    mdx(),
    sitemap({
      filter: (page) => inShardSitemap(shard, new URL(page).pathname.slice(base.length - 1)),
      serialize: (item) => {
        const date = lastmod.get(new URL(item.url).pathname);
        return date ? { ...item, lastmod: date.toISOString().slice(0, 10) } : item;
      },
    }),
    // Last, to measure the finished site: which free hosts can take it.
    hostLimitsReport({ shard }),
  ],
});
