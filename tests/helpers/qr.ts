/**
 * Reads QR codes the way a phone does: from pixels. An SVG is rasterised with resvg (the build lays
 * it out with resvg too), a PNG decoded with sharp, and jsQR finds and decodes the code in the picture.
 */
import { Resvg } from '@resvg/resvg-js';
import jsQR from 'jsqr';
import sharp from 'sharp';

/** The text of the QR code in RGBA pixels, or null when none is found. */
function decodePixels(pixels: Uint8Array | Buffer, width: number, height: number): string | null {
  const data = new Uint8ClampedArray(pixels.buffer, pixels.byteOffset, pixels.byteLength);
  return jsQR(data, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}

/** The text of the QR code an SVG draws (markup from a page counts: the namespace is added if missing). */
export function decodeQrSvg(svg: string, width = 400): string | null {
  const xml = svg.includes('xmlns=') ? svg : svg.replace(/^<svg\b/, '<svg xmlns="http://www.w3.org/2000/svg"');
  const rendered = new Resvg(xml, { fitTo: { mode: 'width', value: width }, background: '#ffffff', font: { loadSystemFonts: false } }).render();
  return decodePixels(rendered.pixels, rendered.width, rendered.height);
}

/** The text of the QR code in an image file (a PNG poster), or null when none is found. */
export async function decodeQrImage(image: Buffer): Promise<string | null> {
  const { data, info } = await sharp(image).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return decodePixels(data, info.width, info.height);
}
