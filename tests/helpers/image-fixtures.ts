/**
 * Images made from scratch for the image-file tests: with sharp where it writes what is needed, and
 * byte by byte where it does not (TIFF with GPS or lying offsets, BMP).
 */
import sharp from 'sharp';
import { RASTER_FORMATS, type ImageFormat } from '../../src/domain/image-files.ts';

/** A small solid image; each test picks its format and metadata. */
export const square = () => sharp({ create: { width: 8, height: 6, channels: 3, background: '#0f766e' } });

/** Bytes from parts in order: text as Latin-1 (one byte a character, as file markers are written), numbers, buffers. */
export const bytes = (...parts: (string | readonly number[] | Uint8Array)[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));

/** One IFD entry: tag, type (3 SHORT, 4 LONG), count and a value that fits in four bytes. */
type Entry = [tag: number, type: number, count: number, value: number];

/**
 * A TIFF structure written by hand: header, IFD0 with `entries` (sorted, as TIFF requires), and a
 * GPS IFD with one entry right after it when `gps` is set (the 0x8825 pointer is added to IFD0).
 * Returns the bytes and where the GPS pointer entry ends, for the truncation tests.
 */
export function tiff({ little, entries = [], gps = false, pixels }: { little: boolean; entries?: Entry[]; gps?: boolean; pixels?: number[] }) {
  const all = [...entries];
  const ifd0Size = 2 + (all.length + (gps ? 1 : 0)) * 12 + 4;
  const gpsOffset = 8 + ifd0Size;
  const gpsSize = gps ? 2 + 12 + 4 : 0;
  const pixelOffset = gpsOffset + gpsSize;
  if (gps) all.push([0x8825, 4, 1, gpsOffset]);
  const resolved = all
    .map(([tag, type, count, value]): Entry => [tag, type, count, value === -1 ? pixelOffset : value])
    .sort((a, b) => a[0] - b[0]);
  const out = Buffer.alloc(pixelOffset + (pixels?.length ?? 0));
  const w16 = (offset: number, value: number) => (little ? out.writeUInt16LE(value, offset) : out.writeUInt16BE(value, offset));
  const w32 = (offset: number, value: number) => (little ? out.writeUInt32LE(value, offset) : out.writeUInt32BE(value, offset));
  out.write(little ? 'II' : 'MM', 0, 'latin1');
  w16(2, 42);
  w32(4, 8);
  w16(8, resolved.length);
  let gpsEntryEnd = -1;
  resolved.forEach(([tag, type, count, value], i) => {
    const at = 10 + i * 12;
    w16(at, tag);
    w16(at + 2, type);
    w32(at + 4, count);
    // A SHORT value sits in the first two bytes of the value field, whatever the byte order.
    if (type === 3) w16(at + 8, value);
    else w32(at + 8, value);
    if (tag === 0x8825) gpsEntryEnd = at + 12;
  });
  w32(10 + resolved.length * 12, 0);
  if (gps) {
    // GPSVersionID 2.2.0.0: four BYTEs stored in the entry itself.
    w16(gpsOffset, 1);
    w16(gpsOffset + 2, 0);
    w16(gpsOffset + 4, 1);
    w32(gpsOffset + 6, 4);
    out.set([2, 2, 0, 0], gpsOffset + 10);
  }
  out.set(pixels ?? [], pixelOffset);
  return { bytes: out, gpsEntryEnd };
}

/** A 2 × 1 grey TIFF image that sharp can read, with a GPS section in IFD0 when asked. */
export function tiffImage(little: boolean, gps: boolean): Buffer {
  return tiff({
    little,
    gps,
    pixels: [0x20, 0xe0],
    entries: [
      [256, 3, 1, 2], // ImageWidth
      [257, 3, 1, 1], // ImageLength
      [258, 3, 1, 8], // BitsPerSample
      [259, 3, 1, 1], // Compression: none
      [262, 3, 1, 1], // PhotometricInterpretation: black is zero
      [273, 4, 1, -1], // StripOffsets: the pixels, filled in by tiff()
      [278, 3, 1, 1], // RowsPerStrip
      [279, 4, 1, 2], // StripByteCounts
    ],
  }).bytes;
}

/** A 1 × 1 24-bit BMP: file header, BITMAPINFOHEADER, one padded row. */
export function bmp(): Buffer {
  const out = Buffer.alloc(58);
  out.write('BM', 0, 'latin1');
  out.writeUInt32LE(58, 2);
  out.writeUInt32LE(54, 10);
  out.writeUInt32LE(40, 14);
  out.writeInt32LE(1, 18);
  out.writeInt32LE(1, 22);
  out.writeUInt16LE(1, 26);
  out.writeUInt16LE(24, 28);
  out.set([0x70, 0x76, 0x0f], 54);
  return out;
}

/** The square in every raster format sharp writes. */
export async function encodeRasterFormats(): Promise<Map<ImageFormat, Buffer>> {
  const encoded = new Map<ImageFormat, Buffer>();
  for (const format of RASTER_FORMATS) encoded.set(format, await square().toFormat(format).toBuffer());
  return encoded;
}
