import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { NETWORK_FILE } from '../format/read.ts';

/**
 * Where the site is published: `site` and `base` of `network.yaml`, unless `SITE_URL` and
 * `BASE_PATH` override them for a deploy (a GitHub Pages project site, a preview) without editing
 * content. Never fails: without a valid configuration (the gate reports why) it falls back.
 */
export function siteSettings(network: { site?: unknown; base?: unknown } | null, env: Record<string, string | undefined>): { site: string; base: string } {
  const site = env.SITE_URL || (typeof network?.site === 'string' ? network.site : 'https://example.org');
  const base = env.BASE_PATH || (typeof network?.base === 'string' ? network.base : '/');
  return { site, base: base.endsWith('/') ? base : `${base}/` };
}

/**
 * The same settings read straight from `network.yaml`, for a command that checks a site built
 * earlier (the build itself takes them from the gate, which has read the file already).
 */
export function readSiteSettings(contentDir: string, env: Record<string, string | undefined>): { site: string; base: string } {
  let raw: { site?: unknown; base?: unknown } = {};
  const file = path.join(contentDir, NETWORK_FILE);
  try {
    // Only a plain file: a link here is refused by the gate, and must not be read before it.
    if (lstatSync(file).isFile()) {
      const parsed = yaml.load(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { schema: yaml.CORE_SCHEMA });
      if (parsed && typeof parsed === 'object') raw = parsed;
    }
  } catch {
    // Reported by the content gate.
  }
  return siteSettings(raw, env);
}

/**
 * The build's clock: `JEMBATAN_NOW` (an ISO date or time) pins it, so tests and a re-run of an
 * old build publish exactly the same stories; otherwise it is the moment the build starts.
 */
export function readBuildTime(env: Record<string, string | undefined>): Date {
  const pinned = env.JEMBATAN_NOW?.trim();
  if (!pinned) return new Date();
  const time = new Date(pinned);
  if (!/^\d{4}-\d{2}-\d{2}/.test(pinned) || Number.isNaN(time.getTime())) {
    throw new Error(`JEMBATAN_NOW="${pinned}" bukan tanggal yang valid: tulis seperti 2026-12-01 atau 2026-12-01T08:00:00+08:00.`);
  }
  return time;
}

/**
 * The content folder as the web CMS names it in the repository. A build from a folder outside the
 * project (a test fixture, a benchmark network) is not what the CMS edits: it edits `content/`.
 */
export function cmsContentFolder(root: string, contentDir: string): string {
  const relative = path.relative(root, contentDir).split(path.sep).join('/');
  return !relative || relative.startsWith('..') || path.isAbsolute(relative) ? 'content' : relative;
}
