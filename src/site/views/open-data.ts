/**
 * The open data's rows (domain/open-data.ts) for the entries and villages this build holds: every
 * KIM, place, published story and desa/kelurahan, with region codes and names, public contacts
 * and addresses on the site.
 */
import { isoDate } from '../../domain/dates.ts';
import type { Dataset, Row } from '../../domain/open-data.ts';
import type { Region } from '../../domain/regions/tree.ts';
import type { Contacts } from '../../format/schemas/common.ts';
import { buildsHere, getNetwork, t, urls, type Network } from '../network.ts';
import { label, licenseOf } from './cards.ts';

/** The columns naming the region's kecamatan, kabupaten/kota and province, each by code and name. */
function areaCells(network: Network, region: Region): Row {
  const [district, regency, province] = (['district', 'regency', 'province'] as const).map((level) => network.tree.at(region.code, level));
  return {
    district_code: district?.code ?? null,
    district: district?.fullName ?? null,
    regency_code: regency?.code ?? null,
    regency: regency?.fullName ?? null,
    province_code: province?.code ?? null,
    province: province?.fullName ?? null,
  };
}

/** Public contacts, as the schema made them: phone numbers as digits, profiles as addresses. */
function contactCells(contacts: Contacts, withSocial: boolean): Row {
  return {
    whatsapp: contacts.whatsapp ? `+${contacts.whatsapp}` : null,
    phone: contacts.phone ? `+${contacts.phone}` : null,
    email: contacts.email ?? null,
    website: contacts.website ?? null,
    ...(withSocial ? { instagram: contacts.instagram ?? null, facebook: contacts.facebook ?? null, youtube: contacts.youtube ?? null } : {}),
  };
}

/** The rows of a dataset this build writes; `absolute` makes a site path a full address. */
export async function openDataRows(dataset: Dataset, absolute: (path: string) => string): Promise<Row[]> {
  const network = await getNetwork();
  switch (dataset) {
    case 'kim':
      return network.kims
        .filter((kim) => buildsHere(kim.data.village))
        .map((kim) => {
          const { data } = kim;
          const village = network.villageOf(kim);
          const stories = network.storiesByKim(kim.id);
          return {
            id: kim.id,
            name: data.name,
            url: absolute(urls.kim(kim.id)),
            active: data.active,
            sectors: data.sectors.map((s) => label('sector', s)),
            village_code: village.code,
            village: village.fullName,
            ...areaCells(network, village),
            decree_number: data.decree?.number ?? null,
            decree_date: data.decree ? isoDate(data.decree.date) : null,
            decree_issuer: data.decree?.issuer ?? null,
            registration: data.registration ?? null,
            founded: data.founded ? isoDate(data.founded) : null,
            ...contactCells(data.contacts, true),
            stories: stories.length,
            last_story_date: stories[0] ? isoDate(stories[0].data.date) : null,
          };
        });
    case 'potensi':
      return network.places
        .filter((place) => buildsHere(place.data.region))
        .map((place) => {
          const { data } = place;
          const region = network.tree.require(data.region);
          const at = (level: Region['level']) => network.tree.at(region.code, level)?.fullName ?? null;
          return {
            id: place.id,
            name: data.name,
            url: absolute(urls.place(place.id)),
            kind: label('sector', data.kind),
            summary: data.summary,
            region_code: region.code,
            region: region.fullName,
            district: at('district'),
            regency: at('regency'),
            province: at('province'),
            latitude: data.coordinates?.lat ?? null,
            longitude: data.coordinates?.lng ?? null,
            location_approximate: data.coordinates ? data.coordinates.approximate === true : null,
            location_source: data.coordinates?.source ?? null,
            address: data.address ?? null,
            hours: data.hours ?? null,
            price_range: data.priceRange ? label('place.price', data.priceRange) : null,
            verified: data.verified ? isoDate(data.verified) : null,
            kim_id: data.kim ?? null,
            kim: data.kim ? (network.kim(data.kim)?.data.name ?? null) : null,
            ...contactCells(data.contacts, false),
          };
        });
    case 'cerita':
      return network.stories
        .filter((story) => buildsHere(network.storyVillage(story).code))
        .map((story) => {
          const { data } = story;
          const kim = network.kim(data.kim)!;
          const village = network.villageOf(kim);
          return {
            id: story.id,
            title: data.title,
            url: absolute(urls.story(story.id)),
            date: isoDate(data.date),
            updated: data.updated ? isoDate(data.updated) : null,
            category: label('story.category', data.category),
            tags: data.tags,
            authors: data.authors,
            summary: data.summary,
            license: licenseOf(data.license).name,
            kim_id: kim.id,
            kim: kim.data.name,
            village_code: village.code,
            village: village.fullName,
            regency: network.tree.at(village.code, 'regency')?.fullName ?? null,
          };
        });
    case 'cakupan': {
      const rows: Row[] = [];
      for (const region of network.tree.withPages()) {
        if (region.level !== 'village' || !buildsHere(region.code)) continue;
        const stats = network.stats(region.code);
        rows.push({
          code: region.code,
          name: region.name,
          kind: t(`region.kind.${region.kind}`),
          ...areaCells(network, region),
          kims: stats.kims,
          stories: stats.stories,
          places: stats.places,
          url: absolute(urls.region(region)),
        });
      }
      return rows;
    }
  }
}
