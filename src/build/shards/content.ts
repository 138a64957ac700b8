/**
 * A shard's content folder: the network file and the chosen entries at their usual places, with
 * the photos they show, or, for the network shard, frontmatter only (its pages need titles,
 * dates and covers, never a body). What the folder holds is decided first, as a list, so its key
 * can be computed without writing it (a shard taken from the cache never needs its folder); it is
 * written only for a shard that is built, over its folder from the last build. Files are hard
 * links where the file system allows (no copy of the photos), copies otherwise, and never symbolic
 * links, which the gate refuses.
 */
import { copyFileSync, linkSync, lstatSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ShardEntries } from '../../domain/shards.ts';
import { listEntries } from '../../format/files.ts';
import { parseFrontmatter } from '../../format/frontmatter.ts';
import { NETWORK_FILE } from '../../format/read.ts';
import type { EntryFacts, ValidNetwork } from '../../format/validation/types.ts';

const COLLECTIONS = ['kim', 'stories', 'places'] as const;

/**
 * A file of a shard's content folder: taken from `content/` as it is (an entry with the digest
 * the gate computed from the bytes it read, a photo without), or written (frontmatter only).
 */
export type ShardFile = { path: string; source: string; digest?: string; text?: undefined } | { path: string; text: string; source?: undefined; digest?: undefined };

type Entries = ValidNetwork<EntryFacts>[(typeof COLLECTIONS)[number]];

/** Each collection's entries by id, built once per network however many shards are prepared from it. */
const byIdOf = new WeakMap<ValidNetwork<EntryFacts>, Record<(typeof COLLECTIONS)[number], Map<string, Entries[number]>>>();
function entriesById(network: ValidNetwork<EntryFacts>) {
  let known = byIdOf.get(network);
  if (!known) {
    const index = (list: Entries) => new Map<string, Entries[number]>(list.map((entry) => [entry.id, entry]));
    known = { kim: index(network.kim), stories: index(network.stories), places: index(network.places) };
    byIdOf.set(network, known);
  }
  return known;
}

/**
 * What the content folder of one shard holds, from the network read at `contentDir`, by path.
 * Walks the shard's own entries, never the whole network: a national build prepares 96 shards
 * from 390,000 entries.
 */
export function shardContentFiles(contentDir: string, network: ValidNetwork<EntryFacts>, chosen: ShardEntries, { frontmatterOnly }: { frontmatterOnly: boolean }): ShardFile[] {
  const files = new Map<string, ShardFile>();
  const take = (relative: string, digest?: string) => {
    if (!files.has(relative)) files.set(relative, { path: relative, source: path.join(contentDir, ...relative.split('/')), ...(digest ? { digest } : {}) });
  };
  take(NETWORK_FILE);
  const byId = entriesById(network);
  for (const collection of COLLECTIONS) {
    for (const id of chosen[collection]) {
      const entry = byId[collection].get(id);
      if (!entry) continue;
      for (const image of entry.source.images) take(image);
      if (!frontmatterOnly || (collection === 'stories' && chosen.whole?.has(id))) {
        take(entry.source.path, entry.source.digest);
        continue;
      }
      const text = readFileSync(path.join(contentDir, entry.source.path), 'utf8').replace(/^\uFEFF/, '');
      const raw = parseFrontmatter(text);
      if (!raw.ok) throw new Error(`${entry.displayPath}: ${raw.error}`);
      const relative = entry.source.path.replace(/\.mdx$/, '.md');
      files.set(relative, { path: relative, text: `${text.split(/\r?\n/).slice(0, raw.bodyLine - 1).join('\n')}\n` });
    }
  }
  return [...files.values()];
}

/** Whether `at` is already the file `source` is: the same inode (a hard link), so the same bytes. */
function linkedTo(at: string, source: string): boolean {
  const here = lstatSync(at, { throwIfNoEntry: false, bigint: true });
  const there = statSync(source, { throwIfNoEntry: false, bigint: true });
  return here !== undefined && there !== undefined && here.isFile() && here.ino === there.ino && here.dev === there.dev;
}

/**
 * Makes a shard's content folder `dir` hold exactly `files`: whatever else is there goes, and a
 * file already right (a link to its source, or the same text) is left alone. A rebuild after one
 * new story rewrites the folders of the two shards it changes, 45,000 files at national scale;
 * removing and linking them all again took 20 s of this machine's 3 minutes.
 */
export function writeShardContent(dir: string, files: readonly ShardFile[]): void {
  const wanted = new Set(files.map((file) => file.path));
  const folders = new Set<string>();
  for (const file of files) for (let at = path.posix.dirname(file.path); at !== '.'; at = path.posix.dirname(at)) folders.add(at);
  const present = new Set<string>();
  if (lstatSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    for (const entry of listEntries(dir)) {
      const keep = entry.kind === 'folder' ? folders.has(entry.path) : entry.kind === 'file' && wanted.has(entry.path);
      // A folder that goes takes what is in it; anything below it is then gone already.
      if (!keep) rmSync(path.join(dir, ...entry.path.split('/')), { recursive: true, force: true });
      else present.add(entry.path);
    }
  } else rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const folder of [...folders].sort()) if (!present.has(folder)) mkdirSync(path.join(dir, ...folder.split('/')), { recursive: true });
  for (const file of files) {
    const at = path.join(dir, ...file.path.split('/'));
    const there = present.has(file.path);
    if (file.text !== undefined) {
      if (there && readFileSync(at, 'utf8') === file.text) continue;
      // What is there may be a hard link to a contributor's file (the path was a whole entry last
      // time): writing into it would cut that file down too. A new file takes its place instead.
      if (there) rmSync(at);
      writeFileSync(at, file.text);
      continue;
    }
    if (there && linkedTo(at, file.source)) continue;
    if (there) rmSync(at);
    try {
      linkSync(file.source, at);
    } catch {
      copyFileSync(file.source, at);
    }
  }
}
