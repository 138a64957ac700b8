/**
 * Whether a contributor's point lies in Indonesia: on its land, just off its coast, or somewhere
 * it cannot be (a neighbour's land, the open sea). The bounding box in `geo.ts` catches swapped or
 * unsigned coordinates; this catches the plausible-looking ones that still land in Kuala Lumpur,
 * Mindanao or the middle of the Java Sea.
 *
 * Data: land polygons from `@geo-maps/countries-land-1km` (OpenStreetMap, ODbL) and the official
 * island list of `idn-area-data` (Kemendagri, ODbL). The module itself is pure: `createLandIndex`
 * takes plain arrays, so tests can feed it hand-made polygons.
 */
import { INDONESIA_BOUNDS, type Coordinates } from './geo.ts';
import { edgesOf, inBox, nearestPointKm, nearestSegmentKm, overlaps, polygonFinder, ringBox, toPolygon, type Polygon } from './land-geometry.ts';
import type { Box } from './land-grid.ts';

export type { Box };

/**
 * How far off the mapped coastline a point still counts as Indonesian. Stilt villages stand a few
 * hundred metres out over the water, and the 1 km map misses shores and islets: of the 13,692
 * official island points off its land, 7,449 are within 1 km of it, 10,755 within 3 km and 11,674
 * within 5 km, after which the count grows slowly. 5 km takes in that bulk while the middle of a
 * strait or bay stays `sea`.
 */
export const COAST_KM = 5;

/**
 * How close to an official island point a point at sea must be to count as coast. The 1 km map
 * drops many reef islands and sandbanks, and the official point is one spot on an island that may
 * be a couple of kilometres long; 3 km covers such an island without bridging to the next one.
 */
const ISLAND_KM = 3;

/**
 * How far inside a neighbour's mapped land a point may be and still count as Indonesian land. The
 * map's straight borders are exact to its 0.001° rounding (Sebatik's 4°10' N and Papua's 141° E
 * meridian are within 0.1 km), but winding ones (Kalimantan, Timor) are simplified to its 1 km
 * resolution. A wider margin would start accepting border towns across the line.
 */
const BORDER_KM = 1;

/** Indonesia's code in the land map (ISO 3166-1 alpha-3). */
const INDONESIA = 'IDN';

/**
 * Neighbours as a reader in Indonesia names them. Codes missing here (none expected in the kept
 * area) fall back to the alpha-3 code rather than to nothing.
 */
const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  MYS: 'Malaysia',
  TLS: 'Timor Leste',
  PNG: 'Papua Nugini',
  PHL: 'Filipina',
  SGP: 'Singapura',
  BRN: 'Brunei Darussalam',
  AUS: 'Australia',
  THA: 'Thailand',
  PLW: 'Palau',
  IND: 'India',
  CXR: 'Pulau Christmas (Australia)',
  CCK: 'Kepulauan Cocos (Australia)',
};

/** Where a point lies, as `locate` sees it. */
export type LandVerdict =
  /** Inside Indonesia's land, or within BORDER_KM of it across a land border. */
  | { kind: 'land' }
  /** At sea (or on a lake), within COAST_KM of Indonesian land or ISLAND_KM of an official island. */
  | { kind: 'coast'; km: number }
  /** On a neighbour's land; `country` is its Indonesian name, or its alpha-3 code. */
  | { kind: 'foreign'; country: string }
  /** At sea, `km` (whole kilometres) from the nearest Indonesian land. */
  | { kind: 'sea'; km: number };

/**
 * Plain input for `createLandIndex`. Each country's polygons are GeoJSON MultiPolygon
 * coordinates: polygons of rings (outer ring first, then holes) of `[lng, lat]` positions. The
 * country coded `IDN` is Indonesia; every other one is a neighbour. Island points are official
 * Indonesian islands: the sea around them is coast even where the polygons show no land.
 */
export interface LandData {
  countries: { code: string; polygons: [number, number][][][] }[];
  islands: Coordinates[];
}

/** Answers where a point lies. */
export interface LandIndex {
  locate(point: Coordinates): LandVerdict;
}

/**
 * Builds the index over the given polygons and island points. Pure and synchronous; use
 * `loadLandIndex` for the real data.
 */
export function createLandIndex(data: LandData): LandIndex {
  const codes = data.countries.map((c) => c.code);
  const indonesia = codes.indexOf(INDONESIA);
  const polygons: Polygon[] = [];
  data.countries.forEach((country, index) => {
    for (const rings of country.polygons) {
      const polygon = toPolygon(rings, index);
      if (polygon) polygons.push(polygon);
    }
  });
  const isIndonesian = (polygon: Polygon) => polygon.country === indonesia;
  const isNeighbour = (polygon: Polygon) => polygon.country !== indonesia;
  // 1° cells: big enough that a polygon spans few of them, small enough to cut Borneo's candidates.
  const polygonAt = polygonFinder(polygons, 1);
  // Every Indonesian edge, lake shores included: a point on a lake is measured to its shore.
  // 0.25° (about 28 km) cells: near a coast one or two cells decide; far out at sea the search
  // widens ring by ring and stops as soon as no unvisited cell can be nearer.
  const shoreKm = nearestSegmentKm(edgesOf(polygons.filter(isIndonesian)), 0.25);
  const islandKm = nearestPointKm(data.islands, 0.1);

  return {
    locate({ lat, lng }: Coordinates): LandVerdict {
      // NaN would slip through every comparison and leave the shore search without an end.
      if (!Number.isFinite(lat) || !Number.isFinite(lng)) {
        throw new RangeError(`Not a coordinate: ${lat}, ${lng}`);
      }
      const onIndonesia = polygonAt(lat, lng, isIndonesian) !== undefined;
      const neighbour = polygonAt(lat, lng, isNeighbour);
      if (neighbour) {
        // Where both claim a point, the neighbour wins: the one such overlap near Indonesia is
        // Oecusse, a Timor-Leste exclave that the IDN polygon covers without a hole. Land borders
        // proper never overlap in this map, so there the BORDER_KM margin applies instead.
        if (!onIndonesia && shoreKm(lat, lng, BORDER_KM) <= BORDER_KM) return { kind: 'land' };
        const code = codes[neighbour.country]!;
        return { kind: 'foreign', country: COUNTRY_NAMES[code] ?? code };
      }
      if (onIndonesia) return { kind: 'land' };
      const shore = shoreKm(lat, lng);
      const island = islandKm(lat, lng, ISLAND_KM);
      if (shore <= COAST_KM || island <= ISLAND_KM) {
        // Tenths, because "0.3 km off the coast" and "2.8 km off the coast" say different things.
        return { kind: 'coast', km: Math.round(Math.min(shore, island) * 10) / 10 };
      }
      return { kind: 'sea', km: Math.round(shore) };
    },
  };
}

/** Where map polygons matter: Indonesia's box and a degree around it (Mindanao, Cocos, Timor). */
export const LAND_MAP_BOX: Box = {
  south: INDONESIA_BOUNDS.south - 1,
  north: INDONESIA_BOUNDS.north + 1,
  west: INDONESIA_BOUNDS.west - 1,
  east: INDONESIA_BOUNDS.east + 1,
};

/** A country's shape as the land map gives it (a GeoJSON feature's parts). */
export interface MapFeature {
  properties?: { A3?: unknown };
  geometry?: { type: string; coordinates: unknown };
}

/** True when some `[lng,lat]` pair written in `text` lies in `box`: read off the text, without parsing it. */
export function mentionsPointIn(text: string, box: Box): boolean {
  const pair = /\[(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)\]/g;
  for (let match = pair.exec(text); match; match = pair.exec(text)) {
    if (inBox(box, Number(match[2]), Number(match[1]))) return true;
  }
  return false;
}

/**
 * The land data from the map's features and the official islands' written coordinates: Indonesia
 * and only the parts of its neighbours near it, so the rest of the world is dropped as it arrives.
 */
export function landDataFrom(features: Iterable<MapFeature>, islandCoordinates: Iterable<string>): LandData {
  const countries = new Map<string, [number, number][][][]>();
  for (const feature of features) {
    const code = feature.properties?.A3;
    const geometry = feature.geometry;
    if (typeof code !== 'string' || !geometry) continue;
    let polygons: [number, number][][][];
    if (geometry.type === 'MultiPolygon') polygons = geometry.coordinates as [number, number][][][];
    else if (geometry.type === 'Polygon') polygons = [geometry.coordinates as [number, number][][]];
    else continue;
    // Per polygon, not per feature: the United States, France or Kiribati straddle the
    // antimeridian, so their feature boxes cover the whole globe and would drag in 100,000
    // vertices from the Pacific.
    const near = polygons.filter((p) => p[0] && overlaps(ringBox(p[0]), LAND_MAP_BOX));
    if (near.length > 0) countries.set(code, [...(countries.get(code) ?? []), ...near]);
  }
  if (!countries.has(INDONESIA)) throw new Error(`the land map has no ${INDONESIA} feature`);
  const islands: Coordinates[] = [];
  for (const written of islandCoordinates) {
    const point = parseDms(written);
    if (point) islands.push(point);
  }
  return { countries: [...countries].map(([code, polygons]) => ({ code, polygons })), islands };
}

/**
 * Reads a degrees-minutes-seconds pair as the official island list writes it, e.g.
 * `03°19'03.44" N 097°07'41.73" E`, also with the CSV's doubled quotes (`03°19'03.44"" N …`) or
 * surrounding quotes. Null when the text is not such a pair or is out of range.
 */
export function parseDms(text: string): Coordinates | null {
  const part = String.raw`(\d{1,3})\s*°\s*(\d{1,2})\s*['′]\s*(\d{1,2}(?:[.,]\d+)?)\s*(?:""?|″|'')?\s*`;
  const match = new RegExp(String.raw`^\s*"?\s*${part}([NS])\s*,?\s*${part}([EW])\s*"?\s*$`, 'i').exec(text);
  if (!match) return null;
  const [, latD, latM, latS, ns, lngD, lngM, lngS, ew] = match;
  const angle = (d: string, m: string, s: string) => {
    const minutes = Number(m);
    const seconds = Number(s.replace(',', '.'));
    return minutes < 60 && seconds < 60 ? Number(d) + minutes / 60 + seconds / 3600 : NaN;
  };
  const lat = angle(latD!, latM!, latS!) * (ns!.toUpperCase() === 'S' ? -1 : 1);
  const lng = angle(lngD!, lngM!, lngS!) * (ew!.toUpperCase() === 'W' ? -1 : 1);
  if (!(Math.abs(lat) <= 90 && Math.abs(lng) <= 180)) return null;
  return { lat, lng };
}
