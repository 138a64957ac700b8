/**
 * The planar geometry behind the land check (`land.ts`): polygons of `[lng, lat]` rings,
 * point-in-polygon, and nearest distances to edges and points, each over a grid index so that
 * 100,000 look-ups stay cheap. Distances are measured on an equirectangular projection around the
 * point asked about, which near the equator is off by well under 1% at these ranges.
 */
import type { Coordinates } from './geo.ts';
import { buildGrid, type Box } from './land-grid.ts';

/** Kilometres per degree of latitude, on the mean Earth radius (6371.0088 km). */
const KM_PER_DEGREE = (6371.0088 * Math.PI) / 180;

const RADIANS = Math.PI / 180;

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

/** A polygon (outer ring first, then holes), boxed by its outer ring, tagged with its country's index. */
export interface Polygon extends Box {
  country: number;
  rings: Ring[];
}

/** Equirectangular distance: within a few hundred km of the equator it is off by well under 1%. */
export function distanceKm(a: Coordinates, b: Coordinates): number {
  const dx = (a.lng - b.lng) * Math.cos(((a.lat + b.lat) / 2) * RADIANS);
  const dy = a.lat - b.lat;
  return Math.sqrt(dx * dx + dy * dy) * KM_PER_DEGREE;
}

export function inBox(box: Box, lat: number, lng: number): boolean {
  return lat >= box.south && lat <= box.north && lng >= box.west && lng <= box.east;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.south <= b.north && a.north >= b.south && a.west <= b.east && a.east >= b.west;
}

export function ringBox(ring: readonly (readonly number[])[]): Box {
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

/** A polygon from GeoJSON rings, or undefined when it has no ring of three positions or more. */
export function toPolygon(rings: [number, number][][], country: number): Polygon | undefined {
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

/**
 * Finds, among `polygons` put into cells of `cell` degrees, the first one that `accept` takes
 * and that holds the point.
 */
export function polygonFinder(
  polygons: readonly Polygon[],
  cell: number,
): (lat: number, lng: number, accept: (polygon: Polygon) => boolean) => Polygon | undefined {
  const g = buildGrid(polygons, cell);
  return (lat, lng, accept) => {
    const row = Math.floor((lat - g.south) / g.cell);
    const col = Math.floor((lng - g.west) / g.cell);
    if (row < 0 || row >= g.rows || col < 0 || col >= g.cols) return undefined;
    const at = row * g.cols + col;
    for (let k = g.start[at]!; k < g.start[at + 1]!; k++) {
      const polygon = polygons[g.items[k]!]!;
      if (accept(polygon) && inBox(polygon, lat, lng) && inPolygon(polygon, lat, lng)) return polygon;
    }
    return undefined;
  };
}

/** Every edge of every ring of `polygons`, holes included, as x1, y1, x2, y2 in a flat array. */
export function edgesOf(polygons: readonly Polygon[]): Float64Array {
  const segments: number[] = [];
  for (const polygon of polygons) {
    for (const { xy } of polygon.rings) {
      const n = xy.length / 2;
      for (let i = 0; i < n; i++) {
        const j = (i + 1) % n;
        segments.push(xy[2 * i]!, xy[2 * i + 1]!, xy[2 * j]!, xy[2 * j + 1]!);
      }
    }
  }
  return Float64Array.from(segments);
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

/**
 * Distance in km from a point to the nearest of `segments` (as `edgesOf` lays them out), or
 * Infinity once it is surely beyond `maxKm`. The segments go into cells of `cell` degrees; the
 * search widens ring of cells by ring and stops as soon as no unvisited cell can be nearer.
 */
export function nearestSegmentKm(segments: Float64Array, cell: number): (lat: number, lng: number, maxKm?: number) => number {
  const boxes: Box[] = [];
  for (let i = 0; i < segments.length; i += 4) {
    const x1 = segments[i]!;
    const y1 = segments[i + 1]!;
    const x2 = segments[i + 2]!;
    const y2 = segments[i + 3]!;
    boxes.push({ south: Math.min(y1, y2), north: Math.max(y1, y2), west: Math.min(x1, x2), east: Math.max(x1, x2) });
  }
  const g = buildGrid(boxes, cell);
  return (lat, lng, maxKm = Infinity) => {
    if (g.rows === 0) return Infinity;
    const kx = Math.cos(lat * RADIANS);
    const row0 = Math.floor((lat - g.south) / g.cell);
    const col0 = Math.floor((lng - g.west) / g.cell);
    // Cells r + 1 rings away are at least r cells away along one axis; lng degrees are the
    // shorter ones.
    const ringKm = g.cell * KM_PER_DEGREE * Math.min(1, kx);
    let best = Infinity; // squared, in scaled degrees
    const visit = (row: number, col: number) => {
      const at = row * g.cols + col;
      for (let k = g.start[at]!; k < g.start[at + 1]!; k++) {
        const d = segmentDistance2(lng, lat, kx, segments, 4 * g.items[k]!);
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
  };
}

/** Distance in km from a point to the nearest of `points` (in cells of `cell` degrees), or Infinity beyond `maxKm`. */
export function nearestPointKm(points: readonly Coordinates[], cell: number): (lat: number, lng: number, maxKm: number) => number {
  const xy = new Float64Array(points.length * 2);
  points.forEach((p, i) => {
    xy[2 * i] = p.lng;
    xy[2 * i + 1] = p.lat;
  });
  const g = buildGrid(
    points.map((p) => ({ south: p.lat, north: p.lat, west: p.lng, east: p.lng })),
    cell,
  );
  return (lat, lng, maxKm) => {
    if (g.rows === 0) return Infinity;
    const kx = Math.cos(lat * RADIANS);
    const reachRows = Math.ceil(maxKm / (g.cell * KM_PER_DEGREE));
    const reachCols = Math.ceil(maxKm / (g.cell * KM_PER_DEGREE * Math.max(kx, 1e-6)));
    const row0 = Math.floor((lat - g.south) / g.cell);
    const col0 = Math.floor((lng - g.west) / g.cell);
    let best = Infinity;
    for (let row = Math.max(0, row0 - reachRows); row <= Math.min(g.rows - 1, row0 + reachRows); row++) {
      for (let col = Math.max(0, col0 - reachCols); col <= Math.min(g.cols - 1, col0 + reachCols); col++) {
        const at = row * g.cols + col;
        for (let k = g.start[at]!; k < g.start[at + 1]!; k++) {
          const i = 2 * g.items[k]!;
          const dx = (xy[i]! - lng) * kx;
          const dy = xy[i + 1]! - lat;
          const d = dx * dx + dy * dy;
          if (d < best) best = d;
        }
      }
    }
    const km = Math.sqrt(best) * KM_PER_DEGREE;
    return km <= maxKm ? km : Infinity;
  };
}
