/**
 * Draws one map with Leaflet (served from the site, never a CDN): the page's markers as circles,
 * each with a popup linking to its page. Contributor text reaches the popup as text nodes only.
 * Tiles come from the network's tile server; when they fail to load the markers still show
 * over a plain background, and every marker is a link elsewhere on the page anyway.
 */
// The stylesheet's URL, not the stylesheet: imported as CSS, Astro would link it from every page
// that could show a map. It is fetched here, with the library, once a map is reached.
import leafletCss from 'leaflet/dist/leaflet.css?url';
import { circleMarker, control, latLngBounds, map as createMap, tileLayer } from 'leaflet/dist/leaflet-src.esm.js';
import { parseMarkers, type MapMarker } from '../domain/map.ts';

interface Strings {
  place: string;
  kim: string;
  zoomIn: string;
  zoomOut: string;
}

function text(value: string): HTMLElement {
  const span = document.createElement('span');
  span.textContent = value;
  return span;
}

function popup(marker: MapMarker, strings: Strings): HTMLElement {
  const [, , type, name, href, note] = marker;
  const box = document.createElement('div');
  const kind = document.createElement('p');
  kind.className = 'map-popup-kind';
  kind.textContent = `${type === 'k' ? strings.kim : strings.place}${note ? ` · ${note}` : ''}`;
  const link = document.createElement('a');
  link.href = href;
  link.textContent = name;
  link.className = 'map-popup-link';
  const open = document.createElement('p');
  open.append(link);
  box.append(kind, open);
  return box;
}

let stylesheet: Promise<void> | undefined;

function loadStylesheet(): Promise<void> {
  stylesheet ??= new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = leafletCss;
    link.onload = () => resolve();
    link.onerror = () => reject(new Error('Leaflet CSS'));
    document.head.append(link);
  });
  return stylesheet;
}

export async function drawMap(frame: HTMLElement): Promise<void> {
  const markers = parseMarkers(frame.dataset.markers);
  if (markers.length === 0) return;
  await loadStylesheet();
  const strings = JSON.parse(frame.dataset.strings ?? '{}') as Strings;
  const canvas = document.createElement('div');
  canvas.className = 'map-canvas';
  frame.replaceChildren(canvas);

  const map = createMap(canvas, { zoomControl: false, scrollWheelZoom: false, attributionControl: false });
  control.zoom({ zoomInTitle: strings.zoomIn, zoomOutTitle: strings.zoomOut }).addTo(map);
  // The attribution is printed under the map as a normal link; Leaflet's own control would
  // repeat it and add its flag.
  tileLayer(frame.dataset.tiles!, { maxZoom: Number(frame.dataset.maxZoom) || 19 }).addTo(map);

  const bounds = latLngBounds([]);
  for (const marker of markers) {
    const [lat, lng, type] = marker;
    circleMarker([lat, lng], {
      radius: type === 'k' ? 7 : 9,
      className: type === 'k' ? 'map-marker map-marker-kim' : 'map-marker map-marker-place',
      weight: 2,
      fillOpacity: 0.85,
    })
      .bindPopup(() => popup(marker, strings))
      // An element, not a string: Leaflet puts strings in with innerHTML.
      .bindTooltip(() => text(marker[3]))
      .addTo(map);
    bounds.extend([lat, lng]);
  }
  if (markers.length === 1) map.setView(bounds.getCenter(), 14);
  else map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 });
}
