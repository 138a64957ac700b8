/**
 * Builds small content folders from scratch for integration tests, and runs the real
 * `astro build` over them. Every fixture lives in its own temporary folder with its own
 * Astro cache, so fixtures never see each other's content.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { cleanEnv } from '../../scripts/lib/child-env.ts';
import { writerIn } from './files.ts';

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

/**
 * The clock every test build runs at: whether a fixture story is published must not depend on
 * the day the tests run.
 */
export const TEST_NOW = '2026-12-01T08:00:00+08:00';

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
  const write = writerIn(dir);
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
        JEMBATAN_NOW: TEST_NOW,
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

/**
 * Commits a fixture folder to a new git repository and clones it, as a maintainer's machine or
 * CI gets a pull request: symbolic links are committed as links (mode 120000) and come back as
 * links. Returns the clone's folder (`<fixture>-clone`), which `removeFixture` also removes.
 */
export function commitAndClone(contentDir: string): string {
  const git = (args: string[], cwd: string) =>
    execFileSync('git', ['-c', 'user.name=Uji', '-c', 'user.email=uji@contoh.id', '-c', 'init.defaultBranch=main', '-c', 'core.symlinks=true', ...args], { cwd, stdio: 'pipe' });
  git(['init', '-q'], contentDir);
  git(['add', '-A'], contentDir);
  git(['commit', '-qm', 'Konten dari pull request'], contentDir);
  const clone = `${contentDir}-clone`;
  git(['clone', '-q', contentDir, clone], path.dirname(contentDir));
  rmSync(path.join(clone, '.git'), { recursive: true, force: true });
  return clone;
}

/** Removes a fixture with its build output and cache, and its clone's. */
export function removeFixture(contentDir: string): void {
  for (const dir of [contentDir, `${contentDir}-clone`]) {
    for (const suffix of ['', '-dist', '-dist-based', '-cache']) rmSync(`${dir}${suffix}`, { recursive: true, force: true });
  }
}
