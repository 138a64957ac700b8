/**
 * Facts about contributor photos that decide whether the build may touch them: size (a photo
 * too large, or a "decompression bomb" that is small on disk and enormous in memory, must be
 * refused before the image pipeline runs out of memory) and whether it carries a GPS position.
 */

/** Larger than any phone camera today (108-megapixel sensors are about 12,000 × 9,000). */
export const MAX_IMAGE_PIXELS = 120_000_000;
/** A generous cap for one photo file; phone photos are a few megabytes. */
export const MAX_IMAGE_BYTES = 30 * 1024 * 1024;

export interface ImageInfo {
  width: number;
  height: number;
  bytes: number;
  /** The photo's EXIF holds a GPS position (where it was taken, often someone's home). */
  gps: boolean;
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

const GPS_IFD_TAG = 0x8825;

/**
 * True when an EXIF block points to a GPS section. Reads the TIFF header and the first IFD
 * only, which is where cameras and phones put the GPS pointer.
 */
export function exifHasGps(exif: Uint8Array): boolean {
  let start = 0;
  // sharp and JPEG APP1 segments prefix the TIFF data with "Exif\0\0".
  if (exif.length >= 6 && String.fromCharCode(...exif.subarray(0, 4)) === 'Exif') start = 6;
  const view = new DataView(exif.buffer, exif.byteOffset + start, exif.byteLength - start);
  if (view.byteLength < 8) return false;
  const order = view.getUint16(0);
  const little = order === 0x4949;
  if (!little && order !== 0x4d4d) return false;
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > view.byteLength) return false;
  const count = view.getUint16(ifd, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > view.byteLength) return false;
    if (view.getUint16(entry, little) === GPS_IFD_TAG) return true;
  }
  return false;
}
