import type { APIRoute } from 'astro';
import { storyContent } from '../components/feed/render.ts';
import { FEED_MEDIA_TYPES } from '../domain/feeds.ts';
import { feedDocument, feedPaths, type FeedRoute } from '../site/views/feed.ts';

export const getStaticPaths = feedPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const route = props as FeedRoute;
  const body = await feedDocument(route, site!, (story) => storyContent(story, site!));
  return new Response(body, { headers: { 'Content-Type': `${FEED_MEDIA_TYPES[route.format]}; charset=utf-8` } });
};
