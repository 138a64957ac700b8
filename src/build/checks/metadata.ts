/**
 * Checks that no published image carries EXIF, XMP or IPTC metadata, and that no published SVG
 * can run a script. Phone photos record where they were taken (often someone's home), the
 * camera's serial number and the owner's name; Astro's image pipeline drops all of it, but files
 * copied as they are (from `public/`, or by a future integration) are published with it.
 *
 * Files are recognised by their content, never by their name: a GPS photo saved in `public/` as
 * `foto.jfif`, `foto.jpe` or `foto` is still a JPEG, and the host serves it to anyone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Metadata } from 'sharp';
import { metadataHasGps, scanMetadata, sniffImageFormat, SNIFF_BYTES, type ImageFormat } from '../../domain/image-files.ts';
import { listEntries, listFiles, readHead } from '../../format/files.ts';
import type { SiteProblem } from './types.ts';

/**
 * Image formats sharp reads, so a file of one of these that sharp cannot read is broken. BMP, ICO
 * and JPEG XL are left to the raw byte scan (the prebuilt sharp reads none of them).
 */
const SHARP_READS: ReadonlySet<ImageFormat> = new Set(['jpeg', 'png', 'webp', 'avif', 'gif', 'tiff', 'heic']);

/** sharp's reading of an image, when sharp reads its format; `unreadable` when it should but cannot. */
export async function readImageMetadata(bytes: Buffer, format: ImageFormat): Promise<{ metadata: Metadata | undefined; unreadable: boolean }> {
  if (!SHARP_READS.has(format)) return { metadata: undefined, unreadable: false };
  try {
    return { metadata: await sharp(bytes).metadata(), unreadable: false };
  } catch {
    return { metadata: undefined, unreadable: true };
  }
}

/**
 * The metadata an image carries: what sharp reports or what the raw byte scan finds, which also
 * covers formats sharp cannot read and metadata hidden after the image data.
 */
export function metadataFound(bytes: Uint8Array, metadata: Metadata | undefined): { exif: boolean; xmp: boolean; iptc: boolean; gps: boolean } {
  const scan = scanMetadata(bytes);
  return {
    exif: Boolean(metadata?.exif) || scan.exif,
    xmp: Boolean(metadata?.xmp) || scan.xmp,
    iptc: Boolean(metadata?.iptc) || scan.iptc,
    gps: scan.gps || (metadata !== undefined && metadataHasGps(metadata)),
  };
}

/** Names each format usually goes by; any other name gets a note in the report, to explain it. */
const EXTENSIONS: Record<ImageFormat, readonly string[]> = {
  jpeg: ['jpg', 'jpeg', 'jpe', 'jfif', 'jif', 'pjpeg', 'pjp'],
  png: ['png', 'apng'],
  gif: ['gif'],
  webp: ['webp'],
  avif: ['avif'],
  heic: ['heic', 'heif', 'hif'],
  tiff: ['tif', 'tiff'],
  bmp: ['bmp', 'dib'],
  ico: ['ico', 'cur'],
  jxl: ['jxl'],
  svg: ['svg'],
};

interface SniffedFile {
  /** Relative to the checked folder, with `/` separators, as reports show it. */
  file: string;
  format: ImageFormat;
}

/** Every regular file under `dir` (links are not followed); none when `dir` does not exist (a site without `public/`). */
function listRegularFiles(dir: string): string[] {
  return existsSync(dir) ? listFiles(dir) : [];
}

/**
 * Symbolic links and other non-files under `dir` (never followed). Hosts and Astro copy a link's
 * target, so one in `public/` would publish whatever it points at on the build machine.
 */
export function listIrregularFiles(dir: string): SiteProblem[] {
  if (!existsSync(dir)) return [];
  return listEntries(dir)
    .filter(({ kind }) => kind === 'link' || kind === 'other')
    .map(({ path: file, kind }): SiteProblem => {
      const shown = kind === 'link' ? 'tautan simbolik (symbolic link)' : 'bukan berkas biasa';
      return { file, check: 'file', message: `${shown}: hanya berkas dan folder biasa yang boleh ada; ganti dengan berkas aslinya atau hapus.` };
    });
}

/** The format of a file from its first bytes; the rest of the file is not read. */
function sniffFile(file: string): ImageFormat | null {
  try {
    return sniffImageFormat(readHead(file, SNIFF_BYTES));
  } catch {
    // A file that vanished or cannot be opened is no image this check can judge.
    return null;
  }
}

/** Every file under `dir` that sniffs as an image, with its format. */
function sniffFiles(dir: string): SniffedFile[] {
  const found: SniffedFile[] = [];
  for (const file of listRegularFiles(dir)) {
    const format = sniffFile(path.join(dir, ...file.split('/')));
    if (format) found.push({ file, format });
  }
  return found;
}

/**
 * Every raster image under `distDir` (any format except SVG), found by content whatever its
 * name, relative and with `/` separators, as reports show them.
 */
export function listImageFiles(distDir: string): string[] {
  return sniffFiles(distDir)
    .filter(({ format }) => format !== 'svg')
    .map(({ file }) => file);
}

/** Every SVG document under `distDir`, found by content whatever its name. */
export function listSvgFiles(distDir: string): string[] {
  return sniffFiles(distDir)
    .filter(({ format }) => format === 'svg')
    .map(({ file }) => file);
}

/** A note for a file whose name hides what it is, so the report explains why it was checked. */
function formatNote(file: string, format: ImageFormat): string {
  const extension = path.posix.extname(file).slice(1).toLowerCase();
  if (EXTENSIONS[format].includes(extension)) return '';
  const shown = format === 'jxl' ? 'JPEG XL' : format.toUpperCase();
  return ` (Isinya gambar ${shown} walaupun nama berkasnya tidak berakhiran .${EXTENSIONS[format][0]}.)`;
}

/**
 * One problem per image (found by content, under any name) that carries EXIF, XMP or IPTC,
 * saying GPS when the image gives away a position. Metadata counts when sharp reports it or
 * when the raw byte scan finds it, which also covers formats sharp cannot read and metadata
 * hidden after the image data. ICC colour profiles are allowed: they only describe colours, and
 * dropping them would change how the photo looks.
 */
export async function checkImageMetadata(distDir: string): Promise<SiteProblem[]> {
  return rasterProblems(distDir, sniffFiles(distDir));
}

async function rasterProblems(distDir: string, sniffed: readonly SniffedFile[]): Promise<SiteProblem[]> {
  const problems: SiteProblem[] = [];
  for (const { file, format } of sniffed) {
    if (format === 'svg') continue;
    let bytes: Buffer;
    try {
      bytes = await readFile(path.join(distDir, ...file.split('/')));
    } catch {
      continue;
    }
    const { metadata, unreadable } = await readImageMetadata(bytes, format);
    const { exif, xmp, iptc, gps } = metadataFound(bytes, metadata);
    const kinds = [exif && 'EXIF', xmp && 'XMP', iptc && 'IPTC'].filter((kind): kind is string => Boolean(kind));
    const note = formatNote(file, format);
    if (kinds.length === 0) {
      // "Broken" is reported only when no metadata was found: a metadata finding says more.
      if (unreadable) problems.push({ file, check: 'metadata', message: `gambar tidak dapat dibaca; berkasnya mungkin rusak.${note}` });
      continue;
    }
    problems.push({
      file,
      check: 'metadata',
      message:
        (gps
          ? `berisi koordinat GPS (metadata ${kinds.join(', ')}): siapa pun yang mengunduh gambar ini dapat melihat lokasi pemotretan. Hapus metadatanya.`
          : `berisi metadata ${kinds.join(', ')} (mis. kamera, tanggal, nama pemilik) yang tidak boleh ikut terbit. Hapus metadatanya.`) +
        note,
    });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// SVG.

/** A `<script>` or `<foreignObject>` element, with any namespace prefix (`<html:script>`). */
const SVG_SCRIPT = /<(?:[A-Za-z_][\w.-]*:)?script[\s/>]/i;
const SVG_FOREIGN_OBJECT = /<(?:[A-Za-z_][\w.-]*:)?foreignObject[\s/>]/i;
/** An event handler attribute (`onload=`, `onclick =`); an XML attribute follows whitespace. */
const SVG_EVENT_ATTRIBUTE = /[\s"'](?:[A-Za-z_][\w.-]*:)?on[a-z]+\s*=/i;

/**
 * The text with numeric character references decoded and tabs and line breaks removed, so that
 * `jav&#x61;script:` and `java<TAB>script:` are seen as the browser sees them: XML decodes
 * references in attribute values, and URL parsers drop tabs and line breaks.
 */
function asUrlText(text: string): string {
  return text
    .replace(/&#(?:x([0-9a-f]+)|([0-9]+));?/gi, (reference, hex: string | undefined, decimal: string | undefined) => {
      const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(decimal);
      return code <= 0x10ffff ? String.fromCodePoint(code) : reference;
    })
    .replace(/[\t\n\r]/g, '');
}

/**
 * What in an SVG document can run a script, named for the report (empty when nothing can).
 * Deliberately broad: a false alarm on a decorative SVG costs an edit, a missed script runs
 * at the site's origin.
 */
export function svgActiveContent(text: string): string[] {
  const found: string[] = [];
  if (SVG_SCRIPT.test(text)) found.push('elemen <script>');
  if (SVG_EVENT_ATTRIBUTE.test(text)) found.push('atribut peristiwa on…= (mis. onload)');
  if (SVG_FOREIGN_OBJECT.test(text)) found.push('elemen <foreignObject>');
  if (/javascript:/i.test(asUrlText(text))) found.push('alamat javascript:');
  return found;
}

/**
 * One problem per SVG document (found by content, under any name) that can run a script. An SVG
 * opened directly is a document of its own: its scripts run at the site's origin, and hosts that
 * ignore `_headers` (GitHub Pages) send no Content-Security-Policy to stop them. Synchronous,
 * unlike the image check: SVGs are small text files and nothing here waits on sharp.
 */
export function checkSvgFiles(distDir: string): SiteProblem[] {
  return svgProblems(distDir, sniffFiles(distDir));
}

function svgProblems(distDir: string, sniffed: readonly SniffedFile[]): SiteProblem[] {
  const problems: SiteProblem[] = [];
  for (const { file } of sniffed.filter(({ format }) => format === 'svg')) {
    let text: string;
    try {
      text = readFileSync(path.join(distDir, ...file.split('/')), 'utf8');
    } catch {
      continue;
    }
    const found = svgActiveContent(text);
    if (found.length === 0) continue;
    problems.push({
      file,
      check: 'svg',
      message:
        `SVG ini berisi ${found.join(', ')}. Bila dibuka langsung, SVG dapat menjalankan skrip di domain situs, ` +
        `dan hosting yang mengabaikan _headers (mis. GitHub Pages) tidak mencegahnya. Hapus bagian itu atau ganti gambarnya.` +
        formatNote(file, 'svg'),
    });
  }
  return problems;
}

/**
 * Both checks over one folder, which is listed and sniffed once: the build runs this on every
 * file it writes, so reading each file's first bytes twice would double the check's I/O.
 * Metadata problems first, then SVG ones.
 */
export async function checkImages(dir: string): Promise<SiteProblem[]> {
  const sniffed = sniffFiles(dir);
  return [...(await rasterProblems(dir, sniffed)), ...svgProblems(dir, sniffed)];
}
