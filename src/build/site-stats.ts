/**
 * A built site's figures as hosts count them (host-limits.ts): its files, their bytes, the largest
 * file and the folder with the most entries. Walked with the link-safe walk every check of `dist/` uses
 * (format/files.ts); a link or a pipe is not a file a host would publish, and is not followed.
 */
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { classifyPath, pageOfPreview } from '../domain/urls.ts';
import { listEntries } from '../format/files.ts';
import type { EntryPreviews, SiteStats } from './host-limits.ts';

export function measureSite(dir: string): SiteStats {
  let files = 0;
  let bytes = 0;
  let largest: SiteStats['largest'] = null;
  const perFolder = new Map<string, number>();
  for (const entry of listEntries(dir)) {
    const folder = path.posix.dirname(entry.path);
    perFolder.set(folder, (perFolder.get(folder) ?? 0) + 1);
    if (entry.kind !== 'file') continue;
    const size = lstatSync(path.join(dir, ...entry.path.split('/'))).size;
    files += 1;
    bytes += size;
    if (!largest || size > largest.bytes) largest = { path: entry.path, bytes: size };
  }
  let fullestFolder: SiteStats['fullestFolder'] = null;
  for (const [folder, entries] of perFolder) if (!fullestFolder || entries > fullestFolder.entries) fullestFolder = { path: folder, entries };
  return { files, bytes, largest, fullestFolder };
}

/**
 * The files and bytes of the stories' and places' own social previews in a built site: what
 * `socialCards: kim` in network.yaml would leave out (host-limits.ts, `sharedPreviewsAdvice`).
 */
export function measureEntryPreviews(dir: string): EntryPreviews {
  let files = 0;
  let bytes = 0;
  for (const entry of listEntries(dir)) {
    const page = entry.kind === 'file' ? pageOfPreview(entry.path) : undefined;
    const kind = page && classifyPath(page).kind;
    if (kind !== 'story' && kind !== 'place') continue;
    files += 1;
    bytes += lstatSync(path.join(dir, ...entry.path.split('/'))).size;
  }
  return { files, bytes };
}
