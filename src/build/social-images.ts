/**
 * Draws social preview cards (domain/social.ts) to JPEG: resvg renders the SVG with the font
 * files the project ships (never the machine's fonts, so every machine draws the same pixels),
 * sharp encodes. A drawn card is kept in the build cache under its key: a rebuild after one new
 * story draws that story's card and reads every other from the cache.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
import sharp from 'sharp';
import { SOCIAL_FONT_FAMILY, SOCIAL_WIDTH, socialCardKey, socialCardSvg, type SocialCard } from '../domain/social.ts';

const require = createRequire(import.meta.url);
/** Adobe's Source Sans 3 (SIL Open Font License), regular for the subtitle and bold for the title. */
const FONT_FILES = ['source-sans/TTF/SourceSans3-Regular.ttf', 'source-sans/TTF/SourceSans3-Bold.ttf'];

let fontPaths: string[] | undefined;
/** The font files drawings are made with (the brand kit's too), resolved once. */
export const fonts = () => (fontPaths ??= FONT_FILES.map((file) => require.resolve(file)));

/**
 * JPEG: every platform previews it, and a flat-colour card with text stays near 50 KB. libjpeg-turbo
 * rather than mozjpeg: mozjpeg saves a few KB per card at four times the time (60 ms against
 * 15 ms), which a national network's hundreds of thousands of cards cannot afford.
 */
const JPEG = { quality: 82 } as const;

/** Draws a card to JPEG, without the cache. */
export function drawSocialCard(card: SocialCard): Promise<Buffer> {
  return drawSvg(socialCardSvg(card));
}

async function drawSvg(svg: string): Promise<Buffer> {
  // Off the main thread (libuv's pool, like sharp): the pages keep rendering meanwhile.
  const rendered = await renderAsync(svg, {
    font: { fontFiles: fonts(), loadSystemFonts: false, defaultFontFamily: SOCIAL_FONT_FAMILY },
    fitTo: { mode: 'width', value: SOCIAL_WIDTH },
  });
  // Straight from resvg's pixels: encoding a PNG in between would cost as much as the drawing.
  return sharp(Buffer.from(rendered.pixels), { raw: { width: rendered.width, height: rendered.height, channels: 4 } }).jpeg(JPEG).toBuffer();
}

/** A card's JPEG from the cache folder `cacheDir`, drawn and stored there when missing. */
export async function socialCardImage(card: SocialCard, cacheDir: string): Promise<Buffer> {
  const svg = socialCardSvg(card);
  const file = path.join(cacheDir, 'social', `${socialCardKey(svg)}.jpg`);
  try {
    return readFileSync(file);
  } catch {
    // Not drawn yet.
  }
  const image = await drawSvg(svg);
  mkdirSync(path.dirname(file), { recursive: true });
  // Written aside and renamed, so a build stopped halfway never leaves half a card in the cache.
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, image);
  renameSync(partial, file);
  return image;
}
