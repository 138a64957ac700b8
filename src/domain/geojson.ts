/**
 * The network's places and KIM as GeoJSON (RFC 7946), at a stable URL, so newsrooms, local
 * governments and mapping volunteers can put them on their own maps. Only entries with
 * coordinates become features; GeoJSON orders a position as longitude, latitude.
 */
import type { LocatedPoint } from './geo.ts';

export interface GeoJsonEntry {
  type: 'potensi' | 'kim';
  name: string;
  url: string;
  /** Kind label for places, sector labels for KIM. */
  category: string;
  /** Where it is, as a reader would say it. */
  area: string;
  coordinates: LocatedPoint | undefined;
}

export interface FeatureCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    geometry: { type: 'Point'; coordinates: [number, number] };
    properties: {
      jenis: GeoJsonEntry['type'];
      nama: string;
      url: string;
      kategori: string;
      wilayah: string;
      /** True when the point is only an estimate of where the entry is. */
      perkiraan: boolean;
      /** The public page an estimated or borrowed point was read from. */
      sumber_lokasi: string | null;
    };
  }[];
}

export function toGeoJson(entries: readonly GeoJsonEntry[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: entries
      .filter((e): e is GeoJsonEntry & { coordinates: LocatedPoint } => e.coordinates !== undefined)
      .map((e) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [e.coordinates.lng, e.coordinates.lat] },
        properties: {
          jenis: e.type,
          nama: e.name,
          url: e.url,
          kategori: e.category,
          wilayah: e.area,
          perkiraan: e.coordinates.approximate === true,
          sumber_lokasi: e.coordinates.source ?? null,
        },
      })),
  };
}

/**
 * One collection from the collections of a network built in shards, in the order a single build
 * writes: places, then KIM, each by name.
 */
export function mergeGeoJson(collections: readonly FeatureCollection[]): FeatureCollection {
  const features = collections.flatMap((c) => c.features);
  const rank = (f: FeatureCollection['features'][number]) => (f.properties.jenis === 'potensi' ? 0 : 1);
  features.sort((a, b) => rank(a) - rank(b) || a.properties.nama.localeCompare(b.properties.nama, 'id'));
  return { type: 'FeatureCollection', features };
}
