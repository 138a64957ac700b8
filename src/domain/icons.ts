/**
 * The icons that say an entry's kind before the words do: one per place kind and KIM sector, and
 * one per story category, from Lucide (ISC licence, a maintained open set), inlined as SVG at
 * build time so a page requests nothing for them. Only the icons named here reach the site.
 */
import clapperboard from 'lucide-static/icons/clapperboard.svg?raw';
import drama from 'lucide-static/icons/drama.svg?raw';
import calendarDays from 'lucide-static/icons/calendar-days.svg?raw';
import handHelping from 'lucide-static/icons/hand-helping.svg?raw';
import landmark from 'lucide-static/icons/landmark.svg?raw';
import laptop from 'lucide-static/icons/laptop.svg?raw';
import mapPin from 'lucide-static/icons/map-pin.svg?raw';
import megaphone from 'lucide-static/icons/megaphone.svg?raw';
import newspaper from 'lucide-static/icons/newspaper.svg?raw';
import radio from 'lucide-static/icons/radio.svg?raw';
import scissors from 'lucide-static/icons/scissors.svg?raw';
import sparkles from 'lucide-static/icons/sparkles.svg?raw';
import sprout from 'lucide-static/icons/sprout.svg?raw';
import store from 'lucide-static/icons/store.svg?raw';
import treePalm from 'lucide-static/icons/tree-palm.svg?raw';
import utensils from 'lucide-static/icons/utensils.svg?raw';
import type { SectorKey, StoryCategoryKey } from './taxonomy.ts';

const SOURCES = {
  clapperboard,
  drama,
  'calendar-days': calendarDays,
  'hand-helping': handHelping,
  landmark,
  laptop,
  'map-pin': mapPin,
  megaphone,
  newspaper,
  radio,
  scissors,
  sparkles,
  sprout,
  store,
  'tree-palm': treePalm,
  utensils,
} as const;

export type IconName = keyof typeof SOURCES;

/** The icon of each place kind and KIM sector. */
export const SECTOR_ICONS: Record<SectorKey, IconName> = {
  wisata: 'tree-palm',
  kuliner: 'utensils',
  kerajinan: 'scissors',
  umkm: 'store',
  budaya: 'drama',
  pertanian: 'sprout',
  teknologi: 'laptop',
  perfilman: 'clapperboard',
  lainnya: 'map-pin',
};

/** The icon of each story category. */
export const CATEGORY_ICONS: Record<StoryCategoryKey, IconName> = {
  berita: 'newspaper',
  kegiatan: 'calendar-days',
  potensi: 'sparkles',
  pengumuman: 'megaphone',
  'layanan-publik': 'hand-helping',
};

/** A KIM itself: an information group. */
export const KIM_ICON: IconName = 'radio';

/** The drawing inside an icon's `<svg>`: its paths and shapes, without the licence comment or the outer element. */
export function iconBody(name: IconName): string {
  const source = SOURCES[name];
  const body = /<svg[^>]*>([\s\S]*)<\/svg>/.exec(source)?.[1];
  if (body === undefined) throw new Error(`Ikon ${name} bukan SVG yang dikenal.`);
  return body.replace(/\s*\n\s*/g, '').replace(/\s*\/>/g, '/>');
}

/** An icon as an inline `<svg>` in the current text colour, hidden from assistive technology (a text label goes with it). */
export function iconSvg(name: IconName, size = 20): string {
  return (
    `<svg class="icon" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="${size}" height="${size}" aria-hidden="true" focusable="false" ` +
    `fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${iconBody(name)}</svg>`
  );
}
