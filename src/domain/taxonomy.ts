/**
 * The one taxonomy of sectors and kinds. A KIM works in sectors; a place is of one kind; the
 * listings and (later) search filters use the same keys. Keys are URL segments and frontmatter
 * values, so they are Indonesian and never change; labels live in the UI dictionary.
 */
const SECTORS = [
  { key: 'wisata', placeKind: true },
  { key: 'kuliner', placeKind: true },
  { key: 'kerajinan', placeKind: true },
  { key: 'umkm', placeKind: true },
  { key: 'budaya', placeKind: true },
  { key: 'pertanian', placeKind: true },
  { key: 'teknologi', placeKind: false },
  { key: 'perfilman', placeKind: false },
  { key: 'lainnya', placeKind: true },
] as const;

export type SectorKey = (typeof SECTORS)[number]['key'];
export type PlaceKindKey = Extract<(typeof SECTORS)[number], { placeKind: true }>['key'];

export const SECTOR_KEYS = SECTORS.map((s) => s.key) as [SectorKey, ...SectorKey[]];
export const PLACE_KIND_KEYS = SECTORS.filter((s) => s.placeKind).map((s) => s.key) as [
  PlaceKindKey,
  ...PlaceKindKey[],
];

/** What a story is, for the newsroom's sections. */
export const STORY_CATEGORY_KEYS = ['berita', 'kegiatan', 'potensi', 'pengumuman', 'layanan-publik'] as const;
export type StoryCategoryKey = (typeof STORY_CATEGORY_KEYS)[number];

/**
 * Licences a story may carry. CC BY 4.0 is the default because it lets journalists and other
 * KIM republish with credit, which is what a community newsroom wants.
 */
export const LICENSES = {
  'CC-BY-4.0': { url: 'https://creativecommons.org/licenses/by/4.0/deed.id', republish: true },
  'CC-BY-SA-4.0': { url: 'https://creativecommons.org/licenses/by-sa/4.0/deed.id', republish: true },
  'CC-BY-NC-4.0': { url: 'https://creativecommons.org/licenses/by-nc/4.0/deed.id', republish: true },
  'CC0-1.0': { url: 'https://creativecommons.org/publicdomain/zero/1.0/deed.id', republish: true },
  'hak-cipta': { url: null, republish: false },
} as const;
export type LicenseKey = keyof typeof LICENSES;
export const LICENSE_KEYS = Object.keys(LICENSES) as [LicenseKey, ...LicenseKey[]];
export const DEFAULT_LICENSE: LicenseKey = 'CC-BY-4.0';

/** Rough price bands for places, so readers on a budget can filter without exact figures. */
export const PRICE_RANGE_KEYS = ['gratis', 'murah', 'sedang', 'mahal'] as const;
type PriceRangeKey = (typeof PRICE_RANGE_KEYS)[number];
