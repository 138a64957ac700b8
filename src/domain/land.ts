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

/** Kilometres per degree of latitude, on the mean Earth radius (6371.0088 km). */
const KM_PER_DEGREE = (6371.0088 * Math.PI) / 180;

const RADIANS = Math.PI / 180;

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

export interface Box {
  south: number;
  north: number;
  west: number;
  east: number;
}

/**
 * A ring with its edges bucketed by latitude band: a horizontal ray only crosses edges spanning
 * its latitude, so a 5,000-vertex coast costs a handful of edge tests instead of 5,000.
 */
interface Ring extends Box {
  /** Interleaved lng, lat. */
  xy: Float64Array;
  bandHeight: number;
  bandStart: Int32Array;
  bandEdges: Int32Array;
}

interface Polygon extends Box {
  country: number;
  rings: Ring[];
}

/**
 * Fixed-size cells over a box, each listing item indices (CSR layout: one flat array plus offsets,
 * so 100,000 look-ups touch no hash map and allocate nothing).
 */
interface Grid {
  south: number;
  west: number;
  cell: number;
  rows: number;
  cols: number;
  start: Int32Array;
  items: Int32Array;
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
  // 1° cells: big enough that a polygon spans few of them, small enough to cut Borneo's candidates.
  const polygonGrid = buildGrid(polygons, 1);

  // Every Indonesian edge, lake shores included: a point on a lake is measured to its shore.
  const segments: number[] = [];
  for (const polygon of polygons) {
    if (polygon.country !== indonesia) continue;
    for (const ring of polygon.rings) {
      const { xy } = ring;
      const n = xy.length / 2;
      for (let i = 0; i < n; i++) {
        const j = (i + 1) % n;
        segments.push(xy[2 * i]!, xy[2 * i + 1]!, xy[2 * j]!, xy[2 * j + 1]!);
      }
    }
  }
  const segmentXy = Float64Array.from(segments);
  const segmentBoxes: Box[] = [];
  for (let i = 0; i < segmentXy.length; i += 4) {
    const x1 = segmentXy[i]!;
    const y1 = segmentXy[i + 1]!;
    const x2 = segmentXy[i + 2]!;
    const y2 = segmentXy[i + 3]!;
    segmentBoxes.push({
      south: Math.min(y1, y2),
      north: Math.max(y1, y2),
      west: Math.min(x1, x2),
      east: Math.max(x1, x2),
    });
  }
  // 0.25° (about 28 km) cells: near a coast one or two cells decide; far out at sea the search
  // widens ring by ring and stops as soon as no unvisited cell can be nearer.
  const segmentGrid = buildGrid(segmentBoxes, 0.25);

  const islandXy = new Float64Array(data.islands.length * 2);
  data.islands.forEach((p, i) => {
    islandXy[2 * i] = p.lng;
    islandXy[2 * i + 1] = p.lat;
  });
  const islandGrid = buildGrid(
    data.islands.map((p) => ({ south: p.lat, north: p.lat, west: p.lng, east: p.lng })),
    0.1,
  );

  function polygonAt(lat: number, lng: number, wantIndonesia: boolean): Polygon | undefined {
    const g = polygonGrid;
    const row = Math.floor((lat - g.south) / g.cell);
    const col = Math.floor((lng - g.west) / g.cell);
    if (row < 0 || row >= g.rows || col < 0 || col >= g.cols) return undefined;
    const cell = row * g.cols + col;
    for (let k = g.start[cell]!; k < g.start[cell + 1]!; k++) {
      const polygon = polygons[g.items[k]!]!;
      if ((polygon.country === indonesia) !== wantIndonesia) continue;
      if (inBox(polygon, lat, lng) && inPolygon(polygon, lat, lng)) return polygon;
    }
    return undefined;
  }

  /** Distance in km to the nearest Indonesian edge, or Infinity once it is surely beyond maxKm. */
  function shoreKm(lat: number, lng: number, maxKm = Infinity): number {
    const g = segmentGrid;
    if (g.rows === 0) return Infinity;
    const kx = Math.cos(lat * RADIANS);
    const row0 = Math.floor((lat - g.south) / g.cell);
    const col0 = Math.floor((lng - g.west) / g.cell);
    // Cells r + 1 rings away are at least r cells away along one axis; lng degrees are the
    // shorter ones.
    const ringKm = g.cell * KM_PER_DEGREE * Math.min(1, kx);
    let best = Infinity; // squared, in scaled degrees
    const visit = (row: number, col: number) => {
      const cell = row * g.cols + col;
      for (let k = g.start[cell]!; k < g.start[cell + 1]!; k++) {
        const s = 4 * g.items[k]!;
        const d = segmentDistance2(lng, lat, kx, segmentXy, s);
        if (d < best) best = d;
      }
    };
    // Rings that lie wholly outside the grid hold nothing, so a point far off starts at the grid.
    const outside = Math.max(0, -row0, row0 - (g.rows - 1), -col0, col0 - (g.cols - 1));
    for (let r = outside; ; r++) {
      const top = row0 - r;
      const bottom = row0 + r;
      const left = col0 - r;
      const right = col0 + r;
      if (top < 0 && bottom >= g.rows && left < 0 && right >= g.cols) break;
      for (let row = Math.max(0, top); row <= Math.min(g.rows - 1, bottom); row++) {
        if (row === top || row === bottom) {
          for (let col = Math.max(0, left); col <= Math.min(g.cols - 1, right); col++) visit(row, col);
        } else {
          if (left >= 0 && left < g.cols) visit(row, left);
          if (right >= 0 && right < g.cols && right !== left) visit(row, right);
        }
      }
      const bound = r * ringKm;
      if (Math.sqrt(best) * KM_PER_DEGREE <= bound || bound > maxKm) break;
    }
    const km = Math.sqrt(best) * KM_PER_DEGREE;
    return km <= maxKm ? km : Infinity;
  }

  /** Distance in km to the nearest official island point, or Infinity beyond maxKm. */
  function islandKm(lat: number, lng: number, maxKm: number): number {
    const g = islandGrid;
    if (g.rows === 0) return Infinity;
    const kx = Math.cos(lat * RADIANS);
    const reachRows = Math.ceil(maxKm / (g.cell * KM_PER_DEGREE));
    const reachCols = Math.ceil(maxKm / (g.cell * KM_PER_DEGREE * Math.max(kx, 1e-6)));
    const row0 = Math.floor((lat - g.south) / g.cell);
    const col0 = Math.floor((lng - g.west) / g.cell);
    let best = Infinity;
    for (let row = Math.max(0, row0 - reachRows); row <= Math.min(g.rows - 1, row0 + reachRows); row++) {
      for (let col = Math.max(0, col0 - reachCols); col <= Math.min(g.cols - 1, col0 + reachCols); col++) {
        const cell = row * g.cols + col;
        for (let k = g.start[cell]!; k < g.start[cell + 1]!; k++) {
          const i = 2 * g.items[k]!;
          const dx = (islandXy[i]! - lng) * kx;
          const dy = islandXy[i + 1]! - lat;
          const d = dx * dx + dy * dy;
          if (d < best) best = d;
        }
      }
    }
    const km = Math.sqrt(best) * KM_PER_DEGREE;
    return km <= maxKm ? km : Infinity;
  }

  return {
    locate({ lat, lng }: Coordinates): LandVerdict {
      // NaN would slip through every comparison and leave the shore search without an end.
      if (!Number.isFinite(lat) || !Number.isFinite(lng)) {
        throw new RangeError(`Not a coordinate: ${lat}, ${lng}`);
      }
      const onIndonesia = polygonAt(lat, lng, true) !== undefined;
      const neighbour = polygonAt(lat, lng, false);
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
    const lng = Number(match[1]);
    const lat = Number(match[2]);
    if (lat >= box.south && lat <= box.north && lng >= box.west && lng <= box.east) return true;
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

/**
 * Entries whose point is far from the other located entries of the same kabupaten/kota.
 *
 * Why this rule: a wrong point is usually a copy-paste from another place, so it sits hundreds of
 * kilometres from its peers. The centre is the coordinate-wise median and the spread the median
 * distance to it, so the stray point itself cannot drag either towards it (a mean would). The
 * threshold scales with the regency: 3 × spread lets Kabupaten Merauke be wide and Kota Bontang
 * small, and the 50 km floor keeps a tight cluster (spread of a few km) from flagging an entry in
 * the next district. Regencies with fewer than 3 located entries are skipped: with two, the median
 * falls halfway and nothing says which one is wrong.
 *
 * Returns the flagged entries in input order with their distance to the centre, in whole km.
 */
export function farFromPeers<T extends { regency: string; point: Coordinates }>(
  entries: readonly T[],
): { entry: T; km: number }[] {
  const byRegency = new Map<string, number[]>();
  entries.forEach((entry, i) => {
    const list = byRegency.get(entry.regency);
    if (list) list.push(i);
    else byRegency.set(entry.regency, [i]);
  });
  const flagged: { index: number; km: number }[] = [];
  for (const members of byRegency.values()) {
    if (members.length < 3) continue;
    const points = members.map((i) => entries[i]!.point);
    const centre = { lat: median(points.map((p) => p.lat)), lng: median(points.map((p) => p.lng)) };
    const distances = points.map((p) => distanceKm(p, centre));
    const limit = Math.max(3 * median(distances), 50);
    distances.forEach((km, k) => {
      if (km > limit) flagged.push({ index: members[k]!, km: Math.round(km) });
    });
  }
  flagged.sort((a, b) => a.index - b.index);
  return flagged.map(({ index, km }) => ({ entry: entries[index]!, km }));
}

/** Equirectangular distance: within a few hundred km of the equator it is off by well under 1%. */
function distanceKm(a: Coordinates, b: Coordinates): number {
  const dx = (a.lng - b.lng) * Math.cos(((a.lat + b.lat) / 2) * RADIANS);
  const dy = a.lat - b.lat;
  return Math.sqrt(dx * dx + dy * dy) * KM_PER_DEGREE;
}

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Squared distance from a point to the segment starting at `xy[s]`, in degrees with longitudes
 * scaled by kx (the equirectangular projection around the point).
 */
function segmentDistance2(px: number, py: number, kx: number, xy: Float64Array, s: number): number {
  const ax = (xy[s]! - px) * kx;
  const ay = xy[s + 1]! - py;
  const bx = (xy[s + 2]! - px) * kx;
  const by = xy[s + 3]! - py;
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  // Projection of the point (the origin here) onto the segment, clamped to its ends.
  const t = length2 > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / length2)) : 0;
  const cx = ax + t * dx;
  const cy = ay + t * dy;
  return cx * cx + cy * cy;
}

function inBox(box: Box, lat: number, lng: number): boolean {
  return lat >= box.south && lat <= box.north && lng >= box.west && lng <= box.east;
}

function overlaps(a: Box, b: Box): boolean {
  return a.south <= b.north && a.north >= b.south && a.west <= b.east && a.east >= b.west;
}

function ringBox(ring: readonly (readonly number[])[]): Box {
  const box = { south: Infinity, north: -Infinity, west: Infinity, east: -Infinity };
  for (const [lng, lat] of ring) {
    if (lng === undefined || lat === undefined) continue;
    box.south = Math.min(box.south, lat);
    box.north = Math.max(box.north, lat);
    box.west = Math.min(box.west, lng);
    box.east = Math.max(box.east, lng);
  }
  return box;
}

function toPolygon(rings: [number, number][][], country: number): Polygon | undefined {
  const built = rings.filter((r) => r.length >= 3).map(toRing);
  const outer = built[0];
  if (!outer) return undefined;
  const { south, north, west, east } = outer;
  return { south, north, west, east, country, rings: built };
}

function toRing(positions: [number, number][]): Ring {
  const n = positions.length;
  const xy = new Float64Array(n * 2);
  positions.forEach(([lng, lat], i) => {
    xy[2 * i] = lng;
    xy[2 * i + 1] = lat;
  });
  const box = ringBox(positions);
  // About four edges per band; a short ring gets a single band and is scanned whole.
  const bands = n > 16 && box.north > box.south ? Math.ceil(n / 4) : 1;
  const bandHeight = bands > 1 ? (box.north - box.south) / bands : Infinity;
  const band = (lat: number) => bandOf(box.south, bandHeight, bands, lat);
  const counts = new Int32Array(bands + 1);
  const edgeBands = (i: number): [number, number] => {
    const y1 = xy[2 * i + 1]!;
    const y2 = xy[2 * ((i + 1) % n) + 1]!;
    return [band(Math.min(y1, y2)), band(Math.max(y1, y2))];
  };
  for (let i = 0; i < n; i++) {
    const [first, last] = edgeBands(i);
    for (let b = first; b <= last; b++) counts[b + 1]!++;
  }
  for (let b = 0; b < bands; b++) counts[b + 1]! += counts[b]!;
  const bandEdges = new Int32Array(counts[bands]!);
  const fill = counts.slice(0, bands);
  for (let i = 0; i < n; i++) {
    const [first, last] = edgeBands(i);
    for (let b = first; b <= last; b++) bandEdges[fill[b]!++] = i;
  }
  return { ...box, xy, bandHeight, bandStart: counts, bandEdges };
}

function bandOf(south: number, bandHeight: number, bands: number, lat: number): number {
  return Math.min(bands - 1, Math.max(0, Math.floor((lat - south) / bandHeight)));
}

/** Even-odd ray casting over all rings, so holes (lakes) cut themselves out of the outer ring. */
function inPolygon(polygon: Polygon, lat: number, lng: number): boolean {
  let inside = false;
  for (const ring of polygon.rings) {
    // A ring whose box misses the point is crossed an even number of times, if at all.
    if (!inBox(ring, lat, lng)) continue;
    const { xy, bandStart, bandEdges } = ring;
    const n = xy.length / 2;
    const b = bandOf(ring.south, ring.bandHeight, bandStart.length - 1, lat);
    for (let k = bandStart[b]!; k < bandStart[b + 1]!; k++) {
      const i = bandEdges[k]!;
      const j = (i + 1) % n;
      const xi = xy[2 * i]!;
      const yi = xy[2 * i + 1]!;
      const xj = xy[2 * j]!;
      const yj = xy[2 * j + 1]!;
      if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Puts each item into every cell its box touches. */
function buildGrid(boxes: readonly Box[], cell: number): Grid {
  if (boxes.length === 0) {
    return { south: 0, west: 0, cell, rows: 0, cols: 0, start: new Int32Array(1), items: new Int32Array(0) };
  }
  let south = Infinity;
  let north = -Infinity;
  let west = Infinity;
  let east = -Infinity;
  for (const b of boxes) {
    south = Math.min(south, b.south);
    north = Math.max(north, b.north);
    west = Math.min(west, b.west);
    east = Math.max(east, b.east);
  }
  const rows = Math.floor((north - south) / cell) + 1;
  const cols = Math.floor((east - west) / cell) + 1;
  const span = (b: Box) => ({
    r0: Math.floor((b.south - south) / cell),
    r1: Math.min(rows - 1, Math.floor((b.north - south) / cell)),
    c0: Math.floor((b.west - west) / cell),
    c1: Math.min(cols - 1, Math.floor((b.east - west) / cell)),
  });
  const start = new Int32Array(rows * cols + 1);
  for (const b of boxes) {
    const { r0, r1, c0, c1 } = span(b);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) start[r * cols + c + 1]!++;
  }
  for (let i = 0; i < rows * cols; i++) start[i + 1]! += start[i]!;
  const items = new Int32Array(start[rows * cols]!);
  const fill = start.slice(0, rows * cols);
  boxes.forEach((b, index) => {
    const { r0, r1, c0, c1 } = span(b);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) items[fill[r * cols + c]!++] = index;
  });
  return { south, west, cell, rows, cols, start, items };
}
