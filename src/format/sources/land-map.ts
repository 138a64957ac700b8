/**
 * The land map and the official island list, read from their npm packages for the gate's
 * location check (see domain/land.ts for what is done with them).
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { getIslands } from 'idn-area-data';
import { createLandIndex, LAND_MAP_BOX, landDataFrom, mentionsPointIn, type LandData, type LandIndex, type MapFeature } from '../../domain/land.ts';

let loadedData: Promise<LandData> | undefined;
let loadedIndex: Promise<LandIndex> | undefined;

/**
 * Reads the land map (OpenStreetMap via @geo-maps/countries-land-1km, ODbL) and the official
 * island list, keeping only Indonesia and the parts of its neighbours near it. Read once per process.
 */
export function loadLandData(): Promise<LandData> {
  loadedData ??= readLandData().catch((error: unknown) => {
    loadedData = undefined; // a failed read should not poison later builds in the same process
    throw error;
  });
  return loadedData;
}

/**
 * The index over the real data, built once per process. With `keep: false` (a build, which checks
 * its points once) nothing is kept for later, so the map's memory is free for the rest of the build.
 */
export function loadLandIndex({ keep = true }: { keep?: boolean } = {}): Promise<LandIndex> {
  if (!keep && !loadedIndex) return (loadedData ?? readLandData()).then(createLandIndex);
  loadedIndex ??= loadLandData().then(createLandIndex, (error: unknown) => {
    loadedIndex = undefined;
    throw error;
  });
  return loadedIndex;
}

async function readLandData(): Promise<LandData> {
  const mapPath = createRequire(import.meta.url).resolve('@geo-maps/countries-land-1km/map.geo.json');
  const features: MapFeature[] = [];
  for await (const feature of mapFeatures(mapPath)) features.push(feature);
  return landDataFrom(features, (await getIslands()).map((island) => island.coordinate));
}

/**
 * The map's features near Indonesia, one at a time. The file puts each feature on its own line,
 * read as a stream, so a country none of whose points comes near is dropped without being parsed
 * (Canada's line alone is 5 MB) and the 22 MB file is never in memory at once. A file laid out
 * otherwise is parsed whole.
 */
async function* mapFeatures(file: string): AsyncGenerator<MapFeature> {
  const featureLine = /^\{"type":"Feature",/;
  let features = 0;
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    if (!featureLine.test(line)) continue;
    features++;
    if (mentionsPointIn(line, LAND_MAP_BOX)) yield JSON.parse(line.trim().replace(/,$/, '')) as MapFeature;
  }
  if (features === 0) yield* (JSON.parse(await readFile(file, 'utf8')) as { features: MapFeature[] }).features;
}
