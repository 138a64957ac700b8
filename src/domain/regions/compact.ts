/**
 * The official region lists as compact as JSON allows (`[code, name]` pairs), for the web CMS's
 * village field: the browser rebuilds the lists and labels them with the same `villageChoices`
 * the build and `npm run new` use. About 3 MB (under 1 MB compressed) for the whole country.
 */
import type { RegionData, RegionRecord } from './tree.ts';

type Pairs = [code: string, name: string][];
type CompactRegions = Record<keyof RegionData, Pairs>;

const LEVELS = ['provinces', 'regencies', 'districts', 'villages'] as const;

export function encodeRegions(data: RegionData): string {
  const pairs = (records: readonly RegionRecord[]): Pairs => records.map(({ code, name }) => [code, name]);
  return JSON.stringify(Object.fromEntries(LEVELS.map((level) => [level, pairs(data[level])])));
}

/** The lists back from `encodeRegions`' text; anything else is refused rather than half read. */
export function decodeRegions(text: string): RegionData {
  const parsed = JSON.parse(text) as Partial<CompactRegions>;
  const records = (level: (typeof LEVELS)[number]): RegionRecord[] => {
    const pairs = parsed[level];
    if (!Array.isArray(pairs) || !pairs.every((pair) => Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string')) {
      throw new Error(`Daftar wilayah tidak lengkap: ${level}`);
    }
    return pairs.map(([code, name]) => ({ code, name }));
  };
  return { provinces: records('provinces'), regencies: records('regencies'), districts: records('districts'), villages: records('villages') };
}
