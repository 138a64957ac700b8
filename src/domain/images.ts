/**
 * Facts about contributor photos that decide whether the build may touch them: size (a photo
 * too large, or a "decompression bomb" that is small on disk and enormous in memory, must be
 * refused before the image pipeline runs out of memory) and whether it carries a GPS position.
 */

/**
 * Photos are published as WebP only. AVIF would be a little smaller but takes about twenty
 * times longer to encode, which decides whether a national network can build on one machine;
 * every browser a reader is likely to have shows WebP.
 */
export const IMAGE_FORMAT = 'webp' as const;
export const WEBP_QUALITY = 65;

/**
 * Widths for photos in a body. Phones are 1,080 to 1,170 device pixels across (412 × 2.625,
 * 390 × 3), so 1,200 serves them all without falling through to the desktop's 2× width.
 */
export const IMAGE_BREAKPOINTS = [480, 720, 1200] as const;

/** A photo shown across the text column (cover, place photo): 1× and 2× of the 720-pixel column too. */
export const COLUMN_PHOTO = { width: 720, widths: [480, 720, 1200, 1440], sizes: '(min-width: 44rem) 42rem, 100vw' } as const;

/**
 * A thumbnail on a card: full width on a phone, a third of the page on a desktop. Its widths are
 * the column's smallest two, so a card and its story or place page share the same files: a photo
 * costs three or four files instead of six or seven (the free hosts count files, Cloudflare Pages
 * 20,000), and a reader who opens the story from a list may already hold the picture.
 */
export const CARD_PHOTO = { width: 480, widths: [480, 720], sizes: '(min-width: 40rem) 20rem, 100vw' } as const;

/** Larger than any phone camera today (108-megapixel sensors are about 12,000 × 9,000). */
export const MAX_IMAGE_PIXELS = 120_000_000;
/** A generous cap for one photo file; phone photos are a few megabytes. */
/** The largest photo a contributor may add, in bytes; the CMS refuses larger uploads too. */
export const MAX_IMAGE_BYTES = 30 * 1024 * 1024;

export interface ImageInfo {
  width: number;
  height: number;
  bytes: number;
}

/** Why an image must be refused, in Indonesian, or undefined when it is acceptable. */
export function imageSizeProblem(info: ImageInfo): string | undefined {
  if (info.bytes > MAX_IMAGE_BYTES) {
    return `berkas gambar terlalu besar (${(info.bytes / 1024 / 1024).toFixed(1)} MB; paling besar ${MAX_IMAGE_BYTES / 1024 / 1024} MB). Perkecil fotonya dulu.`;
  }
  if (info.width * info.height > MAX_IMAGE_PIXELS) {
    return `ukuran gambar terlalu besar (${info.width} × ${info.height} piksel; paling banyak ${MAX_IMAGE_PIXELS / 1_000_000} megapiksel). Perkecil fotonya dulu.`;
  }
  return undefined;
}
