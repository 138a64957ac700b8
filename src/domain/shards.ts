/**
 * Splitting a large network into shards, each built by its own process, so a national network
 * builds on one machine: no process holds more than a bounded number of villages' pages. This
 * module decides what each shard builds and which entries it needs; `scripts/build-sharded.ts`
 * does the building.
 *
 * A shard is a province (`64`) or, for a province too large for one process, a run of its
 * regencies in code order (`35-35.12`, `35.13-35.29`): the first run also owns the province's
 * own page, which is why it starts at the province code. A region shard builds the region pages
 * and the KIM, story and place pages located in it. It also receives the entries those pages
 * mention from elsewhere (a place in the next province a story is about, the stories from
 * elsewhere about one of its places), so every card and link can be drawn, but it does not
 * build their pages. The network shard builds the network-wide pages (home, listings, region
 * index) from every KIM and only the stories and places those pages show (see
 * `networkShardEntries`), with the figures of the whole network handed in beside them.
 */
import { byDateDesc, byName, isPublished, type KimLike, type KnownFigures, type PlaceLike, type StoryLike } from './network.ts';
import { feedStories } from './feeds.ts';
import { buildListings, buildTopicListings, HOME_CARDS, type ListingPage, type ListingSpec } from './listings.ts';
import type { RegionTree } from './regions/tree.ts';
import type { KnownStatistics } from './statistics.ts';
import { classifyPath, isAdminFile, type PageKind } from './urls.ts';

export const NETWORK_SHARD = 'jaringan';

/**
 * Villages per region shard: about 8,000 pages with the benchmark's defaults. Memory would allow
 * more; the search sets the limit. A search loads a shard's whole metadata and filter index, which
 * grow with its pages (about 110 bytes compressed per village, plus its largest word chunk), and a
 * first query must stay under 400 KB on a phone: 1,200 villages leaves room for Pagefind itself
 * and the search router (bench/README.md has the measured figures).
 */
export const SHARD_VILLAGES = 1200;

export interface ShardEntries {
  kim: Set<string>;
  stories: Set<string>;
  places: Set<string>;
  /**
   * Stories the network shard needs whole, body and photos: those its feeds carry (the network's
   * and each category's newest). Its other stories need their frontmatter only.
   */
  whole?: Set<string>;
}

interface Entries {
  kim: readonly { id: string; data: { village: string } }[];
  stories: readonly { id: string; data: { kim: string; places: readonly string[] } }[];
  places: readonly { id: string; data: { region: string; kim?: string | undefined } }[];
}

/** The province an entry's region code lies in. */
const provinceOf = (code: string) => code.slice(0, 2);

/** A region shard's bounds, as codes compared at regency depth: `35-35.12` is ["35", "35.12"]. */
function boundsOf(shard: string): [string, string] {
  const [first, last = first] = shard.split('-') as [string, string?];
  return [first, last];
}

/** True when a page for a region or entry located at `code` belongs to `shard`'s build. */
export function buildsInShard(shard: string | null, code: string): boolean {
  if (shard === null) return true;
  if (shard === NETWORK_SHARD) return false;
  const [first, last] = boundsOf(shard);
  if (first === last) return code === first || code.startsWith(`${first}.`);
  // Codes of one province sort by regency at this depth, and the province code sorts first.
  const key = code.slice(0, 5);
  return provinceOf(key) === provinceOf(first) && key >= first && key <= last;
}

/**
 * A region shard as a reader reads it, where the search page says which areas its results come
 * from: the province, or for a run of its regencies the province and the run's first and last
 * ("Jawa Timur: Kabupaten Pacitan – Kabupaten Jember").
 */
export function shardLabel(tree: RegionTree, shard: string): string {
  const province = tree.require(provinceOf(shard));
  if (!shard.includes('-')) return province.name;
  const regencies = tree.children(province.code).filter((r) => buildsInShard(shard, r.code));
  const first = regencies[0]!.fullName;
  const last = regencies.at(-1)!.fullName;
  return `${province.name}: ${first === last ? first : `${first} – ${last}`}`;
}

/** True when `shard` builds the network-wide pages (home, listings, region index). */
export function buildsNetworkPages(shard: string | null): boolean {
  return shard === null || shard === NETWORK_SHARD;
}

/**
 * The region shards of a network: one per province, or runs of whole regencies for a province
 * with more than `maxVillages` villages (a regency is never split).
 */
export function planShards(tree: RegionTree, maxVillages = SHARD_VILLAGES): string[] {
  const shards: string[] = [];
  for (const province of tree.roots()) {
    if (province.villageCount <= maxVillages) {
      shards.push(province.code);
      continue;
    }
    let run: string[] = [];
    let villages = 0;
    const close = () => {
      if (run.length === 0) return;
      const first = shards.some((s) => provinceOf(s) === province.code) ? run[0]! : province.code;
      shards.push(`${first}-${run.at(-1)!}`);
      run = [];
      villages = 0;
    };
    // Runs are ranges of codes, so they must be cut in code order.
    const regencies = tree.children(province.code).sort((a, b) => (a.code < b.code ? -1 : 1));
    const before = shards.length;
    for (const regency of regencies) {
      if (villages > 0 && villages + regency.villageCount > maxVillages) close();
      run.push(regency.code);
      villages += regency.villageCount;
    }
    close();
    // One regency larger than the limit: nothing to split, the shard is the province.
    if (shards.length === before + 1) shards[before] = province.code;
  }
  return shards;
}

/**
 * Which of `shards` builds the pages located at a code, remembered per regency: every entry
 * asks, and a national network has hundreds of thousands of them but only some 500 regencies.
 */
function shardLocator(shards: readonly string[]): (code: string | undefined) => string | undefined {
  const known = new Map<string, string | undefined>();
  return (code) => {
    if (code === undefined) return undefined;
    // Shard bounds compare codes at regency depth (buildsInShard), so the regency decides.
    const key = code.slice(0, 5);
    if (!known.has(key)) known.set(key, shards.find((shard) => buildsInShard(shard, key)));
    return known.get(key);
  };
}

/**
 * What each region shard must contain: its own entries, plus every entry its pages mention. One
 * pass over the entries for all shards together: linear in the number of entries, however many
 * shards there are.
 */
export function shardEntriesOf(entries: Entries, shards: readonly string[]): Map<string, ShardEntries> {
  const result = new Map<string, ShardEntries>(shards.map((shard) => [shard, { kim: new Set(), stories: new Set(), places: new Set() }]));
  const shardOf = shardLocator(shards);
  const of = (code: string | undefined) => {
    const shard = shardOf(code);
    return shard === undefined ? undefined : result.get(shard);
  };
  const kimVillage = new Map(entries.kim.map((k) => [k.id, k.data.village]));
  const placeById = new Map(entries.places.map((p) => [p.id, p]));

  for (const kim of entries.kim) of(kim.data.village)?.kim.add(kim.id);
  for (const place of entries.places) {
    const shard = of(place.data.region);
    if (!shard) continue;
    shard.places.add(place.id);
    if (place.data.kim) shard.kim.add(place.data.kim); // "Dikelola oleh" on the place page.
  }
  for (const story of entries.stories) {
    const holders = new Set<ShardEntries>();
    const own = of(kimVillage.get(story.data.kim));
    if (own) holders.add(own);
    for (const id of story.data.places) {
      const about = of(placeById.get(id)?.data.region);
      if (about) holders.add(about);
    }
    for (const shard of holders) {
      shard.stories.add(story.id);
      shard.kim.add(story.data.kim); // Every story card names its KIM and village.
      for (const id of story.data.places) shard.places.add(id); // "Tempat dalam cerita ini".
    }
  }
  // The first run of a split province builds the province's page and place directory, whose
  // cards and map show places and KIM from every run of the province.
  const owners = new Map<string, ShardEntries>();
  for (const shard of shards) {
    const province = ownedProvince(shard);
    if (province) owners.set(province, result.get(shard)!);
  }
  if (owners.size > 0) {
    for (const kim of entries.kim) owners.get(provinceOf(kim.data.village))?.kim.add(kim.id);
    for (const place of entries.places) owners.get(provinceOf(place.data.region))?.places.add(place.id);
  }
  // A foreign place mentioned above may name its own KIM; the card does not need it, but the
  // content gate checks every reference, so the KIM comes along.
  for (const shard of result.values()) {
    for (const id of shard.places) {
      const kim = placeById.get(id)?.data.kim;
      if (kim) shard.kim.add(kim);
    }
  }
  return result;
}

/**
 * Adds stories a shard's pages list though they lie beyond its regencies (the newest of a split
 * province, on the province's page), with what their cards and the content gate need: their KIM,
 * the places they mention and those places' KIM.
 */
export function addListedStories(
  shard: ShardEntries,
  stories: readonly Entries['stories'][number][],
  place: (id: string) => Entries['places'][number] | undefined,
): void {
  for (const story of stories) {
    shard.stories.add(story.id);
    shard.kim.add(story.data.kim);
    for (const id of story.data.places) {
      shard.places.add(id);
      const kim = place(id)?.data.kim;
      if (kim) shard.kim.add(kim);
    }
  }
}

/** What one region shard must contain (see `shardEntriesOf`). */
export function shardEntries(entries: Entries, shard: string): ShardEntries {
  return shardEntriesOf(entries, [shard]).get(shard)!;
}

/** How many entries the network's listings count, per listing: `all` and each facet key. */
type ListingTotals = Record<string, number>;

/** How many entries each of the network's listings has. */
export interface ListingFigures {
  stories: ListingTotals;
  places: ListingTotals;
  kim: ListingTotals;
  /** Each story topic's listing, by topic key (`/cerita/topik/<key>/`). */
  topics: ListingTotals;
}

/**
 * What a shard cannot count from the entries it holds: the network's totals and listing sizes
 * (network shard), the figures of a province and its regencies (the first run of a split province).
 */
export interface NetworkFigures extends KnownFigures {
  listings?: ListingFigures | undefined;
  /** The dashboard's figures of the areas the shard shows but does not hold (statistics.ts). */
  statistics?: KnownStatistics | undefined;
}

/** The province whose own page a run of regencies builds: the first run of a split province. */
export function ownedProvince(shard: string): string | null {
  const [first, last] = boundsOf(shard);
  return first !== last && first.length === 2 ? first : null;
}

/** The regions whose figures the shard owning a split province's page needs from outside. */
export function regionsNeedingFigures(tree: RegionTree, shard: string): string[] {
  const province = ownedProvince(shard);
  return province ? [province, ...tree.children(province).map((r) => r.code)] : [];
}

/**
 * What a listing shows and how big it is, from the same `buildListings` the pages use, so the
 * network shard receives exactly the entries its listing pages will draw.
 */
function listingFigures<T extends { id: string }>(items: readonly T[], spec: ListingSpec<T>, shown?: Set<string>): ListingTotals {
  return figuresOf(buildListings(items, spec), shown);
}

/** Each listing's size, keyed by its facet, and (into `shown`) every item its pages show. */
function figuresOf<T extends { id: string }>(listings: readonly ListingPage<T>[], shown?: Set<string>): ListingTotals {
  const totals: ListingTotals = {};
  for (const listing of listings) {
    // Every page of a listing carries the same `shown` array; its first page is enough.
    if (listing.page.number > 1) continue;
    totals[listing.facet?.key ?? 'all'] = listing.totalItems;
    if (shown) for (const item of listing.shown) shown.add(item.id);
  }
  return totals;
}

/**
 * What the network shard needs: every KIM (coverage figures count them), the stories and places
 * its listings and home page show, the places those stories mention (the gate checks every
 * reference), and the size of each listing, which it can no longer count itself.
 */
export function networkShardEntries<K extends KimLike, S extends StoryLike, P extends PlaceLike>(
  entries: { kim: readonly K[]; stories: readonly S[]; places: readonly P[] },
  specs: { stories: ListingSpec<S>; places: ListingSpec<P>; kim: ListingSpec<K> },
  now: Date,
): { entries: ShardEntries; listings: ListingFigures } {
  // Already in this order when they come from a NetworkModel, as in a plan: sorting an ordered
  // list costs one comparison per entry.
  const stories = entries.stories.filter((s) => isPublished(s, now)).sort(byDateDesc);
  const places = [...entries.places].sort(byName);
  const kims = [...entries.kim].sort(byName);
  const result: ShardEntries = { kim: new Set(entries.kim.map((k) => k.id)), stories: new Set(), places: new Set() };
  const listings = {
    stories: listingFigures(stories, specs.stories, result.stories),
    places: listingFigures(places, specs.places, result.places),
    kim: listingFigures(kims, specs.kim),
    topics: figuresOf(buildTopicListings(stories, specs.stories), result.stories),
  };
  // The network's feed and each category's carry the newest stories in full.
  const whole = new Set(feedStories(stories).map((s) => s.id));
  const byCategory = Map.groupBy(stories, (s) => s.data.category);
  for (const list of byCategory.values()) for (const story of feedStories(list)) whole.add(story.id);
  for (const id of whole) result.stories.add(id);
  result.whole = whole;
  for (const place of places.filter((p) => p.data.featured).slice(0, HOME_CARDS)) result.places.add(place.id);
  for (const story of entries.stories) if (result.stories.has(story.id)) for (const id of story.data.places) result.places.add(id);
  return { entries: result, listings };
}

/** The pages a region shard owns: region pages below the index, place directories, entry pages and a KIM's printables, never network listings. */
const REGION_SHARD_PAGES: ReadonlySet<PageKind> = new Set(['region', 'directory', 'statistics', 'kim', 'brand-kit', 'poster', 'story', 'place']);

/**
 * Whether a URL path (without the deploy base) belongs in this shard's sitemap. Every shard also
 * renders the few fixed pages (home, guide, 404), but only the network shard's copies are kept.
 */
export function inShardSitemap(shard: string | null, pathname: string): boolean {
  // The web CMS is for KIM members, not for search engines.
  if (isAdminFile(pathname.replace(/^\/+/, ''))) return false;
  if (shard === null || shard === NETWORK_SHARD) return true;
  const page = classifyPath(pathname);
  return REGION_SHARD_PAGES.has(page.kind) && (!(page.kind === 'directory' || page.kind === 'statistics') || page.depth! > 0);
}
