/**
 * Synthetic KIM networks for the build benchmark (`npm run bench`). A network is generated from
 * the real Kemendagri region data at any scope, with the shares and counts a real network has,
 * and written as a content folder that passes the content gate. Everything is derived from a
 * seeded PRNG, so two runs with the same options write the same network (dates excepted: they
 * count back from "today" so that no story is ever in the future).
 *
 * The data is filler for measuring the build: it is written to a temporary folder, marked
 * `sample: true` everywhere, and never belongs in `content/`.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { INDONESIA_BOUNDS, type Coordinates } from '../../src/domain/geo.ts';
import type { LandIndex } from '../../src/domain/land.ts';
import { loadLandIndex } from '../../src/format/sources/land-map.ts';
import { parentCodeOf } from '../../src/domain/regions/codes.ts';
import { loadRegionData } from '../../src/format/sources/regions.ts';
import { RegionTree, type RegionData, type RegionRecord } from '../../src/domain/regions/tree.ts';
import { slugify } from '../../src/domain/slug.ts';
import type { SocialCardMode } from '../../src/format/schemas/network.ts';
import { PLACE_KIND_KEYS, PRICE_RANGE_KEYS, SECTOR_KEYS, STORY_CATEGORY_KEYS } from '../../src/domain/taxonomy.ts';
import { MAX_TITLE_LENGTH } from '../../src/format/schemas/common.ts';
import { intBelow, mulberry32, pick } from './prng.ts';
import { CoverPhotos } from './synthetic-photos.ts';
import { headline, paragraphs, placeName, sentence, storyTags } from './synthetic-text.ts';

export { mulberry32 };

/** What to generate. Only `scope` and `outDir` are required; the rest default to real-life shares. */
export interface GenerateOptions {
  /** Scope codes as `network.yaml` takes them: province, regency, district, or `ID`. */
  scope: readonly string[];
  /** The content folder to write; it must not exist yet or be empty. */
  outDir: string;
  /** Share of in-scope villages that have a KIM. */
  kimShare?: number;
  storiesPerKim?: number;
  placesPerKim?: number;
  /** Share of stories with a cover photo; each cover is a separate file the pipeline encodes. */
  coverShare?: number;
  seed?: number;
  /** The day the newest story may carry; stories spread over the three years before it. */
  today?: Date;
  /** The official lists, for callers that generate several networks and load them once. */
  regions?: RegionData;
  /** `socialCards` for `network.yaml`; left out (the default `auto`, which a plain build makes `entries`) unless `kim`. */
  socialCards?: SocialCardMode;
}

/**
 * Defaults near a real network, as the benchmark issue (#4) states them: a KIM in a third of the
 * villages, ten stories and three places per KIM, a cover photo on a tenth of the stories.
 */
export const GENERATE_DEFAULTS = {
  kimShare: 1 / 3,
  storiesPerKim: 10,
  placesPerKim: 3,
  coverShare: 0.1,
  seed: 1,
} as const;

/** What was written, for the benchmark report and for tests. */
export interface GeneratedNetwork {
  contentDir: string;
  villagesInScope: number;
  kimIds: string[];
  /** The village of each KIM, in the order of `kimIds`. */
  kimVillages: string[];
  storyIds: string[];
  placeIds: string[];
  /** Stories with a cover photo, each its own file. */
  covers: number;
  /** Distinct source pictures the cover files are copies of. */
  coverSources: number;
}

/**
 * The desa and kelurahan a scope covers, in official order. Goes through `RegionTree` so the
 * benchmark and the site agree on what "in scope" means (including `ID` for the whole country).
 */
export function villagesInScope(regions: RegionData, scope: readonly string[]): RegionRecord[] {
  const tree = RegionTree.build(regions, scope);
  return regions.villages.filter((v) => tree.get(v.code)?.inScope).sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * Picks `round(villages × share)` villages without repeats (a partial Fisher–Yates shuffle), and
 * returns them in official order so the written network does not depend on the shuffle order.
 */
export function selectVillages(villages: readonly RegionRecord[], share: number, random: () => number): RegionRecord[] {
  const count = Math.min(villages.length, Math.max(0, Math.round(villages.length * share)));
  const pool = [...villages];
  for (let i = 0; i < count; i++) {
    const j = i + intBelow(random, pool.length - i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count).sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * How many stories out of `stories` get a cover: exactly `floor(stories × share)`, spread evenly,
 * so the image workload of a run is known before it starts.
 */
export function hasCover(index: number, share: number): boolean {
  return Math.floor((index + 1) * share) > Math.floor(index * share);
}

/** Covers a network of this size would carry, before anything is written. */
export function estimateCovers(villages: number, options: Pick<GenerateOptions, 'kimShare' | 'storiesPerKim' | 'coverShare'> = {}): number {
  const { kimShare, storiesPerKim, coverShare } = { ...GENERATE_DEFAULTS, ...stripUndefined(options) };
  return Math.floor(Math.round(villages * kimShare) * storiesPerKim * coverShare);
}


function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Hands out unique slugs: the first of a name keeps it, later ones get "-2", "-3"… */
class UniqueIds {
  readonly #used = new Set<string>();

  take(base: string, fallback: string): string {
    const clean = slugify(base).slice(0, 70).replace(/-+$/, '') || fallback;
    let id = clean;
    for (let n = 2; this.#used.has(id); n++) id = `${clean}-${n}`;
    this.#used.add(id);
    return id;
  }
}

const COLORS = ['#0f766e', '#1d4ed8', '#9d174d', '#166534', '#92400e', '#5b21b6', '#b91c1c', '#155e75'];

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A day between 1 and about 3 years before `today`, so no story is ever in the future. */
function pastDay(random: () => number, today: Date, within = 3 * 365): string {
  const daysBack = 1 + intBelow(random, within);
  return isoDay(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - daysBack)));
}

function writeEntry(file: string, data: Record<string, unknown>, body: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `---\n${yaml.dump(data, { lineWidth: -1 }).trimEnd()}\n---\n\n${body}\n`);
}

/**
 * Coordinates the content gate accepts: on land or just off the coast, and near the other points
 * of the same kabupaten/kota (a point far from its peers gets a warning). Each regency gets a
 * random point on land as its centre, and its places scatter a few kilometres around it.
 */
async function landPoints(random: () => number): Promise<(regency: string) => Coordinates> {
  const land: LandIndex = await loadLandIndex();
  const { south, north, west, east } = INDONESIA_BOUNDS;
  const onLand = (point: Coordinates) => ['land', 'coast'].includes(land.locate(point).kind);
  const round = (point: Coordinates) => ({ lat: Number(point.lat.toFixed(5)), lng: Number(point.lng.toFixed(5)) });
  const centres = new Map<string, Coordinates>();
  return (regency) => {
    let centre = centres.get(regency);
    while (!centre) {
      const candidate = { lat: south + random() * (north - south), lng: west + random() * (east - west) };
      if (land.locate(candidate).kind === 'land') centre = candidate;
    }
    centres.set(regency, centre);
    for (let tries = 0; tries < 20; tries++) {
      const point = round({ lat: centre.lat + (random() - 0.5) * 0.06, lng: centre.lng + (random() - 0.5) * 0.06 });
      if (onLand(point)) return point;
    }
    return round(centre);
  };
}

/**
 * Writes a synthetic network into `outDir`: `network.yaml`, one KIM in each selected village, and
 * the stories and places of each KIM. Every story with a cover gets its own image file, unique to
 * the pipeline, so the build does the per-story image work a real network causes.
 */
export async function generateNetwork(options: GenerateOptions): Promise<GeneratedNetwork> {
  const { kimShare, storiesPerKim, placesPerKim, coverShare, seed } = { ...GENERATE_DEFAULTS, ...stripUndefined(options) };
  const contentDir = path.resolve(options.outDir);
  if (existsSync(contentDir) && readdirSync(contentDir).length > 0) {
    throw new Error(`Refusing to write a synthetic network into a folder that is not empty: ${contentDir}`);
  }
  const today = options.today ?? new Date();
  const regions = options.regions ?? (await loadRegionData());
  const random = mulberry32(seed);
  const tree = RegionTree.build(regions, options.scope);
  const inScope = villagesInScope(regions, options.scope);
  const villages = selectVillages(inScope, kimShare, random);

  mkdirSync(contentDir, { recursive: true });
  writeFileSync(
    path.join(contentDir, 'network.yaml'),
    yaml.dump({
      name: `Jaringan KIM Sintetis ${options.scope.join(', ')}`,
      shortName: 'KIM Sintetis',
      description: 'Jaringan sintetis untuk mengukur kecepatan build. Isinya buatan dan tidak menggambarkan desa mana pun.',
      site: 'https://bench.example.org',
      scope: [...options.scope],
      sample: true,
      ...(options.socialCards === 'kim' && { socialCards: 'kim' }),
    }),
  );

  const locate = await landPoints(random);
  const kimIds = new UniqueIds();
  const storyIds = new UniqueIds();
  const placeIds = new UniqueIds();
  const result: GeneratedNetwork = { contentDir, villagesInScope: inScope.length, kimIds: [], kimVillages: [], storyIds: [], placeIds: [], covers: 0, coverSources: 0 };
  const covers = new CoverPhotos(seed);
  let storyIndex = 0;

  for (const village of villages) {
    const district = tree.require(parentCodeOf(village.code)!);
    const kimId = kimIds.take(`kim-${village.name}`, `kim-${village.code.replaceAll('.', '-')}`);
    result.kimIds.push(kimId);
    result.kimVillages.push(village.code);
    writeEntry(
      path.join(contentDir, 'kim', `${kimId}.md`),
      {
        name: `KIM ${village.name}`.slice(0, MAX_TITLE_LENGTH),
        village: village.code,
        founded: pastDay(random, new Date(Date.UTC(today.getUTCFullYear() - 3, 0, 1))),
        sectors: [...new Set([pick(random, SECTOR_KEYS), pick(random, SECTOR_KEYS)])],
        tagline: `Kabar dan potensi ${village.name}, dari warga untuk semua`.slice(0, 140),
        color: pick(random, COLORS),
        contacts: { email: `${kimId}@bench.example.org`, website: `https://bench.example.org/${kimId}` },
        sample: true,
      },
      paragraphs(random, village.name, 2),
    );

    const places: string[] = [];
    for (let p = 0; p < placesPerKim; p++) {
      const kind = pick(random, PLACE_KIND_KEYS);
      const name = placeName(random, kind, village.name);
      const placeId = placeIds.take(name, `potensi-${village.code.replaceAll('.', '-')}-${p}`);
      places.push(placeId);
      result.placeIds.push(placeId);
      writeEntry(
        path.join(contentDir, 'places', `${placeId}.md`),
        {
          name: name.slice(0, MAX_TITLE_LENGTH),
          kind,
          // Now and then an area that spans the district, as real listings have.
          region: random() < 0.1 ? district.code : village.code,
          kim: kimId,
          summary: `${name} di ${district.fullName}, salah satu potensi yang didata KIM ${village.name}.`.slice(0, 300),
          ...(random() < 0.5 && { coordinates: locate(village.code.slice(0, 5)) }),
          address: `${village.name}, ${district.fullName}`,
          hours: 'Setiap hari, 08.00–17.00',
          priceRange: pick(random, PRICE_RANGE_KEYS),
          // Checked within the network's stale age (DEFAULT_STATISTICS): a maintained network warns of nothing.
          verified: pastDay(random, today, 180),
          featured: random() < 0.05,
          sample: true,
        },
        paragraphs(random, village.name, 2),
      );
    }

    for (let s = 0; s < storiesPerKim; s++, storyIndex++) {
      const title = headline(random, village.name);
      const storyId = storyIds.take(title, `cerita-${village.code.replaceAll('.', '-')}-${s}`);
      result.storyIds.push(storyId);
      const data: Record<string, unknown> = {
        title,
        date: pastDay(random, today),
        kim: kimId,
        summary: sentence(random, village.name),
        category: pick(random, STORY_CATEGORY_KEYS),
        tags: storyTags(random),
        authors: [`Tim KIM ${village.name}`.slice(0, 80)],
        places: places.length > 0 && random() < 0.4 ? [pick(random, places)] : [],
        sample: true,
      };
      if (hasCover(storyIndex, coverShare)) {
        const image = path.join(contentDir, 'stories', 'img', `${storyId}.jpg`);
        mkdirSync(path.dirname(image), { recursive: true });
        writeFileSync(image, await covers.file(result.covers, storyId));
        data.cover = { src: `./img/${storyId}.jpg`, alt: `Suasana kegiatan warga ${village.name}`, credit: `Tim KIM ${village.name}` };
        result.covers++;
      }
      writeEntry(path.join(contentDir, 'stories', `${storyId}.md`), data, paragraphs(random, village.name, 3 + intBelow(random, 3)));
    }
  }
  result.coverSources = covers.sources;
  return result;
}

/**
 * Writes one new story of the KIM `kim`, dated `today`, as a contributor adds one: what the
 * benchmark's rebuild with `--new-story` measures. Returns its id.
 */
export function writeNewStory(contentDir: string, { kim, today }: { kim: string; today: Date }): string {
  const id = `cerita-baru-${kim}`.slice(0, 80);
  writeEntry(
    path.join(contentDir, 'stories', `${id}.md`),
    {
      title: 'Kerja bakti membersihkan saluran air menjelang musim hujan',
      date: isoDay(today),
      kim,
      summary: 'Warga bergotong royong membersihkan saluran air desa sebelum musim hujan tiba.',
      category: STORY_CATEGORY_KEYS[0],
      tags: ['gotong-royong'],
      sample: true,
    },
    'Cerita baru untuk mengukur build ulang: satu cerita bertambah di satu KIM, sisanya tetap.',
  );
  return id;
}
