/**
 * What metadata an image file really carries (src/domain/image-metadata.ts): the EXIF GPS pointer,
 * XMP GPS and the raw scan for EXIF, XMP and IPTC anywhere in a file, on hand-made and hostile bytes.
 */
import fc from 'fast-check';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { RASTER_FORMATS, type ImageFormat } from '../../../src/domain/image-files.ts';
import { exifHasGps, scanMetadata, xmpHasGps } from '../../../src/domain/image-metadata.ts';
import { bmp, bytes, encodeRasterFormats, square, tiff, tiffImage } from '../../helpers/image-fixtures.ts';
import { GPS_EXIF, GPS_XMP } from '../../helpers/photos.ts';

const CLEAN = { exif: false, xmp: false, iptc: false, gps: false };

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
let encoded: Map<ImageFormat, Buffer>;

beforeAll(async () => {
  gpsJpeg = await square().jpeg().withExif(GPS_EXIF).toBuffer();
  cleanJpeg = await square().jpeg().toBuffer();
  encoded = await encodeRasterFormats();
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

  it('reads the EXIF that sharp writes and returns', async () => {
    const { exif } = await sharp(gpsJpeg).metadata();
    expect(exifHasGps(exif!)).toBe(true);
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
