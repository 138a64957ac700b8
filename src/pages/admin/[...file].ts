import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import { CMS_CHUNK_FILES, CMS_FONT_FILES, CMS_LOCALE_FILES, CMS_VENDOR_FILES, CMS_VERSION, cmsChunk, cmsFont, cmsLocale, cmsScript } from '../../build/cms-assets.ts';
import { buildsNetworkWide, cmsPageConfig, cmsRegionsFile, urls } from '../../site/network.ts';

/**
 * The web CMS's files, beside its page: its configuration generated from the content schemas, and
 * the CMS's script, fonts and translations from the npm packages (no CDN: see build/cms-assets.ts).
 */
const FILES: Record<string, () => Promise<{ body: string | Buffer; type: string }>> = {
  'config.json': async () => ({ body: JSON.stringify(cmsPageConfig()), type: 'application/json' }),
  'wilayah.json': async () => ({ body: await cmsRegionsFile(), type: 'application/json' }),
  'sveltia-cms.js': async () => ({ body: cmsScript(urls.admin()), type: 'text/javascript; charset=utf-8' }),
  // The CMS asks its CDN for its latest version; the copy here always answers with its own.
  'sveltia/package.json': async () => ({ body: JSON.stringify({ name: '@sveltia/cms', version: CMS_VERSION }), type: 'application/json' }),
  ...Object.fromEntries(CMS_FONT_FILES.map((name) => [`fonts/${name}`, async () => ({ body: cmsFont(name), type: 'font/woff2' })])),
  ...Object.fromEntries(CMS_CHUNK_FILES.map((name) => [`chunks/${name}`, async () => ({ body: cmsChunk(name), type: 'text/javascript; charset=utf-8' })])),
  ...Object.fromEntries([...CMS_VENDOR_FILES].map(([file, source]) => [file, async () => ({ body: readFileSync(source), type: 'text/javascript; charset=utf-8' })])),
  ...Object.fromEntries(CMS_LOCALE_FILES.map((name) => [`sveltia@${CMS_VERSION}/locales/${name}`, async () => ({ body: cmsLocale(name), type: 'application/json' })])),
};

// A sharded build makes the CMS once, in the network shard, whose region tree is the whole scope.
export const getStaticPaths = (() => (buildsNetworkWide ? Object.keys(FILES).map((file) => ({ params: { file } })) : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { body, type } = await FILES[params.file!]!();
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), { headers: { 'Content-Type': type } });
};
