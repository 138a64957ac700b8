/**
 * What an image file really is and what metadata it really carries, read from its bytes.
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
// Byte helpers. They return -1 (or false) instead of throwing when a read would run off the end:
// hostile offsets are ordinary input here, and DataView would throw a RangeError on them.

function u16(bytes: Uint8Array, offset: number, little: boolean): number {
  if (offset < 0 || offset + 2 > bytes.length) return -1;
  const a = bytes[offset]!;
  const b = bytes[offset + 1]!;
  return little ? a | (b << 8) : (a << 8) | b;
}

function u32(bytes: Uint8Array, offset: number, little: boolean): number {
  if (offset < 0 || offset + 4 > bytes.length) return -1;
  const a = bytes[offset]!;
  const b = bytes[offset + 1]!;
  const c = bytes[offset + 2]!;
  const d = bytes[offset + 3]!;
  // `>>> 0` keeps offsets above 2 GB positive instead of wrapping to negative numbers.
  return (little ? a | (b << 8) | (c << 16) | (d << 24) : (a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

/** True when `bytes` holds `expected` (bytes, or a Latin-1 string) at `offset`. */
function hasAt(bytes: Uint8Array, offset: number, expected: string | readonly number[]): boolean {
  if (offset < 0 || offset + expected.length > bytes.length) return false;
  for (let i = 0; i < expected.length; i++) {
    const want = typeof expected === 'string' ? expected.charCodeAt(i) : expected[i];
    if (bytes[offset + i] !== want) return false;
  }
  return true;
}

/** A zero-copy Buffer view, for Buffer.indexOf (a fast substring search in native code). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
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

// ---------------------------------------------------------------------------------------------
// EXIF (TIFF structure).

const GPS_IFD_TAG = 0x8825;
const EXIF_IFD_TAG = 0x8769;
const IPTC_TAG = 0x83bb;
const PHOTOSHOP_TAG = 0x8649;
const XMP_TAG = 0x02bc;

/** Byte order and IFD0 position of a classic TIFF header at `start`, or null when there is none. */
function tiffHeader(bytes: Uint8Array, start: number): { little: boolean; ifd0: number } | null {
  let little: boolean;
  if (hasAt(bytes, start, [0x49, 0x49, 0x2a, 0])) little = true;
  else if (hasAt(bytes, start, [0x4d, 0x4d, 0, 0x2a])) little = false;
  else return null;
  const ifd0 = u32(bytes, start + 4, little);
  // An IFD inside the 8-byte header is a lie; real writers put IFD0 at offset 8 or later.
  if (ifd0 < 8) return null;
  return { little, ifd0 };
}

/**
 * True when the first IFD of the TIFF structure at `start` (offsets count from `start`) holds
 * an entry with `tag`. Only complete 12-byte entries count, and only IFD0 is read: the next-IFD
 * link is never followed, so a looping chain of IFDs cannot make this run forever.
 */
function ifd0HasTag(bytes: Uint8Array, start: number, tag: number): boolean {
  const header = tiffHeader(bytes, start);
  if (!header) return false;
  const ifd = start + header.ifd0;
  const count = u16(bytes, ifd, header.little);
  if (count <= 0) return false;
  // Entries past the end of the data are ignored, whatever the count claims.
  const complete = Math.min(count, Math.floor((bytes.length - ifd - 2) / 12));
  for (let i = 0; i < complete; i++) {
    if (u16(bytes, ifd + 2 + i * 12, header.little) === tag) return true;
  }
  return false;
}

/** Where the TIFF structure of an EXIF block starts: after "Exif\0\0" when it has that prefix. */
function exifTiffStart(exif: Uint8Array): number {
  // JPEG APP1 segments, sharp's `metadata().exif` and most WebP EXIF chunks start with
  // "Exif\0\0"; PNG eXIf chunks hold the bare TIFF structure.
  return hasAt(exif, 0, 'Exif') ? 6 : 0;
}

/**
 * True when an EXIF block points to a GPS section (tag 0x8825 in IFD0, where the EXIF standard
 * puts it). Accepts the block with or without its "Exif\0\0" prefix, in either byte order.
 *
 * The pointer alone decides: the GPS section it points to is not read, so a pointer to an empty
 * or missing GPS section still returns true. This errs on the side of privacy, since stripping
 * a photo that turns out to hold no position costs nothing, and it keeps the check simple enough
 * to be obviously total. Never throws: truncated blocks, offsets past the end and IFDs that
 * overlap the header all return false.
 */
export function exifHasGps(exif: Uint8Array): boolean {
  return ifd0HasTag(exif, exifTiffStart(exif), GPS_IFD_TAG);
}

// ---------------------------------------------------------------------------------------------
// XMP.

/**
 * A GPS position in XMP, as an attribute (`exif:GPSLatitude="…"`) or an element
 * (`<exif:GPSLatitude>…`), with any namespace prefix or none. Every run here is bounded by a
 * delimiter the next part cannot match, so the search is linear in the text.
 */
const XMP_GPS = /<(?:[A-Za-z_][\w.-]*:)?GPS(?:Latitude|Longitude)[\s/>]|[\s"'](?:[A-Za-z_][\w.-]*:)?GPS(?:Latitude|Longitude)\s*=/;

/**
 * True when an XMP packet names a GPS latitude or longitude (exif:GPSLatitude, exif:GPSLongitude)
 * as an attribute or an element, with any prefix. An empty value counts too: the check is about
 * whether a photo should be stripped, and a false alarm only costs a strip.
 */
export function xmpHasGps(xmp: string | Uint8Array): boolean {
  // The names are ASCII, so Latin-1 finds them in UTF-8 packets without a decoder that could fail.
  const text = typeof xmp === 'string' ? xmp : asBuffer(xmp).toString('latin1');
  return XMP_GPS.test(text);
}

// ---------------------------------------------------------------------------------------------
// Raw scan.

/** Metadata found in a file's bytes. */
export interface MetadataScan {
  exif: boolean;
  xmp: boolean;
  iptc: boolean;
  /** An EXIF block points to a GPS section, or XMP names a GPS latitude or longitude. */
  gps: boolean;
}

/**
 * How many EXIF blocks are read for a GPS pointer. A real file has one or two; the cap keeps a
 * file stuffed with fake "Exif" headers from costing more than a fixed amount per block.
 */
const MAX_EXIF_BLOCKS = 64;
/** How many places that may hold XMP GPS are examined; the same reasoning as above. */
const MAX_XMP_SITES = 64;
/** The most text a compressed PNG text chunk may inflate to (a real XMP packet is a few KB). */
const MAX_INFLATED_BYTES = 1024 * 1024;
/** The APP13 segment holding Photoshop resources is at most 64 KB long. */
const PHOTOSHOP_SEGMENT = 0x10000;

/** Every position of `needle` in `haystack`, from left to right, at most `limit` of them. */
function* positions(haystack: Buffer, needle: string, limit = Number.POSITIVE_INFINITY): Generator<number> {
  let from = 0;
  for (let found = 0; found < limit; found++) {
    const at = haystack.indexOf(needle, from, 'latin1');
    if (at === -1) return;
    yield at;
    from = at + 1;
  }
}

/**
 * Where the TIFF structure of an EXIF payload starting at `offset` begins (the payload may be
 * bare TIFF or "Exif\0\0" then TIFF, depending on the writer), or -1 when there is none.
 */
function exifPayloadStart(bytes: Uint8Array, offset: number): number {
  if (tiffHeader(bytes, offset)) return offset;
  if (hasAt(bytes, offset, 'Exif\0\0') && tiffHeader(bytes, offset + 6)) return offset + 6;
  return -1;
}

/**
 * zlib data inflated, or null when it is corrupt or inflates past `MAX_INFLATED_BYTES`. zlib is
 * reached through `process.getBuiltinModule` rather than a top-level import, so this module
 * (re-exported by images.ts, which components import) stays free of Node imports.
 */
function inflate(data: Uint8Array): Buffer | null {
  const zlib = globalThis.process?.getBuiltinModule?.('node:zlib');
  if (!zlib) return null;
  try {
    return zlib.inflateSync(data, { maxOutputLength: MAX_INFLATED_BYTES });
  } catch {
    // Corrupt data, or text larger than any real metadata: nothing to read.
    return null;
  }
}

/**
 * The text of the PNG text chunk (tEXt, zTXt, iTXt) whose keyword starts at `keyword`, inflated
 * when compressed, or null when `keyword` is not the start of such a chunk's data. PNG text is
 * where PNG files keep XMP (sharp writes it compressed, so no marker is visible in the raw
 * bytes) and where ImageMagick keeps EXIF and IPTC as "Raw profile type …".
 */
function pngText(bytes: Buffer, keyword: number): Buffer | null {
  if (keyword < 8) return null;
  const type = bytes.toString('latin1', keyword - 4, keyword);
  if (type !== 'tEXt' && type !== 'zTXt' && type !== 'iTXt') return null;
  // Only the chunk's own data is read, so a missing NUL cannot send a search to the end of the file.
  const data = bytes.subarray(keyword, keyword + u32(bytes, keyword - 8, false));
  const nul = data.indexOf(0);
  if (nul === -1) return null;
  if (type === 'tEXt') return data.subarray(nul + 1);
  if (type === 'zTXt') return inflate(data.subarray(nul + 2));
  // iTXt: compression flag, method, language tag\0, translated keyword\0, text.
  const compressed = data[nul + 1] === 1;
  const language = data.indexOf(0, nul + 3);
  const translated = language === -1 ? -1 : data.indexOf(0, language + 1);
  if (translated === -1) return null;
  const text = data.subarray(translated + 1);
  return compressed ? inflate(text) : text;
}

/** The bytes an ImageMagick "Raw profile type" text holds: a name line, a length line, then hex. */
function rawProfileBytes(text: Buffer): Buffer {
  const lines = text.toString('latin1').trim().split('\n');
  return Buffer.from(lines.slice(2).join('').replace(/\s+/g, ''), 'hex');
}

function scanExif(bytes: Buffer, found: MetadataScan): void {
  let examined = 0;
  const examine = (tiffStart: number) => {
    found.exif = true;
    if (!found.gps && examined++ < MAX_EXIF_BLOCKS) found.gps = ifd0HasTag(bytes, tiffStart, GPS_IFD_TAG);
  };
  const done = () => found.gps || (found.exif && examined >= MAX_EXIF_BLOCKS);
  // JPEG APP1, AVIF/HEIF Exif items and most WebP EXIF chunks: "Exif\0\0" then a TIFF header.
  // The block's own length is not needed: offsets are read against the rest of the file.
  for (const at of positions(bytes, 'Exif\0\0')) {
    if (done()) return;
    if (tiffHeader(bytes, at + 6)) examine(at + 6);
  }
  // PNG eXIf chunk (length, "eXIf", bare TIFF) and WebP EXIF chunk ("EXIF", size, payload).
  for (const [type, payload] of [
    ['eXIf', 4],
    ['EXIF', 8],
  ] as const) {
    for (const at of positions(bytes, type)) {
      if (done()) return;
      const start = exifPayloadStart(bytes, at + payload);
      if (start !== -1) examine(start);
    }
  }
}

function scanXmp(bytes: Buffer, found: MetadataScan): void {
  for (const marker of ['<x:xmpmeta', '<?xpacket begin', 'http://ns.adobe.com/xap/1.0/']) {
    if (bytes.indexOf(marker, 0, 'latin1') !== -1) {
      found.xmp = true;
      break;
    }
  }
  // GPS: look at each mention of the tag names and check that it has XML syntax around it, so
  // no packet boundaries need to be found and no packet-sized string is made.
  for (const name of ['GPSLatitude', 'GPSLongitude']) {
    for (const at of positions(bytes, name, MAX_XMP_SITES)) {
      if (found.gps) return;
      // A prefix is a few characters long; 64 bytes either side is plenty for `<prefix:Name>`.
      if (xmpHasGps(bytes.subarray(Math.max(0, at - 64), at + name.length + 64))) {
        found.gps = true;
        // GPS written as XML is XMP-style metadata even without a packet wrapper.
        found.xmp = true;
      }
    }
  }
}

/** ImageMagick's names for the profiles it keeps in PNG text chunks. */
const RAW_PROFILES = ['exif', 'APP1', 'xmp', 'iptc', '8bim'] as const;

/** PNG text chunks: XMP (often compressed) and ImageMagick raw profiles. */
function scanPngText(bytes: Buffer, found: MetadataScan): void {
  for (const at of positions(bytes, 'XML:com.adobe.xmp\0', MAX_XMP_SITES)) {
    const text = pngText(bytes, at);
    if (!text) continue;
    found.xmp = true;
    if (!found.gps && xmpHasGps(text)) found.gps = true;
  }
  // ImageMagick keeps other profiles as hex in text chunks named "Raw profile type <name>".
  for (const at of positions(bytes, 'Raw profile type ', MAX_XMP_SITES)) {
    const kind = RAW_PROFILES.find((name) => hasAt(bytes, at + 17, `${name}\0`));
    if (kind === 'iptc' || kind === '8bim') found.iptc = true;
    else if (kind === 'xmp') found.xmp = true;
    else if (kind === 'exif' || kind === 'APP1') found.exif = true;
    else continue;
    if (found.gps || kind === 'iptc' || kind === '8bim') continue;
    const text = pngText(bytes, at);
    if (text) found.gps = kind === 'xmp' ? xmpHasGps(text) : exifHasGps(rawProfileBytes(text));
  }
}

function scanIptc(bytes: Buffer, found: MetadataScan): void {
  // JPEG APP13: "Photoshop 3.0\0", then image resource blocks; 0x0404 is the IPTC-NAA record.
  // The next IPTC resource after each header is remembered, so every byte is searched once.
  let nextRecord = -2;
  for (const at of positions(bytes, 'Photoshop 3.0\0')) {
    if (nextRecord !== -1 && nextRecord < at) nextRecord = bytes.indexOf('8BIM\x04\x04', at, 'latin1');
    if (nextRecord === -1) break;
    if (nextRecord - at < PHOTOSHOP_SEGMENT) {
      found.iptc = true;
      return;
    }
  }
}

/** A TIFF file's own IFD0: GPS and EXIF pointers, IPTC and Photoshop tags, an XMP packet tag. */
function scanTiff(bytes: Buffer, found: MetadataScan): void {
  if (!hasAt(bytes, 0, 'II*\0') && !hasAt(bytes, 0, 'MM\0*')) return;
  if (ifd0HasTag(bytes, 0, GPS_IFD_TAG)) {
    found.exif = true;
    found.gps = true;
  }
  if (ifd0HasTag(bytes, 0, EXIF_IFD_TAG)) found.exif = true;
  if (ifd0HasTag(bytes, 0, IPTC_TAG)) found.iptc = true;
  if (ifd0HasTag(bytes, 0, PHOTOSHOP_TAG) && bytes.indexOf('8BIM\x04\x04', 0, 'latin1') !== -1) found.iptc = true;
  if (ifd0HasTag(bytes, 0, XMP_TAG)) found.xmp = true;
}

/**
 * Metadata blocks anywhere in a file, found by searching its raw bytes, so it works on formats
 * sharp cannot read (BMP, ICO, JPEG XL, HEIC) and finds metadata appended after the image data,
 * which decoders never look at but a downloader can read.
 *
 * - EXIF: "Exif\0\0" followed by a TIFF header (JPEG, AVIF, HEIC, WebP), a PNG `eXIf` chunk, a
 *   WebP `EXIF` chunk, a PNG "Raw profile type exif", or a TIFF file's own IFD0 pointing to GPS
 *   or EXIF data.
 * - XMP: `<x:xmpmeta`, `<?xpacket begin`, `http://ns.adobe.com/xap/1.0/`, or a PNG text chunk
 *   with the XMP keyword (sharp writes it compressed) or "Raw profile type xmp".
 * - IPTC: "Photoshop 3.0\0" with an IPTC resource ("8BIM\x04\x04") in the same segment, PNG
 *   "Raw profile type iptc" or "8bim", or a TIFF IPTC tag (0x83BB).
 * - GPS: `exifHasGps` on any EXIF block found, or `xmpHasGps` on XMP (compressed PNG XMP is
 *   inflated, up to 1 MB).
 *
 * Linear in the file's size: every search is Buffer.indexOf moving forward, and the work per
 * match is capped. Nothing the size of the file is allocated. UTF-16 XMP is not recognised.
 */
export function scanMetadata(bytes: Uint8Array): MetadataScan {
  const buffer = asBuffer(bytes);
  const found: MetadataScan = { exif: false, xmp: false, iptc: false, gps: false };
  scanTiff(buffer, found);
  scanExif(buffer, found);
  scanXmp(buffer, found);
  scanPngText(buffer, found);
  scanIptc(buffer, found);
  return found;
}
