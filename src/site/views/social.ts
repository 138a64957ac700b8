/**
 * Which pages have a social preview of their own and what each shows: every story, place and
 * KIM, every region with a KIM, a story or a place, and the home page (the network's, which every
 * other page falls back to). A network that sets `socialCards: kim` gives stories and places
 * their KIM's preview instead (a place without a KIM, its area's): a fifth fewer files.
 */
import { NETWORK_BRAND } from '../../domain/brand.ts';
import { CATEGORY_ICONS, KIM_ICON, SECTOR_ICONS, type IconName } from '../../domain/icons.ts';
import type { Region } from '../../domain/regions/tree.ts';
import type { SocialCard } from '../../domain/social.ts';
import type { SectorKey, StoryCategoryKey } from '../../domain/taxonomy.ts';
import { createUrls, previewParam } from '../../domain/urls.ts';
import { buildsHere, buildsNetworkWide, config, getNetwork, urls, type Kim, type Network, type Place, type Story } from '../network.ts';
import { label, placeName } from './cards.ts';

/** Site paths without the deploy base: the preview route's parameters. */
const sitePaths = createUrls();
const REGION_ICON: IconName = 'map-pin';

/** Where a region is, briefly: "Desa Batuah, Kutai Kartanegara". */
function shortPlace(network: Network, region: Region): string {
  const regency = network.tree.at(region.code, 'regency');
  return regency && regency !== region ? `${region.fullName}, ${regency.name}` : region.fullName;
}

function storyCardOf(network: Network, story: Story): SocialCard {
  const kim = network.kim(story.data.kim)!;
  return {
    seed: story.id,
    brand: network.brand(kim.id),
    icon: CATEGORY_ICONS[story.data.category as StoryCategoryKey],
    title: story.data.title,
    subtitle: `${kim.data.name} · ${shortPlace(network, network.villageOf(kim))}`,
  };
}

function placeCardOf(network: Network, place: Place): SocialCard {
  return {
    seed: place.id,
    brand: place.data.kim ? network.brand(place.data.kim) : NETWORK_BRAND,
    icon: SECTOR_ICONS[place.data.kind as SectorKey],
    title: place.data.name,
    subtitle: `${label('sector', place.data.kind)} · ${shortPlace(network, network.tree.require(place.data.region))}`,
  };
}

export function kimCardOf(network: Network, kim: Kim): SocialCard {
  const sector = kim.data.sectors[0];
  return { seed: kim.id, brand: network.brand(kim.id), icon: sector ? SECTOR_ICONS[sector] : KIM_ICON, title: kim.data.name, subtitle: placeName(network, network.villageOf(kim)) };
}

/** Whether a region's page has something of its own to preview: a KIM, a story or a place. */
export function regionHasPreview(network: Network, region: Region): boolean {
  const stats = network.stats(region.code);
  return stats.kims + stats.stories + stats.places > 0;
}

/**
 * A region's card names where it lies, not its figures: a count on the card would have every
 * card above a village drawn again for each new story.
 */
export function regionCardOf(network: Network, region: Region): SocialCard {
  const above = network.tree.ancestors(region.code).reverse().slice(0, 2).map((r) => r.fullName);
  return { seed: region.code, brand: NETWORK_BRAND, icon: REGION_ICON, title: region.fullName, subtitle: above.length > 0 ? above.join(', ') : config.name };
}

/** The network's own card: the home page's, and every page's without one of its own. */
function networkCard(): SocialCard {
  return { seed: config.name, brand: NETWORK_BRAND, icon: KIM_ICON, title: config.name, subtitle: config.shortName ?? new URL(config.site).host };
}

/** The social preview of each page this build makes: the `getStaticPaths` of `[...preview].ts`. */
export async function previewPaths() {
  const network = await getNetwork();
  const paths: { params: { preview: string }; props: { card: SocialCard } }[] = [];
  const add = (pagePath: string, card: SocialCard) => paths.push({ params: { preview: previewParam(pagePath) }, props: { card } });
  if (buildsNetworkWide) add(sitePaths.home(), networkCard());
  if (config.socialCards === 'entries') {
    for (const story of network.stories) if (buildsHere(network.storyVillage(story).code)) add(sitePaths.story(story.id), storyCardOf(network, story));
    for (const place of network.places) if (buildsHere(place.data.region)) add(sitePaths.place(place.id), placeCardOf(network, place));
  }
  for (const kim of network.kims) if (buildsHere(kim.data.village)) add(sitePaths.kim(kim.id), kimCardOf(network, kim));
  for (const region of network.tree.withPages()) if (buildsHere(region.code) && regionHasPreview(network, region)) add(sitePaths.region(region), regionCardOf(network, region));
  return paths;
}

/** A page's social preview as its head links it, with the card's title as its description. */
export interface PreviewImage {
  url: string;
  alt: string;
}

export const previewOf = (pageUrl: string, card: SocialCard): PreviewImage => ({ url: urls.preview(pageUrl), alt: `${card.title} · ${card.subtitle}` });

/** A story's preview: its own card, or its KIM's when the network shares them (`socialCards: kim`). */
export function storyPreview(network: Network, story: Story): PreviewImage {
  if (config.socialCards === 'entries') return previewOf(urls.story(story.id), storyCardOf(network, story));
  const kim = network.kim(story.data.kim)!;
  return previewOf(urls.kim(kim.id), kimCardOf(network, kim));
}

/** A place's preview: its own card, or else its KIM's, or its area's when it has no KIM. */
export function placePreview(network: Network, place: Place): PreviewImage {
  if (config.socialCards === 'entries') return previewOf(urls.place(place.id), placeCardOf(network, place));
  const kim = place.data.kim ? network.kim(place.data.kim) : undefined;
  if (kim) return previewOf(urls.kim(kim.id), kimCardOf(network, kim));
  const region = network.tree.require(place.data.region);
  return previewOf(urls.region(region), regionCardOf(network, region));
}
