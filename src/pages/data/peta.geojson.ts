import type { APIRoute } from 'astro';
import { buildsHere, getNetwork, urls } from '../../site/network.ts';
import { label, placeName } from '../../site/views/cards.ts';
import { toGeoJson } from '../../domain/geojson.ts';

/**
 * `/data/peta.geojson`: the network's places and KIM for other people's maps. A shard writes the
 * entries whose pages it builds, and the shard builder merges them (domain/geojson.ts).
 */
export const GET: APIRoute = async ({ site }) => {
  const network = await getNetwork();
  const absolute = (path: string) => new URL(path, site).href;
  const collection = toGeoJson([
    ...network.places.filter((place) => buildsHere(place.data.region)).map((place) => ({
      type: 'potensi' as const,
      name: place.data.name,
      url: absolute(urls.place(place.id)),
      category: label('sector', place.data.kind),
      area: placeName(network, network.tree.require(place.data.region)),
      coordinates: place.data.coordinates,
    })),
    ...network.kims.filter((kim) => buildsHere(kim.data.village)).map((kim) => ({
      type: 'kim' as const,
      name: kim.data.name,
      url: absolute(urls.kim(kim.id)),
      category: kim.data.sectors.map((s) => label('sector', s)).join(', '),
      area: placeName(network, network.villageOf(kim)),
      coordinates: kim.data.coordinates,
    })),
  ]);
  return new Response(JSON.stringify(collection), { headers: { 'Content-Type': 'application/geo+json' } });
};
