/**
 * What the build's drawings share (social cards, brand kit logos and posters): resvg lays their
 * text out in the font files the project ships, never the machine's, and sharp draws the result,
 * so every machine with the same packages draws the same pixels; and a drawn file is kept in the
 * build cache under its key and the renderers' versions, so a rebuild draws only what changed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import sharp, { type Sharp } from 'sharp';
import { SOCIAL_FONT_FAMILY } from '../domain/social.ts';

const require = createRequire(import.meta.url);
/** Adobe's Source Sans 3 (SIL Open Font License), regular and bold. */
const FONT_FILES = ['source-sans/TTF/SourceSans3-Regular.ttf', 'source-sans/TTF/SourceSans3-Bold.ttf'];

let fontPaths: string[] | undefined;

/** resvg's font options for every drawing: the project's files only. */
export const drawingFont = () => ({
  fontFiles: (fontPaths ??= FONT_FILES.map((file) => require.resolve(file))),
  loadSystemFonts: false,
  defaultFontFamily: SOCIAL_FONT_FAMILY,
});

/**
 * An SVG drawn `width` pixels across, as sharp's input for the encoder the caller picks. resvg
 * lays the text out in the project's fonts and hands back the drawing with every letter as an
 * outline; libvips (librsvg, inside sharp) then draws those outlines, with no font left to look up,
 * straight into the encoder's pipeline. That costs about half of having resvg draw the pixels
 * and copying them across (a social card 33 ms of CPU rather than 70), which a national network's
 * 400,000 cards feel.
 */
export async function rasterise(svg: string, width: number): Promise<Sharp> {
  const outlined = new Resvg(svg, { font: drawingFont() });
  // librsvg draws at 72 dots per inch by default: the drawing's own width in pixels.
  return sharp(Buffer.from(outlined.toString()), { density: (72 * width) / outlined.width });
}

/**
 * The renderers' versions, which decide a drawing's pixels as much as its SVG does: a drawing
 * cached by an older resvg, librsvg or libvips is drawn again, so a warm build and a cold one
 * publish the same files.
 */
const RENDERERS = createHash('sha256')
  .update(JSON.stringify([require('@resvg/resvg-js/package.json').version, sharp.versions.rsvg, sharp.versions.vips]))
  .digest('hex')
  .slice(0, 8);

/** A file of the build cache (`<cacheDir>/<folder>/<renderers>-<name>`), made and stored there when missing. */
export async function cachedFile(cacheDir: string, folder: string, name: string, make: () => Promise<Buffer>): Promise<Buffer> {
  const file = path.join(cacheDir, folder, `${RENDERERS}-${name}`);
  try {
    return readFileSync(file);
  } catch {
    // Not made yet.
  }
  const made = await make();
  mkdirSync(path.dirname(file), { recursive: true });
  // Written aside and renamed, so a build stopped halfway never leaves half a file in the cache.
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, made);
  renameSync(partial, file);
  return made;
}
