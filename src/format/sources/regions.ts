import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';
import type { RegionData } from '../../domain/regions/tree.ts';

/** Reads the official lists shipped by idn-area-data (Kemendagri codes, ODbL). */
export async function loadRegionData(): Promise<RegionData> {
  const [provinces, regencies, districts, villages] = await Promise.all([
    getProvinces(),
    getRegencies(),
    getDistricts(),
    getVillages(),
  ]);
  const pick = ({ code, name }: { code: string; name: string }) => ({ code, name: name.trim() });
  return {
    provinces: provinces.map(pick),
    regencies: regencies.map(pick),
    districts: districts.map(pick),
    villages: villages.map(pick),
  };
}

/** Credit line the ODbL asks for wherever the region data is shown. */
export const REGION_DATA_CREDIT = {
  name: 'idn-area-data',
  url: 'https://github.com/fityannugroho/idn-area-data',
  license: 'ODbL 1.0',
  licenseUrl: 'https://opendatacommons.org/licenses/odbl/1-0/',
} as const;
