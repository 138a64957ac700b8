/**
 * The open data's rows (domain/open-data.ts) for the entries and villages this build holds: every
 * KIM, place, published story and desa/kelurahan, with region codes and names, public contacts
 * and addresses on the site.
 */
import { isoDate } from '../../domain/dates.ts';
import type { Dataset, Row } from '../../domain/open-data.ts';
import type { Region } from '../../domain/regions/tree.ts';
import type { Contacts } from '../../format/schemas/common.ts';
import { percent } from '../../domain/statistics.ts';
import { buildsHere, getNetwork, getStatistics, t, urls, type Network } from '../network.ts';
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
  const statistics = await getStatistics();
  // A KIM's status and stories of the last twelve months, as its kecamatan's dashboard shows them.
  const kimActivity = new Map<string, Row>();
  if (dataset === 'kim') {
    const districts = new Set(network.kims.filter((k) => buildsHere(k.data.village)).map((k) => network.tree.at(k.data.village, 'district')!.code));
    for (const district of districts) {
      for (const k of statistics.kimsOfDistrict(district)) kimActivity.set(k.id, { status: k.status, stories_12_months: k.monthly.reduce((a, b) => a + b, 0) });
    }
  }
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
            ...kimActivity.get(kim.id),
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
    case 'statistik':
      return [...network.tree.withPages()]
        .filter((region) => region.level !== 'village' && buildsHere(region.code))
        .map((region) => {
          const f = statistics.area(region.code);
          return {
            area_code: region.code,
            area: region.fullName,
            level: t(`dashboard.children.${region.level as 'province' | 'regency' | 'district'}`),
            parent_code: region.parentCode,
            villages: f.villages,
            villages_with_kim: f.villagesWithKim,
            coverage_percent: percent(f.villagesWithKim, f.villages),
            kims: f.kims,
            kims_active: f.active,
            kims_quiet: f.quiet,
            kims_inactive: f.inactive,
            stories_12_months: f.monthly.reduce((a, b) => a + b, 0),
            monthly: f.monthly.map(String),
            months: [...statistics.months],
            places: f.places,
            places_stale: f.stale,
            places_unchecked: f.unchecked,
            villages_without_potential: f.villagesWithoutPotential,
            url: absolute(urls.statistics(region)),
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
