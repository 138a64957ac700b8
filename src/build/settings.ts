import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { NETWORK_FILE } from '../format/read.ts';
import { SOCIAL_CARD_MODES, SOCIAL_CARD_SETTINGS, type SocialCardMode, type SocialCardSetting } from '../format/schemas/network.ts';

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
 * `network.yaml` as plain data, for a command that runs before or after a build (the build itself
 * takes it from the gate, which has read and validated the file already). Never fails: whatever
 * is wrong with the file, the gate reports it.
 */
function readNetworkFile(contentDir: string): Record<string, unknown> {
  const file = path.join(contentDir, NETWORK_FILE);
  try {
    // Only a plain file: a link here is refused by the gate, and must not be read before it.
    if (lstatSync(file).isFile()) {
      const parsed = yaml.load(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { schema: yaml.CORE_SCHEMA });
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    }
  } catch {
    // Reported by the content gate.
  }
  return {};
}

/** The site settings read straight from `network.yaml`, for a command that checks a site built earlier. */
export function readSiteSettings(contentDir: string, env: Record<string, string | undefined>): { site: string; base: string } {
  return siteSettings(readNetworkFile(contentDir), env);
}

/**
 * Set by `npm run build:host` when the host it builds for cannot take the site with every story's
 * and place's own preview image: `kim` then decides a network's `socialCards: auto`.
 */
export const SOCIAL_CARDS_ENV = 'JEMBATAN_SOCIAL_CARDS';

/** The preview mode the environment asks for (`JEMBATAN_SOCIAL_CARDS`), or null; a wrong value stops the build. */
export function readSocialCardsOverride(env: Record<string, string | undefined>): SocialCardMode | null {
  const value = env[SOCIAL_CARDS_ENV]?.trim();
  if (!value) return null;
  if (!(SOCIAL_CARD_MODES as readonly string[]).includes(value)) {
    throw new Error(`${SOCIAL_CARDS_ENV}="${value}" tidak dikenal: tulis ${SOCIAL_CARD_MODES.join(' atau ')}.`);
  }
  return value as SocialCardMode;
}

/**
 * The preview mode a build uses: what network.yaml says, or for `auto` what the environment asks
 * for, else each story and place its own. A network that chose a mode keeps it whatever the host.
 */
export function socialCardMode(setting: SocialCardSetting, override: SocialCardMode | null): SocialCardMode {
  return setting === 'auto' ? (override ?? 'entries') : setting;
}

/** `socialCards` of `network.yaml` read straight from the file; `auto` when absent or not one the schema takes. */
export function readSocialCardSetting(contentDir: string): SocialCardSetting {
  const value = readNetworkFile(contentDir).socialCards;
  return typeof value === 'string' && (SOCIAL_CARD_SETTINGS as readonly string[]).includes(value) ? (value as SocialCardSetting) : 'auto';
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
