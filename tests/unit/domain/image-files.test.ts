/**
 * Reading image files by content: format sniffing, the EXIF GPS pointer, XMP GPS and the raw
 * metadata scan. Fixtures are made from scratch, with sharp where it writes what is needed and
 * byte by byte where it does not (big-endian EXIF, TIFF with GPS, HEIC, BMP, ICO, JPEG XL).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  exifHasGps,
  isContributorPhotoFormat,
  RASTER_FORMATS,
  scanMetadata,
  sniffImageFormat,
  xmpHasGps,
  type ImageFormat,
} from '../../../src/domain/image-files.ts';
import { exifHasGps as exifHasGpsFromImages } from '../../../src/domain/images.ts';
import { GPS_EXIF, GPS_XMP } from '../../helpers/photos.ts';

const CLEAN = { exif: false, xmp: false, iptc: false, gps: false };

const square = () => sharp({ create: { width: 8, height: 6, channels: 3, background: '#0f766e' } });
const bytes = (...parts: (string | readonly number[] | Uint8Array)[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));

/** One IFD entry: tag, type (3 SHORT, 4 LONG), count and a value that fits in four bytes. */
type Entry = [tag: number, type: number, count: number, value: number];

/**
 * A TIFF structure written by hand: header, IFD0 with `entries` (sorted, as TIFF requires), and a
 * GPS IFD with one entry right after it when `gps` is set (the 0x8825 pointer is added to IFD0).
 * Returns the bytes and where the GPS pointer entry ends, for the truncation tests.
 */
function tiff({ little, entries = [], gps = false, pixels }: { little: boolean; entries?: Entry[]; gps?: boolean; pixels?: number[] }) {
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
function tiffImage(little: boolean, gps: boolean): Buffer {
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

/** An ISO-BMFF `ftyp` box with a major brand and compatible brands, then a little filler. */
function ftyp(major: string, ...compatible: string[]): Buffer {
  const size = 16 + compatible.length * 4;
  const header = Buffer.alloc(8);
  header.writeUInt32BE(size, 0);
  header.write('ftyp', 4, 'latin1');
  return bytes(header, major, [0, 0, 0, 0], compatible.join(''), [0, 0, 0, 8], 'meta');
}

/** A 1 × 1 24-bit BMP: file header, BITMAPINFOHEADER, one padded row. */
function bmp(): Buffer {
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

/** An icon directory with one 16 × 16 entry (the image itself is not needed for sniffing). */
function ico(): Buffer {
  return bytes([0, 0, 1, 0, 1, 0], [16, 16, 0, 0, 1, 0, 32, 0, 0x68, 4, 0, 0, 22, 0, 0, 0], Buffer.alloc(16));
}

/** A JPEG with an APP13 Photoshop segment holding the given image resources. */
function withApp13(jpeg: Buffer, resources: Buffer): Buffer {
  const payload = bytes('Photoshop 3.0\0', resources);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(payload.length + 2);
  return bytes(jpeg.subarray(0, 2), [0xff, 0xed], length, payload, jpeg.subarray(2));
}

/** One Photoshop image resource block: "8BIM", id, empty name, size, data (padded to even). */
function resource(id: number, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt16BE(id, 0);
  head.writeUInt32BE(data.length, 4);
  return bytes('8BIM', head.subarray(0, 2), [0, 0], head.subarray(4), data, data.length % 2 ? [0] : []);
}

let gpsJpeg: Buffer;
let cleanJpeg: Buffer;
const encoded = new Map<ImageFormat, Buffer>();
const folders: string[] = [];

beforeAll(async () => {
  gpsJpeg = await square().jpeg().withExif(GPS_EXIF).toBuffer();
  cleanJpeg = await square().jpeg().toBuffer();
  for (const format of RASTER_FORMATS) encoded.set(format, await square().toFormat(format).toBuffer());
});

afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('sniffImageFormat', () => {
  it('recognises every raster format sharp writes from its bytes', () => {
    for (const format of RASTER_FORMATS) expect(sniffImageFormat(encoded.get(format)!)).toBe(format);
  });

  it('recognises a JPEG whatever the file is called: .jfif, .jpe, .txt or no extension', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jembatan-sniff-'));
    folders.push(dir);
    for (const name of ['foto.jfif', 'foto.jpe', 'foto.txt', 'foto']) {
      writeFileSync(path.join(dir, name), gpsJpeg);
      expect(sniffImageFormat(readFileSync(path.join(dir, name)))).toBe('jpeg');
    }
  });

  it('needs only the first 4 KB of a file', () => {
    for (const format of RASTER_FORMATS) expect(sniffImageFormat(encoded.get(format)!.subarray(0, 4096))).toBe(format);
  });

  it('tells AVIF from HEIC by the major and the compatible brands of the ftyp box', () => {
    expect(sniffImageFormat(ftyp('avif', 'mif1', 'miaf'))).toBe('avif');
    expect(sniffImageFormat(ftyp('avis', 'msf1'))).toBe('avif');
    expect(sniffImageFormat(ftyp('mif1', 'avif', 'miaf'))).toBe('avif');
    expect(sniffImageFormat(ftyp('heic', 'mif1', 'heic'))).toBe('heic');
    expect(sniffImageFormat(ftyp('mif1', 'heic'))).toBe('heic');
    expect(sniffImageFormat(ftyp('msf1', 'hevc'))).toBe('heic');
    expect(sniffImageFormat(ftyp('heix'))).toBe('heic');
    // An MP4 video is ISO-BMFF too, but no image.
    expect(sniffImageFormat(ftyp('isom', 'iso2', 'mp41'))).toBeNull();
  });

  it('recognises GIF87a and GIF89a, both TIFF byte orders, BMP, ICO and both JPEG XL forms', () => {
    expect(sniffImageFormat(bytes('GIF87a', [1, 0, 1, 0]))).toBe('gif');
    expect(sniffImageFormat(bytes('GIF89a', [1, 0, 1, 0]))).toBe('gif');
    expect(sniffImageFormat(tiffImage(true, false))).toBe('tiff');
    expect(sniffImageFormat(tiffImage(false, false))).toBe('tiff');
    expect(sniffImageFormat(bmp())).toBe('bmp');
    expect(sniffImageFormat(ico())).toBe('ico');
    expect(sniffImageFormat(bytes([0xff, 0x0a, 0xfa, 0x7f]))).toBe('jxl');
    expect(sniffImageFormat(bytes([0, 0, 0, 0x0c], 'JXL ', [0x0d, 0x0a, 0x87, 0x0a], [0, 0, 0, 0x14], 'ftypjxl '))).toBe('jxl');
  });

  it('does not take text that merely starts with "BM" or "RIFF" for an image', () => {
    expect(sniffImageFormat(Buffer.from('BM adalah singkatan dari Badan Musyawarah desa.\n'))).toBeNull();
    expect(sniffImageFormat(bytes('RIFF', [4, 0, 0, 0], 'WAVE'))).toBeNull();
  });

  it('recognises SVG after a BOM, an XML declaration, comments, a processing instruction and a DOCTYPE', () => {
    const svg = (prolog: string) => Buffer.from(`${prolog}<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>`);
    expect(sniffImageFormat(svg(''))).toBe('svg');
    expect(sniffImageFormat(svg('\n  \t'))).toBe('svg');
    expect(sniffImageFormat(bytes([0xef, 0xbb, 0xbf], svg('<?xml version="1.0" encoding="UTF-8"?>\n')))).toBe('svg');
    expect(
      sniffImageFormat(
        svg(
          '<?xml version="1.0"?>\n<!-- Dibuat dengan Inkscape -->\n<?xml-stylesheet href="gaya.css"?>\n' +
            '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [ <!ENTITY x "<b>"> ]>\n' +
            '<!-- komentar kedua, dengan <svg> di dalamnya -->\n',
        ),
      ),
    ).toBe('svg');
    expect(sniffImageFormat(Buffer.from('<svg:svg xmlns:svg="http://www.w3.org/2000/svg"/>'))).toBe('svg');
  });

  it('does not take HTML, other XML, an unclosed comment or a prolog longer than 4 KB for SVG', () => {
    expect(sniffImageFormat(Buffer.from('<!DOCTYPE html><html lang="id"><body><svg></svg></body></html>'))).toBeNull();
    expect(sniffImageFormat(Buffer.from('<?xml version="1.0"?><rss version="2.0"></rss>'))).toBeNull();
    expect(sniffImageFormat(Buffer.from('<svgfoo/>'))).toBeNull();
    expect(sniffImageFormat(Buffer.from('<!-- belum selesai <svg/>'))).toBeNull();
    expect(sniffImageFormat(Buffer.from(`<!-- ${'x'.repeat(5000)} --><svg/>`))).toBeNull();
  });

  it('returns null for a text file, an empty file and a few stray bytes', () => {
    expect(sniffImageFormat(Buffer.from('Ini hanya catatan, bukan gambar.\n'))).toBeNull();
    expect(sniffImageFormat(new Uint8Array(0))).toBeNull();
    expect(sniffImageFormat(new Uint8Array([0xff]))).toBeNull();
    expect(sniffImageFormat(new Uint8Array([0xff, 0xd8]))).toBeNull();
  });

  it('never throws, whatever the bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (input) => void sniffImageFormat(input)));
  });
});

describe('RASTER_FORMATS and isContributorPhotoFormat', () => {
  it('accepts the formats the image pipeline takes from contributors, and nothing else', () => {
    expect([...RASTER_FORMATS].sort()).toEqual(['avif', 'gif', 'jpeg', 'png', 'tiff', 'webp']);
    for (const format of RASTER_FORMATS) expect(isContributorPhotoFormat(format)).toBe(true);
    for (const format of ['heic', 'bmp', 'ico', 'jxl', 'svg'] as const) expect(isContributorPhotoFormat(format)).toBe(false);
    expect(isContributorPhotoFormat(null)).toBe(false);
  });
});

describe('exifHasGps', () => {
  const withPrefix = (tiffBytes: Buffer) => bytes('Exif\0\0', tiffBytes);

  it('finds the GPS pointer in little-endian and big-endian EXIF, with and without "Exif\\0\\0"', () => {
    for (const little of [true, false]) {
      const { bytes: gps } = tiff({ little, gps: true, entries: [[0x010f, 2, 4, 0x4b494d00]] });
      const { bytes: none } = tiff({ little, entries: [[0x010f, 2, 4, 0x4b494d00]] });
      expect(exifHasGps(gps)).toBe(true);
      expect(exifHasGps(withPrefix(gps))).toBe(true);
      expect(exifHasGps(none)).toBe(false);
      expect(exifHasGps(withPrefix(none))).toBe(false);
    }
  });

  it('reads the EXIF that sharp writes and returns, and is still exported from images.ts', async () => {
    const { exif } = await sharp(gpsJpeg).metadata();
    expect(exifHasGps(exif!)).toBe(true);
    expect(exifHasGpsFromImages).toBe(exifHasGps);
    const noGps = await sharp(
      await square()
        .jpeg()
        .withExif({ IFD0: { Copyright: 'Warga' } })
        .toBuffer(),
    ).metadata();
    expect(exifHasGps(noGps.exif!)).toBe(false);
  });

  it('counts a pointer to an empty GPS section: the pointer alone decides', () => {
    const { bytes: block } = tiff({ little: true, entries: [[0x8825, 4, 1, 0xffff]] });
    expect(exifHasGps(block)).toBe(true);
  });

  it('never throws on a block cut at any length, and sees GPS only once the whole pointer entry is there', () => {
    for (const little of [true, false]) {
      for (const prefixed of [false, true]) {
        const { bytes: plain, gpsEntryEnd } = tiff({
          little,
          gps: true,
          entries: [
            [0x010f, 2, 4, 0],
            [0x0112, 3, 1, 1],
          ],
        });
        const block = prefixed ? withPrefix(plain) : plain;
        const needed = gpsEntryEnd + (prefixed ? 6 : 0);
        for (let length = 0; length <= block.length; length++) {
          expect(exifHasGps(block.subarray(0, length)), `${length} of ${block.length} bytes`).toBe(length >= needed);
        }
      }
    }
  });

  it('returns false for the short inputs that start like EXIF', () => {
    for (const input of ['', 'E', 'Exif', 'Exif\0', 'Exif\0\0', 'Exif\0\0II', 'Exif\0\0II*\0', 'II*\0\x08\0\0']) {
      expect(exifHasGps(Buffer.from(input, 'latin1'))).toBe(false);
    }
  });

  it('survives lying offsets and counts: past the end, inside the header, more entries than bytes', () => {
    const { bytes: honest } = tiff({ little: true, gps: true });
    const lie = (offset: number, value: number, size: 2 | 4) => {
      const copy = Buffer.from(honest);
      if (size === 2) copy.writeUInt16LE(value, offset);
      else copy.writeUInt32LE(value, offset);
      return copy;
    };
    expect(exifHasGps(lie(4, 0xfffffff0, 4))).toBe(false); // IFD0 far past the end
    expect(exifHasGps(lie(4, 0xffffffff, 4))).toBe(false);
    expect(exifHasGps(lie(4, 2, 4))).toBe(false); // IFD0 inside the header
    expect(exifHasGps(lie(4, honest.length - 1, 4))).toBe(false); // IFD0 at the last byte
    expect(exifHasGps(lie(8, 0xffff, 2))).toBe(true); // 65,535 entries claimed, one present
    expect(exifHasGps(lie(8, 0, 2))).toBe(false); // no entries
    // A next-IFD link pointing back to IFD0 is never followed, so it cannot loop.
    expect(exifHasGps(lie(8 + 2 + 12, 8, 4))).toBe(true);
    // A GPS pointer that points nowhere is still a GPS pointer.
    expect(exifHasGps(lie(8 + 2 + 8, 0xfffffff0, 4))).toBe(true);
  });

  it('never throws on random bytes or random damage to a real block', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 80 }),
        fc.boolean(),
        (input, prefixed) => void exifHasGps(prefixed ? withPrefix(Buffer.from(input)) : input),
      ),
    );
    const { bytes: block } = tiff({ little: false, gps: true, entries: [[0x010f, 2, 4, 0]] });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(block.length - 1), fc.nat(255)), { maxLength: 6 }), fc.nat(block.length), (edits, length) => {
        const damaged = Buffer.from(block);
        for (const [at, value] of edits) damaged[at] = value;
        expect(typeof exifHasGps(damaged.subarray(0, length))).toBe('boolean');
      }),
    );
  });
});

describe('xmpHasGps', () => {
  it('finds GPS as an attribute and as an element, with any prefix', () => {
    expect(xmpHasGps(GPS_XMP)).toBe(true);
    expect(xmpHasGps('<rdf:Description exif:GPSLongitude = "117,30.0E"/>')).toBe(true);
    expect(xmpHasGps('<rdf:Description>\n  <exif:GPSLatitude>0,8.0N</exif:GPSLatitude>\n</rdf:Description>')).toBe(true);
    expect(xmpHasGps('<ns1:GPSLongitude>117,30.0E</ns1:GPSLongitude>')).toBe(true);
    expect(xmpHasGps("<rdf:Description ns2:GPSLatitude='0,8.0N'/>")).toBe(true);
    expect(xmpHasGps('<GPSLatitude>0,8.0N</GPSLatitude>')).toBe(true);
  });

  it('reads bytes as well as text', () => {
    expect(xmpHasGps(Buffer.from(GPS_XMP))).toBe(true);
    expect(xmpHasGps(new TextEncoder().encode('<x:xmpmeta><exif:GPSLatitude>0,8.0N</exif:GPSLatitude></x:xmpmeta>'))).toBe(true);
  });

  it('ignores XMP without a position, other GPS fields and the names in plain prose', () => {
    expect(xmpHasGps('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>')).toBe(false);
    expect(xmpHasGps('<rdf:Description exif:GPSAltitude="12/1" exif:GPSVersionID="2.2.0.0"/>')).toBe(false);
    expect(xmpHasGps('<dc:description>Tanpa GPSLatitude atau GPSLongitude.</dc:description>')).toBe(false);
    expect(xmpHasGps('')).toBe(false);
  });
});

describe('scanMetadata', () => {
  it('finds EXIF with GPS in a JPEG, a PNG (eXIf), a WebP (EXIF chunk) and an AVIF', async () => {
    for (const format of ['jpeg', 'png', 'webp', 'avif'] as const) {
      const image = await square().toFormat(format).withExif(GPS_EXIF).toBuffer();
      expect(scanMetadata(image), format).toEqual({ exif: true, xmp: false, iptc: false, gps: true });
    }
  });

  it('finds EXIF without GPS', async () => {
    const image = await square()
      .webp()
      .withExif({ IFD0: { Copyright: 'Warga' } })
      .toBuffer();
    expect(scanMetadata(image)).toEqual({ exif: true, xmp: false, iptc: false, gps: false });
  });

  it('finds XMP with GPS in a JPEG, in a WebP and in the compressed text chunk sharp writes in a PNG', async () => {
    for (const format of ['jpeg', 'webp', 'png'] as const) {
      const image = await square().toFormat(format).withXmp(GPS_XMP).toBuffer();
      expect(scanMetadata(image), format).toEqual({ exif: false, xmp: true, iptc: false, gps: true });
    }
    const noGps = await square().png().withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"/>').toBuffer();
    expect(scanMetadata(noGps)).toEqual({ exif: false, xmp: true, iptc: false, gps: false });
  });

  it("finds the GPS pointer in a TIFF file's own IFD0, in both byte orders", async () => {
    for (const little of [true, false]) {
      const image = tiffImage(little, true);
      // The hand-made TIFF is a real image, not just bytes that look like one.
      expect(await sharp(image).metadata()).toMatchObject({ format: 'tiff', width: 2, height: 1 });
      expect(scanMetadata(image)).toEqual({ exif: true, xmp: false, iptc: false, gps: true });
      expect(scanMetadata(tiffImage(little, false))).toEqual(CLEAN);
    }
  });

  it('finds EXIF appended after the end of a JPEG, where decoders never look', async () => {
    const hidden = bytes(cleanJpeg, 'Exif\0\0', tiff({ little: false, gps: true }).bytes);
    expect((await sharp(hidden).metadata()).exif).toBeUndefined();
    expect(scanMetadata(hidden)).toEqual({ exif: true, xmp: false, iptc: false, gps: true });
  });

  it('finds IPTC in a Photoshop segment, but not a Photoshop segment without an IPTC record', async () => {
    const iptc = withApp13(cleanJpeg, resource(0x0404, bytes([0x1c, 0x02, 0x50, 0x00, 0x05], 'Warga')));
    expect(Boolean((await sharp(iptc).metadata()).iptc)).toBe(true);
    expect(scanMetadata(iptc)).toEqual({ exif: false, xmp: false, iptc: true, gps: false });
    const other = withApp13(cleanJpeg, resource(0x03ed, Buffer.alloc(16)));
    expect(scanMetadata(other)).toEqual(CLEAN);
  });

  it('finds ImageMagick raw profiles in PNG text chunks, including GPS in a hex EXIF profile', () => {
    const chunk = (type: string, data: Buffer) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(data.length);
      return bytes(length, type, data, [0, 0, 0, 0]);
    };
    const exif = bytes('Exif\0\0', tiff({ little: true, gps: true }).bytes);
    const hex = exif.toString('hex').replace(/(.{64})/g, '$1\n');
    const png = encoded.get('png')!;
    const withText = (text: Buffer) => bytes(png.subarray(0, 33), text, png.subarray(33));
    expect(
      scanMetadata(withText(chunk('tEXt', bytes('Raw profile type exif\0', `\nexif\n${String(exif.length).padStart(8)}\n${hex}\n`)))),
    ).toEqual({
      exif: true,
      xmp: false,
      iptc: false,
      gps: true,
    });
    expect(scanMetadata(withText(chunk('tEXt', bytes('Raw profile type iptc\0', '\nIPTC\n       4\n1c020000\n'))))).toEqual({
      ...CLEAN,
      iptc: true,
    });
  });

  it('finds nothing in images re-encoded by sharp from a GPS photo', async () => {
    for (const format of RASTER_FORMATS) {
      const image = await sharp(gpsJpeg).toFormat(format).toBuffer();
      expect(scanMetadata(image), format).toEqual(CLEAN);
    }
    expect(scanMetadata(bmp())).toEqual(CLEAN);
    expect(scanMetadata(new Uint8Array(0))).toEqual(CLEAN);
  });

  it('never throws on random bytes, or on a real file cut at any length', async () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (input) => void scanMetadata(input)));
    const image = await square().png().withExif(GPS_EXIF).withXmp(GPS_XMP).toBuffer();
    for (let length = 0; length <= image.length; length++) scanMetadata(image.subarray(0, length));
  });

  it('scans a large file in linear time, even one stuffed with fake metadata headers', () => {
    const junk = Buffer.alloc(4 * 1024 * 1024, 'Exif\0\0II*\0\x08\0\0\0\xff\xffGPSLatitude Photoshop 3.0\0eXIf', 'latin1');
    const started = performance.now();
    expect(scanMetadata(junk).exif).toBe(true);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
