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
    // Render each body when its page is built rather than holding every rendered body (and its
    // source) in the content store at once: what keeps memory flat for a national network.
    deferRender: true,
    retainBody: false,
  });

export const collections = {
  kim: defineCollection({ loader: loader(COLLECTIONS.kim.folder), schema: ({ image }) => kimSchema({ image }) }),
  stories: defineCollection({ loader: loader(COLLECTIONS.stories.folder), schema: ({ image }) => storySchema({ image }) }),
  places: defineCollection({ loader: loader(COLLECTIONS.places.folder), schema: ({ image }) => placeSchema({ image }) }),
};
