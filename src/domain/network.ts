/**
 * The network as pages see it: every entry indexed once per build, so no page ever scans a
 * collection or the region list. Generic over the entry types, because the Astro build hands
 * in entries whose images are resolved while tests hand in plain data.
 */
import { assignBrands, type Brand } from './brand.ts';
import { lineageOf } from './regions/codes.ts';
import { topicKeysOf } from './topics.ts';
import type { Region, RegionTree } from './regions/tree.ts';

export interface KimLike {
  id: string;
  data: { name: string; village: string; sectors: readonly string[]; active: boolean; color?: string | undefined };
}
export interface StoryLike {
  id: string;
  data: { title: string; date: Date; kim: string; category: string; tags: readonly string[]; places: readonly string[]; draft: boolean };
}
export interface PlaceLike {
  id: string;
  data: { name: string; kind: string; region: string; kim?: string | undefined; featured: boolean };
}

/** What a region page reports about the area below it. */
export interface RegionStats {
  villages: number;
  villagesWithKim: number;
  kims: number;
  stories: number;
  places: number;
}

/**
 * Figures measured over the whole network, for a build that holds only part of its entries (a
 * shard, see shards.ts): they replace what the model would count from its own entries.
 */
export interface KnownFigures {
  totals?: RegionStats | undefined;
  regions?: Readonly<Record<string, RegionStats>> | undefined;
  /** Brands decided over every KIM of the network (brand.ts), by KIM id. */
  brands?: Readonly<Record<string, Brand>> | undefined;
}

/** How many of the newest stories of one KIM, place, tag or category are considered as related. */
export const RELATED_CANDIDATES = 50;

const EMPTY_STATS: RegionStats = Object.freeze({ villages: 0, villagesWithKim: 0, kims: 0, stories: 0, places: 0 });

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A story is public once it is not a draft and its date has come. */
export function isPublished(story: { data: { draft: boolean; date: Date } }, now: Date): boolean {
  return !story.data.draft && story.data.date.getTime() <= now.getTime();
}

/** Entry order of the network's KIM and places. */
export const byName = (a: { data: { name: string } }, b: { data: { name: string } }) => a.data.name.localeCompare(b.data.name, 'id');
/** Story order: newest first, then by id so equal dates never reorder between builds. */
export const byDateDesc = (a: StoryLike, b: StoryLike) => b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id);

export class NetworkModel<K extends KimLike, S extends StoryLike, P extends PlaceLike> {
  readonly tree: RegionTree;
  /** KIM in name order. */
  readonly kims: readonly K[];
  /** Published stories, newest first. */
  readonly stories: readonly S[];
  /** Places in name order. */
  readonly places: readonly P[];
  readonly #kimById: Map<string, K>;
  readonly #placeById: Map<string, P>;
  readonly #kimsByVillage = new Map<string, K[]>();
  readonly #storiesByKim = new Map<string, S[]>();
  readonly #storiesByPlace = new Map<string, S[]>();
  // Related stories' sources, within one kabupaten/kota: keyed by its code and the place, tag or category.
  readonly #relatedByPlace = new Map<string, S[]>();
  readonly #relatedByTag = new Map<string, S[]>();
  readonly #relatedByCategory = new Map<string, S[]>();
  readonly #placesByKim = new Map<string, P[]>();
  readonly #placesWithin = new Map<string, P[]>();
  readonly #kimsWithin = new Map<string, K[]>();
  readonly #storiesWithin = new Map<string, S[]>();
  readonly #stats = new Map<string, RegionStats>();
  readonly #known: KnownFigures;
  readonly #brands: ReadonlyMap<string, Brand>;
  // A national network walks up from 390,000 entries but only 84,000 villages: each village's
  // codes are made once, and the maps keyed by them hash each string once (issue #12's rebuild).
  readonly #lineages = new Map<string, readonly string[]>();

  constructor(input: { tree: RegionTree; kims: readonly K[]; stories: readonly S[]; places: readonly P[]; now: Date; known?: KnownFigures }) {
    this.#known = input.known ?? {};
    this.tree = input.tree;
    this.kims = [...input.kims].sort(byName);
    this.stories = input.stories.filter((s) => isPublished(s, input.now)).sort(byDateDesc);
    this.places = [...input.places].sort(byName);
    this.#kimById = new Map(this.kims.map((k) => [k.id, k]));
    this.#placeById = new Map(this.places.map((p) => [p.id, p]));

    for (const kim of this.kims) push(this.#kimsByVillage, kim.data.village, kim);
    for (const story of this.stories) {
      push(this.#storiesByKim, story.data.kim, story);
      for (const place of story.data.places) push(this.#storiesByPlace, place, story);
      const regency = this.#regencyOf(story);
      if (regency === undefined) continue;
      for (const place of story.data.places) push(this.#relatedByPlace, `${regency}\0${place}`, story);
      for (const tag of topicKeysOf(story)) push(this.#relatedByTag, `${regency}\0${tag}`, story);
      push(this.#relatedByCategory, `${regency}\0${story.data.category}`, story);
    }
    for (const place of this.places) {
      for (const code of this.#lineage(place.data.region)) push(this.#placesWithin, code, place);
      if (place.data.kim) push(this.#placesByKim, place.data.kim, place);
    }
    for (const kim of this.kims) {
      for (const code of this.#lineage(kim.data.village)) push(this.#kimsWithin, code, kim);
    }
    // Stories are already newest first, so every region's list is too.
    for (const story of this.stories) {
      const kim = this.#kimById.get(story.data.kim);
      if (kim) for (const code of this.#lineage(kim.data.village)) push(this.#storiesWithin, code, story);
    }
    this.#computeStats();
    // Letters and colours tell KIM apart only when decided over the whole network: a shard,
    // holding part of it, is handed them.
    this.#brands = this.#known.brands
      ? new Map(Object.entries(this.#known.brands))
      : assignBrands(this.kims.map((k) => ({ id: k.id, name: k.data.name, village: k.data.village, color: k.data.color })));
  }

  /** A KIM's monogram letters and colours in this network. */
  brand(id: string): Brand {
    const brand = this.#brands.get(id);
    if (!brand) throw new Error(`KIM ${id} tidak punya merek: tidak ada di jaringan ini.`);
    return brand;
  }

  /** Every KIM's brand, by id (for a sharded build to hand on). */
  brands(): ReadonlyMap<string, Brand> {
    return this.#brands;
  }

  /** A code and every code above it: the regions an entry located there counts in. */
  #lineage(code: string): readonly string[] {
    let codes = this.#lineages.get(code);
    if (!codes) this.#lineages.set(code, (codes = lineageOf(code)));
    return codes;
  }

  #bump(code: string, field: keyof RegionStats, by = 1): void {
    const stats = this.#stats.get(code) ?? { ...EMPTY_STATS };
    stats[field] += by;
    this.#stats.set(code, stats);
  }

  /** One walk up the code hierarchy per entry: linear in the number of entries. */
  #computeStats(): void {
    for (const village of this.#kimsByVillage.keys()) {
      for (const code of this.#lineage(village)) this.#bump(code, 'villagesWithKim');
    }
    for (const kim of this.kims) {
      for (const code of this.#lineage(kim.data.village)) this.#bump(code, 'kims');
    }
    for (const [kim, stories] of this.#storiesByKim) {
      const village = this.#kimById.get(kim)?.data.village;
      if (village !== undefined) for (const code of this.#lineage(village)) this.#bump(code, 'stories', stories.length);
    }
    for (const place of this.places) {
      for (const code of this.#lineage(place.data.region)) this.#bump(code, 'places');
    }
  }

  kim(id: string): K | undefined {
    return this.#kimById.get(id);
  }

  place(id: string): P | undefined {
    return this.#placeById.get(id);
  }

  /** Figures for a region page, counting only what lies in the network's scope. */
  stats(code: string): RegionStats {
    const known = this.#known.regions?.[code];
    if (known) return { ...known };
    const region = this.tree.require(code);
    return { ...(this.#stats.get(code) ?? EMPTY_STATS), villages: region.villageCount };
  }

  /** Figures for the whole network. */
  totals(): RegionStats {
    if (this.#known.totals) return { ...this.#known.totals };
    const roots = this.tree.roots();
    return {
      villages: roots.reduce((sum, r) => sum + r.villageCount, 0),
      villagesWithKim: this.#kimsByVillage.size,
      kims: this.kims.length,
      stories: this.stories.length,
      places: this.places.length,
    };
  }

  kimsInVillage(code: string): readonly K[] {
    return this.#kimsByVillage.get(code) ?? [];
  }

  storiesByKim(id: string): readonly S[] {
    return this.#storiesByKim.get(id) ?? [];
  }

  storiesAboutPlace(id: string): readonly S[] {
    return this.#storiesByPlace.get(id) ?? [];
  }

  placesByKim(id: string): readonly P[] {
    return this.#placesByKim.get(id) ?? [];
  }

  /** Places located in this region or anywhere below it, in name order: a region's place directory. */
  placesWithin(code: string): readonly P[] {
    return this.#placesWithin.get(code) ?? [];
  }

  /** KIM based in this region or anywhere below it, in name order. */
  kimsWithin(code: string): readonly K[] {
    return this.#kimsWithin.get(code) ?? [];
  }

  /** Stories whose KIM is based in this region or anywhere below it, newest first: a region's news. */
  storiesWithin(code: string): readonly S[] {
    return this.#storiesWithin.get(code) ?? [];
  }

  /**
   * The other villages of a village's kecamatan, in official order: the places a reader of a
   * village without a KIM can turn to next. Empty for a region that is not a village.
   */
  neighbours(code: string): Region[] {
    const region = this.tree.require(code);
    if (region.level !== 'village' || !region.parentCode) return [];
    return this.tree.children(region.parentCode).filter((other) => other.code !== code);
  }

  /**
   * What lies around a village, for the page of one without a KIM: the KIM of its kecamatan, the
   * kecamatan's latest stories, and its neighbouring villages. Everything comes from indexes built
   * once, so each village page costs the size of its kecamatan, not of the network.
   */
  surroundings(code: string, storyLimit: number): { district: Region | undefined; kims: readonly K[]; stories: readonly S[]; neighbours: Region[] } {
    const region = this.tree.require(code);
    if (region.level !== 'village' || !region.parentCode) return { district: undefined, kims: [], stories: [], neighbours: [] };
    const district = region.parentCode;
    return {
      district: this.tree.require(district),
      kims: this.kimsWithin(district),
      stories: this.storiesWithin(district).slice(0, storyLimit),
      neighbours: this.neighbours(code),
    };
  }

  /** Stories whose KIM is based in this village. */
  storiesInVillage(code: string): S[] {
    return this.kimsInVillage(code)
      .flatMap((k) => this.storiesByKim(k.id))
      .sort(byDateDesc);
  }

  /** The village a KIM serves. */
  villageOf(kim: K): Region {
    return this.tree.require(kim.data.village);
  }

  /** Where a story comes from: the village of its KIM. */
  storyVillage(story: S): Region {
    return this.villageOf(this.#kimById.get(story.data.kim)!);
  }

  /**
   * The stories `related` scores for `story`: the newest RELATED_CANDIDATES of its KIM, and of
   * each of its places and tags and of its category within its kabupaten/kota. Scoring every story against every other would
   * be quadratic, hours at national scale; this keeps the work per story bounded.
   */
  relatedCandidates(story: S): Set<S> {
    const newest = (list: readonly S[] | undefined) => (list ?? []).slice(0, RELATED_CANDIDATES);
    const candidates = new Set<S>(newest(this.#storiesByKim.get(story.data.kim)));
    const regency = this.#regencyOf(story);
    if (regency !== undefined) {
      for (const place of story.data.places) for (const other of newest(this.#relatedByPlace.get(`${regency}\0${place}`))) candidates.add(other);
      for (const tag of topicKeysOf(story)) for (const other of newest(this.#relatedByTag.get(`${regency}\0${tag}`))) candidates.add(other);
      for (const other of newest(this.#relatedByCategory.get(`${regency}\0${story.data.category}`))) candidates.add(other);
    }
    candidates.delete(story);
    return candidates;
  }

  /**
   * The kabupaten/kota of a story's KIM. Related stories come from the story's own kabupaten/kota:
   * news from nearby is what its reader follows, and a shard of a national build holds every story
   * of its kabupaten/kota but not the whole network, so a story page is the same in either build.
   */
  #regencyOf(story: S): string | undefined {
    const village = this.#kimById.get(story.data.kim)?.data.village;
    return village === undefined ? undefined : this.#lineage(village)[1];
  }

  /**
   * Stories a reader of `story` may want next: shared places weigh most, then the same KIM,
   * shared tags, and the same category; ties go to the newer story.
   */
  related(story: S, limit = 3): S[] {
    const tags = new Set(topicKeysOf(story));
    const places = new Set(story.data.places);
    const scored: { story: S; score: number }[] = [];
    for (const other of this.relatedCandidates(story)) {
      let score = 0;
      score += other.data.places.filter((p) => places.has(p)).length * 4;
      if (other.data.kim === story.data.kim) score += 3;
      score += topicKeysOf(other).filter((t) => tags.has(t)).length * 2;
      if (other.data.category === story.data.category) score += 1;
      if (score > 0) scored.push({ story: other, score });
    }
    return scored
      .sort((a, b) => b.score - a.score || byDateDesc(a.story, b.story))
      .slice(0, limit)
      .map((s) => s.story);
  }
}
