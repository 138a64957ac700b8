/**
 * Removes EXIF, XMP and IPTC metadata (GPS positions, camera serials, names) from every photo in
 * the content folder, in place. Phone photos record where they were taken; once committed to a
 * public repository that position is public, so strip photos before sending them.
 * Usage: `npm run strip-metadata [-- path/to/content]`.
 */
import { readdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import sharp, { type FormatEnum } from 'sharp';
import { resolveContentDir } from '../src/lib/validation/read.ts';

const STRIPPABLE = /\.(?:jpe?g|png|webp|avif|tiff?)$/i;
const contentDir = resolveContentDir(process.cwd(), process.argv[2] ?? process.env.JEMBATAN_CONTENT_DIR);
let stripped = 0;
for (const entry of readdirSync(contentDir, { withFileTypes: true, recursive: true })) {
  if (!entry.isFile() || !STRIPPABLE.test(entry.name)) continue;
  const file = path.join(entry.parentPath, entry.name);
  const meta = await sharp(file).metadata();
  if (!meta.exif && !meta.xmp && !meta.iptc) continue;
  // Re-encode without metadata, turning the pixels upright first so the orientation tag is not needed.
  const temporary = `${file}.strip-tmp`;
  const image = sharp(file).rotate();
  const output = meta.format === 'jpeg' ? image.jpeg({ quality: 92, mozjpeg: true }) : image.toFormat(meta.format as keyof FormatEnum);
  await output.toFile(temporary);
  renameSync(temporary, file);
  stripped++;
  console.log(`Metadata dihapus: ${path.relative(process.cwd(), file)}`);
}
console.log(stripped === 0 ? 'Tidak ada foto yang perlu dibersihkan.' : `${stripped} foto dibersihkan dari metadata.`);
