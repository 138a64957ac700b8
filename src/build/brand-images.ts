/**
 * The files of a KIM's brand kit (domain/brand-kit.ts): its logo as SVG and PNG and its A4 poster
 * as PNG, drawn as the social cards are (drawings.ts) in the project's own font files; what takes time to
 * draw is kept in the build cache under a key of everything that decides its pixels, so a rebuild
 * draws only the kits that changed.
 */
import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import type { ImageMetadata } from 'astro';
import sharp from 'sharp';
import { brandDrawingKey, LOGO_PNG_SIZE, monogramSvg } from '../domain/brand-kit.ts';
import type { Brand } from '../domain/brand.ts';
import { SOCIAL_FONT_FAMILY } from '../domain/social.ts';
import { cachedFile, drawingFont, rasterise } from './drawings.ts';

/** The side of the logo as the poster embeds it: the disc it sits in is 240 units across. */
const POSTER_LOGO_SIZE = 320;

/** A kit file from the cache, made and stored there when missing. */
const cached = (cacheDir: string, name: string, make: () => Promise<Buffer>) => cachedFile(cacheDir, 'brand-kit', name, make);

/**
 * PNG from an SVG at `width` pixels across. A palette keeps the flat colours and smooth letters
 * of a drawing at a fraction of the bytes of full colour (a poster near 40 KB rather than 90).
 * Without dithering and at effort 3, quantising costs a sixth of what effort 7 with dithering did
 * (a poster 50 ms rather than 300, measured on the bench's kabupaten) for the same bytes: the
 * noise dithering adds to flat colour only makes the file larger (a poster with an uploaded
 * logo is still dithered), and a national network's 28,000 posters are drawn on the same two
 * cores as its pages.
 */
async function drawPng(svg: string, width: number): Promise<Buffer> {
  // An uploaded logo is a picture, gradients and all: dithered, it shows no bands in 256 colours.
  const dither = svg.includes('<image') ? 1 : 0;
  return (await rasterise(svg, width)).png({ palette: true, quality: 95, effort: 3, dither, compressionLevel: 9 }).toBuffer();
}

/** An SVG drawing as PNG, `width` pixels across, from the cache when drawn before. */
export function drawingPng(svg: string, width: number, cacheDir: string): Promise<Buffer> {
  return cached(cacheDir, `${brandDrawingKey(`${width}:${svg}`)}.png`, () => drawPng(svg, width));
}

/**
 * The monogram as an SVG file anyone can open: its letters turned into outlines by resvg, so the
 * file needs no font and looks the same in every program.
 */
export function monogramFile(brand: Pick<Brand, 'initials' | 'color' | 'ink'>): string {
  const svg = monogramSvg(brand, { size: LOGO_PNG_SIZE, fontFamily: SOCIAL_FONT_FAMILY });
  return new Resvg(svg, { font: drawingFont() }).toString();
}

/** The monogram as a PNG of `LOGO_PNG_SIZE` pixels square. */
export function monogramPng(brand: Pick<Brand, 'initials' | 'color' | 'ink'>, cacheDir: string): Promise<Buffer> {
  return drawingPng(monogramSvg(brand, { size: LOGO_PNG_SIZE, fontFamily: SOCIAL_FONT_FAMILY }), LOGO_PNG_SIZE, cacheDir);
}

/**
 * The original file of a logo the KIM uploaded. Astro keeps the path of an imported image on its
 * metadata (`fsPath`, not enumerable); the content gate has already checked the file is a photo
 * format inside the content folder.
 */
function logoBytes(logo: ImageMetadata): Buffer {
  const file = (logo as ImageMetadata & { fsPath?: string }).fsPath;
  if (!file) throw new Error('Berkas logo tidak ditemukan: Astro tidak menyertakan lokasinya.');
  return readFileSync(file);
}

/** A raster logo as a PNG that fits in `size` pixels square, its proportions kept and its metadata dropped. */
function resizedLogo(bytes: Buffer, size: number, cacheDir: string): Promise<Buffer> {
  const key = brandDrawingKey(`logo:${size}:${bytes.toString('base64')}`);
  return cached(cacheDir, `${key}.png`, () => sharp(bytes).resize(size, size, { fit: 'inside', withoutEnlargement: true }).png({ compressionLevel: 9 }).toBuffer());
}

/** A KIM's uploaded logo as its kit's PNG, at most `LOGO_PNG_SIZE` pixels on its longer side. */
export function uploadedLogoPng(logo: ImageMetadata, cacheDir: string): Promise<Buffer> {
  return resizedLogo(logoBytes(logo), LOGO_PNG_SIZE, cacheDir);
}

/**
 * A KIM's uploaded logo in an SVG file, for the design programs that ask for one: the picture
 * inside is the PNG, not outlines, and the kit page says so.
 */
export async function uploadedLogoSvg(logo: ImageMetadata, cacheDir: string): Promise<string> {
  const png = await uploadedLogoPng(logo, cacheDir);
  const { width, height } = await sharp(png).metadata();
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `<image href="data:image/png;base64,${png.toString('base64')}" width="${width}" height="${height}"/></svg>`
  );
}

/** A KIM's uploaded logo as the poster embeds it: a `data:` URL of a small PNG. */
export async function posterLogo(logo: ImageMetadata, cacheDir: string): Promise<string> {
  return `data:image/png;base64,${(await resizedLogo(logoBytes(logo), POSTER_LOGO_SIZE, cacheDir)).toString('base64')}`;
}
