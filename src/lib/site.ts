import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { NETWORK_FILE } from './validation/read.ts';

/**
 * Where the site is published, read before Astro starts. The content gate reports a broken
 * `network.yaml` properly a moment later, so this reader never fails: it falls back instead.
 * `SITE_URL` and `BASE_PATH` override the file for deploys (a GitHub Pages project site, a
 * preview) without editing content.
 */
export function readSiteSettings(contentDir: string, env: Record<string, string | undefined>): { site: string; base: string } {
  let raw: { site?: unknown; base?: unknown } = {};
  try {
    const parsed = yaml.load(readFileSync(path.join(contentDir, NETWORK_FILE), 'utf8').replace(/^\uFEFF/, ''));
    if (parsed && typeof parsed === 'object') raw = parsed;
  } catch {
    // Reported by the content gate.
  }
  const site = env.SITE_URL || (typeof raw.site === 'string' ? raw.site : 'https://example.org');
  const base = env.BASE_PATH || (typeof raw.base === 'string' ? raw.base : '/');
  return { site, base: base.endsWith('/') ? base : `${base}/` };
}
