import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { COLLECTIONS, type CollectionName } from '../../schemas/index.ts';
import { exifHasGps, type ImageInfo } from '../images.ts';
import type { ContentFile, ValidationInput } from './validate.ts';

/** The content folder: `content/` in the project, or another one for fixtures and benchmarks. */
export function resolveContentDir(root: string, override?: string): string {
  return path.resolve(root, override || 'content');
}

/** The network configuration file inside a content folder. */
export const NETWORK_FILE = 'network.yaml';

/**
 * Markdown and MDX files that become entries; anything else (photos, notes) is left alone, and so
 * is a file whose name starts with "_", the usual way to park a half-written entry.
 */
export const ENTRY_PATTERN = ['**/*.{md,mdx}', '!**/_*'];
const ENTRY_EXTENSION = /\.mdx?$/i;

function listEntryFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && ENTRY_EXTENSION.test(entry.name) && !entry.name.startsWith('_')) {
      found.push(path.join(entry.parentPath, entry.name));
    }
  }
  return found.sort();
}

/** Shows paths relative to where the command runs, as a contributor sees them in the editor. */
function displayPathOf(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') ? file : relative.split(path.sep).join('/');
}

const IMAGE_FILE = /\.(?:jpe?g|png|webp|avif|gif|tiff?)$/i;

/**
 * Reads size and GPS facts from every image in the content folder. sharp reads only the file
 * header here, so a decompression bomb is measured without being decoded.
 */
async function readImageInfo(contentDir: string): Promise<Map<string, ImageInfo | null>> {
  const infos = new Map<string, ImageInfo | null>();
  if (!existsSync(contentDir)) return infos;
  const files = readdirSync(contentDir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && IMAGE_FILE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
  for (const file of files) {
    try {
      const meta = await sharp(file, { limitInputPixels: false }).metadata();
      infos.set(file, {
        width: meta.width ?? 0,
        height: meta.height ?? 0,
        bytes: statSync(file).size,
        gps: meta.exif ? exifHasGps(meta.exif) : false,
      });
    } catch {
      infos.set(file, null);
    }
  }
  return infos;
}

/** Reads a content folder from disk into the validator's input (minus the region data). */
export async function readContentDir(contentDir: string, cwd = process.cwd()): Promise<Omit<ValidationInput, 'regions'>> {
  const images = await readImageInfo(contentDir);
  const networkFile = path.join(contentDir, NETWORK_FILE);
  const files: ContentFile[] = [];
  const absolute = new Map<ContentFile, string>();
  for (const collection of Object.keys(COLLECTIONS) as CollectionName[]) {
    for (const file of listEntryFiles(path.join(contentDir, COLLECTIONS[collection].folder))) {
      const entry: ContentFile = {
        collection,
        displayPath: displayPathOf(file, cwd),
        stem: path.basename(file).replace(ENTRY_EXTENSION, ''),
        format: file.toLowerCase().endsWith('.mdx') ? 'mdx' : 'md',
        bytes: readFileSync(file),
      };
      absolute.set(entry, file);
      files.push(entry);
    }
  }
  return {
    network: {
      displayPath: displayPathOf(networkFile, cwd),
      bytes: existsSync(networkFile) ? readFileSync(networkFile) : null,
    },
    files,
    imageExists: (file, src) => {
      const target = path.resolve(path.dirname(absolute.get(file)!), src);
      return existsSync(target) && statSync(target).isFile();
    },
    imageInfo: (file, src) => images.get(path.resolve(path.dirname(absolute.get(file)!), src)),
  };
}
