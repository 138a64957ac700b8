/** What the home page shows: the latest stories, the featured places, the figures, the areas. */
import { iconSvg, SECTOR_ICONS } from '../../domain/icons.ts';
import type { RegionStats } from '../../domain/network.ts';
import { PLACE_KIND_KEYS } from '../../domain/taxonomy.ts';
import { HOME_CARDS } from '../../domain/listings.ts';
import { config, urls, type Network } from '../network.ts';
import { label, placeCard, storyCard, type PlaceCardData, type StoryCardData } from './cards.ts';
import type { Link } from './page.ts';

export interface HomeView {
  name: string;
  tagline: string | undefined;
  description: string;
  stories: StoryCardData[];
  /** The places a network features, or its first places when it features none. */
  places: PlaceCardData[];
  totals: RegionStats;
  /** The areas one level below the network's provinces, to browse the site by. */
  areas: Link[];
  /** Every kind of place that the network has, with its icon (SVG markup), to browse by. */
  kinds: (Link & { icon: string })[];
}

export function homeView(network: Network): HomeView {
  const featured = network.places.filter((p) => p.data.featured);
  return {
    name: config.name,
    tagline: config.tagline,
    description: config.description,
    stories: network.stories.slice(0, HOME_CARDS).map((s) => storyCard(network, s)),
    places: (featured.length > 0 ? featured : network.places).slice(0, HOME_CARDS).map((p) => placeCard(network, p)),
    totals: network.totals(),
    areas: network.tree
      .roots()
      .flatMap((province) => network.tree.children(province.code))
      .map((region) => ({ label: region.fullName, href: urls.region(region) })),
    kinds: PLACE_KIND_KEYS.filter((kind) => network.places.some((p) => p.data.kind === kind)).map((kind) => ({
      label: label('sector', kind),
      href: urls.placeListing({ type: 'kind', key: kind }),
      icon: iconSvg(SECTOR_ICONS[kind]),
    })),
  };
}
