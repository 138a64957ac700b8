/**
 * Cover photos for the synthetic networks (`synthetic.ts`): a few generated pictures, each written
 * many times with its own trailer, so the build does a real network's per-story image work without
 * the generator drawing thousands of pictures.
 */
import sharp from 'sharp';
import { intBelow, mulberry32 } from './prng.ts';

/**
 * A 1200 × 800 JPEG that costs the encoder roughly what a photo does: a colour gradient with
 * shapes and grain, not a flat fill that AVIF would compress in no time. sharp writes no EXIF
 * unless asked, so the source passes the metadata checks.
 */
async function coverSourceJpeg(index: number, seed: number): Promise<Buffer> {
  const width = 1200;
  const height = 800;
  const random = mulberry32(seed * 7919 + index);
  const pixels = Buffer.alloc(width * height * 3);
  const base = [intBelow(random, 200), intBelow(random, 200), intBelow(random, 200)] as const;
  const circles = Array.from({ length: 6 }, () => ({ x: intBelow(random, width), y: intBelow(random, height), r: 60 + intBelow(random, 200), tone: intBelow(random, 120) }));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let shade = (x / width) * 60 + (y / height) * 40;
      for (const c of circles) if ((x - c.x) ** 2 + (y - c.y) ** 2 < c.r ** 2) shade += c.tone;
      const grain = intBelow(random, 24);
      const i = (y * width + x) * 3;
      pixels[i] = Math.min(255, base[0] + shade + grain);
      pixels[i + 1] = Math.min(255, base[1] + shade * 0.7 + grain);
      pixels[i + 2] = Math.min(255, base[2] + shade * 0.4 + grain);
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 82 }).toBuffer();
}

/** Distinct cover pictures; every cover file is one of them with its own trailer. */
const COVER_SOURCES = 8;

/** Makes each story's cover file, generating each distinct picture once, when first needed. */
export class CoverPhotos {
  readonly #seed: number;
  readonly #sources: Buffer[] = [];

  constructor(seed: number) {
    this.#seed = seed;
  }

  /**
   * The bytes of cover number `n` (from 0). Astro names and caches images by their content, so
   * identical files would be encoded once. A trailer after the JPEG's end marker makes every
   * cover unique to the pipeline (decoders ignore bytes after it).
   */
  async file(n: number, trailer: string): Promise<Buffer> {
    const which = n % COVER_SOURCES;
    const source = (this.#sources[which] ??= await coverSourceJpeg(which, this.#seed));
    return Buffer.concat([source, Buffer.from(`\n${trailer}\n`)]);
  }

  /** Distinct source pictures made so far. */
  get sources(): number {
    return this.#sources.filter(Boolean).length;
  }
}
