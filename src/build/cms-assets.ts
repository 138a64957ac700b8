/**
 * The web CMS's files, served by the site itself from the npm packages: Sveltia CMS's script,
 * its three fonts and its interface translations. The script as published fetches those from
 * public CDNs (jsDelivr, unpkg); the site's policy lets `/admin/` load only its own files, so the
 * addresses are pointed at copies under `/admin/` at build time. The one other change adds the
 * project's Indonesian translation of its interface to the languages it offers.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import cmsIndonesian from '../site/cms-locale/id.json' with { type: 'json' };

const require = createRequire(import.meta.url);
/** A package's folder, found from its resolved entry point: not every package exports its package.json. */
function packageDir(name: string, entry: string): string {
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === name) return dir;
  }
  throw new Error(`Paket ${name} tidak ditemukan; jalankan npm install.`);
}

const CMS_DIR = packageDir('@sveltia/cms', require.resolve('@sveltia/cms'));

/** The CMS version, for its own update check and translation addresses. */
export const CMS_VERSION: string = JSON.parse(readFileSync(path.join(CMS_DIR, 'package.json'), 'utf8')).version;

/** The fonts the CMS's stylesheet asks for, by the file name the copy is served under. */
const FONTS: Record<string, () => string> = {
  'source-sans-3-latin-wght-normal.woff2': () => packageDir('@fontsource-variable/source-sans-3', require.resolve('@fontsource-variable/source-sans-3')),
  'noto-mono-latin-400-normal.woff2': () => packageDir('@fontsource/noto-mono', require.resolve('@fontsource/noto-mono')),
  'material-symbols-outlined-latin-wght-normal.woff2': () =>
    packageDir('@fontsource-variable/material-symbols-outlined', require.resolve('@fontsource-variable/material-symbols-outlined')),
};

export const CMS_FONT_FILES = Object.keys(FONTS);

export function cmsFont(name: string): Buffer {
  const dir = FONTS[name];
  if (!dir) throw new Error(`Fon CMS tidak dikenal: ${name}`);
  // Fontsource names its files after the family, as the CMS's stylesheet asks for them.
  return readFileSync(path.join(dir(), 'files', name));
}

/** The interface translations Sveltia CMS ships, by file name (`fr.json`). */
const SHIPPED_LOCALE_FILES = readdirSync(path.join(CMS_DIR, 'locales')).filter((name) => /^[\w-]+\.json$/.test(name));

/**
 * Translations the project adds, for KIM members whose browser speaks Indonesian: Sveltia CMS
 * ships none. One the package comes to ship itself is served as the package has it.
 */
const OWN_LOCALES: Record<string, unknown> = SHIPPED_LOCALE_FILES.includes('id.json') ? {} : { 'id.json': cmsIndonesian };

/** Every interface translation the CMS is served with, by file name. */
export const CMS_LOCALE_FILES = [...SHIPPED_LOCALE_FILES, ...Object.keys(OWN_LOCALES)];

export const cmsLocale = (name: string): Buffer => {
  if (!CMS_LOCALE_FILES.includes(name)) throw new Error(`Terjemahan CMS tidak dikenal: ${name}`);
  const own = OWN_LOCALES[name];
  return own ? Buffer.from(JSON.stringify(own)) : readFileSync(path.join(CMS_DIR, 'locales', name));
};

/** A locale's code from its file name (`pt-BR.json` → `pt-BR`). */
const localeOf = (name: string) => name.slice(0, -'.json'.length);

/**
 * The script's list of interface languages, which it offers in its settings and matches the
 * browser's languages against, is the list of the translations it ships: the project's are
 * added to it. Throws when the list is not where it was, like the addresses below.
 */
function withOwnLocales(script: string): string {
  if (Object.keys(OWN_LOCALES).length === 0) return script;
  const list = (names: string[]) => `\`${names.map(localeOf).sort().join(',')}\``;
  const shipped = list(SHIPPED_LOCALE_FILES);
  if (script.split(shipped).length !== 2) throw new Error(`Skrip @sveltia/cms ${CMS_VERSION} tidak lagi memuat daftar bahasa antarmukanya di tempat yang dikenal; perbarui src/build/cms-assets.ts.`);
  return script.replace(shipped, list(CMS_LOCALE_FILES));
}

/**
 * Files the CMS imports from unpkg when a feature needs them (Immutable.js for custom fields such
 * as the village field, exifr when a photo is uploaded, Turndown when text is pasted…), by the
 * path the rewritten script asks for (`vendor/immutable@5.1.9/dist/immutable.es.js`). Read off the
 * script itself, and served from the CMS's own installed dependencies; a module the CMS does not
 * depend on (image encoders it would fetch from unpkg) is not served, and its feature is off.
 */
function vendorFiles(script: string): Map<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(CMS_DIR, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const cmsRequire = createRequire(path.join(CMS_DIR, 'package.json'));
  const files = new Map<string, string>();
  for (const [, name, file] of script.matchAll(/\(`([@\w./-]+)`,`([\w./-]+)(?:\?module)?`\)/g)) {
    const version = manifest.dependencies?.[name!]?.replace(/^\D/, '');
    if (!version) continue;
    let dir: string;
    try {
      dir = packageDir(name!, cmsRequire.resolve(name!));
    } catch {
      continue;
    }
    const source = path.join(dir, ...file!.split('/'));
    if (source.startsWith(dir + path.sep) && existsSync(source)) files.set(`vendor/${name}@${version}/${file}`, source);
  }
  return files;
}

const JSDELIVR_FONT = /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/([a-z0-9-]+)(?::vf)?@[\d.]+\/([a-z0-9-]+\.woff2)/g;
const UNPKG_CMS = 'https://unpkg.com/@sveltia/cms';

/**
 * The CMS script with its CDN addresses pointed at `adminPath` (`/admin/` or `/<repo>/admin/`):
 * fonts at `fonts/`, the translations and the update check's `package.json` at `sveltia/`.
 * Throws when the package's script no longer has the addresses this expects, so an upgrade that
 * moves them fails the build instead of quietly loading from a CDN the policy blocks.
 */
export function cmsScript(adminPath: string): string {
  const source = readFileSync(path.join(CMS_DIR, 'dist', 'sveltia-cms.js'), 'utf8');
  const fonts = new Set<string>();
  let script = source.replace(JSDELIVR_FONT, (_, family: string, file: string) => {
    const name = `${family}-${file}`;
    fonts.add(name);
    return `${adminPath}fonts/${name}`;
  });
  const missing = CMS_FONT_FILES.filter((name) => !fonts.has(name));
  const unknown = [...fonts].filter((name) => !FONTS[name]);
  if (missing.length > 0 || unknown.length > 0 || !script.includes(`\`${UNPKG_CMS}\``)) {
    throw new Error(`Skrip @sveltia/cms ${CMS_VERSION} tidak lagi memuat fon/terjemahan dari alamat yang dikenal (${[...missing, ...unknown].join(', ') || UNPKG_CMS}); perbarui src/build/cms-assets.ts.`);
  }
  script = withOwnLocales(script.replace(`\`${UNPKG_CMS}\``, `\`${adminPath}sveltia\``));
  if (!script.includes(UNPKG_MODULE)) throw new Error(`Skrip @sveltia/cms ${CMS_VERSION} tidak lagi memuat modul dari ${UNPKG_MODULE}; perbarui src/build/cms-assets.ts.`);
  return script.replace(UNPKG_MODULE, `\`${adminPath}vendor/\${e}\``);
}

/** Where the CMS's script builds the unpkg address of a module it imports on demand. */
const UNPKG_MODULE = '`https://unpkg.com/${e}`';

/** The CMS's own chunks (React, for custom fields), which it loads beside its script. */
export const CMS_CHUNK_FILES = readdirSync(path.join(CMS_DIR, 'dist', 'chunks')).filter((name) => name.endsWith('.js'));
export const cmsChunk = (name: string): Buffer => {
  if (!CMS_CHUNK_FILES.includes(name)) throw new Error(`Bagian CMS tidak dikenal: ${name}`);
  return readFileSync(path.join(CMS_DIR, 'dist', 'chunks', name));
};

/** The modules the CMS imports on demand, served under `vendor/` (see `vendorFiles`). */
export const CMS_VENDOR_FILES = vendorFiles(readFileSync(path.join(CMS_DIR, 'dist', 'sveltia-cms.js'), 'utf8'));
