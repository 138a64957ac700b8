/**
 * Finished shard outputs kept between sharded builds, each under its shard's key (shards/key.ts):
 * a shard whose key is in the cache is restored instead of built.
 *
 * The folder holds, per shard, its outputs as the shard's build left them (pages, assets, its
 * search index, its sitemap), before the merge moves anything, and a small manifest:
 *
 *     <cache>/<shard>/<key>/…            the output
 *     <cache>/<shard>/manifest.json      its entries, newest first: key, parts, date, files, bytes, seal
 *
 * Files are hard links where the file system allows (storing and restoring a shard costs a link
 * per file, not a copy), copies otherwise, and the merge links the site's files to them in turn
 * (shards/merge.ts). A hard link shares its bytes, so a tool that wrote into a built or merged file
 * in place would change the cached one too (the merge and every check only ever write new files).
 * Each entry is therefore sealed with every file's size and modification time when stored, and
 * checked against that seal before the merge reads it: a changed entry is dropped and its shard
 * built again.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { listEntries } from '../../format/files.ts';
import { digestFiles, type ShardKeyParts } from './key.ts';

/** Entries kept per shard: the newest, and the one before (a change undone builds nothing). */
const CACHE_KEEP = 2;

/** One stored output of a shard, as its manifest records it. */
export interface CachedOutput {
  key: string;
  parts: ShardKeyParts;
  /** When it was stored, ISO 8601. */
  stored: string;
  files: number;
  bytes: number;
  /** The digest of every file's path, size and modification time, taken when stored. */
  seal: string;
}

interface Manifest {
  version: 1;
  entries: CachedOutput[];
}

/** A file's part of a seal: its path, size and modification time. */
function stampOf(relative: string, file: string): { path: string; digest: string; bytes: bigint } {
  const stat = statSync(file, { bigint: true });
  return { path: relative, digest: `${stat.size}:${stat.mtimeNs}`, bytes: stat.size };
}

/**
 * Links (or, across file systems, copies) every file of `from` into `to`, making its folders, and
 * returns the seal of the cache's side (`from` when restoring, `to` when storing: a copy has a
 * modification time of its own) with its file count and bytes. A link or a special file in the
 * output is refused: a shard's build never writes one, and the cache does not keep one.
 */
function linkTree(from: string, to: string, cacheSide: 'from' | 'to'): { seal: string; files: number; bytes: number } {
  mkdirSync(to, { recursive: true });
  const stamps = [];
  let bytes = 0;
  for (const entry of listEntries(from)) {
    const source = path.join(from, ...entry.path.split('/'));
    const target = path.join(to, ...entry.path.split('/'));
    if (entry.kind === 'folder') {
      mkdirSync(target, { recursive: true });
      continue;
    }
    if (entry.kind !== 'file') throw new Error(`${entry.path} bukan berkas biasa`);
    try {
      linkSync(source, target);
    } catch {
      copyFileSync(source, target);
    }
    const stamp = stampOf(entry.path, cacheSide === 'from' ? source : target);
    stamps.push(stamp);
    bytes += Number(stamp.bytes);
  }
  return { seal: digestFiles(stamps), files: stamps.length, bytes };
}

/** Shard outputs by key in the folder `dir` (made when first stored). */
export class ShardCache {
  readonly dir: string;
  readonly #keep: number;

  constructor(dir: string, { keep = CACHE_KEEP }: { keep?: number } = {}) {
    this.dir = dir;
    this.#keep = keep;
  }

  #manifestFile(shard: string): string {
    return path.join(this.dir, shard, 'manifest.json');
  }

  #entries(shard: string): CachedOutput[] {
    try {
      const manifest = JSON.parse(readFileSync(this.#manifestFile(shard), 'utf8')) as Partial<Manifest>;
      return manifest.version === 1 && Array.isArray(manifest.entries) ? manifest.entries : [];
    } catch {
      return [];
    }
  }

  /** Writes the manifest whole, then renames it into place, so an interrupted build never leaves half of one. */
  #write(shard: string, entries: CachedOutput[]): void {
    const file = this.#manifestFile(shard);
    const temporary = `${file}.${process.pid}`;
    writeFileSync(temporary, `${JSON.stringify({ version: 1, entries } satisfies Manifest, null, 1)}\n`);
    renameSync(temporary, file);
  }

  /** The shard's newest stored output, the one a changed key is compared with. */
  latest(shard: string): CachedOutput | undefined {
    return this.#entries(shard)[0];
  }

  /** Where the shard's output stored under `key` is, if it is stored (unchecked: see `verify`). */
  lookup(shard: string, key: string): string | undefined {
    const stored = path.join(this.dir, shard, key);
    return this.#entries(shard).some((e) => e.key === key) && existsSync(stored) ? stored : undefined;
  }

  /**
   * Whether the output stored under `key` is as it was stored: every file with the size and
   * modification time it had. A changed entry is dropped, and its shard must be built again.
   */
  verify(shard: string, key: string): boolean {
    const entries = this.#entries(shard);
    const entry = entries.find((e) => e.key === key);
    const stored = path.join(this.dir, shard, key);
    if (!entry || !existsSync(stored)) return false;
    const stamps = [];
    let intact = true;
    for (const file of listEntries(stored)) {
      if (file.kind === 'folder') continue;
      if (file.kind !== 'file') {
        intact = false;
        break;
      }
      stamps.push(stampOf(file.path, path.join(stored, ...file.path.split('/'))));
    }
    if (intact && digestFiles(stamps) === entry.seal) return true;
    this.#drop(shard, entries, entry);
    return false;
  }

  /** Forgets an entry whose files changed since they were stored, and deletes them. */
  #drop(shard: string, entries: CachedOutput[], entry: CachedOutput): void {
    rmSync(path.join(this.dir, shard, entry.key), { recursive: true, force: true });
    this.#write(shard, entries.filter((e) => e !== entry));
  }

  /**
   * Places the shard's output stored under `key` at `dist` (replacing what is there), and returns
   * its entry; undefined when none is stored, or when its files changed since they were stored
   * (then the entry is dropped and `dist` left empty). For a build of some shards only
   * (`--only`), whose outputs a later `--merge-only` reads from their folders; a whole build
   * merges straight from the cache (`lookup`).
   */
  restore(shard: string, key: string, dist: string): CachedOutput | undefined {
    const entries = this.#entries(shard);
    const entry = entries.find((e) => e.key === key);
    const stored = path.join(this.dir, shard, key);
    if (!entry || !existsSync(stored)) return undefined;
    rmSync(dist, { recursive: true, force: true });
    const { seal } = linkTree(stored, dist, 'from');
    if (seal === entry.seal) return entry;
    rmSync(dist, { recursive: true, force: true });
    this.#drop(shard, entries, entry);
    return undefined;
  }

  /**
   * Keeps `dist`, the shard's finished output, under `key`, newest first, and removes all but
   * the newest entries (and anything else left in the shard's folder, such as an interrupted store).
   */
  store(shard: string, key: string, parts: ShardKeyParts, dist: string): CachedOutput {
    const folder = path.join(this.dir, shard);
    const temporary = path.join(folder, `.${key}.${process.pid}`);
    rmSync(temporary, { recursive: true, force: true });
    const { seal, files, bytes } = linkTree(dist, temporary, 'to');
    const target = path.join(folder, key);
    rmSync(target, { recursive: true, force: true });
    renameSync(temporary, target);
    const entry: CachedOutput = { key, parts, stored: new Date().toISOString(), files, bytes, seal };
    const entries = [entry, ...this.#entries(shard).filter((e) => e.key !== key)].slice(0, this.#keep);
    this.#write(shard, entries);
    const kept = new Set([...entries.map((e) => e.key), 'manifest.json']);
    for (const name of readdirSync(folder)) if (!kept.has(name)) rmSync(path.join(folder, name), { recursive: true, force: true });
    return entry;
  }
}
