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
import sharp from 'sharp';
import { INDONESIA_BOUNDS, type Coordinates } from '../../src/domain/geo.ts';
import type { LandIndex } from '../../src/domain/land.ts';
import { loadLandIndex } from '../../src/format/sources/land-map.ts';
import { parentCodeOf } from '../../src/domain/regions/codes.ts';
import { loadRegionData } from '../../src/format/sources/regions.ts';
import { RegionTree, type RegionData, type RegionRecord } from '../../src/domain/regions/tree.ts';
import { slugify } from '../../src/domain/slug.ts';
import { PLACE_KIND_KEYS, PRICE_RANGE_KEYS, SECTOR_KEYS, STORY_CATEGORY_KEYS } from '../../src/domain/taxonomy.ts';
import { htmlTextLength, MAX_TITLE_LENGTH } from '../../src/format/schemas/common.ts';

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
  storyIds: string[];
  placeIds: string[];
  /** Stories with a cover photo, each its own file. */
  covers: number;
  /** Distinct source pictures the cover files are copies of. */
  coverSources: number;
}

/**
 * mulberry32: a tiny, fast 32-bit PRNG. Good enough to spread synthetic data, and deterministic
 * across machines and Node versions, which `Math.random` is not.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random integer in [0, n). */
function intBelow(random: () => number, n: number): number {
  return Math.floor(random() * n);
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[intBelow(random, list.length)]!;
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

// A small, neutral Indonesian vocabulary. The words only need to look like running text to the
// Markdown processor and the search indexer; no sentence claims anything about a real place.
const SUBJECTS = ['Warga', 'Pemuda', 'Ibu-ibu PKK', 'Kelompok tani', 'Pengurus KIM', 'Perangkat desa', 'Karang taruna', 'Pelaku UMKM'];
const VERBS = ['menggelar', 'menyiapkan', 'membahas', 'mengikuti', 'memperkenalkan', 'merawat', 'mendata', 'mendukung'];
const OBJECTS = [
  'kerja bakti di sekitar balai desa',
  'pelatihan menulis berita warga',
  'pasar murah hasil kebun',
  'lomba kebersihan lingkungan',
  'penanaman bibit di tepi sungai',
  'pendataan potensi usaha kecil',
  'pertemuan rutin bulanan',
  'festival budaya tahunan',
  'posyandu untuk balita dan lansia',
  'perbaikan jalan setapak',
];
const COMPLEMENTS = [
  'bersama perangkat desa',
  'dengan dukungan pemerintah kecamatan',
  'pada akhir pekan',
  'selama dua hari',
  'di halaman balai pertemuan',
  'setelah musyawarah warga',
  'untuk pertama kalinya tahun ini',
];
const CLOSERS = [
  'Kegiatan serupa direncanakan berlanjut setiap bulan.',
  'Warga yang ingin terlibat dapat menghubungi pengurus KIM.',
  'Hasilnya akan dibagikan melalui papan informasi desa.',
  'Panitia mencatat jumlah peserta meningkat dibanding tahun lalu.',
  'Informasi lengkap disampaikan dalam pertemuan berikutnya.',
];
const TAGS = ['gotong royong', 'umkm', 'pertanian', 'wisata', 'budaya', 'kesehatan', 'pendidikan', 'lingkungan', 'pemuda', 'pelatihan'];
const PLACE_NOUNS: Record<(typeof PLACE_KIND_KEYS)[number], readonly string[]> = {
  wisata: ['Air Terjun', 'Pantai', 'Bukit Pandang', 'Danau', 'Hutan Kota'],
  kuliner: ['Warung Ikan Bakar', 'Kedai Kopi', 'Sentra Amplang', 'Rumah Makan Apung'],
  kerajinan: ['Sentra Anyaman', 'Rumah Tenun', 'Bengkel Ukir'],
  umkm: ['Koperasi Warga', 'Toko Oleh-oleh', 'Usaha Madu Hutan'],
  budaya: ['Rumah Adat', 'Sanggar Tari', 'Lamin Budaya'],
  pertanian: ['Kebun Buah', 'Sawah Organik', 'Tambak Udang'],
  lainnya: ['Balai Pertemuan', 'Taman Bacaan', 'Dermaga Warga'],
};
const COLORS = ['#0f766e', '#1d4ed8', '#9d174d', '#166534', '#92400e', '#5b21b6', '#b91c1c', '#155e75'];

function sentence(random: () => number, village: string): string {
  return `${pick(random, SUBJECTS)} ${village} ${pick(random, VERBS)} ${pick(random, OBJECTS)} ${pick(random, COMPLEMENTS)}.`;
}

function paragraphs(random: () => number, village: string, count: number): string {
  const out: string[] = [];
  for (let p = 0; p < count; p++) {
    const sentences = Array.from({ length: 3 + intBelow(random, 3) }, () => sentence(random, village));
    out.push([...sentences, pick(random, CLOSERS)].join(' '));
  }
  return out.join('\n\n');
}

/** A headline within the page-title limit, measured as HTML measures it. */
function headline(random: () => number, village: string): string {
  const title = `${pick(random, SUBJECTS)} ${village} ${pick(random, VERBS)} ${pick(random, OBJECTS)}`;
  let fitted = title;
  while (htmlTextLength(fitted) > MAX_TITLE_LENGTH) fitted = fitted.slice(0, fitted.lastIndexOf(' '));
  return fitted;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A day between 1 and about 3 years before `today`, so no story is ever in the future. */
function pastDay(random: () => number, today: Date): string {
  const daysBack = 1 + intBelow(random, 3 * 365);
  return isoDay(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - daysBack)));
}

function writeEntry(file: string, data: Record<string, unknown>, body: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `---\n${yaml.dump(data, { lineWidth: -1 }).trimEnd()}\n---\n\n${body}\n`);
}

/**
 * A 1200 × 800 JPEG that costs the encoder roughly what a photo does: a colour gradient with
 * shapes and grain, not a flat fill that AVIF would compress in no time. sharp writes no EXIF
 * unless asked, so the source passes the metadata checks.
 */
async function coverSourceJpeg(index: number, seed: number): Promise<Buffer> {
  const width = 1200;
  const height = 800;
  const random = mulberry32(seed * 7919 + index);
  const pixels = Buffer.alloc(width * height * 3);
  const base = [intBelow(random, 200), intBelow(random, 200), intBelow(random, 200)] as const;
  const circles = Array.from({ length: 6 }, () => ({ x: intBelow(random, width), y: intBelow(random, height), r: 60 + intBelow(random, 200), tone: intBelow(random, 120) }));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let shade = (x / width) * 60 + (y / height) * 40;
      for (const c of circles) if ((x - c.x) ** 2 + (y - c.y) ** 2 < c.r ** 2) shade += c.tone;
      const grain = intBelow(random, 24);
      const i = (y * width + x) * 3;
      pixels[i] = Math.min(255, base[0] + shade + grain);
      pixels[i + 1] = Math.min(255, base[1] + shade * 0.7 + grain);
      pixels[i + 2] = Math.min(255, base[2] + shade * 0.4 + grain);
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 82 }).toBuffer();
}

/** Distinct cover pictures; every cover file is one of them with its own trailer. */
const COVER_SOURCES = 8;

/**
 * Writes a synthetic network into `outDir`: `network.yaml`, one KIM in each selected village, and
 * the stories and places of each KIM. Every story with a cover gets its own image file, unique to
 * the pipeline, so the build does the per-story image work a real network causes.
 */
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
    }),
  );

  const locate = await landPoints(random);
  const kimIds = new UniqueIds();
  const storyIds = new UniqueIds();
  const placeIds = new UniqueIds();
  const result: GeneratedNetwork = { contentDir, villagesInScope: inScope.length, kimIds: [], storyIds: [], placeIds: [], covers: 0, coverSources: 0 };
  const sources: Buffer[] = [];
  let storyIndex = 0;

  for (const village of villages) {
    const district = tree.require(parentCodeOf(village.code)!);
    const kimId = kimIds.take(`kim-${village.name}`, `kim-${village.code.replaceAll('.', '-')}`);
    result.kimIds.push(kimId);
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
      const name = `${pick(random, PLACE_NOUNS[kind])} ${village.name}`;
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
          verified: pastDay(random, today),
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
        tags: [...new Set([pick(random, TAGS), pick(random, TAGS)])],
        authors: [`Tim KIM ${village.name}`.slice(0, 80)],
        places: places.length > 0 && random() < 0.4 ? [pick(random, places)] : [],
        sample: true,
      };
      if (hasCover(storyIndex, coverShare)) {
        const image = path.join(contentDir, 'stories', 'img', `${storyId}.jpg`);
        mkdirSync(path.dirname(image), { recursive: true });
        const which = result.covers % COVER_SOURCES;
        if (sources[which] === undefined) sources[which] = await coverSourceJpeg(which, seed);
        // Astro names and caches images by their content, so identical files would be encoded
        // once. A trailer after the JPEG's end marker makes every cover unique to the pipeline
        // (decoders ignore bytes after it) without generating thousands of pictures.
        writeFileSync(image, Buffer.concat([sources[which], Buffer.from(`\n${storyId}\n`)]));
        data.cover = { src: `./img/${storyId}.jpg`, alt: `Suasana kegiatan warga ${village.name}`, credit: `Tim KIM ${village.name}` };
        result.covers++;
      }
      writeEntry(path.join(contentDir, 'stories', `${storyId}.md`), data, paragraphs(random, village.name, 3 + intBelow(random, 3)));
    }
  }
  result.coverSources = sources.filter(Boolean).length;
  return result;
}
