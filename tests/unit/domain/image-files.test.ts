/**
 * What an image file really is, read from its bytes (src/domain/image-files.ts): format sniffing
 * over hand-made HEIC, BMP, ICO, JPEG XL and SVG as well as what sharp writes, and the photo formats.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isContributorPhotoFormat, RASTER_FORMATS, sniffImageFormat, type ImageFormat } from '../../../src/domain/image-files.ts';
import { bmp, bytes, encodeRasterFormats, square, tiffImage } from '../../helpers/image-fixtures.ts';
import { GPS_EXIF } from '../../helpers/photos.ts';

/** An ISO-BMFF `ftyp` box with a major brand and compatible brands, then a little filler. */
function ftyp(major: string, ...compatible: string[]): Buffer {
  const size = 16 + compatible.length * 4;
  const header = Buffer.alloc(8);
  header.writeUInt32BE(size, 0);
  header.write('ftyp', 4, 'latin1');
  return bytes(header, major, [0, 0, 0, 0], compatible.join(''), [0, 0, 0, 8], 'meta');
}

/** An icon directory with one 16 × 16 entry (the image itself is not needed for sniffing). */
function ico(): Buffer {
  return bytes([0, 0, 1, 0, 1, 0], [16, 16, 0, 0, 1, 0, 32, 0, 0x68, 4, 0, 0, 22, 0, 0, 0], Buffer.alloc(16));
}

let gpsJpeg: Buffer;
let encoded: Map<ImageFormat, Buffer>;
const folders: string[] = [];

beforeAll(async () => {
  gpsJpeg = await square().jpeg().withExif(GPS_EXIF).toBuffer();
  encoded = await encodeRasterFormats();
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
