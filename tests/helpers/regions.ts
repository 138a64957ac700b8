/** Region data for unit tests. */
import type { RegionData } from '../../src/domain/regions/tree.ts';
import { loadRegionData } from '../../src/format/sources/regions.ts';

/**
 * A small hand-written slice of Kalimantan: two in-scope regencies (one a city), a third regency
 * and a second province outside the scope, two villages of one name in one district and two
 * names that slugify alike.
 */
export const KALIMANTAN_SLICE: RegionData = {
  provinces: [
    { code: '63', name: 'Kalimantan Selatan' },
    { code: '64', name: 'Kalimantan Timur' },
  ],
  regencies: [
    { code: '63.02', name: 'Kabupaten Kotabaru' },
    { code: '64.01', name: 'Kabupaten Paser' },
    { code: '64.02', name: 'Kabupaten Kutai Kartanegara' },
    { code: '64.74', name: 'Kota Bontang' },
  ],
  districts: [
    { code: '63.02.19', name: 'Pamukan Barat' },
    { code: '64.01.01', name: 'Batu Sopang' },
    { code: '64.02.03', name: 'Loa Janan' },
    { code: '64.02.05', name: 'Tenggarong' },
    { code: '64.74.01', name: 'Bontang Utara' },
    { code: '64.74.02', name: 'Bontang Selatan' },
  ],
  villages: [
    { code: '63.02.19.2005', name: 'Batuah' },
    { code: '64.01.01.2001', name: 'Batu Sopang' },
    { code: '64.02.03.2006', name: 'Batuah' },
    { code: '64.02.03.2001', name: 'Loa Janan Ulu' },
    // Two villages called Bukit Biru, listed highest code first on purpose.
    { code: '64.02.05.2009', name: 'Bukit Biru' },
    { code: '64.02.05.2002', name: 'Bukit Biru' },
    // Different names with one slug.
    { code: '64.02.05.2004', name: 'Soka"an' },
    { code: '64.02.05.2003', name: 'Soka-an' },
    { code: '64.74.01.1001', name: 'Bontang Kuala' },
    { code: '64.74.01.1002', name: 'Api-api' },
    { code: '64.74.02.1001', name: 'Tanjung Laut' },
    // Same name as a village in Kutai Kartanegara, but in another district.
    { code: '64.74.02.1002', name: 'Batuah' },
  ],
};

let official: Promise<RegionData> | undefined;

/**
 * The official rows (idn-area-data) of these villages and of every region above them: a real
 * slice of the country for tests that need real names and codes rather than crafted edge cases.
 */
export async function officialSlice(villageCodes: readonly string[]): Promise<RegionData> {
  official ??= loadRegionData();
  const data = await official;
  const wanted = new Set(villageCodes.flatMap((code) => [1, 2, 3, 4].map((parts) => code.split('.').slice(0, parts).join('.'))));
  const keep = <T extends { code: string }>(rows: readonly T[]) => rows.filter((row) => wanted.has(row.code));
  const slice = { provinces: keep(data.provinces), regencies: keep(data.regencies), districts: keep(data.districts), villages: keep(data.villages) };
  const missing = villageCodes.filter((code) => !slice.villages.some((v) => v.code === code));
  if (missing.length > 0) throw new Error(`Not in idn-area-data: ${missing.join(', ')}`);
  return slice;
}
