/**
 * The fence around `content/` inside Vite. Whatever asks for a file (an MDX entry compiled as a
 * module, a photo Astro's image pipeline reads), Vite loads it through here first, and only files
 * the content gate approved for the published site get through:
 * - an MDX entry is served as the body the gate checked, behind an empty frontmatter, so nothing
 *   of the file the gate did not read (a `layout:` hidden where Astro's frontmatter reader would
 *   find it and import it) can reach the compiler;
 * - a photo is served only if a published entry shows it and the gate measured it, so the photo
 *   of a draft is never even read, and a path that escaped `content/` is refused;
 * - anything else under `content/` is refused.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { sharedGate } from '../format/gate.ts';
import type { EntrySource } from '../format/validation/types.ts';

/** Astro marks the photo imports of content entries with this query flag. */
const CONTENT_IMAGE_FLAG = 'astroContentImageFlag';

/** The file a Vite module id stands for: without the null-byte prefix, `/@fs`, or a query. */
function fileOf(id: string): string | undefined {
  const bare = id.replace(/^\0/, '').split('?')[0]!.replace(/^\/@fs\//, '/');
  return path.isAbsolute(bare) ? path.resolve(bare) : undefined;
}

/**
 * An entry's module source: the checked body, after an empty frontmatter that keeps the body on
 * its own line numbers. Astro's frontmatter reader takes the empty block and nothing else.
 */
export function fencedSource(source: Pick<EntrySource, 'body' | 'bodyLine'>): string {
  return `---\n${'\n'.repeat(Math.max(0, source.bodyLine - 3))}---\n${source.body}`;
}

/** The Vite plugin guarding the content folder of this build. */
export function contentFence({ contentDir, now }: { contentDir: string; now: Date }): Plugin {
  const roots = [...new Set([contentDir, safeRealpath(contentDir)])];
  const relativeIn = (file: string) => {
    for (const root of roots) {
      const relative = path.relative(root, file);
      // "..x.md" is a file in the folder; only ".." itself, as a whole segment, leaves it.
      if (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative)) return relative.split(path.sep).join('/');
    }
    return undefined;
  };
  return {
    name: 'jembatan:content-fence',
    enforce: 'pre',
    load: {
      // Before Astro's own loaders, which would read the file.
      order: 'pre',
      async handler(id) {
        const file = fileOf(id);
        if (!file) return null;
        const relative = relativeIn(file);
        const photoImport = id.includes(CONTENT_IMAGE_FLAG);
        if (relative === undefined && !photoImport) return null;
        const published = await sharedGate(contentDir, { now });
        if (relative !== undefined && published.files.has(relative)) {
          const entry = published.sources.get(relative);
          return entry ? { code: fencedSource(entry), map: null } : null;
        }
        this.error(
          `Berkas "${relative ?? file}" tidak disetujui gerbang konten untuk situs ini, jadi tidak dibaca. ` +
            'Hanya entri yang terbit dan foto yang mereka tampilkan, di dalam folder content/, yang boleh dimuat.',
        );
      },
    },
  };
}

function safeRealpath(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}
