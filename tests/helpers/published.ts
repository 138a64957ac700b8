/**
 * What a built site gives away, read from every file of `dist/` by its content: images that still
 * carry EXIF, XMP or IPTC, and any byte of an entry that is not published (a draft, a story dated
 * later): its title, summary or body text, or its photos.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { checkImageMetadata } from '../../src/build/checks/metadata.ts';
import { listFiles } from '../../src/format/files.ts';
import { runGate } from '../../src/format/gate.ts';
import { TEST_NOW } from './fixture.ts';

/** A file's bytes as a reader's browser gets them: Pagefind's index files are gzipped. */
function readable(file: string): Buffer {
  const bytes = readFileSync(file);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return gunzipSync(bytes);
    } catch {
      return bytes;
    }
  }
  return bytes;
}

/** Text a reader would recognise from an entry: its title, summary, and every substantial line of its body. */
function telltales(raw: Record<string, unknown>, body: string): string[] {
  const lines = body
    .split('\n')
    .map((line) => line.replace(/^[#>*\s-]+/, '').trim())
    .filter((line) => line.length >= 16 && !/[<>![\]()]/.test(line));
  return [raw.title, raw.summary, ...lines].filter((text): text is string => typeof text === 'string' && text.length >= 8);
}

export interface Leaks {
  /** Images in `dist/` with EXIF, XMP or IPTC, as the metadata check reports them. */
  metadata: string[];
  /** "<dist file>: <what of which unpublished entry>" */
  unpublished: string[];
}

/** Scans every file of a built site for metadata and for anything of the content's unpublished entries. */
export async function findLeaks(distDir: string, contentDir: string, now = new Date(TEST_NOW)): Promise<Leaks> {
  const metadata = (await checkImageMetadata(distDir)).map((p) => `${p.file}: ${p.message}`);
  const { result } = await runGate(contentDir, { now });
  if (!result.ok) throw new Error('findLeaks needs content that passes the gate');
  const entries = [...result.network.kim, ...result.network.stories, ...result.network.places];
  const publishedPhotos = new Set(entries.filter((e) => e.source.published).flatMap((e) => e.source.images));
  const secrets: { label: string; bytes: Buffer; name?: string }[] = [];
  for (const entry of entries.filter((e) => !e.source.published)) {
    for (const text of telltales(entry.source.raw, entry.source.body)) secrets.push({ label: `${entry.id}: "${text}"`, bytes: Buffer.from(text) });
    for (const photo of entry.source.images.filter((p) => !publishedPhotos.has(p))) {
      const original = readFileSync(path.join(contentDir, photo));
      // A slice from the middle of the file: the part no other photo shares (headers are alike).
      const middle = original.subarray(Math.floor(original.length / 2), Math.floor(original.length / 2) + 64);
      secrets.push({ label: `${entry.id}: foto ${photo}`, bytes: middle, name: path.posix.basename(photo).replace(/\.[^.]+$/, '') });
    }
  }
  const unpublished: string[] = [];
  for (const file of listFiles(distDir)) {
    const bytes = secrets.length > 0 ? readable(path.join(distDir, file)) : Buffer.alloc(0);
    for (const secret of secrets) {
      if (bytes.includes(secret.bytes)) unpublished.push(`${file}: ${secret.label}`);
      // Astro names what it makes from a photo after the photo: foto.Ab12.webp.
      if (secret.name && path.posix.basename(file).startsWith(`${secret.name}.`)) unpublished.push(`${file}: dibuat dari ${secret.label}`);
    }
  }
  return { metadata, unpublished };
}
