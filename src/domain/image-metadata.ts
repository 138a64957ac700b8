/**
 * What metadata an image file really carries, read from its bytes: the EXIF GPS pointer, XMP GPS
 * and the raw scan for EXIF, XMP and IPTC blocks anywhere in a file (PNG text chunks included).
 * Like the format sniffing in `image-files.ts` (which re-exports this module's API), it is pure
 * and total: any input, however truncated or hostile, gets an answer and nothing throws.
 */
import { inflateSync } from 'node:zlib';
import { asBuffer, hasAt, positions, u16, u32 } from './image-bytes.ts';

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

/** True when the EXIF or the XMP an image reader returned (sharp's `metadata()`) gives a GPS position. */
export function metadataHasGps({ exif, xmp }: { exif?: Uint8Array | undefined; xmp?: Uint8Array | undefined }): boolean {
  return (exif !== undefined && exifHasGps(exif)) || (xmp !== undefined && xmpHasGps(xmp));
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

/**
 * Where the TIFF structure of an EXIF payload starting at `offset` begins (the payload may be
 * bare TIFF or "Exif\0\0" then TIFF, depending on the writer), or -1 when there is none.
 */
function exifPayloadStart(bytes: Uint8Array, offset: number): number {
  if (tiffHeader(bytes, offset)) return offset;
  if (hasAt(bytes, offset, 'Exif\0\0') && tiffHeader(bytes, offset + 6)) return offset + 6;
  return -1;
}

/** zlib data inflated, or null when it is corrupt or inflates past `MAX_INFLATED_BYTES`. */
function inflate(data: Uint8Array): Buffer | null {
  try {
    return inflateSync(data, { maxOutputLength: MAX_INFLATED_BYTES });
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
