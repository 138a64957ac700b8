/**
 * A KIM without a logo gets a monogram in its brand colour: initials on a filled circle,
 * drawn as inline SVG so it costs no request and no image file.
 */

const STOP_WORDS = new Set(['kim', 'komunitas', 'informasi', 'masyarakat', 'desa', 'kelurahan', 'di', 'dan']);

/** Up to two initials from the distinctive words of a name ("KIM Bontang Kuala" → "BK"). */
export function initialsOf(name: string): string {
  const words = name.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const distinctive = words.filter((w) => !STOP_WORDS.has(w.toLowerCase()));
  const chosen = (distinctive.length > 0 ? distinctive : words).slice(0, 2);
  return chosen.map((w) => [...w][0]!.toUpperCase()).join('') || '?';
}

/** Relative luminance per WCAG 2.1, for a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Black or white, whichever contrasts more with the background. */
export function textColorOn(hex: string): '#000000' | '#ffffff' {
  const l = luminance(hex);
  return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

/** The monogram's parts; the component draws them, so escaping stays with Astro's templating. */
export function monogram(name: string, color: string): { initials: string; background: string; foreground: string } {
  return { initials: initialsOf(name), background: color, foreground: textColorOn(color) };
}
