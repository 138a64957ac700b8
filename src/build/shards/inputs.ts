/**
 * The inputs of a shard's key (shards/key.ts) read from disk: the files of the shard's content
 * folder (before it is written: shards/content.ts) and its figures, the project's code, the
 * official region lists and the build settings. Run by the preparing step of
 * scripts/build-sharded.ts for every shard.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listEntries } from '../../format/files.ts';
import { NETWORK_FILE } from '../../format/read.ts';
import { SOCIAL_CARDS_ENV } from '../settings.ts';
import type { ShardFile } from './content.ts';
import { digest, digestFiles, digestValue, type FileDigest, type ShardKeyParts } from './key.ts';

/**
 * What decides the pages besides the content, relative to the project: the source, the files
 * copied as they are, the Astro config, the package lists (every dependency's version, Astro's
 * and Pagefind's included), the TypeScript settings Vite reads, and the scripts that run a shard's
 * build and its search index.
 */
const CODE_INPUTS = ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'scripts/build-sharded.ts', 'scripts/search-index.ts', 'scripts/lib'];

/**
 * Digests of files, each read once per process however many shards hold it: an entry can sit in
 * several shards' content folders.
 */
export class FileDigests {
  readonly #byFile = new Map<string, string>();

  /** The digest of one regular file's bytes. */
  file(file: string): string {
    const stat = statSync(file, { bigint: true });
    const id = `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}`;
    let known = this.#byFile.get(id);
    if (known === undefined) {
      known = digest(readFileSync(file));
      this.#byFile.set(id, known);
    }
    return known;
  }

  /**
   * Every entry under `dir` (never following a link) by its path, prefixed with `prefix`: files
   * with their bytes' digest, folders, links and anything else by their kind, so an empty folder
   * or a link changes the digest too.
   */
  entries(dir: string, prefix = ''): FileDigest[] {
    return listEntries(dir).map((entry) => ({
      path: `${prefix}${entry.path}`,
      digest: entry.kind === 'file' ? this.file(path.join(dir, ...entry.path.split('/'))) : entry.kind,
    }));
  }
}

/** The project's code, one digest: every file of `CODE_INPUTS`, by its path in the project. */
export function codeDigest(root: string, digests: FileDigests): string {
  const files: FileDigest[] = [];
  for (const input of CODE_INPUTS) {
    const at = path.join(root, ...input.split('/'));
    let kind: 'file' | 'folder' | 'missing';
    try {
      kind = statSync(at).isDirectory() ? 'folder' : 'file';
    } catch {
      kind = 'missing';
    }
    if (kind === 'folder') files.push(...digests.entries(at, `${input}/`));
    else files.push({ path: input, digest: kind === 'file' ? digests.file(at) : 'missing' });
  }
  return digestFiles(files);
}

/** The official region lists: the installed idn-area-data package, its package.json (version) and data files. */
function regionsDigest(digests: FileDigests): string {
  const main = fileURLToPath(import.meta.resolve('idn-area-data'));
  // lib/index.js → the package folder.
  return digestFiles(digests.entries(path.dirname(path.dirname(main))));
}

/**
 * What a shard's pages take from the build's settings besides the content: the deploy address and
 * base when the environment overrides `network.yaml`, the repository the web CMS writes to, the
 * preview mode a host's build asks for (settings.ts, `SOCIAL_CARDS_ENV`), and
 * the Node version and platform (date formatting comes with Node's ICU, and sharp's and
 * Pagefind's binaries with the platform).
 */
export function buildSettings(env: Record<string, string | undefined>): Record<string, string | null> {
  return {
    site: env.SITE_URL || null,
    base: env.BASE_PATH || null,
    repository: env.GITHUB_REPOSITORY || null,
    socialCards: env[SOCIAL_CARDS_ENV]?.trim() || null,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

/** The parts every shard of one build shares: computed once. */
export interface SharedInputs {
  code: string;
  regions: string;
}

/** The code and region digests of the project at `root`. */
export function sharedInputs(root: string, digests: FileDigests): SharedInputs {
  return { code: codeDigest(root, digests), regions: regionsDigest(digests) };
}

/** Every part of one shard's key, from the files of its content folder and its figures. */
export function shardKeyParts({
  files,
  figures,
  planEntry,
  shared,
  env,
  digests,
}: {
  /** What the shard's content folder holds (shards/content.ts). */
  files: readonly ShardFile[];
  /** The figures file's text. */
  figures: string;
  planEntry: unknown;
  shared: SharedInputs;
  env: Record<string, string | undefined>;
  digests: FileDigests;
}): ShardKeyParts {
  const entries = files.map((file) => ({ path: file.path, digest: file.text !== undefined ? digest(file.text) : (file.digest ?? digests.file(file.source)) }));
  return {
    content: digestFiles(entries.filter((entry) => entry.path !== NETWORK_FILE)),
    network: digestFiles(entries.filter((entry) => entry.path === NETWORK_FILE)),
    figures: digest(figures),
    plan: digestValue(planEntry),
    code: shared.code,
    regions: shared.regions,
    settings: digestValue(buildSettings(env)),
  };
}
