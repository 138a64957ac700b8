/**
 * Where located entries are: on Indonesian land or just off its coast, and near the rest of
 * their kabupaten/kota (a point far from its peers is usually a swapped or mistyped coordinate).
 */
import type { Coordinates } from '../../domain/geo.ts';
import type { LandIndex } from '../../domain/land.ts';
import { farFromPeers } from '../../domain/land-peers.ts';
import { isRegionCodeShape } from '../../domain/regions/codes.ts';
import type { RegionTree } from '../../domain/regions/tree.ts';
import { msg } from '../messages.ts';
import { asString } from './references.ts';
import type { Report } from './report.ts';
import type { Readable } from './types.ts';

export function checkLocations({ tree, land, readable, valid, report }: {
  tree: RegionTree;
  land: LandIndex;
  readable: readonly Readable[];
  /** Display paths of the entries that passed every other check. */
  valid: ReadonlySet<string>;
  report: Report;
}): void {
  const located: { displayPath: string; regency: string; point: Coordinates }[] = [];
  for (const { file, data } of readable) {
    const point = data.coordinates as Partial<Coordinates> | undefined;
    if (typeof point?.lat !== 'number' || typeof point.lng !== 'number') continue;
    const verdict = land.locate({ lat: point.lat, lng: point.lng });
    if (verdict.kind === 'foreign') report.fail(file.displayPath, 'coordinates', msg.coordinatesForeign(verdict.country));
    else if (verdict.kind === 'sea') report.fail(file.displayPath, 'coordinates', msg.coordinatesSea(verdict.km));
    else {
      const code = asString(file.collection === 'kim' ? data.village : data.region);
      const regency = code && isRegionCodeShape(code) ? code.split('.').slice(0, 2).join('.') : undefined;
      if (regency && tree.get(regency)) located.push({ displayPath: file.displayPath, regency, point: { lat: point.lat, lng: point.lng } });
    }
  }
  // Only entries that passed every other check count as peers: a broken one would move the centre.
  for (const { entry, km } of farFromPeers(located.filter((l) => valid.has(l.displayPath)))) {
    report.warn(entry.displayPath, 'coordinates', msg.coordinatesFar(km, tree.require(entry.regency).fullName));
  }
}
