/**
 * Builds small content folders from scratch for integration tests, and runs the real
 * `astro build` over them. Every fixture lives in its own temporary folder with its own
 * Astro cache, so fixtures never see each other's content.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { cleanEnv } from '../../scripts/lib/child-env.ts';

export { cleanEnv };

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ASTRO_BIN = path.join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');

export interface EntrySpec {
  /** Frontmatter as an object (dumped as YAML) or as raw text between the `---` lines. */
  data: Record<string, unknown> | string;
  body?: string;
  ext?: 'md' | 'mdx';
}

export interface FixtureSpec {
  network: Record<string, unknown> | string | null;
  kim?: Record<string, EntrySpec>;
  stories?: Record<string, EntrySpec>;
  places?: Record<string, EntrySpec>;
  /** Any other file, by path inside the content folder (photos, stray notes). */
  files?: Record<string, string | Uint8Array>;
}

/** A small network in Kota Bontang (15 kelurahan), the smallest real scope we have. */
export const BASE_NETWORK = {
  name: 'Jaringan Uji',
  description: 'Jaringan KIM untuk pengujian.',
  site: 'https://uji.example.org',
  scope: ['64.74'],
};

function frontmatter(entry: EntrySpec): string {
  const head = typeof entry.data === 'string' ? entry.data : yaml.dump(entry.data, { lineWidth: -1 });
  return `---\n${head.trimEnd()}\n---\n\n${entry.body ?? ''}\n`;
}

/** Writes a fixture content folder and returns its path. */
export function createFixture(spec: FixtureSpec): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'jembatan-fixture-'));
  const write = (relative: string, content: string | Uint8Array) => {
    const target = path.join(dir, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  };
  if (spec.network !== null) {
    write('network.yaml', typeof spec.network === 'string' ? spec.network : yaml.dump(spec.network));
  }
  for (const folder of ['kim', 'stories', 'places'] as const) {
    for (const [id, entry] of Object.entries(spec[folder] ?? {})) {
      write(`${folder}/${id}.${entry.ext ?? 'md'}`, frontmatter(entry));
    }
  }
  for (const [relative, content] of Object.entries(spec.files ?? {})) write(relative, content);
  return dir;
}

export interface BuildResult {
  code: number | null;
  /** stdout and stderr together, as a contributor sees them in a terminal or CI log. */
  output: string;
  outDir: string;
}

/** Runs the real build over a content folder; never throws on a failed build. */
export function buildSite(
  contentDir: string,
  { env = {}, outDir: chosenOutDir }: { env?: Record<string, string>; outDir?: string } = {},
): Promise<BuildResult> {
  const outDir = chosenOutDir ?? path.join(contentDir, '..', `${path.basename(contentDir)}-dist${env.BASE_PATH ? '-based' : ''}`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ASTRO_BIN, 'build', '--outDir', outDir], {
      cwd: PROJECT_ROOT,
      env: {
        ...cleanEnv(),
        JEMBATAN_CONTENT_DIR: contentDir,
        JEMBATAN_CACHE_DIR: path.join(contentDir, '..', `${path.basename(contentDir)}-cache`),
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        ...env,
      },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output, outDir }));
  });
}

/** Removes a fixture with its build output and cache. */
export function removeFixture(contentDir: string): void {
  for (const suffix of ['', '-dist', '-dist-based', '-cache']) rmSync(`${contentDir}${suffix}`, { recursive: true, force: true });
}
