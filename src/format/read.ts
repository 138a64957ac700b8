import { existsSync, lstatSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { COLLECTIONS, type CollectionName } from './schemas/index.ts';
import { isContributorPhotoFormat, metadataHasGps, sniffImageFormat, SNIFF_BYTES } from '../domain/image-files.ts';
import { listEntries, readFileStart, readHead } from './files.ts';
import type { ContentFile, FileFacts, PathFacts, RememberedFile, ValidationInput } from './validation/types.ts';

/**
 * Where a network's content lives in its repository. The web CMS and CODEOWNERS name files by
 * this path whatever folder a build reads (a test fixture, a benchmark network, a shard's slice).
 */
export const CONTENT_FOLDER = 'content';

/** The content folder: `content/` in the project, or another one for fixtures and benchmarks. */
export function resolveContentDir(root: string, override?: string): string {
  return path.resolve(root, override || CONTENT_FOLDER);
}

/** The network configuration file inside a content folder. */
export const NETWORK_FILE = 'network.yaml';

/**
 * A story is a few kilobytes. A page's HTML must stay under 14 KB compressed (the page-weight
 * budget), which no body much over 100 KB of text can meet; more is a mistake or an attack.
 */
export const MAX_ENTRY_BYTES = 256 * 1024;
const MAX_NETWORK_BYTES = 256 * 1024;

/** Markdown and MDX files become entries; the extension must be written in lower case. */
const ENTRY_EXTENSION = /\.mdx?$/i;
/** Files a contributor may have meant as an entry but that no loader reads. */
const ENTRY_LOOKALIKE = /\.(?:markdown|mdown|mkdn?|mdwn|mdtxt|txt|html?)$/i;

/** Shows paths relative to where the command runs, as a contributor sees them in the editor. */
function displayPathOf(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') ? file : relative.split(path.sep).join('/');
}

/** What a content file is, from its content: size, and for a photo its pixels and GPS position. */
async function photoFacts(file: string, bytes: number): Promise<PathFacts> {
  const format = sniffImageFormat(readHead(file, SNIFF_BYTES));
  if (!format) return { type: 'file', bytes, image: null };
  if (!isContributorPhotoFormat(format)) return { type: 'file', bytes, image: { format, readable: false, width: 0, height: 0, pages: 1, gps: false } };
  try {
    // The header only: a decompression bomb is measured here without being decoded.
    const meta = await sharp(file, { limitInputPixels: false }).metadata();
    const gps = metadataHasGps(meta);
    return {
      type: 'file',
      bytes,
      image: { format, readable: true, width: meta.width ?? 0, height: meta.pageHeight ?? meta.height ?? 0, pages: meta.pages ?? 1, gps },
    };
  } catch {
    return { type: 'file', bytes, image: { format, readable: false, width: 0, height: 0, pages: 1, gps: false } };
  }
}

/** A content folder as read: the validator's input without the region data and the clock. */
export type Snapshot<F extends ContentFile | RememberedFile> = Omit<ValidationInput<F>, 'regions' | 'now'>;

export interface ReadOptions {
  /**
   * The facts the gate cache remembers of an entry file (format/gate-cache.ts), by its
   * content-relative path: first without its bytes (git vouches for it: then it is not read at
   * all), then with the bytes read, whole (then it is not parsed and checked again).
   */
  remembered?: (relative: string, bytes?: Uint8Array) => FileFacts | undefined;
}

interface Walked {
  /** Every path below the content folder (posix, relative) with what is there. */
  facts: Map<string, PathFacts>;
  /** Regular files, in sorted order. */
  files: string[];
}

/**
 * Lists a content folder without ever following a link: a symbolic link (committed to git, it
 * survives a clone) would let a pull request publish any file of the build machine, or smuggle in
 * a file the gate never read. Links, sockets and the like are recorded as such and reported.
 */
function walk(contentDir: string): Walked {
  const facts = new Map<string, PathFacts>();
  const files: string[] = [];
  for (const { path: child, kind } of listEntries(contentDir, { skipUnreadable: true })) {
    if (kind === 'file') {
      facts.set(child, { type: 'file', bytes: 0, image: null });
      files.push(child);
    } else facts.set(child, { type: kind === 'folder' ? 'directory' : kind });
  }
  return { facts, files };
}

/** The collection a content-relative path belongs to as an entry, if it is one. */
function entryCollection(relative: string): CollectionName | undefined {
  const [folder] = relative.split('/');
  return (Object.keys(COLLECTIONS) as CollectionName[]).find((name) => COLLECTIONS[name].folder === folder);
}

/** Whether a content file is an entry: Markdown or MDX in a collection folder, not parked with "_". */
function isEntryPath(relative: string): boolean {
  const name = path.posix.basename(relative);
  return entryCollection(relative) !== undefined && relative.includes('/') && ENTRY_EXTENSION.test(name) && !name.startsWith('_');
}

/**
 * Reads a content folder from disk into the validator's input (minus the region data): the
 * entries, the network file, and what is at every other path, photos measured by their content.
 * This is the only reader of `content/`: the collections' loader takes its entries from here.
 */
export async function readContentDir(contentDir: string, cwd?: string): Promise<Snapshot<ContentFile>>;
/** With the gate cache: an entry file whose facts it remembers is not read. */
export async function readContentDir(contentDir: string, cwd: string, options: ReadOptions): Promise<Snapshot<ContentFile | RememberedFile>>;
export async function readContentDir(contentDir: string, cwd = process.cwd(), { remembered }: ReadOptions = {}): Promise<Snapshot<ContentFile | RememberedFile>> {
  // The folder itself must not be a link either: a pull request could replace `content/` with one.
  const linked = lstatSync(contentDir, { throwIfNoEntry: false })?.isSymbolicLink() ?? false;
  const { facts, files: paths } = existsSync(contentDir) && !linked ? walk(contentDir) : { facts: new Map<string, PathFacts>(), files: [] };
  const absolute = (relative: string) => path.join(contentDir, ...relative.split('/'));
  const files: (ContentFile | RememberedFile)[] = [];
  const unread: string[] = [];
  const gitAttributes: string[] = [];
  for (const relative of paths) {
    const file = absolute(relative);
    const collection = entryCollection(relative);
    if (isEntryPath(relative) && collection) {
      const name = path.posix.basename(relative);
      const entry = {
        collection,
        path: relative,
        displayPath: displayPathOf(file, cwd),
        stem: name.replace(ENTRY_EXTENSION, ''),
        format: name.toLowerCase().endsWith('.mdx') ? ('mdx' as const) : ('md' as const),
        extension: name.slice(name.lastIndexOf('.')),
      };
      const known = remembered?.(relative);
      if (known) {
        files.push({ ...entry, remembered: known });
        // An entry is never a photo: no check asks more of it than that it is a file.
        facts.set(relative, { type: 'file', bytes: 0, image: null });
        continue;
      }
      const { size, bytes } = readFileStart(file, MAX_ENTRY_BYTES);
      facts.set(relative, { type: 'file', bytes: size, image: null });
      // Never for a file read only in part: its facts are of bytes this run did not see.
      const recalled = size === bytes.length ? remembered?.(relative, bytes) : undefined;
      files.push(recalled ? { ...entry, remembered: recalled } : { ...entry, size, bytes });
    } else if (relative !== NETWORK_FILE) {
      // `-diff` or `linguist-generated` in one collapses the text of a change under it on the git
      // service: a KIM could slip a story past the network's editors unread.
      if (path.posix.basename(relative) === '.gitattributes') gitAttributes.push(displayPathOf(file, cwd));
      facts.set(relative, await photoFacts(file, lstatSync(file).size));
      if (collection && ENTRY_LOOKALIKE.test(relative)) unread.push(displayPathOf(file, cwd));
    }
  }
  const networkFacts = facts.get(NETWORK_FILE);
  const networkFile = absolute(NETWORK_FILE);
  return {
    network: {
      displayPath: displayPathOf(networkFile, cwd),
      bytes: networkFacts?.type === 'file' ? readHead(networkFile, Math.min(lstatSync(networkFile).size, MAX_NETWORK_BYTES)) : null,
    },
    files,
    irregular: [
      ...(linked ? [{ path: displayPathOf(contentDir, cwd), kind: 'link' as const }] : []),
      ...[...facts].filter(([, fact]) => fact.type === 'link' || fact.type === 'other').map(([relative, fact]) => ({ path: displayPathOf(absolute(relative), cwd), kind: fact.type as 'link' | 'other' })),
    ],
    unread,
    gitAttributes,
    gpsPhotos: [...facts].filter(([, fact]) => fact.type === 'file' && fact.image?.gps).map(([relative]) => ({ path: relative, displayPath: displayPathOf(absolute(relative), cwd) })),
    fileAt: (relative) => {
      // A path below a link is not in the map (links are not followed); say it is behind one.
      for (let at = relative; at && at !== '.'; at = path.posix.dirname(at)) {
        const fact = facts.get(at);
        if (at === relative && fact) return fact;
        if (fact?.type === 'link' || fact?.type === 'other') return { type: 'link' };
        if (fact) break;
      }
      return { type: 'missing' };
    },
  };
}
