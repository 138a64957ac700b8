/**
 * Renders a story's body outside its page, for its feeds and its republishing box: through
 * Astro's container, with the MDX renderer and the same components the story page uses. A story
 * is in up to six feeds, in two formats, so its feed body is rendered once per build.
 */
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { portableHtml } from '../../domain/html-urls.ts';
import { IMAGE_FORMAT } from '../../domain/images.ts';
import { urls, type Story } from '../../site/network.ts';
import type { StoryContent } from '../../site/views/feed.ts';
import FeedBody from './FeedBody.astro';
import RepublishBody from './RepublishBody.astro';

let container: Promise<AstroContainer> | undefined;
const rendered = new Map<string, Promise<StoryContent>>();

function getContainer(): Promise<AstroContainer> {
  container ??= loadRenderers([getContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
  return container;
}

async function renderStory(story: Story, site: URL): Promise<StoryContent> {
  const url = new URL(urls.story(story.id), site);
  const html = await (await getContainer()).renderToString(FeedBody, { props: { story, url: url.href } });
  const portable = portableHtml(html, url);
  const cover = story.data.cover;
  // The body starts with the cover, rendered by Photo.astro as on the story's page: its image is
  // the file the page already has, where asking for the image anew would encode another.
  const coverUrl = cover ? portable.images[0] : undefined;
  return {
    html: portable.html,
    image: cover && coverUrl ? { url: coverUrl, type: `image/${IMAGE_FORMAT}`, alt: cover.alt } : undefined,
  };
}

/** A story's feed content, rendered on first use. */
export function storyContent(story: Story, site: URL): Promise<StoryContent> {
  let content = rendered.get(story.id);
  if (!content) {
    content = renderStory(story, site);
    rendered.set(story.id, content);
  }
  return content;
}

/**
 * A story as clean HTML for another newsroom to republish (RepublishBody.astro): every address
 * absolute, the site's attributes gone, photos only where their licence allows.
 */
export async function republishHtml(story: Story, site: URL): Promise<string> {
  const url = new URL(urls.story(story.id), site);
  const html = await (await getContainer()).renderToString(RepublishBody, { props: { story, url: url.href } });
  return portableHtml(html, url, { dropMedia: true }).html.replace(/\n{2,}/g, '\n').trim();
}
