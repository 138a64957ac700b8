/**
 * The Astro side of the data: the only module (with the content config and pages) that touches
 * `astro:*`. It queries each collection once per build and hands pages a ready-made model.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { base, cacheDir, contentDir, figures, network as config, now, repository, shard } from 'virtual:jembatan/network';
import { createTranslator } from './i18n/index.ts';
import { tileOrigin } from '../domain/map.ts';
import { NetworkModel } from '../domain/network.ts';
import { NetworkStatistics } from '../domain/statistics.ts';
import { PLACE_KIND_KEYS, SECTOR_KEYS } from '../domain/taxonomy.ts';
import { sharedGate } from '../format/gate.ts';
import { CONTENT_FOLDER } from '../format/read.ts';
import { adminContentSecurityPolicy, metaContentSecurityPolicy } from './security.ts';
import { cmsConfig, cmsOrigins, type CmsConfig } from './cms.ts';
import { encodeRegions } from '../domain/regions/compact.ts';
import { buildsInShard, buildsNetworkPages } from '../domain/shards.ts';
import { createUrls } from '../domain/urls.ts';

export type Kim = CollectionEntry<'kim'>;
export type Story = CollectionEntry<'stories'>;
export type Place = CollectionEntry<'places'>;
export type Network = NetworkModel<Kim, Story, Place>;

let cached: Promise<Network> | undefined;

async function load(): Promise<Network> {
  const [published, kims, stories, places] = await Promise.all([
    // The region tree the gate built for the scope: the official lists are read once per build.
    sharedGate(contentDir, { now }),
    getCollection('kim'),
    getCollection('stories'),
    getCollection('places'),
  ]);
  if (!published.tree) throw new Error('Gerbang konten belum lolos; halaman tidak dibangun.');
  return new NetworkModel({ tree: published.tree, kims, stories, places, now, known: figures ?? {} });
}

/** The network model, built once per build however many pages ask for it. */
export function getNetwork(): Promise<Network> {
  cached ??= load();
  return cached;
}

let statistics: Promise<NetworkStatistics> | undefined;

/** The dashboard's figures, counted once per build (or handed in, for what a shard does not hold). */
export function getStatistics(): Promise<NetworkStatistics> {
  statistics ??= getNetwork().then(
    (network) =>
      new NetworkStatistics({
        tree: network.tree,
        kims: network.kims,
        stories: network.stories,
        places: network.places,
        now,
        settings: config.statistics,
        sectorKeys: SECTOR_KEYS,
        kindKeys: PLACE_KIND_KEYS,
        known: figures?.statistics,
      }),
  );
  return statistics;
}

export { config };

/** The build cache folder, kept between builds (drawn social previews live there). */
export { cacheDir };

/** The `<meta>` security policy, the same on every page, so computed once per build rather than per page. */
export const pagePolicy = metaContentSecurityPolicy({ tileOrigin: tileOrigin(config.map.tiles) });

/** How many entries each listing has (`all` and per facet key), when this build cannot count them. */
export const listingTotals = figures?.listings ?? null;

/** Whether this build makes the page of a region or entry located at `code` (see domain/shards.ts). */
export const buildsHere = (code: string) => buildsInShard(shard, code);

/** Whether this build is one shard of a network built in province shards (see domain/shards.ts). */
export const isSharded = shard !== null;

/** Whether this build makes the network-wide pages: home, listings, the region index. */
export const buildsNetworkWide = buildsNetworkPages(shard);

/** URLs for the site's deploy base (`/` or `/<repo>/`). */
export const urls = createUrls({ base, lang: 'id' });

export const t = createTranslator('id');

/** The web CMS's configuration for this network: its fields, its git service, its review. */
export const cmsPageConfig = (): CmsConfig =>
  cmsConfig({ network: config, contentFolder: CONTENT_FOLDER, regions: urls.admin('wilayah.json'), repository: repository ?? undefined, logo: urls.asset('favicon.svg'), t });

/** The scope's regions for the CMS's village field: the tree's slice of the official lists. */
export const cmsRegionsFile = async (): Promise<string> => encodeRegions((await getNetwork()).tree.records());

/** The CMS page's own security policy: the site's files, and its git service's API. */
export const adminPolicy = () => adminContentSecurityPolicy(cmsOrigins(cmsPageConfig().backend));
