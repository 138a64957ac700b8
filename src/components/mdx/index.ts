import type { MdxComponentName } from '../../format/mdx-components.ts';
import Gallery from './Gallery.astro';
import Video from './Video.astro';

/** What `<Content components={…} />` renders for each name the validator allows in MDX. */
export const mdxComponents = { Gallery, Video } satisfies Record<MdxComponentName, unknown>;
