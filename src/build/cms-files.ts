/**
 * Every file of the web CMS beside its page, by its path under `admin/`: the configuration made
 * from the content schemas, the scope's regions, and the CMS's script, chunks, modules, fonts and
 * translations from npm (see cms-assets.ts). The build writes them through an endpoint; the dev
 * server serves them from the same table (integration.ts), because Astro's router would want a
 * trailing slash after `sveltia-cms.js`.
 */
import { readFileSync } from 'node:fs';
import { CMS_CHUNK_FILES, CMS_FONT_FILES, CMS_LOCALE_FILES, CMS_VENDOR_FILES, CMS_VERSION, cmsChunk, cmsFont, cmsLocale, cmsScript } from './cms-assets.ts';
import { cmsPageConfig, cmsRegionsFile, urls } from '../site/network.ts';

interface CmsFile {
  body: string | Buffer;
  type: string;
}

const JAVASCRIPT = 'text/javascript; charset=utf-8';
const JSON_TYPE = 'application/json';

export const CMS_FILES: Record<string, () => Promise<CmsFile>> = {
  'config.json': async () => ({ body: JSON.stringify(cmsPageConfig()), type: JSON_TYPE }),
  'wilayah.json': async () => ({ body: await cmsRegionsFile(), type: JSON_TYPE }),
  'sveltia-cms.js': async () => ({ body: cmsScript(urls.admin()), type: JAVASCRIPT }),
  // The CMS asks its CDN for its latest version; the copy here always answers with its own.
  'sveltia/package.json': async () => ({ body: JSON.stringify({ name: '@sveltia/cms', version: CMS_VERSION }), type: JSON_TYPE }),
  ...Object.fromEntries(CMS_FONT_FILES.map((name) => [`fonts/${name}`, async () => ({ body: cmsFont(name), type: 'font/woff2' })])),
  ...Object.fromEntries(CMS_CHUNK_FILES.map((name) => [`chunks/${name}`, async () => ({ body: cmsChunk(name), type: JAVASCRIPT })])),
  ...Object.fromEntries([...CMS_VENDOR_FILES].map(([file, source]) => [file, async () => ({ body: readFileSync(source), type: JAVASCRIPT })])),
  ...Object.fromEntries(CMS_LOCALE_FILES.map((name) => [`sveltia@${CMS_VERSION}/locales/${name}`, async () => ({ body: cmsLocale(name), type: JSON_TYPE })])),
};
