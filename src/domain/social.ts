/**
 * The social preview of a page (Open Graph and Twitter cards, WhatsApp's link preview): the
 * page's designed visual (art.ts) with its title and a line saying whose and where, at 1200 × 630.
 * This module decides what a card shows and the key it is cached under; src/build/social-images.ts
 * draws it.
 */
import { createHash } from 'node:crypto';
import { ART_HEIGHT, ART_WIDTH, brandArt, wrapTitle } from './art.ts';
import type { Brand } from './brand.ts';
import type { IconName } from './icons.ts';

export const SOCIAL_WIDTH = ART_WIDTH;
export const SOCIAL_HEIGHT = ART_HEIGHT;

/** The typeface the cards are drawn in: a font file the build ships, never the machine's fonts. */
export const SOCIAL_FONT_FAMILY = 'Source Sans 3';

/**
 * Raised whenever the drawing changes (layout, font, encoder settings), so every cached card is
 * drawn again rather than kept in its old look.
 */
const SOCIAL_DESIGN_VERSION = 3;

/** What a page's card shows. */
export interface SocialCard {
  /** Decides the art's shapes: the entry's id or the region's code. */
  seed: string;
  brand: Pick<Brand, 'color' | 'ink'>;
  icon: IconName;
  title: string;
  /** Whose and where: "KIM Batuah · Desa Batuah, Kutai Kartanegara". */
  subtitle: string;
}

/** About as many characters as fit on the subtitle's line at its size. */
const SUBTITLE_WIDTH = 70;

/**
 * A subtitle too long for its line loses its widest places first ("Desa X, Kabupaten Y" becomes
 * "Desa X"), so it ends on a whole name rather than a cut word; a single name too long is cut.
 */
function fitPlaces(subtitle: string, width: number): string {
  let text = subtitle;
  while ([...text].length > width && text.includes(', ')) text = text.slice(0, text.lastIndexOf(', '));
  return text;
}

/** The card as an SVG document, drawn in the cards' typeface. */
export function socialCardSvg(card: SocialCard): string {
  const [subtitle] = wrapTitle(fitPlaces(card.subtitle, SUBTITLE_WIDTH), SUBTITLE_WIDTH, 1);
  return brandArt({ seed: card.seed, brand: card.brand, icon: card.icon, text: { title: card.title, subtitle }, fontFamily: SOCIAL_FONT_FAMILY });
}

/** The key a card drawn from `svg` (its `socialCardSvg`) is cached under: everything that decides its pixels. */
export function socialCardKey(svg: string): string {
  return createHash('sha256').update(JSON.stringify([SOCIAL_DESIGN_VERSION, svg])).digest('hex').slice(0, 32);
}
