import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { NETWORK_FILE } from '../format/read.ts';

/**
 * Where the site is published, read before Astro starts. The content gate reports a broken
 * `network.yaml` properly a moment later, so this reader never fails: it falls back instead.
 * `SITE_URL` and `BASE_PATH` override the file for deploys (a GitHub Pages project site, a
 * preview) without editing content.
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
  const site = env.SITE_URL || (typeof raw.site === 'string' ? raw.site : 'https://example.org');
  const base = env.BASE_PATH || (typeof raw.base === 'string' ? raw.base : '/');
  return { site, base: base.endsWith('/') ? base : `${base}/` };
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
