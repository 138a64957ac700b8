/**
 * The land check's second opinion (`land.ts` gives the first): a point on land can still be in the
 * wrong place, and a point far from every other one of its kabupaten/kota usually is.
 */
import type { Coordinates } from './geo.ts';
import { distanceKm } from './land-geometry.ts';

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

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
