/**
 * The facets a search result can be narrowed by, computed once per page at build time and
 * written into the page for Pagefind: content type, kabupaten/kota, kecamatan, desa/kelurahan,
 * sector or kind, and year. Keys are short Indonesian words; the menu labels come from the dictionary.
 */
import type { Region, RegionTree } from '../regions/tree.ts';

export const FACET_KEYS = ['tipe', 'kabupaten', 'kecamatan', 'desa', 'sektor', 'tahun'] as const;
type FacetKey = (typeof FACET_KEYS)[number];
export type Facets = Partial<Record<FacetKey, string[]>>;

/** Content types as the filter menu names them. */
export const CONTENT_TYPES = { story: 'Cerita', place: 'Potensi', kim: 'KIM', region: 'Wilayah' } as const;

const namesakes = new WeakMap<RegionTree, Map<string, number>>();

/**
 * A region's name as a filter shows it. Villages share names (seven are called Batuah), and so do
 * some districts: a filter value must name one place, so a shared name gets its parent's name
 * ("Desa Batuah (Loa Janan)"), and where even that is shared (two namesakes in one district), its
 * code too. Counted once per tree over the regions with pages.
 */
export function facetName(tree: RegionTree, region: Region): string {
  const parentName = (r: Region) => (r.parentCode ? tree.require(r.parentCode).name : '');
  const byName = (r: Region) => `${r.level}:${r.fullName}`;
  const byParent = (r: Region) => `${byName(r)}:${parentName(r)}`;
  let counts = namesakes.get(tree);
  if (!counts) {
    counts = new Map();
    for (const r of tree.withPages()) for (const key of [byName(r), byParent(r)]) counts.set(key, (counts.get(key) ?? 0) + 1);
    namesakes.set(tree, counts);
  }
  if ((counts.get(byName(region)) ?? 0) < 2 || !region.parentCode) return region.fullName;
  if ((counts.get(byParent(region)) ?? 0) < 2) return `${region.fullName} (${parentName(region)})`;
  return `${region.fullName} (${parentName(region)}, ${region.code})`;
}

/**
 * Facets of a page about something located at `region` (a village, or a district for an
 * area-wide place): its own region and every level above it down to the village.
 */
export function searchFacets(
  tree: RegionTree,
  input: { type: keyof typeof CONTENT_TYPES; region: Region; sectors?: readonly string[]; date?: Date },
): Facets {
  const lineage = [...tree.ancestors(input.region.code), input.region];
  const at = (level: Region['level']) => {
    const region = lineage.find((r) => r.level === level);
    return region && facetName(tree, region);
  };
  const facets: Facets = { tipe: [CONTENT_TYPES[input.type]] };
  const regency = at('regency');
  const district = at('district');
  const village = at('village');
  if (regency) facets.kabupaten = [regency];
  if (district) facets.kecamatan = [district];
  if (village) facets.desa = [village];
  if (input.sectors && input.sectors.length > 0) facets.sektor = [...input.sectors];
  if (input.date) facets.tahun = [String(input.date.getUTCFullYear())];
  return facets;
}
