import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { checkImages } from './checks/metadata.ts';
import { checkPublicDir, formatSiteProblems } from './checks/index.ts';
import { describeSearchIndex, indexSite } from './search/index-site.ts';
import { headersFile } from '../site/security.ts';
import { cmsBackend, cmsOrigins } from '../site/cms.ts';
import { tileOrigin } from '../domain/map.ts';
import type { BuildConfig, NetworkConfig, SocialCardMode } from '../format/schemas/index.ts';
import { formatContentErrors } from '../format/errors.ts';
import { removeUnreferencedImages } from './unreferenced.ts';
import type { GateRun } from '../format/gate.ts';
import { contentFence } from './fence.ts';
import { holdRoot } from './root-lock.ts';
import { SOCIAL_CARDS_ENV, socialCardMode } from './settings.ts';
import { timedPrerenderer, timingsRecorder, type BuildMark, type TimingsRecorder } from './timings.ts';

const VIRTUAL_ID = 'virtual:jembatan/network';

/** Stops the build with a report printed above a one-line reason, without a stack trace into Astro. */
function stop(message: string, hint: string): never {
  const error = new AstroError(message, hint);
  // The report above is the useful part; a stack trace into the build tool only confuses.
  error.stack = '';
  throw error;
}

/**
 * The build's gate: validates the whole content folder before Astro loads a single entry, so
 * contributors get every problem of a run at once, in Indonesian, and nothing broken is
 * published. The result is shared with the collections' loader (loader.ts) and the Vite fence
 * (fence.ts), so what is loaded is exactly what was validated. It then hands the validated
 * network configuration to the pages, and checks the built site before it is published.
 */
export function jembatan({
  gate,
  shard = null,
  figuresFile = null,
  searchIndex = true,
  socialCards = null,
  timings = timingsRecorder(null, shard),
}: {
  /** The content gate's run over the content folder (format/gate.ts), started by the config. */
  gate: GateRun;
  /** Which shard of a network built in shards this is (see domain/shards.ts). */
  shard?: string | null;
  /** The whole network's figures, for a network shard that holds only part of its entries. */
  figuresFile?: string | null;
  /** Index search at the end of the build; a sharded build indexes each shard after Astro exits. */
  searchIndex?: boolean;
  /** The preview mode the environment asks for, which decides `socialCards: auto` (settings.ts). */
  socialCards?: SocialCardMode | null;
  /** Records the build's phase timings for the benchmark (timings.ts); by default nothing is recorded. */
  timings?: TimingsRecorder;
}): AstroIntegration {
  let base = '/';
  let release = () => {};
  const mark = (name: BuildMark) => timings.mark(name);
  // The config has just awaited the gate: it ended about now.
  const gateEnd = Date.now();
  timings.mark('gate:start', gateEnd - gate.milliseconds);
  timings.mark('gate:end', gateEnd);
  // Set once the gate has passed, for the `_headers` written after the build.
  let networkConfig: NetworkConfig | undefined;
  return {
    name: 'jembatan',
    hooks: {
      'astro:config:setup': async ({ config: astroConfig, command, logger, updateConfig }) => {
        mark('config:setup');
        base = astroConfig.base;
        if (command === 'build') {
          timings.writeOnExit();
          release = await holdRoot(fileURLToPath(new URL('.astro/', astroConfig.root)), (holder) =>
            logger.info(`Menunggu build lain di folder proyek ini selesai (proses ${holder}).`),
          );
        }
        const { contentDir, now, result } = gate;
        if (result.warnings.length > 0) logger.warn(`\n${formatContentErrors(result.warnings, 'warning')}`);
        if (!result.ok) {
          logger.error(`\n${formatContentErrors(result.errors)}`);
          stop(`Konten tidak valid (${result.errors.length} kesalahan, rinciannya di atas).`, 'Perbaiki berkas dan kolom yang disebutkan, lalu jalankan build lagi.');
        }
        const publicProblems = await checkPublicDir(fileURLToPath(astroConfig.publicDir));
        if (publicProblems.length > 0) {
          logger.error(`\n${formatSiteProblems(publicProblems)}`);
          stop(`Ada ${publicProblems.length} masalah di folder public/ (rinciannya di atas).`, 'Ganti tautan dengan berkas biasa dan bersihkan metadata foto dengan "npm run strip-metadata -- public".');
        }
        const { config, kim, stories, places } = result.network;
        networkConfig = config;
        logger.info(
          `Konten valid: ${kim.length} KIM, ${stories.length} cerita, ${places.length} potensi ` +
            `(${Math.round(gate.milliseconds)} ms).`,
        );
        const built: BuildConfig = { ...config, socialCards: socialCardMode(config.socialCards, socialCards) };
        if (socialCards && built.socialCards !== socialCards) {
          logger.warn(`${SOCIAL_CARDS_ENV}=${socialCards} diabaikan: network.yaml memilih "socialCards: ${config.socialCards}".`);
        } else if (config.socialCards === 'auto' && built.socialCards === 'kim') {
          logger.info(`Gambar pratinjau: cerita dan potensi memakai gambar pratinjau KIM-nya (socialCards: auto, ${SOCIAL_CARDS_ENV}=kim).`);
        }
        const source = [
          `export const contentDir = ${JSON.stringify(contentDir)};`,
          `export const network = ${JSON.stringify(built)};`,
          `export const base = ${JSON.stringify(astroConfig.base)};`,
          `export const shard = ${JSON.stringify(shard)};`,
          `export const figures = ${figuresFile ? readFileSync(figuresFile, 'utf8') : 'null'};`,
          `export const now = new Date(${JSON.stringify(now.toISOString())});`,
          // Where drawn social previews are kept between builds, beside Astro's own image cache.
          `export const cacheDir = ${JSON.stringify(fileURLToPath(astroConfig.cacheDir))};`,
          // Where the web CMS writes when network.yaml does not say: the repository GitHub Actions builds.
          `export const repository = ${JSON.stringify(process.env.GITHUB_REPOSITORY || null)};`,
        ].join('\n');
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'jembatan:network',
                resolveId: (id: string) => (id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : undefined),
                load: (id: string) => (id === `\0${VIRTUAL_ID}` ? source : undefined),
              },
              contentFence({ contentDir, now }),
            ],
          },
        });
      },
      'astro:config:done': () => mark('config:done'),
      // The dev server serves the CMS's files from the table the build writes them from.
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const prefix = `${base.replace(/\/?$/, '/')}admin/`;
          const pathname = new URL(request.url ?? '/', 'http://x').pathname;
          if (!pathname.startsWith(prefix) || pathname === prefix) return next();
          server
            .ssrLoadModule('/src/build/cms-files.ts')
            .then(async (module) => {
              const file = (module as typeof import('./cms-files.ts')).CMS_FILES[pathname.slice(prefix.length)];
              if (!file) return next();
              const { body, type } = await file();
              response.setHeader('Content-Type', type);
              response.end(body);
            })
            .catch(next);
        });
      },
      'astro:build:start': ({ setPrerenderer }) => {
        mark('build:start');
        if (timings.enabled) setPrerenderer((inner) => timedPrerenderer(inner, mark));
      },
      'astro:build:generated': () => mark('build:generated'),
      'astro:build:done': async ({ dir, logger }) => {
        mark('done:start');
        const outDir = fileURLToPath(dir);
        const unshown = removeUnreferencedImages(outDir);
        mark('unreferenced:end');
        if (unshown.length > 0) logger.info(`${unshown.length} foto asli yang tidak ditampilkan halaman mana pun tidak ikut diterbitkan.`);
        // Phone photos carry GPS positions. Astro's pipeline strips them from the images it
        // makes, but a file copied as is (from public/, or an original someone links) keeps them.
        const leaks = await checkImages(outDir);
        mark('metadata:end');
        if (leaks.length > 0) {
          logger.error(`\n${formatSiteProblems(leaks)}`);
          stop(
            `Ada ${leaks.length} gambar di hasil build yang masih menyimpan metadata (EXIF/GPS) atau kode.`,
            'Jalankan "npm run strip-metadata" untuk foto di content/, dan bersihkan gambar di public/ dengan cara yang sama.',
          );
        }
        // Netlify builds with NETLIFY=true; every other host reading `_headers` is Cloudflare Pages.
        const host = process.env.NETLIFY === 'true' ? 'netlify' : 'cloudflare';
        writeFileSync(path.join(outDir, '_headers'), headersFile(base, {
            tileOrigin: networkConfig && tileOrigin(networkConfig.map.tiles),
            admin: networkConfig && cmsOrigins(cmsBackend(networkConfig, process.env.GITHUB_REPOSITORY || undefined)),
            host,
          }));
        mark('headers:end');
        logger.info('_headers ditulis (kebijakan keamanan untuk Cloudflare Pages dan Netlify).');
        // Astro has read its import lists; another build may use the project folder now.
        release();
        if (!searchIndex) return;
        mark('search:start');
        const report = await indexSite(outDir);
        mark('search:end');
        logger.info(describeSearchIndex(report));
      },
    },
  };
}
