/**
 * Compares two built sites file by file, byte for byte: how a refactoring proves it changed
 * nothing a reader gets, and how a sharded build proves it equals a single one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface TreeDifference {
  onlyBefore: string[];
  onlyAfter: string[];
  /** Files in both whose bytes differ. */
  changed: string[];
  /** Files in both, identical. */
  same: number;
}

function files(dir: string, relative = ''): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...files(dir, child));
    else found.push(child);
  }
  return found;
}

/** Every difference between the trees `before` and `after`, with paths relative and sorted. */
export function compareTrees(before: string, after: string): TreeDifference {
  const a = new Set(files(before));
  const b = new Set(files(after));
  const both = [...a].filter((f) => b.has(f)).sort();
  const changed = both.filter((f) => !readFileSync(path.join(before, f)).equals(readFileSync(path.join(after, f))));
  return {
    onlyBefore: [...a].filter((f) => !b.has(f)).sort(),
    onlyAfter: [...b].filter((f) => !a.has(f)).sort(),
    changed,
    same: both.length - changed.length,
  };
}
