/**
 * Indonesia's extent, from Sabang's Pulau Weh to Merauke and from Pulau Miangas to Pulau Rote,
 * with a small margin for outlying islands. A box is coarse (it also covers parts of Malaysia
 * and the sea), but it catches the usual mistakes: swapped latitude and longitude, a dropped
 * minus sign, or the 0,0 a phone writes when it has no fix.
 */
export const INDONESIA_BOUNDS = { south: -11.5, north: 6.5, west: 94.5, east: 141.5 } as const;

export interface Coordinates {
  lat: number;
  lng: number;
}

/** Coordinates as a contributor gives them: a point may be only an estimate, read from a public source. */
export interface LocatedPoint extends Coordinates {
  /** Read off a larger feature (the lake a village stands in): shown as an estimate, never routed to. */
  approximate?: boolean | undefined;
  /** The public page the point was read from. */
  source?: string | undefined;
}

/** True when the point lies inside Indonesia's bounding box. */
export function isInIndonesia({ lat, lng }: Coordinates): boolean {
  const b = INDONESIA_BOUNDS;
  return lat >= b.south && lat <= b.north && lng >= b.west && lng <= b.east;
}

/** A map link that needs no API key, for readers who want directions. */
export function openStreetMapUrl({ lat, lng }: Coordinates, zoom = 16): string {
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=${zoom}/${lat}/${lng}`;
}

/** Google Maps directions to the point, also without an API key. */
export function googleMapsDirectionsUrl({ lat, lng }: Coordinates): string {
  return `https://www.google.com/maps/dir/?api=1&destination=${lat},${lng}`;
}

/**
 * What a map search looks for when a place has no coordinates: its name and every region above
 * it, most specific first ("Benua Elai, Desa Batuah, Kecamatan Loa Janan, Kabupaten Kutai
 * Kartanegara"). Map search engines resolve a village name alone to the wrong namesake too
 * often; the kecamatan and kabupaten settle it.
 */
export function placeSearchQuery(name: string, regionNames: readonly string[]): string {
  return [name, ...regionNames].map((part) => part.trim()).filter(Boolean).join(', ');
}

/** An OpenStreetMap search for a place by name, for readers when its point is unknown. */
export function openStreetMapSearchUrl(query: string): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;
}

/** A Google Maps search for a place by name; the reader picks the result and asks for directions. */
export function googleMapsSearchUrl(query: string): string {
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(query)}`;
}
