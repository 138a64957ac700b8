/**
 * The designed visual of an entry without a photo: never a grey placeholder. A field of its brand
 * colour, a few large geometric shapes placed by its id (so two neighbouring cards never look the
 * same), the icon of its kind in a badge, and, when asked, its title and a line under it.
 *
 * It is one SVG document as text, so the same art is drawn inline on a card (a few hundred bytes,
 * no request, nothing the policy blocks: colours are presentation attributes, not styles) and can
 * be rendered to a social preview image later. Every text is escaped here, once.
 */
import type { Brand } from './brand.ts';
import { iconBody, type IconName } from './icons.ts';
import { hashText, mulberry32 } from './random.ts';

/** The art's canvas: the proportions of a social preview image (1200 × 630). */
export const ART_WIDTH = 1200;
export const ART_HEIGHT = 630;

export interface ArtInput {
  /** Decides the shapes' places: the entry's id. */
  seed: string;
  brand: Pick<Brand, 'color' | 'ink'>;
  icon: IconName;
  /** Drawn on the art (a social preview); without it the art is decoration beside the title. */
  text?: { title: string; subtitle?: string | undefined } | undefined;
  /** The accessible name when the art stands alone; without it the art is hidden from assistive technology. */
  label?: string | undefined;
  /** A band across the top of a page (1200 × 200, shapes only) rather than a card's picture. */
  band?: boolean | undefined;
  /** The text's typeface: the reader's system font on a page; a font file's family when rendered to an image. */
  fontFamily?: string | undefined;
}

/** A band's height on the same 1200-unit width. */
const BAND_HEIGHT = 200;

/** Escapes text for an XML text node or attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** A stream of numbers in [0, 1) from a text. */
const randomFrom = (seed: string) => mulberry32(hashText(seed));

const round = (n: number) => Math.round(n);

/** Four large shapes in the ink colour at low opacity, partly off the canvas. */
function shapes(seed: string, ink: string, height: number): string {
  const random = randomFrom(seed);
  const parts: string[] = [];
  for (let i = 0; i < 4; i++) {
    const x = round(random() * ART_WIDTH);
    const y = round(random() * height);
    const size = round(120 + random() * 260);
    const kind = Math.floor(random() * 3);
    if (kind === 0) parts.push(`<circle cx="${x}" cy="${y}" r="${size}" fill="${ink}" fill-opacity=".08"/>`);
    else if (kind === 1) parts.push(`<circle cx="${x}" cy="${y}" r="${size}" fill="none" stroke="${ink}" stroke-opacity=".16" stroke-width="${round(18 + random() * 30)}"/>`);
    else parts.push(`<rect x="${x - size / 2}" y="${y - size / 2}" width="${size}" height="${size}" rx="${round(size / 6)}" transform="rotate(${round(random() * 90)} ${x} ${y})" fill="${ink}" fill-opacity=".07"/>`);
  }
  return parts.join('');
}

/** Splits a title into at most `lines` lines of about `width` characters, ending in "…" when cut. */
export function wrapTitle(title: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of title.trim().split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (!line || [...next].length <= width) line = next;
    else {
      out.push(line);
      line = word;
    }
  }
  if (line) out.push(line);
  const cut = (text: string) => `${[...text].slice(0, width - 1).join('').trimEnd()}…`;
  if (out.length > lines) out.splice(lines - 1, out.length, cut(out.slice(lines - 1).join(' ')));
  // A single word longer than a line is cut too.
  return out.map((l) => ([...l].length > width ? cut(l) : l));
}

/** The art as an SVG document. */
export function brandArt({ seed, brand, icon, text, label, band = false, fontFamily = 'system-ui,sans-serif' }: ArtInput): string {
  const { color, ink } = brand;
  const accessible = label ? `role="img" aria-label="${escapeXml(label)}"` : 'aria-hidden="true" focusable="false"';
  if (band) {
    return (
      `<svg class="art art-band" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${ART_WIDTH} ${BAND_HEIGHT}" width="${ART_WIDTH}" height="${BAND_HEIGHT}" preserveAspectRatio="xMidYMid slice" ${accessible}>` +
      `<rect width="${ART_WIDTH}" height="${BAND_HEIGHT}" fill="${color}"/>${shapes(seed, ink, BAND_HEIGHT)}` +
      `<g transform="translate(1060 40) scale(5)" fill="none" stroke="${ink}" stroke-opacity=".35" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${iconBody(icon)}</g>` +
      '</svg>'
    );
  }
  // The badge: a disc of the ink colour with the icon in the brand colour, 24-unit icon scaled up.
  const badge = text ? { x: 80, y: 80, r: 70 } : { x: ART_WIDTH / 2, y: ART_HEIGHT / 2, r: 150 };
  const scale = (badge.r * 1.1) / 24;
  const iconAt = `translate(${badge.x - 12 * scale} ${badge.y - 12 * scale}) scale(${scale.toFixed(3)})`;
  let words = '';
  if (text) {
    const lines = wrapTitle(text.title, 26, 3);
    const top = 300 - (lines.length - 1) * 38;
    words =
      `<text x="80" y="${top}" fill="${ink}" font-family="${escapeXml(fontFamily)}" font-size="68" font-weight="700">` +
      lines.map((line, i) => `<tspan x="80" dy="${i === 0 ? 0 : 80}">${escapeXml(line)}</tspan>`).join('') +
      '</text>' +
      (text.subtitle ? `<text x="80" y="${ART_HEIGHT - 70}" fill="${ink}" font-family="${escapeXml(fontFamily)}" font-size="34">${escapeXml(text.subtitle)}</text>` : '');
  }
  return (
    `<svg class="art" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${ART_WIDTH} ${ART_HEIGHT}" width="${ART_WIDTH}" height="${ART_HEIGHT}" ${accessible}>` +
    `<rect width="${ART_WIDTH}" height="${ART_HEIGHT}" fill="${color}"/>` +
    shapes(seed, ink, ART_HEIGHT) +
    `<circle cx="${badge.x}" cy="${badge.y}" r="${badge.r}" fill="${ink}"/>` +
    `<g transform="${iconAt}" fill="none" stroke="${color}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${iconBody(icon)}</g>` +
    words +
    '</svg>'
  );
}
