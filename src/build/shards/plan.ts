/**
 * What a sharded build does, decided once from the validated network: the shards, which entries
 * each needs, the figures each cannot count itself, and how the search page finds a kabupaten's
 * shard. Pure: the command (scripts/build-sharded.ts) writes it to disk and runs the builds.
 */
import { AREA_STORIES, LISTING_SPECS } from '../../domain/listings.ts';
import { NetworkModel } from '../../domain/network.ts';
import { NetworkStatistics } from '../../domain/statistics.ts';
import { PLACE_KIND_KEYS, SECTOR_KEYS } from '../../domain/taxonomy.ts';
import { facetName } from '../../domain/search/facets.ts';
import {
  addListedStories,
  buildsInShard,
  NETWORK_SHARD,
  networkShardEntries,
  ownedProvince,
  planShards,
  regionsNeedingFigures,
  shardEntriesOf,
  shardLabel,
  type NetworkFigures,
  type ShardEntries,
} from '../../domain/shards.ts';
import type { EntryFacts, ValidNetwork } from '../../format/validation/types.ts';

/** The plan every later step reads (written as plan.json between the steps). */
export interface ShardPlan {
  /** Region shards in build order, then the network shard. */
  shards: string[];
  provinces: number;
  /** The shard holding each kabupaten/kota, by the name its search facet uses, so a search narrowed to it loads one index. */
  kabupaten: Record<string, string>;
  /** Each region shard as the search page names it. */
  labels: Record<string, string>;
  /** Villages each region shard builds, to tell how far a long build has come. */
  villages: Record<string, number>;
}

export interface PreparedShards {
  plan: ShardPlan;
  /** The entries each shard's content folder holds. */
  contents: Map<string, ShardEntries>;
  /** The figures each shard is handed. */
  figures: Map<string, NetworkFigures>;
}

/**
 * Plans a sharded build of `network`, whose stories must be the published ones only: an
 * unpublished story stays out of every shard, its text and its photos.
 */
export function prepareShards(network: ValidNetwork<EntryFacts>, { shardVillages, now }: { shardVillages: number; now: Date }): PreparedShards {
  const { tree } = network;
  // Counted once over every entry, for the shards that hold only part of them.
  const model = new NetworkModel({ tree, kims: network.kim, stories: network.stories, places: network.places, now });
  const regionShards = planShards(tree, shardVillages);
  const regencies = tree.roots().flatMap((province) => tree.children(province.code));
  // The network pages show every province and regency with its coverage and places.
  const areas = [...tree.roots(), ...regencies];
  const contents = new Map<string, ShardEntries>();
  const figures = new Map<string, NetworkFigures>();
  const regionContents = shardEntriesOf(network, regionShards);
  const statistics = new NetworkStatistics({
    tree,
    kims: model.kims,
    stories: model.stories,
    places: model.places,
    now,
    settings: network.config.statistics,
    sectorKeys: SECTOR_KEYS,
    kindKeys: PLACE_KIND_KEYS,
  });
  const brands = model.brands();
  const brandsOf = (kims: Iterable<string>) => Object.fromEntries([...kims].map((id) => [id, brands.get(id)!]));
  for (const shard of regionShards) {
    const entries = regionContents.get(shard)!;
    // The page of a split province lists its newest stories, from whichever of its runs.
    const province = ownedProvince(shard);
    if (province) addListedStories(entries, model.storiesWithin(province).slice(0, AREA_STORIES), (id) => model.place(id));
    contents.set(shard, entries);
    const outside = regionsNeedingFigures(tree, shard);
    // Every dashboard figure the shard's pages show depends on the clock: handed in, so the
    // shard's key changes with them (statistics.ts).
    const built = areas.filter((r) => buildsInShard(shard, r.code));
    const districts = built.filter((r) => r.level === 'regency').flatMap((r) => tree.children(r.code)).map((d) => d.code);
    figures.set(shard, {
      regions: Object.fromEntries(outside.map((code) => [code, model.stats(code)])),
      brands: brandsOf(entries.kim),
      statistics: statistics.known([...new Set([...outside, ...built.map((r) => r.code), ...districts])], { districts }),
    });
  }
  const { entries, listings } = networkShardEntries({ kim: model.kims, stories: model.stories, places: model.places }, LISTING_SPECS, now);
  contents.set(NETWORK_SHARD, entries);
  figures.set(NETWORK_SHARD, {
    totals: model.totals(),
    listings,
    regions: Object.fromEntries(areas.map((r) => [r.code, model.stats(r.code)])),
    brands: brandsOf(entries.kim),
    statistics: statistics.known(areas.map((r) => r.code), { network: true }),
  });

  const kabupaten: Record<string, string> = {};
  const ambiguous = new Set<string>();
  const villages: Record<string, number> = {};
  for (const regency of regencies) {
    const shard = regionShards.find((s) => buildsInShard(s, regency.code))!;
    villages[shard] = (villages[shard] ?? 0) + regency.villageCount;
    const name = facetName(tree, regency);
    // Facet names are unique; should two still meet, such a search loads every index.
    if (kabupaten[name] !== undefined && kabupaten[name] !== shard) ambiguous.add(name);
    kabupaten[name] = shard;
  }
  for (const name of ambiguous) delete kabupaten[name];
  const labels = Object.fromEntries(regionShards.map((shard) => [shard, shardLabel(tree, shard)]));
  return { plan: { shards: [...regionShards, NETWORK_SHARD], provinces: tree.roots().length, kabupaten, labels, villages }, contents, figures };
}

/**
 * How long the shards not yet built will take, from the time per village of those built so far;
 * the network shard counts as an average shard. Undefined until one region shard is done.
 */
export function remainingSeconds(plan: ShardPlan, done: ReadonlyMap<string, number>): number | undefined {
  const measured = [...done].filter(([shard]) => (plan.villages[shard] ?? 0) > 0);
  const builtVillages = measured.reduce((sum, [shard]) => sum + plan.villages[shard]!, 0);
  if (builtVillages === 0) return undefined;
  const perVillage = measured.reduce((sum, [, seconds]) => sum + seconds, 0) / builtVillages;
  const regionShards = plan.shards.filter((s) => s !== NETWORK_SHARD);
  const average = regionShards.reduce((sum, s) => sum + (plan.villages[s] ?? 0), 0) / Math.max(1, regionShards.length);
  return plan.shards.filter((s) => !done.has(s)).reduce((sum, s) => sum + perVillage * (plan.villages[s] ?? average), 0);
}
