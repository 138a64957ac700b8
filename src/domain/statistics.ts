/**
 * The figures a Diskominfo reads on the network's dashboard (`/statistik/`): how many villages of
 * each area have a KIM, which KIM are active and which have gone quiet, stories per month over the
 * last twelve months, how fresh the place data is, and which kinds of potential each village has.
 *
 * Every figure is counted once, in one pass over the KIM, one over the stories of the last twelve
 * months and one over the places, each entry adding itself to its village and every area above
 * it; a page then reads its area's figures without scanning anything.
 *
 * These are the only figures that depend on the build clock (which months, which KIM are quiet,
 * which place data is stale). A sharded build counts them over the whole network before the
 * shards build and hands each shard every clock-dependent figure its pages show (`known`), in the
 * figures file that is part of the shard's cache key (shards/plan.ts): a cached shard is rebuilt
 * when a KIM goes quiet or a month ends, and never shows figures of another day.
 */
import { ancestorCodesOf } from './regions/codes.ts';
import type { Region, RegionTree } from './regions/tree.ts';

/** How many months the activity figures cover, the current month last. */
const ACTIVITY_MONTHS = 12;

/** What a network may set in `network.yaml` (`statistics:`). */
export interface StatisticsSettings {
  /** An active KIM without a story in this many days has gone quiet. */
  quietDays: number;
  /** Place data last checked longer ago than this many days is stale. */
  staleDays: number;
}

export const DEFAULT_STATISTICS: StatisticsSettings = { quietDays: 90, staleDays: 365 };

export type KimStatus = 'active' | 'quiet' | 'inactive';

interface StatKim {
  id: string;
  data: { name: string; village: string; sectors: readonly string[]; active: boolean };
}
interface StatStory {
  data: { kim: string; date: Date };
}
interface StatPlace {
  id: string;
  data: { name: string; kind: string; region: string; verified?: Date | undefined };
}

/** The figures of one area (a province, kabupaten/kota, kecamatan or the whole network). */
export interface AreaFigures {
  villages: number;
  villagesWithKim: number;
  kims: number;
  active: number;
  quiet: number;
  inactive: number;
  /** Stories published in each of the last twelve months, oldest first. */
  monthly: number[];
  places: number;
  /** Places checked longer ago than the stale age. */
  stale: number;
  /** Places never marked as checked. */
  unchecked: number;
  /** Villages with at least one place of each kind, by kind. */
  villagesByKind: Record<string, number>;
  /** Villages with no place recorded. */
  villagesWithoutPotential: number;
}

/** One KIM as the dashboard lists it. */
export interface KimActivity {
  id: string;
  name: string;
  village: string;
  status: KimStatus;
  /** Its newest published story, as `YYYY-MM-DD`. */
  lastStory: string | null;
  monthly: number[];
}

/** A place whose data should be checked again: stale, or never marked as checked. */
export interface PlaceToCheck {
  id: string;
  name: string;
  /** When it was last checked, as `YYYY-MM-DD`. */
  verified: string | null;
  region: string;
}

/** What a sharded build hands a shard: every clock-dependent figure its pages show. */
export interface KnownStatistics {
  months: readonly string[];
  areas: Readonly<Record<string, AreaFigures>>;
  /** A kecamatan's KIM with their status, and its places to check. */
  districts?: Readonly<Record<string, { kims: readonly KimActivity[]; toCheck: readonly PlaceToCheck[] }>>;
  /** KIM per sector and places per kind over the whole network, for the network's page. */
  sectors?: Readonly<Record<string, number>>;
  kinds?: Readonly<Record<string, number>>;
}

/** `YYYY-MM` of a date, in UTC like every content date. */
const monthKey = (date: Date) => date.toISOString().slice(0, 7);

/** The last twelve months as `YYYY-MM`, oldest first, the month of `now` last. */
export function activityMonths(now: Date, count = ACTIVITY_MONTHS): string[] {
  const months: string[] = [];
  for (let back = count - 1; back >= 0; back--) months.push(monthKey(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1))));
  return months;
}

const DAY = 24 * 60 * 60 * 1000;

/** Whether a KIM is active, quiet (no story for `quietDays`) or marked inactive by its members. */
export function kimStatus(active: boolean, lastStory: Date | undefined, now: Date, quietDays: number): KimStatus {
  if (!active) return 'inactive';
  return lastStory !== undefined && now.getTime() - lastStory.getTime() <= quietDays * DAY ? 'active' : 'quiet';
}

/** Whether place data last checked on `verified` is older than `staleDays`. */
export const isStale = (verified: Date, now: Date, staleDays: number) => now.getTime() - verified.getTime() > staleDays * DAY;

const NETWORK = '';

const isVillageCode = (code: string) => code.split('.').length === 4;

/** Indonesian name order; one collator, since `localeCompare` with a locale makes one per call. */
const byName = new Intl.Collator('id').compare;

function emptyFigures(kinds: readonly string[]): AreaFigures {
  return {
    villages: 0,
    villagesWithKim: 0,
    kims: 0,
    active: 0,
    quiet: 0,
    inactive: 0,
    monthly: Array.from({ length: ACTIVITY_MONTHS }, () => 0),
    places: 0,
    stale: 0,
    unchecked: 0,
    villagesByKind: Object.fromEntries(kinds.map((k) => [k, 0])),
    villagesWithoutPotential: 0,
  };
}

/** Share of a whole as a percentage with one decimal, "0" for an empty whole. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

export class NetworkStatistics {
  readonly months: string[];
  readonly settings: StatisticsSettings;
  readonly #tree: RegionTree;
  readonly #figures = new Map<string, AreaFigures>();
  readonly #kimsByDistrict = new Map<string, KimActivity[]>();
  readonly #kindsByVillage = new Map<string, Map<string, number>>();
  readonly #stalePlaces = new Map<string, PlaceToCheck[]>();
  readonly #sectors: Record<string, number>;
  readonly #kinds: Record<string, number>;
  readonly #known: KnownStatistics | undefined;

  constructor(input: {
    tree: RegionTree;
    kims: readonly StatKim[];
    /** Published stories. */
    stories: readonly StatStory[];
    places: readonly StatPlace[];
    now: Date;
    settings: StatisticsSettings;
    sectorKeys: readonly string[];
    kindKeys: readonly string[];
    known?: KnownStatistics | undefined;
  }) {
    const { tree, now, settings, kindKeys } = input;
    this.#tree = tree;
    this.settings = settings;
    this.#known = input.known;
    this.months = [...(input.known?.months ?? activityMonths(now))];
    // A month's place in the window by arithmetic, not by formatting a date per story.
    const firstMonth = Number(this.months[0]!.slice(0, 4)) * 12 + Number(this.months[0]!.slice(5, 7)) - 1;
    const monthOf = (date: Date) => {
      const index = date.getUTCFullYear() * 12 + date.getUTCMonth() - firstMonth;
      return index >= 0 && index < this.months.length ? index : undefined;
    };
    const figuresAt = (code: string) => {
      let figures = this.#figures.get(code);
      if (!figures) this.#figures.set(code, (figures = emptyFigures(kindKeys)));
      return figures;
    };
    // Every area an entry at `code` counts in (the network, each area above it, and the code itself
    // unless it is a village, which has no dashboard), looked up once per code: a national network
    // adds up millions of times.
    const chains = new Map<string, AreaFigures[]>();
    const areas = (code: string) => {
      let chain = chains.get(code);
      if (!chain) chains.set(code, (chain = [NETWORK, ...ancestorCodesOf(code), ...(isVillageCode(code) ? [] : [code])].map(figuresAt)));
      return chain;
    };

    const newest = new Map<string, Date>();
    const monthly = new Map<string, number[]>();
    const kimById = new Map(input.kims.map((k) => [k.id, k]));
    for (const story of input.stories) {
      const seen = newest.get(story.data.kim);
      if (!seen || story.data.date > seen) newest.set(story.data.kim, story.data.date);
      const month = monthOf(story.data.date);
      const kim = kimById.get(story.data.kim);
      if (month === undefined || !kim) continue;
      if (!monthly.has(kim.id)) monthly.set(kim.id, Array.from({ length: ACTIVITY_MONTHS }, () => 0));
      monthly.get(kim.id)![month]!++;
      for (const figures of areas(kim.data.village)) figures.monthly[month]!++;
    }

    this.#sectors = Object.fromEntries(input.sectorKeys.map((k) => [k, 0]));
    const villagesWithKim = new Set<string>();
    for (const kim of input.kims) {
      const last = newest.get(kim.id);
      const status = kimStatus(kim.data.active, last, now, settings.quietDays);
      for (const figures of areas(kim.data.village)) {
        figures.kims++;
        figures[status]++;
      }
      if (!villagesWithKim.has(kim.data.village)) {
        villagesWithKim.add(kim.data.village);
        for (const figures of areas(kim.data.village)) figures.villagesWithKim++;
      }
      for (const sector of kim.data.sectors) this.#sectors[sector] = (this.#sectors[sector] ?? 0) + 1;
      const district = ancestorCodesOf(kim.data.village).at(-1) ?? kim.data.village;
      const list = this.#kimsByDistrict.get(district) ?? [];
      list.push({
        id: kim.id,
        name: kim.data.name,
        village: kim.data.village,
        status,
        lastStory: last ? last.toISOString().slice(0, 10) : null,
        monthly: monthly.get(kim.id) ?? Array.from({ length: ACTIVITY_MONTHS }, () => 0),
      });
      this.#kimsByDistrict.set(district, list);
    }

    this.#kinds = Object.fromEntries(kindKeys.map((k) => [k, 0]));
    for (const place of input.places) {
      this.#kinds[place.data.kind] = (this.#kinds[place.data.kind] ?? 0) + 1;
      const { verified } = place.data;
      const stale = verified !== undefined && isStale(verified, now, settings.staleDays);
      for (const figures of areas(place.data.region)) {
        figures.places++;
        if (stale) figures.stale++;
        if (verified === undefined) figures.unchecked++;
      }
      if (stale || verified === undefined) {
        // Listed on the kecamatan's page, the smallest area with a dashboard page.
        const district = isVillageCode(place.data.region) ? ancestorCodesOf(place.data.region).at(-1)! : place.data.region;
        const list = this.#stalePlaces.get(district) ?? [];
        list.push({ id: place.id, name: place.data.name, verified: verified ? verified.toISOString().slice(0, 10) : null, region: place.data.region });
        this.#stalePlaces.set(district, list);
      }
      // Only a village's own places say which potential it has; a kecamatan-wide place belongs to none.
      if (!isVillageCode(place.data.region)) continue;
      const kinds = this.#kindsByVillage.get(place.data.region) ?? new Map<string, number>();
      kinds.set(place.data.kind, (kinds.get(place.data.kind) ?? 0) + 1);
      this.#kindsByVillage.set(place.data.region, kinds);
    }
    // Every village once, after the places: counted in its areas, with or without potential.
    for (const region of tree.withPages()) {
      if (region.level !== 'village') continue;
      const kinds = this.#kindsByVillage.get(region.code);
      for (const figures of areas(region.code)) {
        figures.villages++;
        if (!kinds) figures.villagesWithoutPotential++;
        else for (const kind of kinds.keys()) figures.villagesByKind[kind] = (figures.villagesByKind[kind] ?? 0) + 1;
      }
    }
    for (const list of this.#kimsByDistrict.values()) list.sort((a, b) => byName(a.name, b.name));
    for (const list of this.#stalePlaces.values()) list.sort((a, b) => byName(a.name, b.name));
  }

  /** An area's figures (the whole network for `undefined`), as counted here or handed in. */
  area(code?: string): AreaFigures {
    const key = code ?? NETWORK;
    return this.#known?.areas[key] ?? this.#figures.get(key) ?? emptyFigures(Object.keys(this.#kinds));
  }

  /** KIM per sector over the network. */
  sectors(): Readonly<Record<string, number>> {
    return this.#known?.sectors ?? this.#sectors;
  }

  /** Places per kind over the network. */
  kinds(): Readonly<Record<string, number>> {
    return this.#known?.kinds ?? this.#kinds;
  }

  /** The KIM of a kecamatan, by name, with their status and activity. */
  kimsOfDistrict(code: string): readonly KimActivity[] {
    return this.#known?.districts?.[code]?.kims ?? this.#kimsByDistrict.get(code) ?? [];
  }

  /** The KIM of an area that are quiet or inactive, by name: whom a Diskominfo should call. */
  quietKims(code: string): KimActivity[] {
    const districts = this.#tree.require(code).level === 'district' ? [code] : this.#districtsOf(code);
    return districts
      .flatMap((d) => this.kimsOfDistrict(d))
      .filter((k) => k.status !== 'active')
      .sort((a, b) => byName(a.name, b.name));
  }

  /** A village's places by kind. */
  kindsOfVillage(code: string): ReadonlyMap<string, number> {
    return this.#kindsByVillage.get(code) ?? new Map();
  }

  /** Places in a kecamatan whose data is stale or was never checked. */
  placesToCheck(district: string): readonly PlaceToCheck[] {
    return this.#known?.districts?.[district]?.toCheck ?? this.#stalePlaces.get(district) ?? [];
  }

  /**
   * What a shard is handed: the months, the figures of these areas, the KIM and places to check
   * of these kecamatan, and for the network's own page its figures, sectors and kinds. Nothing
   * more: what a shard is handed is part of its cache key, and a story elsewhere must not change it.
   */
  known(codes: readonly string[], { districts = [], network = false }: { districts?: readonly string[]; network?: boolean } = {}): KnownStatistics {
    return {
      months: this.months,
      areas: Object.fromEntries([...(network ? [NETWORK] : []), ...codes].map((code) => [code, this.area(code || undefined)])),
      ...(districts.length > 0 && { districts: Object.fromEntries(districts.map((code) => [code, { kims: this.kimsOfDistrict(code), toCheck: this.placesToCheck(code) }])) }),
      ...(network && { sectors: this.sectors(), kinds: this.kinds() }),
    };
  }

  #districtsOf(code: string): string[] {
    const region: Region = this.#tree.require(code);
    if (region.level === 'district') return [code];
    return this.#tree.children(code).flatMap((child) => this.#districtsOf(child.code));
  }
}
