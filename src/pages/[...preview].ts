import type { APIRoute } from 'astro';
import { socialCardImage } from '../build/social-images.ts';
import type { SocialCard } from '../domain/social.ts';
import { cacheDir } from '../site/network.ts';
import { previewPaths } from '../site/views/social.ts';

export const getStaticPaths = previewPaths;

export const GET: APIRoute = async ({ props }) => {
  const image = await socialCardImage((props as { card: SocialCard }).card, cacheDir);
  return new Response(new Uint8Array(image), { headers: { 'Content-Type': 'image/jpeg' } });
};
