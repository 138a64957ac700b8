import path from 'node:path';
import { hasUrlScheme } from '../domain/links.ts';

/**
 * Paths contributors write (a cover, a logo, a photo in a story) are untrusted: `../../..` could
 * publish a file from elsewhere on the build machine, a scheme or an absolute path points outside
 * the content folder, and a `?` would turn an image import into another kind of import for Vite.
 * This module decides, as plain string work, where such a path points inside `content/`.
 */

/** Why a written path cannot be used, or the content-relative path (posix) it points at. */
export type ContentPath =
  | { ok: true; path: string }
  | { ok: false; reason: 'scheme' | 'absolute' | 'characters' | 'outside' | 'bare' };

// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARACTERS = /[?#\\\u0000-\u001f\u007f-\u009f]/;

/**
 * Resolves `written`, found in the file at `fromFile` (both relative to the content folder, with
 * `/` separators), to the content-relative path it names. `requireDotSlash` is for photos in a
 * body: Astro hands those to Vite unchanged, and Vite reads `foto.jpg` as a package name.
 */
export function resolveContentPath(fromFile: string, written: string, { requireDotSlash = false } = {}): ContentPath {
  if (hasUrlScheme(written)) return { ok: false, reason: 'scheme' };
  if (written.startsWith('/')) return { ok: false, reason: 'absolute' };
  if (FORBIDDEN_CHARACTERS.test(written)) return { ok: false, reason: 'characters' };
  if (requireDotSlash && !/^\.\.?\//.test(written)) return { ok: false, reason: 'bare' };
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), written));
  if (resolved === '..' || resolved.startsWith('../') || resolved === '.' || resolved === '') return { ok: false, reason: 'outside' };
  return { ok: true, path: resolved };
}

/** Extensions Astro's image pipeline takes photos from (SVG is left out: it can hold scripts). */
export const PHOTO_EXTENSION = /\.(?:jpe?g|png|webp|avif|gif|tiff?)$/i;
