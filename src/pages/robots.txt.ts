import type { APIRoute } from 'astro';
import { urls } from '../site/network.ts';

/** Lets search engines find the sitemap (each page with its last change), wherever the network is deployed. */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(urls.sitemap(), site)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
