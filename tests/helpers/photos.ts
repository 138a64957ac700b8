/**
 * Photos made from scratch that behave like a phone's: smooth areas and grain, so every photo is
 * different byte for byte (a solid colour encodes to the same bytes in two files), with the
 * metadata a phone writes when asked for.
 */
import sharp from 'sharp';

/** The EXIF a phone writes with a position: its GPS section is IFD3 in sharp's (libvips') numbering. */
export const GPS_EXIF = {
  IFD0: { Copyright: 'Warga Bontang Kuala', Make: 'KameraHP' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '0/1 8/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '117/1 30/1 0/1' },
};

/** An XMP packet with a GPS position, as photo editors write it. */
export const GPS_XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="0,8.0N" exif:GPSLongitude="117,30.0E"/>' +
  '</rdf:RDF></x:xmpmeta>';

/** A small deterministic generator, so a fixture photo is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

export interface PhotoOptions {
  width?: number;
  height?: number;
  seed?: number;
  /** Write the EXIF GPS position a phone records. */
  gps?: boolean;
  format?: 'jpeg' | 'png' | 'webp';
}

/** A photo-like image: a coarse random field scaled up (light and shade) with fine grain on top. */
export async function photo({ width = 1600, height = 1200, seed = 1, gps = false, format = 'jpeg' }: PhotoOptions = {}): Promise<Buffer> {
  const next = random(seed);
  const coarse = Buffer.alloc(16 * 12 * 3);
  for (let i = 0; i < coarse.length; i++) coarse[i] = Math.floor(next() * 256);
  const base = await sharp(coarse, { raw: { width: 16, height: 12, channels: 3 } }).resize(width, height, { kernel: 'cubic' }).raw().toBuffer();
  for (let i = 0; i < base.length; i++) base[i] = Math.max(0, Math.min(255, base[i]! + Math.floor((next() - 0.5) * 24)));
  let image = sharp(base, { raw: { width, height, channels: 3 } });
  image = format === 'png' ? image.png() : format === 'webp' ? image.webp({ quality: 80 }) : image.jpeg({ quality: 85 });
  if (gps) image = image.withExif(GPS_EXIF);
  return image.toBuffer();
}
