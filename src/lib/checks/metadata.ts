/**
 * Checks that no published image carries EXIF, XMP or IPTC metadata. Phone photos record where
 * they were taken (often someone's home), the camera's serial number and the owner's name;
 * Astro's image pipeline drops all of it, but files copied as they are (from `public/`, or by a
 * future integration) are published with it.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import sharp, { type Metadata } from 'sharp';
import { exifHasGps } from '../images.ts';
import type { SiteProblem } from './index.ts';

/** Image formats that can carry EXIF, XMP or IPTC and that sharp can read. */
const IMAGE_FILE = /\.(?:jpe?g|png|webp|avif|tiff?|gif)$/i;

/** Every image file under `distDir`, relative and with `/` separators, as reports show them. */
export function listImageFiles(distDir: string): string[] {
  return readdirSync(distDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && IMAGE_FILE.test(entry.name))
    .map((entry) => path.relative(distDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * One problem per image that carries EXIF, XMP or IPTC, saying GPS when the image gives away
 * a position. ICC colour profiles are allowed: they only describe colours, and dropping them
 * would change how the photo looks.
 */
export async function checkImageMetadata(distDir: string): Promise<SiteProblem[]> {
  const problems: SiteProblem[] = [];
  for (const file of listImageFiles(distDir)) {
    let metadata: Metadata;
    try {
      metadata = await sharp(path.join(distDir, file)).metadata();
    } catch {
      problems.push({ file, check: 'metadata', message: 'gambar tidak dapat dibaca; berkasnya mungkin rusak.' });
      continue;
    }
    const { exif, xmp, iptc } = metadata;
    const kinds = [exif && 'EXIF', xmp && 'XMP', iptc && 'IPTC'].filter((kind): kind is string => Boolean(kind));
    if (kinds.length === 0) continue;
    const gps = (exif !== undefined && exifHasGps(exif)) || (xmp !== undefined && xmp.toString('utf8').includes('GPSLatitude'));
    problems.push({
      file,
      check: 'metadata',
      message: gps
        ? `berisi koordinat GPS (metadata ${kinds.join(', ')}): siapa pun yang mengunduh gambar ini dapat melihat lokasi pemotretan. Hapus metadatanya.`
        : `berisi metadata ${kinds.join(', ')} (mis. kamera, tanggal, nama pemilik) yang tidak boleh ikut terbit. Hapus metadatanya.`,
    });
  }
  return problems;
}
