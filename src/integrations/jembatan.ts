import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { z } from 'astro/zod';
import { checkImageMetadata } from '../lib/checks/metadata.ts';
import { formatSiteProblems } from '../lib/checks/index.ts';
import { loadRegionData } from '../lib/regions/source.ts';
import { describeSearchIndex, indexSite } from '../lib/search/index-site.ts';
import { tileOrigin } from '../lib/map.ts';
import { headersFile } from '../lib/security.ts';
import { formatContentErrors } from '../lib/validation/errors.ts';
import { readContentDir } from '../lib/validation/read.ts';
import { validateNetwork } from '../lib/validation/validate.ts';

const VIRTUAL_ID = 'virtual:jembatan/network';

/**
 * The build's gate: validates the whole content folder before Astro loads a single entry, so
 * contributors get every problem of a run at once, in Indonesian, and nothing broken is
 * published. It then hands the validated network configuration to the pages.
 */
export function jembatan({
  contentDir,
  shard = null,
  figuresFile = null,
  searchIndex = true,
}: {
  contentDir: string;
  /** Which shard of a network built in shards this is (see lib/shards.ts). */
  shard?: string | null;
  /** The whole network's figures, for a network shard that holds only part of its entries. */
  figuresFile?: string | null;
  /** Index search at the end of the build; a sharded build indexes each shard after Astro exits. */
  searchIndex?: boolean;
}): AstroIntegration {
  let base = '/';
  let tiles: string | undefined;
  return {
    name: 'jembatan',
    hooks: {
      'astro:config:setup': async ({ config: astroConfig, logger, updateConfig }) => {
        base = astroConfig.base;
        z.config(z.locales.id());
        const started = performance.now();
        const result = validateNetwork({ ...(await readContentDir(contentDir)), regions: await loadRegionData() });
        if (result.warnings.length > 0) logger.warn(`\n${formatContentErrors(result.warnings, 'warning')}`);
        if (!result.ok) {
          logger.error(`\n${formatContentErrors(result.errors)}`);
          const error = new AstroError(
            `Konten tidak valid (${result.errors.length} kesalahan, rinciannya di atas).`,
            'Perbaiki berkas dan kolom yang disebutkan, lalu jalankan build lagi.',
          );
          // The report above is the useful part; a stack trace into the build tool only confuses.
          error.stack = '';
          throw error;
        }
        const { config, kim, stories, places } = result.network;
        tiles = config.map.tiles;
        logger.info(
          `Konten valid: ${kim.length} KIM, ${stories.length} cerita, ${places.length} potensi ` +
            `(${Math.round(performance.now() - started)} ms).`,
        );
        const source = [
          `export const contentDir = ${JSON.stringify(contentDir)};`,
          `export const network = ${JSON.stringify(config)};`,
          `export const base = ${JSON.stringify(astroConfig.base)};`,
          `export const shard = ${JSON.stringify(shard)};`,
          `export const figures = ${figuresFile ? readFileSync(figuresFile, 'utf8') : 'null'};`,
        ].join('\n');
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'jembatan:network',
                resolveId: (id: string) => (id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : undefined),
                load: (id: string) => (id === `\0${VIRTUAL_ID}` ? source : undefined),
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        // Phone photos carry GPS positions. Astro's pipeline strips them from the images it
        // makes, but a file copied as is (from public/, or an original someone links) keeps them.
        const leaks = await checkImageMetadata(outDir);
        if (leaks.length > 0) {
          logger.error(`\n${formatSiteProblems(leaks)}`);
          const error = new AstroError(
            `Ada ${leaks.length} gambar di hasil build yang masih menyimpan metadata (EXIF/GPS).`,
            'Jalankan "npm run strip-metadata" untuk foto di content/, dan bersihkan gambar di public/ dengan cara yang sama.',
          );
          error.stack = '';
          throw error;
        }
        writeFileSync(path.join(outDir, '_headers'), headersFile(base, { tileOrigin: tiles && tileOrigin(tiles) }));
        logger.info('_headers ditulis (kebijakan keamanan untuk Cloudflare Pages dan Netlify).');
        if (!searchIndex) return;
        logger.info(describeSearchIndex(await indexSite(outDir)));
      },
    },
  };
}
