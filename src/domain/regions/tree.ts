import { slugify } from '../slug.ts';
import {
  ancestorCodesOf,
  isWithin,
  levelOf,
  lineageOf,
  parentCodeOf,
  villageKindOf,
  type RegionKind,
  type RegionLevel,
} from './codes.ts';

/** One row of the official data: a code and its name, nothing else is needed. */
export interface RegionRecord {
  code: string;
  name: string;
}

/** The four official lists, as published by idn-area-data. */
export interface RegionData {
  provinces: readonly RegionRecord[];
  regencies: readonly RegionRecord[];
  districts: readonly RegionRecord[];
  villages: readonly RegionRecord[];
}

/** A scope entry: a province, regency or district code, or `ID` for the whole country. */
export const NATIONAL_SCOPE = 'ID';

/** Whether a code lies in a scope (a list of province, regency or district codes, or `ID`). */
export function scopeTest(scope: readonly string[]): (code: string) => boolean {
  if (scope.includes(NATIONAL_SCOPE)) return () => true;
  return (code) => scope.some((s) => isWithin(code, s));
}

export interface Region {
  readonly code: string;
  readonly name: string;
  /** Official name with its administrative kind, e.g. "Desa Batuah", "Kota Bontang". */
  readonly fullName: string;
  readonly level: RegionLevel;
  readonly kind: RegionKind;
  readonly parentCode: string | null;
  /** This region's own URL segment, unique among the regions sharing its URL prefix. */
  readonly slug: string;
  /** URL segments below `/wilayah/`: regency-first, so a network's URLs survive a wider scope. */
  readonly pathSegments: readonly string[];
  /** Child codes in official order (by code). */
  readonly childCodes: readonly string[];
  /** Wholly inside the network's scope (false for a province that is only partly covered). */
  readonly inScope: boolean;
  /** Desa and kelurahan at or below this region that lie in scope. */
  readonly villageCount: number;
}

/** A region's administrative kind: a regency named "Kota …" is a city, a village's code says desa or kelurahan. */
export function regionKindOf(level: RegionLevel, code: string, name: string): RegionKind {
  switch (level) {
    case 'province':
      return 'provinsi';
    case 'regency':
      return /^kota\b/i.test(name) ? 'kota' : 'kabupaten';
    case 'district':
      return 'kecamatan';
    case 'village':
      return villageKindOf(code);
  }
}

const KIND_PREFIX: Record<RegionKind, string> = {
  provinsi: 'Provinsi',
  kabupaten: '',
  kota: '',
  kecamatan: 'Kecamatan',
  desa: 'Desa',
  kelurahan: 'Kelurahan',
};

/**
 * Some official names already carry their kind ("Desa Adat Yoboi" in Jayapura, "Desa Baru" in
 * Sumatra); prefixing those again would read "Desa Desa Adat Yoboi".
 */
export function fullNameOf(kind: RegionKind, name: string): string {
  const prefix = KIND_PREFIX[kind];
  if (!prefix || name.toLowerCase().startsWith(`${prefix.toLowerCase()} `)) return name;
  return `${prefix} ${name}`;
}

/**
 * Gives each record a slug unique within its group. Where names collide (seven villages are
 * called Batuah, a few districts hold two villages of one name) the lowest code keeps the plain
 * slug and the others get their own code suffix, so adding a new namesake never moves an old URL.
 */
function assignSlugs(records: readonly RegionRecord[]): Map<string, string> {
  const byBase = new Map<string, RegionRecord[]>();
  for (const record of records) {
    const base = slugify(record.name) || record.code.replaceAll('.', '-');
    const group = byBase.get(base);
    if (group) group.push(record);
    else byBase.set(base, [record]);
  }
  const slugs = new Map<string, string>();
  for (const [base, group] of byBase) {
    group.sort((a, b) => a.code.localeCompare(b.code));
    group.forEach((record, i) => {
      slugs.set(record.code, i === 0 ? base : `${base}-${record.code.split('.').pop()}`);
    });
  }
  return slugs;
}

function groupByParent(records: readonly RegionRecord[]): Map<string, RegionRecord[]> {
  const groups = new Map<string, RegionRecord[]>();
  for (const record of records) {
    const parent = parentCodeOf(record.code) ?? '';
    const group = groups.get(parent);
    if (group) group.push(record);
    else groups.set(parent, [record]);
  }
  return groups;
}

/**
 * The official region hierarchy, built once per build from the national lists and a scope.
 * Every region of the country is known (so a wrong code can be told apart from an out-of-scope
 * one); pages exist for what is in scope and for the ancestors that lead to it.
 */
export class RegionTree {
  readonly #regions = new Map<string, Region>();
  readonly #scope: readonly string[];

  private constructor(scope: readonly string[]) {
    this.#scope = scope;
  }

  /** Builds the tree in linear time over the ~91,000 official records. */
  static build(data: RegionData, scope: readonly string[]): RegionTree {
    const tree = new RegionTree(scope);
    const inScope = scopeTest(scope);

    // Provinces and regencies share the first URL segment, so their slugs are made unique together.
    const slugs = assignSlugs([...data.provinces, ...data.regencies]);
    for (const group of [...groupByParent(data.districts).values(), ...groupByParent(data.villages).values()]) {
      for (const [code, slug] of assignSlugs(group)) slugs.set(code, slug);
    }

    const children = new Map<string, string[]>();
    const all = [...data.provinces, ...data.regencies, ...data.districts, ...data.villages];
    for (const record of all) {
      const parent = parentCodeOf(record.code);
      if (parent === null) continue;
      const list = children.get(parent);
      if (list) list.push(record.code);
      else children.set(parent, [record.code]);
    }
    for (const list of children.values()) list.sort();

    // Count in-scope villages bottom-up through each village's ancestors.
    const villageCounts = new Map<string, number>();
    for (const village of data.villages) {
      if (!inScope(village.code)) continue;
      villageCounts.set(village.code, 1);
      for (const ancestor of ancestorCodesOf(village.code)) {
        villageCounts.set(ancestor, (villageCounts.get(ancestor) ?? 0) + 1);
      }
    }

    const pathOf = (code: string): string[] => {
      const level = levelOf(code);
      if (level === 'province') return [slugs.get(code)!];
      const lineage = lineageOf(code).slice(1);
      return lineage.map((c) => slugs.get(c)!);
    };

    for (const record of all) {
      const level = levelOf(record.code);
      const kind = regionKindOf(level, record.code, record.name);
      tree.#regions.set(record.code, {
        code: record.code,
        name: record.name,
        fullName: fullNameOf(kind, record.name),
        level,
        kind,
        parentCode: parentCodeOf(record.code),
        slug: slugs.get(record.code)!,
        pathSegments: pathOf(record.code),
        childCodes: children.get(record.code) ?? [],
        inScope: inScope(record.code),
        villageCount: villageCounts.get(record.code) ?? 0,
      });
    }
    return tree;
  }

  /** The scope this tree was built for, as configured. */
  get scope(): readonly string[] {
    return this.#scope;
  }

  /** Any region of the country, in scope or not. */
  get(code: string): Region | undefined {
    return this.#regions.get(code);
  }

  /** Like `get`, for codes the caller has already validated. */
  require(code: string): Region {
    const region = this.#regions.get(code);
    if (!region) throw new Error(`Unknown region code ${code}`);
    return region;
  }

  /** True when the region exists and has a page: in scope, or an ancestor of something in scope. */
  hasPage(code: string): boolean {
    const region = this.#regions.get(code);
    return region !== undefined && (region.inScope || region.villageCount > 0);
  }

  /** The children of a region that have pages, in official order. */
  children(code: string): Region[] {
    return this.require(code)
      .childCodes.filter((c) => this.hasPage(c))
      .map((c) => this.require(c));
  }

  /** From the province down to the direct parent. */
  ancestors(code: string): Region[] {
    return ancestorCodesOf(code).map((c) => this.require(c));
  }

  /** The region at `level` in the lineage of `code`, itself included: a village's kabupaten/kota. */
  at(code: string, level: RegionLevel): Region | undefined {
    const region = this.require(code);
    return region.level === level ? region : this.ancestors(code).find((r) => r.level === level);
  }

  /** Provinces that have at least one page below them: the top of the network's region index. */
  roots(): Region[] {
    return [...this.#regions.values()].filter((r) => r.level === 'province' && this.hasPage(r.code));
  }

  /** The official records of the regions with a page, by level: the scope's slice of the data. */
  records(): RegionData {
    const lists: Record<RegionLevel, RegionRecord[]> = { province: [], regency: [], district: [], village: [] };
    for (const region of this.withPages()) lists[region.level].push({ code: region.code, name: region.name });
    return { provinces: lists.province, regencies: lists.regency, districts: lists.district, villages: lists.village };
  }

  /** Every region with a page, parents before children. Walks only the in-scope branches. */
  *withPages(): Generator<Region> {
    const stack = this.roots().reverse();
    while (stack.length > 0) {
      const region = stack.pop()!;
      yield region;
      const kids = this.children(region.code);
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
}
