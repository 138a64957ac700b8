/**
 * The network's places and KIM as GeoJSON (RFC 7946), at a stable URL, so newsrooms, local
 * governments and mapping volunteers can put them on their own maps. Only entries with
 * coordinates become features; GeoJSON orders a position as longitude, latitude.
 */
import type { Coordinates } from './geo.ts';

export interface MapEntry {
  type: 'potensi' | 'kim';
  name: string;
  url: string;
  /** Kind label for places, sector labels for KIM. */
  category: string;
  /** Where it is, as a reader would say it. */
  area: string;
  coordinates: Coordinates | undefined;
}

export interface FeatureCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    geometry: { type: 'Point'; coordinates: [number, number] };
    properties: { jenis: MapEntry['type']; nama: string; url: string; kategori: string; wilayah: string };
  }[];
}

export function toGeoJson(entries: readonly MapEntry[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: entries
      .filter((e): e is MapEntry & { coordinates: Coordinates } => e.coordinates !== undefined)
      .map((e) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [e.coordinates.lng, e.coordinates.lat] },
        properties: { jenis: e.type, nama: e.name, url: e.url, kategori: e.category, wilayah: e.area },
      })),
  };
}
