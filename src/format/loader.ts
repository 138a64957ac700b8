/**
 * The collections' loader is the content gate. Astro's glob loader lists and reads `content/` on
 * its own, so the files it loads and the files the gate validated could differ (a symbolic link,
 * a name the gate skips): that gap let a pull request run code at build time. This loader loads
 * exactly the published entries of the gate's run, with the frontmatter and body the gate read,
 * and nothing else.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { CollectionName } from './schemas/index.ts';
import { formatContentErrors } from './errors.ts';
import { refreshGate, sharedGate, type Published } from './gate.ts';
import { resolveContentPath } from './paths.ts';

/** What Astro hands its own loaders besides the public context: the renderers by file type. */
interface EntryType {
  getRenderFunction?: (config: LoaderContext['config']) => Promise<
    (entry: { id: string; data: Record<string, unknown>; body: string; filePath: string; digest: string }) => Promise<{
      html: string;
      metadata?: { imagePaths?: string[] };
    }>
  >;
}
/** Declared by Astro's scoped store, though left out of the public `DataStore` type. */
interface ImportDeclarations {
  addAssetImports(assets: string[], filePath: string): void;
}
type Context = LoaderContext & { entryTypes: Map<string, EntryType>; store: LoaderContext['store'] & ImportDeclarations };

const posix = (file: string) => file.split(path.sep).join('/');

async function sync(collection: CollectionName, published: Published, context: Context): Promise<void> {
  if (published.errors) throw new Error('Gerbang konten belum lolos; entri tidak dimuat.');
  const { store, generateDigest, config } = context;
  const root = fileURLToPath(config.root);
  const renderMarkdown = await context.entryTypes.get('.md')?.getRenderFunction?.(config);
  const kept = new Set<string>();
  for (const { id, data, source } of published.entries[collection]) {
    kept.add(id);
    const filePath = path.join(published.contentDir, ...source.path.split('/'));
    const storedPath = posix(path.relative(root, filePath));
    // The path is part of the digest: Astro keeps an entry whose digest is unchanged as it was,
    // path included, and a shard's build names its files from a root of its own (build-sharded.ts).
    const digest = generateDigest(JSON.stringify([source.raw, source.body, storedPath]));
    const existing = store.get(id);
    if (existing?.digest === digest) {
      // Unchanged since the last build: its imports still have to be declared, as Astro's glob does.
      if (existing.deferredRender) store.addModuleImport(storedPath);
      if (existing.assetImports?.length) store.addAssetImports(existing.assetImports, storedPath);
      continue;
    }
    // The gate's data, validated once: its photos are already the content layer's markers.
    if (source.format === 'mdx') {
      // Vite compiles the file; the fence (fence.ts) hands it the body the gate checked.
      store.set({ id, data: data as Record<string, unknown>, filePath: storedPath, digest, deferredRender: true });
      continue;
    }
    if (!renderMarkdown) throw new Error('Astro tidak menyediakan pengubah Markdown.');
    const rendered = await renderMarkdown({ id, data: source.raw, body: source.body, filePath, digest });
    const imagePaths = rendered.metadata?.imagePaths ?? [];
    // The renderer must ask for no photo the gate did not check: the two read the same body with
    // the same parser, so a difference means a parser disagreement, which must stop the build.
    for (const image of imagePaths) {
      const resolved = resolveContentPath(source.path, image);
      if (!resolved.ok || !source.images.includes(resolved.path)) throw new Error(`${source.path}: gambar "${image}" tidak diperiksa oleh gerbang konten.`);
    }
    store.set({ id, data: data as Record<string, unknown>, filePath: storedPath, digest, rendered, assetImports: imagePaths });
  }
  for (const id of store.keys()) if (!kept.has(id)) store.delete(id);
}

/** A loader for one collection, fed by the gate's run over `contentDir`. */
export function gateLoader(collection: CollectionName, { contentDir, now }: { contentDir: string; now: Date }): Loader {
  return {
    name: 'jembatan-gate',
    load: async (context) => {
      const ctx = context as Context;
      const published = await sharedGate(contentDir, { now });
      if (published.errors) {
        // Normally the integration has already stopped the build with this report.
        context.logger.error(`\n${formatContentErrors(published.errors)}`);
        throw new Error('Konten tidak valid.');
      }
      await sync(collection, published, ctx);
      const { watcher } = context;
      if (!watcher) return;
      // The dev server: any change under content/ runs the gate again; a broken save is reported
      // and the last good content stays on screen.
      watcher.add(contentDir);
      watcher.on('all', async (_event, changed) => {
        if (!path.resolve(changed).startsWith(contentDir + path.sep)) return;
        const { published: next, fresh } = await refreshGate(contentDir, { now: new Date() });
        if (next.errors) {
          if (fresh) context.logger.error(`\n${formatContentErrors(next.errors)}`);
          return;
        }
        await sync(collection, next, ctx);
      });
    },
  };
}
