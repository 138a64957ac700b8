/**
 * Astro copies every photo an entry's data imports into `_astro/`, and deletes the copy only once
 * it has made the page-sized versions from it. A photo imported but shown nowhere therefore stays
 * behind as the untouched original: in a shard, the entries it only mentions (a story from another
 * province on one of its place pages) import their photos without any page of the shard showing
 * them. Nothing links such a file, so nothing needs it; this removes it before it is published.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from '../format/files.ts';
import { PHOTO_EXTENSION } from '../format/paths.ts';

/** Files that may name an asset: pages, styles, scripts, feeds and data. */
const TEXT_FILE = /\.(?:html|css|js|mjs|json|xml|svg|webmanifest|txt)$/i;

/**
 * Removes the images of `<dir>/<assets>/` that no page, stylesheet or script of the site names,
 * and returns their names. Cheap when there are none: the site is only read when some exist.
 */
export function removeUnreferencedImages(dir: string, assets = '_astro'): string[] {
  let images: string[];
  try {
    images = readdirSync(path.join(dir, assets)).filter((name) => PHOTO_EXTENSION.test(name));
  } catch {
    return [];
  }
  if (images.length === 0) return [];
  const named = new Set<string>();
  const reference = new RegExp(`${assets}/([^"'\\s)?#,]+)`, 'g');
  for (const file of listFiles(dir).filter((file) => TEXT_FILE.test(file))) {
    for (const match of readFileSync(path.join(dir, file), 'utf8').matchAll(reference)) {
      named.add(match[1]!);
      try {
        named.add(decodeURIComponent(match[1]!));
      } catch {
        // Not percent-encoded after all; the raw name is already there.
      }
    }
  }
  const orphans = images.filter((name) => !named.has(name));
  for (const name of orphans) rmSync(path.join(dir, assets, name));
  return orphans;
}
