/**
 * How a photo in the text column is rendered: one set of options for Photo.astro's <Image> and
 * for anything that needs the address of the file it shows (structured data), so both name the
 * same file and the build encodes it once. `layout`, `fit` and `position` are the site's defaults
 * (astro.config.mjs), spelled out because they are part of the file's name.
 */
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { COLUMN_PHOTO, IMAGE_FORMAT } from '../domain/images.ts';

export const COLUMN_IMAGE = {
  format: IMAGE_FORMAT,
  width: COLUMN_PHOTO.width,
  widths: [...COLUMN_PHOTO.widths],
  sizes: COLUMN_PHOTO.sizes,
  layout: 'constrained',
  fit: 'cover',
  position: 'center',
} as const;

/** The address of the file a column photo's `<img src>` names. */
export async function columnPhotoUrl(src: ImageMetadata): Promise<string> {
  return (await getImage({ src, ...COLUMN_IMAGE, widths: [...COLUMN_IMAGE.widths] })).src;
}
