/**
 * Splitting a large network into province shards, each built by its own process, so a national
 * network builds on one machine: no process holds more than one province's pages. This module
 * decides which entries each shard needs; `scripts/build-sharded.ts` does the building.
 *
 * A province shard builds the region pages of its province and the KIM, story and place pages
 * located there. It also receives the entries those pages mention from elsewhere (a place in
 * the next province a story is about, the stories from elsewhere about one of its places), so
 * every card and link can be drawn, but it does not build their pages. The network shard builds
 * the network-wide pages (home, listings, the region index) from every entry's frontmatter.
 */
import { isWithin } from './regions/codes.ts';

export const NETWORK_SHARD = 'jaringan';

export interface ShardEntries {
  kim: Set<string>;
  stories: Set<string>;
  places: Set<string>;
}

interface Entries {
  kim: readonly { id: string; data: { village: string } }[];
  stories: readonly { id: string; data: { kim: string; places: readonly string[] } }[];
  places: readonly { id: string; data: { region: string; kim?: string | undefined } }[];
}

/** The province an entry's region code lies in. */
export const provinceOf = (code: string) => code.slice(0, 2);

/** True when a page for a region or entry located at `code` belongs to `shard`'s build. */
export function buildsInShard(shard: string | null, code: string): boolean {
  return shard === null || (shard !== NETWORK_SHARD && isWithin(code, shard));
}

/** True when `shard` builds the network-wide pages (home, listings, region index). */
export function buildsNetworkPages(shard: string | null): boolean {
  return shard === null || shard === NETWORK_SHARD;
}

/**
 * What a province shard must contain: its own entries, plus every entry its pages mention.
 * Linear in the number of entries.
 */
export function shardEntries(entries: Entries, province: string): ShardEntries {
  const kimVillage = new Map(entries.kim.map((k) => [k.id, k.data.village]));
  const placeRegion = new Map(entries.places.map((p) => [p.id, p.data.region]));
  const here = (code: string | undefined) => code !== undefined && provinceOf(code) === province;
  const result: ShardEntries = { kim: new Set(), stories: new Set(), places: new Set() };

  for (const kim of entries.kim) if (here(kim.data.village)) result.kim.add(kim.id);
  for (const place of entries.places) {
    if (!here(place.data.region)) continue;
    result.places.add(place.id);
    if (place.data.kim) result.kim.add(place.data.kim); // "Dikelola oleh" on the place page.
  }
  for (const story of entries.stories) {
    const own = here(kimVillage.get(story.data.kim));
    const aboutPlaceHere = story.data.places.some((id) => here(placeRegion.get(id)));
    if (!own && !aboutPlaceHere) continue;
    result.stories.add(story.id);
    result.kim.add(story.data.kim); // Every story card names its KIM and village.
    for (const id of story.data.places) result.places.add(id); // "Tempat dalam cerita ini".
  }
  // A foreign place mentioned above may name its own KIM; the card does not need it, but the
  // content gate checks every reference, so the KIM comes along.
  for (const place of entries.places) if (result.places.has(place.id) && place.data.kim) result.kim.add(place.data.kim);
  return result;
}

/** The pages a province shard owns: region pages below the index and entry pages, never listings. */
const PROVINCE_PAGE = /^\/(?:wilayah\/[^/]+(?:\/[^/]+)*|(?:kim|cerita|potensi)\/(?!halaman\/|kategori\/|jenis\/|sektor\/)[^/]+)\/$/;

/**
 * Whether a URL path (without the deploy base) belongs in this shard's sitemap. Every shard also
 * renders the few fixed pages (home, guide, 404), but only the network shard's copies are kept.
 */
export function inShardSitemap(shard: string | null, pathname: string): boolean {
  if (shard === null || shard === NETWORK_SHARD) return true;
  return PROVINCE_PAGE.test(pathname);
}
