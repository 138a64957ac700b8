import { defineCollection } from 'astro:content';
import { gateLoader } from './format/loader.ts';
import { readBuildTime } from './build/settings.ts';
import { resolveContentDir } from './format/read.ts';
import { kimSchema, placeSchema, storySchema } from './format/schemas/index.ts';

// The loader takes its entries from the content gate's run (see format/loader.ts): the
// same files, the same frontmatter and bodies, checked once against these same schemas.
const options = { contentDir: resolveContentDir(process.cwd(), process.env.JEMBATAN_CONTENT_DIR), now: readBuildTime(process.env) };

export const collections = {
  kim: defineCollection({ loader: gateLoader('kim', options), schema: ({ image }) => kimSchema({ image }) }),
  stories: defineCollection({ loader: gateLoader('stories', options), schema: ({ image }) => storySchema({ image }) }),
  places: defineCollection({ loader: gateLoader('places', options), schema: ({ image }) => placeSchema({ image }) }),
};
