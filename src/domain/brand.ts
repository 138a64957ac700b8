/**
 * Every KIM's visual identity in its network: the letters of its monogram and its brand colour,
 * with the colours that can stand on it and beside it at WCAG AA contrast.
 *
 * Decided once for the whole network, because a monogram is only useful if it tells a KIM from
 * the others: "KIM Batuah" and "KIM Belimbing" must not both be "B", nor "Tanjung Laut" and
 * "Tanjung Laut Indah" both "TL". Each KIM's letters come from a list of candidates made from its
 * name, most natural first; every KIM takes its first candidate no other KIM has, in rounds, so a
 * KIM only falls back to less natural letters when a more natural one is taken. When a network is
 * so large that a name's candidates are all taken (a national network has thousands of
 * "Sukamaju"), the letters need only differ within the kabupaten/kota, and last of all a number
 * is added.
 *
 * A KIM that has not chosen a colour gets one from a palette of hues at AA-safe tones, starting at
 * a place fixed by its id and moving on past colours another KIM of the network already has, and
 * past hues too close to those of its own kecamatan, so neighbours never look alike.
 *
 * Linear in the number of KIM apart from the rounds (a few per KIM); a sharded build computes it
 * once over the whole network and hands each shard the brands it shows (shards/plan.ts).
 */
import { hashText } from './random.ts';
import { ancestorCodesOf } from './regions/codes.ts';

export interface BrandInput {
  id: string;
  name: string;
  /** The KIM's village code (its kecamatan and kabupaten/kota are read from it). */
  village: string;
  /** The colour the KIM chose, if it chose one. */
  color?: string | undefined;
}

export interface Brand {
  /** One to three letters, unique in the network whenever its size allows. */
  initials: string;
  /** The brand colour: the KIM's own, or one assigned to it. */
  color: string;
  /** Whether the KIM chose the colour itself. */
  chosen: boolean;
  /** Black or white, whichever reads best on the brand colour (always at least 4.5:1). */
  ink: '#000000' | '#ffffff';
  /** The brand colour darkened, if needed, until it reads at 4.5:1 as text or a line on the page. */
  onPaper: string;
}

/** Relative luminance per WCAG 2.1, for a `#rrggbb` colour. */
export function luminance(color: string): number {
  const channel = (i: number) => {
    const c = parseInt(color.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Black or white, whichever contrasts more with the background. */
export function textColorOn(color: string): '#000000' | '#ffffff' {
  const l = luminance(color);
  return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

/**
 * The network's own brand, for what no KIM manages (a place listed by the network itself): the
 * site's accent colour (global.css `--accent`).
 */
export const NETWORK_BRAND = { color: '#0f766e', ink: '#ffffff' } as const;

/** The page background the brand colour must read against as text (global.css `--paper`). */
export const PAPER = '#fafaf9';
/** WCAG 2.1 AA for normal text. */
const AA = 4.5;

const STOP_WORDS = new Set(['kim', 'komunitas', 'informasi', 'masyarakat', 'desa', 'kelurahan', 'di', 'dan']);

/** The words of a name that say which KIM it is ("KIM Tanjung Laut Indah" → Tanjung, Laut, Indah). */
function distinctiveWords(name: string): string[] {
  const words = name.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const distinctive = words.filter((w) => !STOP_WORDS.has(w.toLowerCase()));
  return (distinctive.length > 0 ? distinctive : words).map((w) => w.toUpperCase());
}

/** Enough letters for any network where uniqueness is possible; more would only cost memory nationally. */
const MAX_CANDIDATES = 48;

/**
 * A name's candidate letters, most natural first: the initials of its first two words, of its
 * first three, then its first letter followed by later letters of the name in order, two and
 * then three letters long. Never empty.
 */
export function initialsCandidates(name: string): string[] {
  const words = distinctiveWords(name);
  if (words.length === 0) return ['?'];
  const firsts = words.map((w) => [...w][0]!);
  const candidates = new Set<string>();
  candidates.add(firsts.slice(0, 2).join(''));
  if (words.length >= 3) candidates.add(firsts.slice(0, 3).join(''));
  // Letters after the first, in reading order, the initials of later words first among equals.
  const letters = [...words.join('')].filter((c) => /[\p{L}\p{N}]/u.test(c));
  const first = letters[0]!;
  const rest = letters.slice(1);
  for (const second of rest) candidates.add(`${first}${second}`);
  for (let i = 0; i < rest.length && candidates.size < MAX_CANDIDATES; i++) {
    for (let j = i + 1; j < rest.length && candidates.size < MAX_CANDIDATES; j++) candidates.add(`${first}${rest[i]}${rest[j]}`);
  }
  return [...candidates];
}

/** The kabupaten/kota and kecamatan a village code lies in. */
function areasOf(village: string): { regency: string; district: string } {
  const [, regency = village, district = village] = ancestorCodesOf(village);
  return { regency, district };
}

/** WCAG 2.1 contrast ratio of two `#rrggbb` colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const hex = (r: number, g: number, b: number) => `#${[r, g, b].map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0')).join('')}`;

/** A colour made darker by a factor (0–1) towards black, keeping its hue. */
function darker(color: string, factor: number): string {
  const channel = (i: number) => parseInt(color.slice(i, i + 2), 16) * factor;
  return hex(channel(1), channel(3), channel(5));
}

/** The colour as is when it reads at AA on the page, or darkened just enough to. */
export function readableOnPaper(color: string, paper = PAPER): string {
  if (contrast(color, paper) >= AA) return color;
  let low = 0;
  let high = 1;
  // The darkest shade (factor 0) is black, which always passes; find the lightest that does.
  for (let i = 0; i < 16; i++) {
    const mid = (low + high) / 2;
    if (contrast(darker(color, mid), paper) >= AA) low = mid;
    else high = mid;
  }
  return darker(color, low);
}

/** A colour from hue (degrees), saturation and lightness (0–1). */
function fromHsl(hue: number, saturation: number, lightness: number): string {
  const k = (n: number) => (n + hue / 30) % 12;
  const a = saturation * Math.min(lightness, 1 - lightness);
  const f = (n: number) => lightness - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return hex(f(0) * 255, f(8) * 255, f(4) * 255);
}

/** The palette's tones: saturation and lightness, each darkened per hue until white text reads at AA. */
const TONES = [
  [0.7, 0.36],
  [0.55, 0.3],
  [0.85, 0.42],
] as const;
/** Hues one degree apart, at each tone: over a thousand colours, every one AA-safe under white text. */
export const PALETTE: readonly { color: string; hue: number }[] = TONES.flatMap(([saturation, lightness]) =>
  Array.from({ length: 360 }, (_, hue) => {
    let l = lightness;
    let color = fromHsl(hue, saturation, l);
    while (contrast(color, '#ffffff') < AA && l > 0.05) color = fromHsl(hue, saturation, (l -= 0.01));
    return { color, hue };
  }),
);
/** Hues of two KIM of one kecamatan are at least this far apart, while the palette allows. */
const NEIGHBOUR_HUE_GAP = 30;
/** Networks up to this many KIM also keep every hue apart from all the others. */
const SPREAD_UP_TO = 120;

const hueGap = (a: number, b: number) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));

function pushTo<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Assigns every KIM's letters (see the module's comment), by id. */
function assignInitials(kims: readonly BrandInput[]): Map<string, string> {
  const ordered = [...kims].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const candidates = new Map(ordered.map((kim) => [kim.id, initialsCandidates(kim.name)]));
  const assigned = new Map<string, string>();
  const taken = new Set<string>();
  const rounds = Math.max(...[...candidates.values()].map((c) => c.length), 0);
  for (let round = 0; round < rounds; round++) {
    for (const kim of ordered) {
      if (assigned.has(kim.id)) continue;
      const letters = candidates.get(kim.id)![round];
      if (letters !== undefined && !taken.has(letters)) {
        assigned.set(kim.id, letters);
        taken.add(letters);
      }
    }
  }
  // A network too large for its names: letters unique within the kabupaten/kota, then numbered.
  const takenIn = new Map<string, Set<string>>();
  for (const kim of ordered) {
    const letters = assigned.get(kim.id);
    if (letters === undefined) continue;
    const { regency } = areasOf(kim.village);
    if (!takenIn.has(regency)) takenIn.set(regency, new Set());
    takenIn.get(regency)!.add(letters);
  }
  for (const kim of ordered) {
    if (assigned.has(kim.id)) continue;
    const { regency } = areasOf(kim.village);
    if (!takenIn.has(regency)) takenIn.set(regency, new Set());
    const local = takenIn.get(regency)!;
    const own = candidates.get(kim.id)!;
    let letters = own.find((c) => !local.has(c));
    for (let n = 2; letters === undefined; n++) if (!local.has(`${own[0]!.slice(0, 2)}${n}`)) letters = `${own[0]!.slice(0, 2)}${n}`;
    assigned.set(kim.id, letters);
    local.add(letters);
  }
  return assigned;
}

/** Assigns a colour to every KIM without one of its own (see the module's comment), by id. */
function assignColors(kims: readonly BrandInput[]): Map<string, string> {
  const colors = new Map<string, string>();
  const used = new Set<string>();
  const hues = new Map<string, number[]>();
  const usedIn = new Map<string, Set<string>>();
  // Palette colours taken: once all are, no colour can be unique in the network any more.
  const paletteUsed = new Set<string>();
  const note = (kim: BrandInput, color: string, hue: number | undefined) => {
    colors.set(kim.id, color);
    used.add(color);
    if (hue !== undefined) paletteUsed.add(color);
    const { regency, district } = areasOf(kim.village);
    if (hue !== undefined) pushTo(hues, district, hue);
    if (!usedIn.has(regency)) usedIn.set(regency, new Set());
    usedIn.get(regency)!.add(color);
  };
  const byColor = new Map(PALETTE.map((entry) => [entry.color, entry.hue]));
  // Chosen colours first: they are fixed, and the assigned ones keep away from them.
  for (const kim of kims) if (kim.color) note(kim, kim.color, byColor.get(kim.color));
  const ordered = kims.filter((kim) => !kim.color).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // The gap every hue keeps from all others in a network small enough to spread them (in degrees; 0: not spread).
  const spread = kims.length <= SPREAD_UP_TO ? Math.min(NEIGHBOUR_HUE_GAP, 300 / kims.length) : 0;
  const allHues: number[] = [...hues.values()].flat();
  for (const kim of ordered) {
    const { regency, district } = areasOf(kim.village);
    const near = hues.get(district) ?? [];
    const local = usedIn.get(regency);
    const start = hashText(kim.id) % PALETTE.length;
    // Stepping by 7 (coprime with the palette's 1,080 colours) visits every colour once, and
    // consecutive tries far apart in hue.
    const at = (i: number) => PALETTE[(start + i * 7) % PALETTE.length]!;
    // A small network spreads all its hues around the circle too, so its cards differ at a glance.
    const gap = (hue: number) =>
      Math.min(
        near.reduce((least, h) => Math.min(least, hueGap(h, hue)), 180),
        spread > 0 ? (allHues.reduce((least, h) => Math.min(least, hueGap(h, hue)), 180) * NEIGHBOUR_HUE_GAP) / spread : 180,
      );
    // Unique in the network while the palette lasts, then within the kabupaten/kota, then anywhere.
    const free = [
      ...(paletteUsed.size < PALETTE.length ? [(color: string) => !used.has(color)] : []),
      (color: string) => !(local?.has(color) ?? false),
      () => true,
    ];
    let chosen: { color: string; hue: number } | undefined;
    for (const isFree of free) {
      // The first free colour far enough from the kecamatan's hues, or else the free one farthest from them.
      let best: { color: string; hue: number } | undefined;
      let bestGap = -1;
      for (let i = 0; i < PALETTE.length; i++) {
        const entry = at(i);
        if (!isFree(entry.color)) continue;
        const g = gap(entry.hue);
        if (g >= NEIGHBOUR_HUE_GAP) {
          best = entry;
          break;
        }
        if (g > bestGap) [best, bestGap] = [entry, g];
      }
      chosen = best;
      if (chosen) break;
    }
    note(kim, chosen!.color, chosen!.hue);
    allHues.push(chosen!.hue);
  }
  return colors;
}

/** Every KIM's brand in its network, by id. */
export function assignBrands(kims: readonly BrandInput[]): Map<string, Brand> {
  const initials = assignInitials(kims);
  const colors = assignColors(kims);
  return new Map(
    kims.map((kim) => {
      const color = colors.get(kim.id)!;
      return [kim.id, { initials: initials.get(kim.id)!, color, chosen: Boolean(kim.color), ink: textColorOn(color), onPaper: readableOnPaper(color) }];
    }),
  );
}

/**
 * The stylesheet that gives a KIM's own pages (its page, its stories, its places) its colour: the
 * accent line beside the licence and the facts, the underline of links, the chips. The pages'
 * security policy forbids inline styles, so each colour is a file of its own (`/merek/<colour>.css`,
 * a few dozen bytes the browser keeps): one per colour, shared by KIM of the same colour.
 */
export function brandStylesheet(brand: Pick<Brand, 'color' | 'ink' | 'onPaper'>): string {
  return `.branded{--brand:${brand.color};--brand-ink:${brand.ink};--accent-line:${brand.onPaper}}\n`;
}

/** The name of a colour's stylesheet: its hex digits. */
export const brandSheetName = (color: string): string => color.replace(/^#/, '').toLowerCase();
