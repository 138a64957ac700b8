/**
 * Removes EXIF, XMP and IPTC metadata (GPS positions, camera serials, names) from every photo in
 * a content folder, in place. Phone photos record where they were taken; once committed to a
 * public repository that position is public, so photos are stripped before they are sent.
 * `scripts/strip-metadata.ts` is the command line around this function.
 *
 * Photos are recognised by content, not by name (`foto.jfif`, `foto.jpe` and `foto` are JPEGs
 * too). Symbolic links are never followed: a link could point to a photo outside the folder,
 * which this command has no business rewriting.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Metadata, type Sharp } from 'sharp';
import {
  isContributorPhotoFormat,
  sniffImageFormat,
  SNIFF_BYTES,
  type ImageFormat,
  type RasterFormat,
} from '../domain/image-files.ts';
import { listEntries } from '../format/files.ts';
import { metadataFound, readImageMetadata } from './checks/metadata.ts';

/** What `stripMetadata` did. Paths are absolute, in the order the folder was walked (sorted). */
export interface StripResult {
  /** Photos rewritten without their metadata. */
  stripped: string[];
  /** Symbolic links, left alone without being followed. */
  skipped: string[];
  /**
   * Images that carry (or may carry) metadata but could not be cleaned: a format sharp cannot
   * write (HEIC, BMP, ICO, JPEG XL), a file sharp cannot read, or a failed write.
   */
  failed: string[];
}

/** What a line reports, so the command line can send failures to stderr. */
type StripEvent = 'stripped' | 'skipped' | 'failed';

export interface StripOptions {
  /** Receives one Indonesian line per file acted on; silent by default. */
  log?: (line: string, event: StripEvent) => void;
  /** Paths in log lines are shown relative to this folder; the current one by default. */
  cwd?: string;
}

/** Files are opened without following a link, where the platform allows it (not on Windows). */
const NO_FOLLOW = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

interface Entry {
  file: string;
  link: boolean;
}

/** Regular files and symbolic links under `dir`, as absolute paths, sorted; links are not followed. */
function walk(dir: string): Entry[] {
  return listEntries(dir)
    .filter(({ kind }) => kind === 'file' || kind === 'link')
    .map(({ path: relative, kind }) => ({ file: path.join(dir, ...relative.split('/')), link: kind === 'link' }));
}

/** The whole file when it sniffs as an image, read through one descriptor that refuses links. */
async function readImage(file: string): Promise<{ bytes: Buffer; format: ImageFormat; mode: number } | null> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, NO_FOLLOW);
    const stats = await handle.stat();
    if (!stats.isFile()) return null;
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    const format = sniffImageFormat(head.subarray(0, bytesRead));
    if (!format || format === 'svg') return null;
    return { bytes: await handle.readFile(), format, mode: stats.mode & 0o7777 };
  } finally {
    await handle?.close();
  }
}

/** True when either sharp or the raw byte scan finds EXIF, XMP or IPTC. */
function hasMetadata(bytes: Uint8Array, metadata: Metadata | undefined): boolean {
  const { exif, xmp, iptc } = metadataFound(bytes, metadata);
  return exif || xmp || iptc;
}

/**
 * The photo re-encoded in its own format, without metadata. The pixels are turned upright first,
 * so dropping the EXIF orientation tag does not turn the photo on its side; the ICC profile is
 * kept, because it describes the colours (an iPhone photo is Display P3) and holds nothing
 * personal. Settings favour fidelity: this is a contributor's original, and the site makes its
 * own smaller copies from it.
 */
function reencode(bytes: Buffer, format: RasterFormat, metadata: Metadata): Sharp {
  // Every frame of an animated GIF or WebP, not just the first.
  const image = sharp(bytes, { animated: (metadata.pages ?? 1) > 1 })
    .autoOrient()
    .keepIccProfile();
  switch (format) {
    case 'jpeg':
      return image.jpeg({ quality: 92, mozjpeg: true });
    case 'png':
      return image.png();
    case 'webp':
      // A lossless WebP ("VP8L" bitstream without a lossy "VP8 " one) stays lossless.
      return bytes.includes('VP8L') && !bytes.includes('VP8 ') ? image.webp({ lossless: true }) : image.webp({ quality: 90 });
    case 'avif':
      return image.avif({ quality: 80 });
    case 'gif':
      return image.gif();
    case 'tiff':
      // sharp's default TIFF compression is lossy JPEG; LZW keeps every pixel.
      return image.tiff({ compression: 'lzw' });
  }
}

/**
 * Writes `bytes` over `file` atomically: to a new temporary file in the same folder (created
 * exclusively, so an existing file or planted link at that name is never written through),
 * then renamed over the original. A crash leaves either the old photo or the new one, never half
 * of one, and the rename replaces the directory entry itself, never a link's target.
 */
async function replaceFile(file: string, bytes: Uint8Array, mode: number): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.strip-tmp`);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temporary, 'wx', mode);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temporary, file);
  } catch (error) {
    await handle?.close();
    await unlink(temporary).catch(() => {});
    throw error;
  }
}

/**
 * Strips EXIF, XMP and IPTC from every photo under `contentDir`, in place, recognising photos by
 * their content. Raster formats sharp writes (JPEG, PNG, WebP, AVIF, GIF, TIFF) are re-encoded
 * in the same format, upright; other images that carry metadata are reported as failed, and
 * symbolic links as skipped. Photos without metadata are not touched, so a second run does
 * nothing.
 */
export async function stripMetadata(contentDir: string, options: StripOptions = {}): Promise<StripResult> {
  const { log = () => {}, cwd = process.cwd() } = options;
  const shown = (file: string) => {
    const relative = path.relative(cwd, file);
    return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
  };
  const result: StripResult = { stripped: [], skipped: [], failed: [] };
  const fail = (file: string, reason: string) => {
    result.failed.push(file);
    log(`Tidak dapat dibersihkan: ${shown(file)}: ${reason}`, 'failed');
  };

  for (const { file, link } of walk(contentDir)) {
    if (link) {
      result.skipped.push(file);
      log(`Tautan simbolis dilewati (tidak diikuti): ${shown(file)}`, 'skipped');
      continue;
    }
    let image: Awaited<ReturnType<typeof readImage>>;
    try {
      image = await readImage(file);
    } catch (error) {
      // ELOOP: the file became a link after the folder was listed. Anything else: unreadable.
      if ((error as NodeJS.ErrnoException).code === 'ELOOP') {
        result.skipped.push(file);
        log(`Tautan simbolis dilewati (tidak diikuti): ${shown(file)}`, 'skipped');
      } else fail(file, `berkas tidak dapat dibuka (${(error as Error).message}).`);
      continue;
    }
    if (!image) continue;
    const { bytes, format, mode } = image;

    // A file sharp cannot read falls through: the raw scan still tells whether it carries metadata.
    const { metadata } = await readImageMetadata(bytes, format);
    if (!hasMetadata(bytes, metadata)) continue;
    if (!isContributorPhotoFormat(format)) {
      fail(file, `format ${format.toUpperCase()} tidak dapat ditulis ulang. Ubah dulu menjadi JPEG, lalu jalankan perintah ini lagi.`);
      continue;
    }
    if (!metadata) {
      fail(file, 'gambar tidak dapat dibaca; berkasnya mungkin rusak.');
      continue;
    }

    let output: Buffer;
    try {
      output = await reencode(bytes, format, metadata).toBuffer();
    } catch (error) {
      fail(file, `gambar tidak dapat diolah (${(error as Error).message}).`);
      continue;
    }
    // Check the result before it replaces the original: same format, no metadata left.
    const check = await sharp(output)
      .metadata()
      .catch(() => undefined);
    if (!check || sniffImageFormat(output) !== format || hasMetadata(output, check)) {
      fail(file, 'hasil penulisan ulang masih memuat metadata; berkas asli dibiarkan.');
      continue;
    }
    try {
      await replaceFile(file, output, mode);
    } catch (error) {
      fail(file, `berkas tidak dapat ditulis (${(error as Error).message}).`);
      continue;
    }
    result.stripped.push(file);
    log(`Metadata dihapus: ${shown(file)}`, 'stripped');
  }
  return result;
}
