/**
 * One stylesheet per brand colour of the KIM this build shows (domain/brand.ts). A shard makes
 * those of its own KIM and the network shard all of them; the same colour gives the same bytes,
 * so whichever copy a merge keeps is the same file.
 */
import type { APIRoute } from 'astro';
import { brandSheetName, brandStylesheet, type Brand } from '../../domain/brand.ts';
import { getNetwork } from '../../site/network.ts';

export async function getStaticPaths() {
  const network = await getNetwork();
  const sheets = new Map<string, Brand>();
  for (const brand of network.brands().values()) sheets.set(brandSheetName(brand.color), brand);
  return [...sheets].map(([name, brand]) => ({ params: { name }, props: { brand } }));
}

export const GET: APIRoute = ({ props }) => new Response(brandStylesheet((props as { brand: Brand }).brand), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
