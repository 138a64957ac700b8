/**
 * What the interactive map needs, as plain data: the tile source a network chose, and the
 * markers of one page. The map itself (src/client/map.ts) runs only in the browser and only
 * once a reader scrolls to it; everything it shows is also on the page as links, so the page
 * stays useful when tiles, the script or the connection fail.
 */
import type { Coordinates } from './geo.ts';

/** OpenStreetMap's own tiles: free with attribution, for light use (tile usage policy). */
export const DEFAULT_TILES = {
  url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: '© OpenStreetMap contributors',
  attributionUrl: 'https://www.openstreetmap.org/copyright',
  maxZoom: 19,
} as const;

/** True for an https tile template with the {z}, {x} and {y} placeholders Leaflet fills in. */
export function isTileTemplate(value: string): boolean {
  if (!['{z}', '{x}', '{y}'].every((p) => value.includes(p))) return false;
  try {
    const url = new URL(value.replace(/\{[a-z]\}/g, '0'));
    return url.protocol === 'https:' && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Where the tiles come from, for the Content-Security-Policy's img-src. Subdomain templates ({s}) allow the whole domain. */
export function tileOrigin(template: string): string {
  const url = new URL(template.replace(/\{s\}\./, 'a.').replace(/\{[a-z]\}/g, '0'));
  return template.includes('{s}.') ? `${url.protocol}//*.${url.hostname.split('.').slice(1).join('.')}` : url.origin;
}

/** How many markers one map draws; a page embeds them, so their number is bounded like the page. */
const MAP_MARKER_LIMIT = 150;

export interface MapEntry {
  type: 'potensi' | 'kim';
  name: string;
  href: string;
  /** A short line under the name: the kind of place, or the KIM's village. */
  note: string;
  coordinates: Coordinates | undefined;
}

/** One marker as the page embeds it: [lat, lng, type, name, href, note], short because every byte is downloaded. */
export type MapMarker = [number, number, 'p' | 'k', string, string, string];

/** The markers of the entries that have coordinates, at most `limit` of them, in the order given. */
export function mapMarkers(entries: readonly MapEntry[], limit = MAP_MARKER_LIMIT): { markers: MapMarker[]; located: number } {
  const located = entries.filter((e): e is MapEntry & { coordinates: Coordinates } => e.coordinates !== undefined);
  return {
    markers: located.slice(0, limit).map((e) => [e.coordinates.lat, e.coordinates.lng, e.type === 'kim' ? 'k' : 'p', e.name, e.href, e.note]),
    located: located.length,
  };
}

/** Reads markers back from the page, refusing anything that is not shaped like one (the page is the only input). */
export function parseMarkers(json: string | undefined): MapMarker[] {
  let value: unknown;
  try {
    value = JSON.parse(json ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.filter(
    (m): m is MapMarker =>
      Array.isArray(m) &&
      m.length === 6 &&
      typeof m[0] === 'number' &&
      typeof m[1] === 'number' &&
      (m[2] === 'p' || m[2] === 'k') &&
      typeof m[3] === 'string' &&
      typeof m[4] === 'string' &&
      m[4].startsWith('/') &&
      !m[4].startsWith('//') &&
      typeof m[5] === 'string',
  );
}
