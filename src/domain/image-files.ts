/**
 * What an image file really is, read from its bytes; what metadata it really carries is read in
 * `image-metadata.ts`, whose functions are importable from here too.
 *
 * File names lie: a phone photo saved as `foto.jfif`, `foto.jpe` or `foto` is still a JPEG with
 * its GPS position, and a host serves it to anyone who asks. So everything here looks at content
 * only, never at a name. The module is pure (no file system, no sharp) so that it works on any
 * bytes, including formats sharp cannot read and metadata hidden after the image data, and so
 * that it can be tested exhaustively on hand-made inputs.
 *
 * Every function here is total: it returns an answer for any input, however truncated or hostile,
 * because it runs on files contributors send and on whatever ends up in `dist/`.
 */
import { asBuffer, hasAt, u16, u32 } from './image-bytes.ts';

export { metadataHasGps, scanMetadata } from './image-metadata.ts';

/** Image formats told apart by their first bytes. */
export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'avif' | 'heic' | 'tiff' | 'bmp' | 'ico' | 'jxl' | 'svg';

/**
 * Formats the site's image pipeline accepts from contributors. They are also exactly the raster
 * formats sharp can both read and write, so `npm run strip-metadata` can clean each of them.
 */
export const RASTER_FORMATS = ['jpeg', 'png', 'webp', 'avif', 'gif', 'tiff'] as const satisfies readonly ImageFormat[];

/** A format the site accepts as a contributor photo. */
export type RasterFormat = (typeof RASTER_FORMATS)[number];

/** How many leading bytes `sniffImageFormat` looks at; reading more from a file changes nothing. */
export const SNIFF_BYTES = 4096;

/** True when `format` is one the image pipeline accepts from contributors (see `RASTER_FORMATS`). */
export function isContributorPhotoFormat(format: ImageFormat | null | undefined): format is RasterFormat {
  return format != null && (RASTER_FORMATS as readonly string[]).includes(format);
}

// ---------------------------------------------------------------------------------------------
// Sniffing.

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
/** The JPEG XL container: a 12-byte `JXL ` box (ISO/IEC 18181-2). */
const JXL_CONTAINER = [0, 0, 0, 0x0c, 0x4a, 0x58, 0x4c, 0x20, 0x0d, 0x0a, 0x87, 0x0a] as const;
const AVIF_BRANDS = new Set(['avif', 'avis']);
/** HEVC brands, and the generic HEIF brands that in practice mean an iPhone HEIC photo. */
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1']);
/** BITMAPCOREHEADER, the OS/2 and Windows headers up to BITMAPV5HEADER. */
const BMP_HEADER_SIZES = new Set([12, 16, 40, 52, 56, 64, 108, 124]);

/**
 * AVIF or HEIC from an ISO-BMFF `ftyp` box. Both major and compatible brands count, because
 * encoders disagree on which one names the codec (libavif writes `avif` first; others write
 * `mif1` and list `avif` among the compatible brands). AVIF wins when both kinds appear: an
 * AVIF file routinely lists `mif1`, while a HEIC file never lists `avif`.
 */
function sniffIsoBmff(bytes: Uint8Array): 'avif' | 'heic' | null {
  if (!hasAt(bytes, 4, 'ftyp')) return null;
  const size = u32(bytes, 0, false);
  // Size 0 means "to the end of the file"; 1 (a 64-bit size) never occurs for a real ftyp box.
  if (size !== 0 && size < 16) return null;
  const end = Math.min(size === 0 ? bytes.length : size, bytes.length, SNIFF_BYTES);
  let heic = false;
  for (let offset = 8; offset + 4 <= end; offset += offset === 8 ? 8 : 4) {
    // Offset 12 holds the minor version, not a brand; the loop steps from 8 straight to 16.
    const brand = String.fromCharCode(bytes[offset]!, bytes[offset + 1]!, bytes[offset + 2]!, bytes[offset + 3]!);
    if (AVIF_BRANDS.has(brand)) return 'avif';
    if (HEIC_BRANDS.has(brand)) heic = true;
  }
  return heic ? 'heic' : null;
}

/**
 * "BM" starts plenty of text files, so a BMP must also have a known header size, a pixel-data
 * offset past the headers and one colour plane.
 */
function isBmp(bytes: Uint8Array): boolean {
  if (!hasAt(bytes, 0, 'BM')) return false;
  const headerSize = u32(bytes, 14, true);
  if (!BMP_HEADER_SIZES.has(headerSize)) return false;
  const dataOffset = u32(bytes, 10, true);
  if (dataOffset < 14 + headerSize) return false;
  return u16(bytes, headerSize === 12 ? 22 : 26, true) === 1;
}

/** An icon directory: reserved 0, type 1, at least one image and a well-formed first entry. */
function isIco(bytes: Uint8Array): boolean {
  return hasAt(bytes, 0, [0, 0, 1, 0]) && u16(bytes, 4, true) >= 1 && bytes.length >= 22 && bytes[9] === 0;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/**
 * End of a `<!DOCTYPE …>` that starts at `start`, past its internal subset (`[ … ]`) and quoted
 * identifiers, either of which may contain `>`; -1 when it does not end in the text.
 */
function doctypeEnd(text: string, start: number): number {
  let quote = '';
  let depth = 0;
  for (let i = start + 2; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']') depth = Math.max(0, depth - 1);
    else if (c === '>' && depth === 0) return i + 1;
  }
  return -1;
}

/** `<svg`, plain or with a namespace prefix (`<svg:svg`), then the end of the name. */
const SVG_ROOT = /^<(?:[A-Za-z_][\w.-]*:)?svg[\s/>]/;

/**
 * An SVG document: optional BOM and whitespace, then any XML declaration, processing
 * instructions, comments and DOCTYPE, then an `<svg>` root element. Only the first 4 KB are
 * read; an SVG with a longer prolog is not recognised, which is fine for a sniffer.
 */
function isSvg(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, SNIFF_BYTES);
  // Latin-1 maps every byte to one character, so a stray non-UTF-8 byte cannot make this throw.
  let text = asBuffer(head).toString('latin1');
  if (text.startsWith('\u00ef\u00bb\u00bf')) text = text.slice(3);
  let i = 0;
  for (;;) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end === -1) return false;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end === -1) return false;
      i = end + 3;
    } else if (text.slice(i, i + 9).toUpperCase() === '<!DOCTYPE') {
      i = doctypeEnd(text, i);
      if (i === -1) return false;
    } else {
      return SVG_ROOT.test(text.slice(i, i + 256));
    }
  }
}

/**
 * The image format of `bytes`, from magic numbers only, or null when it is not a known image.
 * Only the first `SNIFF_BYTES` bytes matter, so a caller may pass just the start of a file.
 */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  if (hasAt(bytes, 0, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (hasAt(bytes, 0, PNG_SIGNATURE)) return 'png';
  if (hasAt(bytes, 0, 'GIF87a') || hasAt(bytes, 0, 'GIF89a')) return 'gif';
  if (hasAt(bytes, 0, 'RIFF') && hasAt(bytes, 8, 'WEBP')) return 'webp';
  const isoBmff = sniffIsoBmff(bytes);
  if (isoBmff) return isoBmff;
  if (hasAt(bytes, 0, [0xff, 0x0a]) || hasAt(bytes, 0, JXL_CONTAINER)) return 'jxl';
  // Classic TIFF (42) and BigTIFF (43), both byte orders. Camera raw files (DNG, CR2, NEF, ARW)
  // are TIFF too, and carry even more metadata than JPEGs.
  if (hasAt(bytes, 0, 'II') && (hasAt(bytes, 2, [0x2a, 0]) || hasAt(bytes, 2, [0x2b, 0]))) return 'tiff';
  if (hasAt(bytes, 0, 'MM') && (hasAt(bytes, 2, [0, 0x2a]) || hasAt(bytes, 2, [0, 0x2b]))) return 'tiff';
  if (isBmp(bytes)) return 'bmp';
  if (isIco(bytes)) return 'ico';
  if (isSvg(bytes)) return 'svg';
  return null;
}
