/**
 * What cards and lists show, derived from the model in one place so every listing, region page
 * and profile shows an entry the same way. Components stay free of lookups.
 */
import { brandArt } from '../../domain/art.ts';
import { NETWORK_BRAND, type Brand } from '../../domain/brand.ts';
import { CATEGORY_ICONS, SECTOR_ICONS } from '../../domain/icons.ts';
import { LICENSES, type LicenseKey, type SectorKey, type StoryCategoryKey } from '../../domain/taxonomy.ts';
import type { ImageMetadata } from 'astro';
import { isUiKey, type UiKey } from '../i18n/index.ts';
import { mapMarkers, type MapEntry } from '../../domain/map.ts';
import type { LocatedPoint } from '../../domain/geo.ts';
import type { Region } from '../../domain/regions/tree.ts';
import { t, urls, type Kim, type Network, type Place, type Story } from '../network.ts';

export interface StoryCardData {
  href: string;
  title: string;
  summary: string;
  date: Date;
  kim: { name: string; href: string };
  village: string;
  category: string;
  sample: boolean;
  cover: { src: ImageMetadata; alt: string } | undefined;
  /** The designed visual (SVG markup) drawn instead of a cover the story does not have. */
  art: string | undefined;
}

export interface PlaceCardData {
  href: string;
  name: string;
  summary: string;
  kind: string;
  area: string;
  hours: string | undefined;
  price: string | undefined;
  sample: boolean;
  photo: { src: ImageMetadata; alt: string } | undefined;
  /** The designed visual (SVG markup) drawn instead of a photo the place does not have. */
  art: string | undefined;
}

export interface KimCardData {
  href: string;
  name: string;
  tagline: string | undefined;
  village: string;
  brand: Brand;
  logo: ImageMetadata | undefined;
  sectors: string[];
  active: boolean;
}

/** A licence as readers see it: its name, its deed (none for "hak cipta") and whether others may republish. */
export function licenseOf(key: LicenseKey): { name: string; url: string | undefined; republish: boolean } {
  const { url, republish } = LICENSES[key];
  return { name: t(`license.name.${key}`), url: url ?? undefined, republish };
}

/** Label for a taxonomy key, from the dictionary. */
export function label(prefix: 'sector' | 'story.category' | 'place.price', key: string): string {
  const uiKey = `${prefix}.${key}`;
  return isUiKey(uiKey) ? t(uiKey as UiKey) : key;
}

/**
 * "Kelurahan Bontang Kuala, Kecamatan Bontang Utara, Kota Bontang": where something is, as a
 * reader would say it, kecamatan included (a visitor asks the way by it).
 */
export function placeName(network: Network, region: Region): string {
  const above = network.tree.ancestors(region.code).filter((r) => r.level === 'district' || r.level === 'regency');
  const district = above.find((r) => r.level === 'district');
  const regency = above.find((r) => r.level === 'regency');
  return [region.fullName, district?.fullName, regency?.name].filter(Boolean).join(', ');
}

export function storyCard(network: Network, story: Story): StoryCardData {
  const kim = network.kim(story.data.kim)!;
  return {
    href: urls.story(story.id),
    title: story.data.title,
    summary: story.data.summary,
    date: story.data.date,
    kim: { name: kim.data.name, href: urls.kim(kim.id) },
    village: placeName(network, network.villageOf(kim)),
    category: label('story.category', story.data.category),
    sample: story.data.sample,
    cover: story.data.cover ? { src: story.data.cover.src, alt: story.data.cover.alt } : undefined,
    art: story.data.cover ? undefined : brandArt({ seed: story.id, brand: network.brand(kim.id), icon: CATEGORY_ICONS[story.data.category as StoryCategoryKey] }),
  };
}

export function placeCard(network: Network, place: Place): PlaceCardData {
  const photo = place.data.photos[0];
  return {
    href: urls.place(place.id),
    name: place.data.name,
    summary: place.data.summary,
    kind: label('sector', place.data.kind),
    area: placeName(network, network.tree.require(place.data.region)),
    hours: place.data.hours,
    price: place.data.priceRange ? label('place.price', place.data.priceRange) : undefined,
    sample: place.data.sample,
    photo: photo ? { src: photo.src, alt: photo.alt } : undefined,
    art: photo
      ? undefined
      : brandArt({ seed: place.id, brand: place.data.kim ? network.brand(place.data.kim) : NETWORK_BRAND, icon: SECTOR_ICONS[place.data.kind as SectorKey] }),
  };
}

export function kimCard(network: Network, kim: Kim): KimCardData {
  return {
    href: urls.kim(kim.id),
    name: kim.data.name,
    tagline: kim.data.tagline,
    village: placeName(network, network.villageOf(kim)),
    brand: network.brand(kim.id),
    logo: kim.data.logo,
    sectors: kim.data.sectors.map((s) => label('sector', s)),
    active: kim.data.active,
  };
}

/** Breadcrumbs from the home page down through the region hierarchy. */
export function regionCrumbs(network: Network, region: Region, includeSelf = true) {
  const lineage = [...network.tree.ancestors(region.code), ...(includeSelf ? [region] : [])];
  return [
    { label: t('nav.home'), href: urls.home() },
    { label: t('nav.regions'), href: urls.regionIndex() },
    ...lineage.map((r) => ({ label: r.fullName, href: urls.region(r) })),
  ];
}

/** A marker's line under its name, saying when the point is only an estimate. */
const approximateNote = (note: string, point: LocatedPoint | undefined) => (point?.approximate ? `${note} · ${t('map.approximate')}` : note);

/** The markers of a page's map: its places, then its KIM, those with coordinates. */
export function mapOf(network: Network, { places = [], kims = [] }: { places?: readonly Place[]; kims?: readonly Kim[] }) {
  const entries: MapEntry[] = [
    ...places.map((p) => ({
      type: 'potensi' as const,
      name: p.data.name,
      href: urls.place(p.id),
      note: approximateNote(label('sector', p.data.kind), p.data.coordinates),
      coordinates: p.data.coordinates,
    })),
    ...kims.map((k) => ({
      type: 'kim' as const,
      name: k.data.name,
      href: urls.kim(k.id),
      note: approximateNote(network.villageOf(k).fullName, k.data.coordinates),
      coordinates: k.data.coordinates,
    })),
  ];
  return mapMarkers(entries);
}
