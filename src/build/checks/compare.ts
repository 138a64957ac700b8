/**
 * Compares two built sites file by file, byte for byte: how a refactoring proves it changed
 * nothing a reader gets, and how a sharded build proves it equals a single one.
 *
 * One difference is told apart: a hashed asset (`_astro/x.Ab12Cd34.js`) whose bytes are the same
 * under a new name. The bundler's hash of an entry script also covers the path of its source file,
 * so moving `src/scripts/search.ts` renames the script without changing a byte of it. Such pairs
 * are reported as renamed, and the pages naming them are compared with the new name in place of
 * the old one, so any other change still shows.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listEntries } from '../../format/files.ts';

export interface TreeDifference {
  onlyBefore: string[];
  onlyAfter: string[];
  /** Files in both whose bytes differ (after the renamed assets' names are swapped). */
  changed: string[];
  /** Assets with the same bytes under another name: [before, after]. */
  renamed: [string, string][];
  /** Files in both, identical. */
  same: number;
}

/** Everything in a tree but its folders: a link or a pipe is a difference too. */
function files(dir: string): string[] {
  return listEntries(dir)
    .filter((entry) => entry.kind !== 'folder')
    .map((entry) => entry.path);
}

/** Pairs of files only in one tree each whose bytes are the same. */
function pairRenamed(before: string, after: string, onlyBefore: string[], onlyAfter: string[]): [string, string][] {
  const byContent = new Map<string, string>();
  for (const file of onlyAfter) byContent.set(readFileSync(path.join(after, file)).toString('base64'), file);
  const pairs: [string, string][] = [];
  for (const file of onlyBefore) {
    const twin = byContent.get(readFileSync(path.join(before, file)).toString('base64'));
    if (twin && path.posix.dirname(twin) === path.posix.dirname(file)) pairs.push([file, twin]);
  }
  return pairs;
}

/** Every difference between the trees `before` and `after`, with paths relative and sorted. */
export function compareTrees(before: string, after: string): TreeDifference {
  const a = new Set(files(before));
  const b = new Set(files(after));
  const onlyBefore = [...a].filter((f) => !b.has(f)).sort();
  const onlyAfter = [...b].filter((f) => !a.has(f)).sort();
  const renamed = pairRenamed(before, after, onlyBefore, onlyAfter);
  const names = renamed.map(([from, to]) => [path.posix.basename(from), path.posix.basename(to)] as const);
  const withNewNames = (bytes: Buffer) => {
    if (names.length === 0) return bytes;
    let text = bytes.toString('latin1');
    for (const [from, to] of names) text = text.replaceAll(from, to);
    return Buffer.from(text, 'latin1');
  };
  const both = [...a].filter((f) => b.has(f)).sort();
  const changed = both.filter((f) => !withNewNames(readFileSync(path.join(before, f))).equals(readFileSync(path.join(after, f))));
  return {
    onlyBefore: onlyBefore.filter((f) => !renamed.some(([from]) => from === f)),
    onlyAfter: onlyAfter.filter((f) => !renamed.some(([, to]) => to === f)),
    changed,
    renamed,
    same: both.length - changed.length,
  };
}
