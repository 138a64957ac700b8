/**
 * QR codes that lead a printed page back to the site: a story or place on the village notice
 * board, a KIM's poster. Drawn at build time and inlined as SVG, so printing needs no request and
 * no script. Error correction M (a quarter of the code may be creased or smudged) is the usual
 * choice for print; the quiet zone of four modules is what readers need to find the code on a
 * busy sheet.
 *
 * The code is one path of horizontal strokes, one per run of dark modules, in relative moves: the
 * shortest markup that still draws crisp squares (a few hundred bytes compressed on every page).
 * Pages render the path through Astro, which escapes it like any attribute.
 */
import QRCode from 'qrcode';

/** Light modules around the code, on every side (the standard's minimum). */
export const QR_QUIET_ZONE = 4;

export interface QrCode {
  /** Modules across, quiet zone included: the side of the SVG's view box. */
  size: number;
  /** The dark modules as the `d` of a path stroked 1 unit wide (see `qrSvg`). */
  path: string;
}

/** The QR code of `text` (an absolute URL) at error correction M. */
export function qrCode(text: string): QrCode {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = modules.size;
  const parts: string[] = [];
  // The pen's position after the last run: each move is relative to it.
  let penX = 0;
  let penY = 0;
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; ) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      let end = col;
      while (end < count && modules.get(row, end)) end++;
      // A stroke along the middle of the row: y + .5, so it covers the row exactly.
      const x = col + QR_QUIET_ZONE;
      const y = row + QR_QUIET_ZONE;
      parts.push(parts.length === 0 ? `M${x} ${y + 0.5}h${end - col}` : `m${x - penX} ${y - penY}h${end - col}`);
      penX = x + end - col;
      penY = y;
      col = end;
    }
  }
  return { size: count + 2 * QR_QUIET_ZONE, path: parts.join('') };
}

/**
 * The attributes that draw a `QrCode`: dark modules black on white, squares kept square at any
 * scale. Shared by the pages' markup and `qrSvg`, so both draw the same code.
 */
export const QR_STROKE = { stroke: '#000000', 'stroke-width': '1', fill: 'none', 'shape-rendering': 'crispEdges' } as const;
export const QR_PAPER = '#ffffff';

/**
 * A standalone SVG of the code, for composing it into a larger drawing (a poster) or rendering it
 * alone. Placed at (`x`, `y`) and `width` units across when given; otherwise one unit per module.
 */
export function qrSvg(qr: QrCode, place: { x?: number; y?: number; width?: number } = {}): string {
  const width = place.width ?? qr.size;
  const stroke = Object.entries(QR_STROKE)
    .map(([name, value]) => `${name}="${value}"`)
    .join(' ');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" x="${place.x ?? 0}" y="${place.y ?? 0}" width="${width}" height="${width}" viewBox="0 0 ${qr.size} ${qr.size}">` +
    `<rect width="${qr.size}" height="${qr.size}" fill="${QR_PAPER}"/><path d="${qr.path}" ${stroke}/></svg>`
  );
}
