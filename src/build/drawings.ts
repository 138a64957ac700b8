/**
 * What the build's drawings share (social cards, brand kit logos and posters): resvg renders
 * their SVG in the font files the project ships, never the machine's, so every machine draws the
 * same pixels; and a drawn file is kept in the build cache under its key, so a rebuild draws only
 * what changed.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
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
 * An SVG drawn `width` pixels across, as sharp's input for the encoder the caller picks. Off the
 * main thread (libuv's pool, like sharp), and straight from resvg's pixels: encoding a PNG in
 * between would cost as much as the drawing.
 */
export async function rasterise(svg: string, width: number): Promise<Sharp> {
  const rendered = await renderAsync(svg, { font: drawingFont(), fitTo: { mode: 'width', value: width } });
  return sharp(Buffer.from(rendered.pixels), { raw: { width: rendered.width, height: rendered.height, channels: 4 } });
}

/** A file of the build cache (`<cacheDir>/<folder>/<name>`), made and stored there when missing. */
export async function cachedFile(cacheDir: string, folder: string, name: string, make: () => Promise<Buffer>): Promise<Buffer> {
  const file = path.join(cacheDir, folder, name);
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
