/**
 * Walking a folder without ever following a symbolic link. `readdirSync(…, { recursive: true })`
 * descends into linked folders (Node 24), so a link committed to `content/` or planted in
 * `public/` or `dist/` would lead it anywhere on the build machine; this walk lists a link as a
 * link and never looks behind it. The folder handed in is read as given: a caller that must not
 * follow a link there either checks it first (as `read.ts` does).
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, type Dirent } from 'node:fs';
import path from 'node:path';

/**
 * What is at a path: a regular file, a folder (whose contents follow it), a symbolic link (never
 * followed), or anything else (a pipe, a socket, a device).
 */
type EntryKind = 'file' | 'folder' | 'link' | 'other';

export interface FolderEntry {
  /** Relative to the walked folder, with `/` separators. */
  path: string;
  kind: EntryKind;
}

function kindOf(entry: Dirent): EntryKind {
  if (entry.isSymbolicLink()) return 'link';
  if (entry.isDirectory()) return 'folder';
  return entry.isFile() ? 'file' : 'other';
}

/**
 * Everything under `dir`, depth first: each folder's entries in name order (`localeCompare`), a
 * folder listed just before what it holds. A folder that cannot be read throws, as `readdirSync`
 * does, unless `skipUnreadable` is set: then it is listed with nothing in it.
 */
export function listEntries(dir: string, { skipUnreadable = false } = {}): FolderEntry[] {
  const found: FolderEntry[] = [];
  const visit = (relative: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(dir, relative), { withFileTypes: true });
    } catch (error) {
      if (skipUnreadable) return;
      throw error;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      const kind = kindOf(entry);
      found.push({ path: child, kind });
      if (kind === 'folder') visit(child);
    }
  };
  visit('');
  return found;
}

/** Every regular file under `dir`, in the order of `listEntries`; links and other non-files are left out. */
export function listFiles(dir: string): string[] {
  return listEntries(dir)
    .filter((entry) => entry.kind === 'file')
    .map((entry) => entry.path);
}

/** Fills `buffer` from the start of an open file until the file or the buffer ends; the part read. */
function readStart(fd: number, buffer: Buffer): Buffer {
  let read = 0;
  for (let n = -1; n !== 0 && read < buffer.length; read += n) n = readSync(fd, buffer, read, buffer.length - read, read);
  return buffer.subarray(0, read);
}

/** At most `limit` bytes from the start of a regular file, read until the file or the limit ends. */
export function readHead(file: string, limit: number): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    return readStart(fd, Buffer.alloc(limit));
  } finally {
    closeSync(fd);
  }
}

/**
 * A regular file's size and at most `limit` bytes from its start, through one open file (the
 * content gate reads every entry this way, 390,000 of them at national scale). Whatever was put
 * in the file's place after its folder was listed is refused rather than read: a symbolic link
 * (`O_NOFOLLOW`) and anything not a regular file (opened without blocking, so a pipe cannot hold
 * the build).
 */
export function readFileStart(file: string, limit: number): { size: number; bytes: Uint8Array } {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new Error(`${file} bukan berkas biasa.`);
    const { size } = stats;
    // Only the bytes read are handed out, so the buffer need not be zeroed first.
    return { size, bytes: readStart(fd, Buffer.allocUnsafe(Math.min(size, limit))) };
  } finally {
    closeSync(fd);
  }
}
