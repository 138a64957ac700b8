/**
 * A KIM's brand kit: what a KIM, its desa or its Diskominfo needs to put the KIM's brand on a
 * banner, a letter, a social media post or the village notice board. The colours with the text
 * colours that read on them, the monogram as a standalone drawing, and the one-page A4 poster of
 * the KIM's desa or kelurahan.
 *
 * Drawings are SVG text composed here and rendered by src/build/brand-images.ts in the project's
 * own typeface, so every machine draws the same pixels. Every contributor text is escaped here,
 * once.
 */
import { createHash } from 'node:crypto';
import { escapeXml, wrapTitle } from './art.ts';
import { contrast, readableOnPaper, textColorOn, type Brand } from './brand.ts';
import { hashText, mulberry32 } from './random.ts';
import { type QrCode, qrSvg } from './qr.ts';

/** The paper the kit's colours are checked against as text: a white sheet (print) or page. */
const WHITE = '#ffffff';

/** One brand colour of the kit, with the colours that read on it and the ratios that prove it. */
export interface BrandSwatch {
  role: 'primary' | 'secondary';
  color: string;
  /** Black or white text on the colour. */
  ink: '#000000' | '#ffffff';
  /** WCAG 2.1 contrast of `ink` on `color`: at least 4.5. */
  inkRatio: number;
  /** The colour as text on white paper, darkened if needed until it reads at AA. */
  onWhite: string;
  onWhiteRatio: number;
}

function swatch(role: BrandSwatch['role'], color: string): BrandSwatch {
  const ink = textColorOn(color);
  const onWhite = readableOnPaper(color, WHITE);
  return { role, color, ink, inkRatio: contrast(ink, color), onWhite, onWhiteRatio: contrast(onWhite, WHITE) };
}

/** The kit's colours: the brand colour, then the second colour when the KIM chose one. */
export function brandSwatches(brand: Pick<Brand, 'color'>, secondaryColor: string | undefined): BrandSwatch[] {
  const secondary = secondaryColor?.toLowerCase();
  return [swatch('primary', brand.color), ...(secondary && secondary !== brand.color.toLowerCase() ? [swatch('secondary', secondary)] : [])];
}

/** The side of a logo PNG: large enough for a banner, small enough to send by WhatsApp. */
export const LOGO_PNG_SIZE = 1024;

/** The monogram's letters at the size the site draws them (components/KimLogo.astro): smaller for three. */
const monogramFontSize = (initials: string) => ([...initials].length > 2 ? 22 : 28);

/**
 * The monogram as a standalone SVG document: the brand colour's disc with the letters in its
 * ink, as a KIM without a logo of its own shows it on every page. Drawn in `fontFamily`; the build
 * turns the letters into outlines, so the file looks the same on any computer.
 */
export function monogramSvg(brand: Pick<Brand, 'initials' | 'color' | 'ink'>, { size, fontFamily }: { size: number; fontFamily: string }): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 72 72" width="${size}" height="${size}">` +
    `<circle cx="36" cy="36" r="36" fill="${brand.color}"/>` +
    `<text x="36" y="36" dy="0.35em" text-anchor="middle" font-family="${escapeXml(fontFamily)}" font-size="${monogramFontSize(brand.initials)}" font-weight="700" fill="${brand.ink}">${escapeXml(brand.initials)}</text>` +
    '</svg>'
  );
}

/** The poster's sheet: A4 (210 × 297 mm) at 150 dots per inch. */
export const POSTER_WIDTH = 1240;
export const POSTER_HEIGHT = 1754;
const MARGIN = 96;
const TEXT_WIDTH = POSTER_WIDTH - 2 * MARGIN;

/** What the poster shows; every text as the reader sees it (translated, not yet escaped). */
export interface PosterInput {
  /** Decides the band's shapes: the KIM's id. */
  seed: string;
  name: string;
  /** Where: "Desa Batuah", "Kecamatan Loa Janan", "Kabupaten Kutai Kartanegara". */
  places: string[];
  tagline?: string | undefined;
  flagship?: string | undefined;
  brandStory?: string | undefined;
  /** Said when the KIM has written none of tagline, flagship and brand story. */
  fallback: string;
  brand: Pick<Brand, 'initials' | 'color' | 'ink'>;
  secondaryColor?: string | undefined;
  /** The KIM's logo as a `data:` URL of a PNG, when it has one. */
  logo?: string | undefined;
  qr: QrCode;
  /** The address the QR code holds, printed beside it. */
  url: string;
  /** The poster's labels and the network's name. */
  words: { kicker: string; flagship: string; story: string; scan: string; scanHint: string; network: string };
  fontFamily: string;
}

/**
 * Characters of a line at a font size in the poster's typeface: Source Sans 3 averages about 0.45 em
 * a character in mixed-case text, a little more in bold; the margins allow for capitals.
 */
const charsFor = (width: number, fontSize: number, bold = false) => Math.floor(width / (fontSize * (bold ? 0.52 : 0.48)));

/** An address split where it may break (after a slash or a dot), into lines of at most `width` characters. */
export function wrapUrl(url: string, width: number): string[] {
  const pieces = url.match(/[^/.]*[/.]?/g)!.filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    if (line && line.length + piece.length > width) {
      lines.push(line);
      line = '';
    }
    line += piece;
    while (line.length > width) {
      lines.push(line.slice(0, width));
      line = line.slice(width);
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Lines of text, each a `<tspan>` one line height below the last. */
function textBlock(lines: string[], at: { x: number; y: number; size: number; lineHeight: number; fill: string; weight?: number; spacing?: number; family: string; anchor?: 'end' }): string {
  const attributes = [
    `x="${at.x}"`,
    `y="${at.y}"`,
    `font-family="${escapeXml(at.family)}"`,
    `font-size="${at.size}"`,
    `fill="${at.fill}"`,
    at.weight ? `font-weight="${at.weight}"` : '',
    at.spacing ? `letter-spacing="${at.spacing}"` : '',
    at.anchor ? `text-anchor="${at.anchor}"` : '',
  ].filter(Boolean);
  return `<text ${attributes.join(' ')}>${lines.map((line, i) => `<tspan x="${at.x}" dy="${i === 0 ? 0 : at.lineHeight}">${escapeXml(line)}</tspan>`).join('')}</text>`;
}

/** A few large rings and discs in the band, placed by the seed, in the second colour or the ink. */
function bandShapes(seed: string, fill: string, ink: string, height: number): string {
  const random = mulberry32(hashText(seed));
  // Up in the corner, clear of the name and places below the logo.
  const x = Math.round(POSTER_WIDTH - 40 - random() * 60);
  const y = Math.round(random() * 40);
  // A nested drawing the band's size: it clips the shapes to the band.
  return (
    `<svg width="${POSTER_WIDTH}" height="${height}">` +
    `<circle cx="${x}" cy="${y}" r="230" fill="${fill}" fill-opacity="${fill === ink ? 0.1 : 0.9}"/>` +
    `<circle cx="${x}" cy="${y}" r="320" fill="none" stroke="${ink}" stroke-opacity=".18" stroke-width="26"/>` +
    `<circle cx="${Math.round(POSTER_WIDTH * (0.5 + random() * 0.2))}" cy="${height + 30}" r="${Math.round(110 + random() * 60)}" fill="${ink}" fill-opacity=".08"/>` +
    '</svg>'
  );
}

/** The strip along the foot of the poster, with the network's name. */
const STRIP = 88;
/** The QR code's side: 54 mm on the printed sheet, read from a few metres. */
const QR_SIDE = 320;
const PANEL_PADDING = 44;
const PANEL = { top: POSTER_HEIGHT - STRIP - 48 - QR_SIDE - 2 * PANEL_PADDING, height: QR_SIDE + 2 * PANEL_PADDING };

/** A label over a block of the poster's words: small capitals, spaced. */
const label = (text: string, x: number, y: number, family: string) =>
  textBlock([text.toUpperCase()], { x, y, size: 26, lineHeight: 0, fill: '#44403c', weight: 700, spacing: 3, family });

/**
 * The poster's words (tagline, flagship potential, brand story, each only when written) laid out
 * `width` units wide from y = 0: their markup and the height they take.
 */
function posterWords(input: PosterInput, width: number, colors: { onWhite: string; accent: string }): { markup: string; height: number } {
  const family = input.fontFamily;
  const blocks: string[] = [];
  let y = 0;
  let last = 0;
  if (input.tagline) {
    const lines = wrapTitle(input.tagline, charsFor(width, 52, true), 3);
    blocks.push(textBlock(lines, { x: 0, y: (y += 44), size: 52, lineHeight: 64, fill: colors.onWhite, weight: 700, family }));
    last = y += (lines.length - 1) * 64;
    y += 84;
  }
  if (input.flagship) {
    const lines = wrapTitle(input.flagship, charsFor(width - 40, 62, true), 2);
    const top = y - 30;
    blocks.push(label(input.words.flagship, 40, y, family));
    blocks.push(textBlock(lines, { x: 40, y: (y += 72), size: 62, lineHeight: 72, fill: '#1c1917', weight: 700, family }));
    last = y += (lines.length - 1) * 72;
    blocks.push(`<rect x="0" y="${top}" width="12" height="${last + 20 - top}" fill="${colors.accent}"/>`);
    y += 92;
  }
  const story = input.brandStory ?? (input.tagline || input.flagship ? undefined : input.fallback);
  if (story) {
    if (input.brandStory) blocks.push(label(input.words.story, 0, y, family));
    const size = input.brandStory ? 36 : 46;
    const lineHeight = Math.round(size * 1.45);
    const lines = wrapTitle(story, charsFor(width, size), 20);
    blocks.push(textBlock(lines, { x: 0, y: (y += input.brandStory ? 58 : 44), size, lineHeight, fill: '#292524', family }));
    last = y += (lines.length - 1) * lineHeight;
  }
  return { markup: blocks.join(''), height: last + 14 };
}

/**
 * The poster as an SVG document, 1240 × 1754: a band of the brand colour with the logo, the KIM's
 * name and where it is; its tagline, flagship potential and brand story; and a panel with the QR
 * code to its page and the address in text, over a strip with the network's name.
 */
export function posterSvg(input: PosterInput): string {
  const { brand, fontFamily: family } = input;
  const accent = input.secondaryColor ?? brand.color;
  const onWhite = readableOnPaper(brand.color, WHITE);
  const parts: string[] = [];

  // The band: logo, kicker, name and places, as tall as they need. A long name gets a smaller size.
  const disc = { cx: MARGIN + 100, cy: 72 + 100, r: 100 };
  const twoLines = wrapTitle(input.name, charsFor(TEXT_WIDTH, 88, true), 3);
  const name = twoLines.length <= 2 ? { lines: twoLines, size: 88, lineHeight: 96 } : { lines: wrapTitle(input.name, charsFor(TEXT_WIDTH, 68, true), 3), size: 68, lineHeight: 76 };
  const placeLines = wrapTitle(input.places.join(' · '), charsFor(TEXT_WIDTH, 36), 2);
  let y = disc.cy + disc.r + 84;
  const band =
    textBlock([input.words.kicker.toUpperCase()], { x: MARGIN, y, size: 26, lineHeight: 0, fill: brand.ink, weight: 700, spacing: 3, family }) +
    textBlock(name.lines, { x: MARGIN, y: (y += name.size + 4), size: name.size, lineHeight: name.lineHeight, fill: brand.ink, weight: 700, family }) +
    textBlock(placeLines, { x: MARGIN, y: (y += (name.lines.length - 1) * name.lineHeight + 62), size: 36, lineHeight: 46, fill: brand.ink, family });
  const bandHeight = y + (placeLines.length - 1) * 46 + 64;
  parts.push(`<rect width="${POSTER_WIDTH}" height="${bandHeight}" fill="${brand.color}"/>`, bandShapes(input.seed, input.secondaryColor ?? brand.ink, brand.ink, bandHeight));
  parts.push(`<circle cx="${disc.cx}" cy="${disc.cy}" r="${disc.r}" fill="${WHITE}"/>`);
  if (input.logo) {
    const side = Math.round(disc.r * Math.SQRT2 * 0.96);
    parts.push(`<image href="${escapeXml(input.logo)}" x="${disc.cx - side / 2}" y="${disc.cy - side / 2}" width="${side}" height="${side}" preserveAspectRatio="xMidYMid meet"/>`);
  } else {
    parts.push(
      `<circle cx="${disc.cx}" cy="${disc.cy}" r="${disc.r - 10}" fill="${brand.color}"/>` +
        `<text x="${disc.cx}" y="${disc.cy}" dy="0.35em" text-anchor="middle" font-family="${escapeXml(family)}" font-size="${Math.round(((disc.r - 10) * monogramFontSize(brand.initials)) / 36)}" font-weight="700" fill="${brand.ink}">${escapeXml(brand.initials)}</text>`,
    );
  }
  parts.push(band);

  // The words, in the room between the band and the panel: at full size when they fit, smaller
  // (and so more to a line) when they do not, and centred in the room when they leave some.
  const room = { top: bandHeight + 72, bottom: PANEL.top - 56 };
  const height = room.bottom - room.top;
  let scale = 1;
  let words = posterWords(input, TEXT_WIDTH, { onWhite, accent });
  while (words.height * scale > height && scale > 0.55) {
    scale = Math.round((scale - 0.05) * 100) / 100;
    words = posterWords(input, TEXT_WIDTH / scale, { onWhite, accent });
  }
  const offset = Math.max(0, (height - words.height * scale) / 2);
  // What still does not fit at the smallest size is cut off by the room's edge rather than drawn over the panel.
  parts.push(`<svg x="${MARGIN}" y="${room.top}" width="${TEXT_WIDTH}" height="${height}"><g transform="translate(0 ${Math.round(offset)}) scale(${scale})">${words.markup}</g></svg>`);

  // The panel: how to reach the page, and the code that does it.
  const qrX = POSTER_WIDTH - MARGIN - PANEL_PADDING - QR_SIDE;
  const textX = MARGIN + PANEL_PADDING;
  const textWidth = qrX - textX - PANEL_PADDING;
  const scanLines = wrapTitle(input.words.scan, charsFor(textWidth, 46, true), 2);
  const hintLines = wrapTitle(input.words.scanHint, charsFor(textWidth, 30), 3);
  const urlLines = wrapUrl(input.url, charsFor(textWidth, 28, true)).slice(0, 3);
  let py = PANEL.top + PANEL_PADDING + 40;
  parts.push(
    `<rect x="${MARGIN}" y="${PANEL.top}" width="${TEXT_WIDTH}" height="${PANEL.height}" rx="28" fill="${brand.color}" fill-opacity=".1" stroke="${onWhite}" stroke-width="4"/>`,
    textBlock(scanLines, { x: textX, y: py, size: 46, lineHeight: 54, fill: '#1c1917', weight: 700, family }),
    textBlock(hintLines, { x: textX, y: (py += (scanLines.length - 1) * 54 + 52), size: 30, lineHeight: 40, fill: '#44403c', family }),
    textBlock(urlLines, { x: textX, y: PANEL.top + PANEL.height - PANEL_PADDING - (urlLines.length - 1) * 38, size: 28, lineHeight: 38, fill: onWhite, weight: 700, family }),
    `<rect x="${qrX - 10}" y="${PANEL.top + PANEL_PADDING - 10}" width="${QR_SIDE + 20}" height="${QR_SIDE + 20}" rx="12" fill="${WHITE}"/>`,
    qrSvg(input.qr, { x: qrX, y: PANEL.top + PANEL_PADDING, width: QR_SIDE }),
  );

  // The strip: the network the KIM belongs to.
  parts.push(
    `<rect y="${POSTER_HEIGHT - STRIP}" width="${POSTER_WIDTH}" height="${STRIP}" fill="${accent}"/>`,
    textBlock(wrapTitle(input.words.network, charsFor(TEXT_WIDTH, 30, true), 1), { x: MARGIN, y: POSTER_HEIGHT - STRIP / 2 + 10, size: 30, lineHeight: 0, fill: textColorOn(accent), weight: 700, family }),
  );

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${POSTER_WIDTH} ${POSTER_HEIGHT}" width="${POSTER_WIDTH}" height="${POSTER_HEIGHT}">` +
    `<rect width="${POSTER_WIDTH}" height="${POSTER_HEIGHT}" fill="${WHITE}"/>${parts.join('')}</svg>`
  );
}

/**
 * Raised whenever a drawing of the kit changes (layout, font, encoder settings), so every cached
 * file is drawn again rather than kept in its old look.
 */
const BRAND_KIT_DESIGN_VERSION = 2;

/** The key a kit drawing made from `svg` is cached under: everything that decides its pixels. */
export function brandDrawingKey(svg: string): string {
  return createHash('sha256').update(JSON.stringify([BRAND_KIT_DESIGN_VERSION, svg])).digest('hex').slice(0, 32);
}
