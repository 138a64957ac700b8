/** Laying out files for a test: every test that writes a tree of files does it through here. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes `content` at `relative` below `root`, making the folders it needs. */
export function writeFileIn(root: string, relative: string, content: string | Uint8Array): void {
  const target = path.join(root, relative);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, content);
}

/** A writer for one folder: `write('kim/kim-a.md', text)`. */
export const writerIn = (root: string) => (relative: string, content: string | Uint8Array) => writeFileIn(root, relative, content);

/** Writes every file of `files` (paths relative to `root`). */
export function writeTree(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [relative, content] of Object.entries(files)) writeFileIn(root, relative, content);
}
