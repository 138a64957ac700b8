/**
 * Draws social preview cards (domain/social.ts) to JPEG (drawings.ts: resvg lays the text out in
 * the font files the project ships, never the machine's; sharp draws and encodes). A drawn card is kept in the build cache under its key: a rebuild after one new
 * story draws that story's card and reads every other from the cache.
 */
import { SOCIAL_WIDTH, socialCardKey, socialCardSvg, type SocialCard } from '../domain/social.ts';
import { cachedFile, rasterise } from './drawings.ts';

/**
 * JPEG: every platform previews it, and a flat-colour card with text stays near 50 KB. libjpeg-turbo
 * rather than mozjpeg: mozjpeg saves a few KB per card at four times the time (60 ms against
 * 15 ms), which a national network's hundreds of thousands of cards cannot afford.
 */
const JPEG = { quality: 82 } as const;

/** Draws a card to JPEG, without the cache. */
export function drawSocialCard(card: SocialCard): Promise<Buffer> {
  return drawSvg(socialCardSvg(card));
}

async function drawSvg(svg: string): Promise<Buffer> {
  return (await rasterise(svg, SOCIAL_WIDTH)).jpeg(JPEG).toBuffer();
}

/** A card's JPEG from the cache folder `cacheDir`, drawn and stored there when missing. */
export function socialCardImage(card: SocialCard, cacheDir: string): Promise<Buffer> {
  const svg = socialCardSvg(card);
  return cachedFile(cacheDir, 'social', `${socialCardKey(svg)}.jpg`, () => drawSvg(svg));
}
