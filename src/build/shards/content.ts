/**
 * A shard's content folder: the network file and the chosen entries at their usual places, with
 * the photos they show, or, for the network shard, frontmatter only (its pages need titles,
 * dates and covers, never a body). Files are hard links where the file system allows (no copy of
 * the photos), copies otherwise, and never symbolic links, which the gate refuses.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ShardEntries } from '../../domain/shards.ts';
import { parseFrontmatter } from '../../format/frontmatter.ts';
import { NETWORK_FILE } from '../../format/read.ts';
import type { ValidNetwork } from '../../format/validation/types.ts';

const COLLECTIONS = ['kim', 'stories', 'places'] as const;

function place(contentDir: string, relative: string, dir: string): void {
  const at = path.join(dir, ...relative.split('/'));
  if (existsSync(at)) return;
  mkdirSync(path.dirname(at), { recursive: true });
  const source = path.join(contentDir, ...relative.split('/'));
  try {
    linkSync(source, at);
  } catch {
    copyFileSync(source, at);
  }
}

/** Writes (anew) the content folder `dir` of one shard from the network read at `contentDir`. */
export function writeShardContent(contentDir: string, dir: string, network: ValidNetwork, chosen: ShardEntries, { frontmatterOnly }: { frontmatterOnly: boolean }): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  place(contentDir, NETWORK_FILE, dir);
  for (const collection of COLLECTIONS) {
    for (const entry of network[collection]) {
      if (!chosen[collection].has(entry.id)) continue;
      for (const image of entry.source.images) place(contentDir, image, dir);
      if (!frontmatterOnly) {
        place(contentDir, entry.source.path, dir);
        continue;
      }
      const text = readFileSync(path.join(contentDir, entry.source.path), 'utf8').replace(/^\uFEFF/, '');
      const raw = parseFrontmatter(text);
      if (!raw.ok) throw new Error(`${entry.displayPath}: ${raw.error}`);
      const target = path.join(dir, entry.source.path.replace(/\.mdx$/, '.md'));
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, `${text.split(/\r?\n/).slice(0, raw.bodyLine - 1).join('\n')}\n`);
    }
  }
}
