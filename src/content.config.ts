import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { COLLECTIONS, kimSchema, placeSchema, storySchema } from './schemas/index.ts';
import { ENTRY_PATTERN, resolveContentDir } from './lib/validation/read.ts';

// The Jembatan integration has already validated every file against these same schemas.
const contentDir = resolveContentDir(process.cwd(), process.env.JEMBATAN_CONTENT_DIR);

const loader = (folder: string) =>
  glob({
    pattern: ENTRY_PATTERN,
    base: `${contentDir}/${folder}`,
    // The id is the file name, exactly as the validator and the URLs see it.
    generateId: ({ entry }) => entry.split('/').pop()!.replace(/\.mdx?$/i, ''),
    // The rendered body is all pages need; keeping the Markdown source too would double the
    // content store. (Deferred rendering was measured and rejected: it turns every entry into a
    // module for Vite to bundle, and bundling then grows faster than the pages do.)
    retainBody: false,
  });

export const collections = {
  kim: defineCollection({ loader: loader(COLLECTIONS.kim.folder), schema: ({ image }) => kimSchema({ image }) }),
  stories: defineCollection({ loader: loader(COLLECTIONS.stories.folder), schema: ({ image }) => storySchema({ image }) }),
  places: defineCollection({ loader: loader(COLLECTIONS.places.folder), schema: ({ image }) => placeSchema({ image }) }),
};
