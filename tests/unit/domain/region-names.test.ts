/**
 * Villages as a person looks for them (src/domain/regions/names.ts): labels that tell namesakes
 * apart, and a search by name that lists them all.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { findVillages, isVillageName, villageChoices, type VillageChoice } from '../../../src/domain/regions/names.ts';
import type { RegionData } from '../../../src/domain/regions/tree.ts';
import { loadRegionData } from '../../../src/format/sources/regions.ts';
import { KALIMANTAN_SLICE, officialSlice } from '../../helpers/regions.ts';

let country: RegionData;
let national: VillageChoice[];
beforeAll(async () => {
  country = await loadRegionData();
  national = villageChoices(country, ['ID']);
});

describe('villageChoices', () => {
  it('labels each village with its kecamatan and its kabupaten or kota', async () => {
    const data = await officialSlice(['64.02.03.2006', '64.74.01.1001']);
    expect(villageChoices(data, ['64'])).toEqual([
      { code: '64.02.03.2006', name: 'Batuah', label: 'Batuah — Kec. Loa Janan, Kab. Kutai Kartanegara' },
      { code: '64.74.01.1001', name: 'Bontang Kuala', label: 'Bontang Kuala — Kec. Bontang Utara, Kota Bontang' },
    ]);
  });

  it('keeps only the villages in the scope, in official order', () => {
    const codes = villageChoices(KALIMANTAN_SLICE, ['64.02.05', '64.74']).map((c) => c.code);
    expect(codes).toEqual(['64.02.05.2002', '64.02.05.2003', '64.02.05.2004', '64.02.05.2009', '64.74.01.1001', '64.74.01.1002', '64.74.02.1001', '64.74.02.1002']);
  });

  it('tells a desa and a kelurahan of one name in one kecamatan apart by their kind', async () => {
    const data = await officialSlice(['12.01.10.1001', '12.01.10.2018']);
    expect(villageChoices(data, ['12.01.10']).map((c) => c.label)).toEqual([
      'Kelurahan Sorkam Kanan — Kec. Sorkam Barat, Kab. Tapanuli Tengah',
      'Desa Sorkam Kanan — Kec. Sorkam Barat, Kab. Tapanuli Tengah',
    ]);
  });

  it('tells two desa of one name in one kecamatan apart by their code', () => {
    const labels = villageChoices(KALIMANTAN_SLICE, ['64.02.05']).filter((c) => c.name === 'Bukit Biru').map((c) => c.label);
    expect(labels).toEqual(['Desa Bukit Biru — Kec. Tenggarong, Kab. Kutai Kartanegara (64.02.05.2002)', 'Desa Bukit Biru — Kec. Tenggarong, Kab. Kutai Kartanegara (64.02.05.2009)']);
  });

  it('lists every village of the country, each with a label of its own, fast enough for a form at national scope', () => {
    const started = performance.now();
    const choices = villageChoices(country, ['ID']);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(choices).toHaveLength(country.villages.length);
    expect(new Set(choices.map((c) => c.label)).size).toBe(choices.length);
  });
});

describe('findVillages', () => {
  it('lists every namesake with its kecamatan and kabupaten, exact matches first', () => {
    const found = findVillages('Batuah', national);
    expect(found.slice(0, 7).map((c) => c.label)).toEqual([
      'Batuah — Kec. Seranau, Kab. Kotawaringin Timur',
      'Batuah — Kec. Basarang, Kab. Kapuas',
      'Batuah — Kec. Raren Batuah, Kab. Barito Timur',
      'Batuah — Kec. Pamukan Barat, Kab. Kotabaru',
      'Batuah — Kec. Pulaulaut Sigam, Kab. Kotabaru',
      'Batuah — Kec. Kusan Hilir, Kab. Tanah Bumbu',
      'Batuah — Kec. Loa Janan, Kab. Kutai Kartanegara',
    ]);
    expect(found.slice(7).every((c) => c.name !== 'Batuah' && /batuah/i.test(c.name))).toBe(true);
  });

  it('ranks names that start with the query before names with a word starting with it, and those before names merely containing it', () => {
    const choices = [
      { code: '1', name: 'Loa Janan Ulu', label: '' },
      { code: '2', name: 'Sungai Janan', label: '' },
      { code: '3', name: 'Janan', label: '' },
      { code: '4', name: 'Janang', label: '' },
      { code: '5', name: 'Pajanan', label: '' },
    ];
    expect(findVillages('janan', choices).map((c) => c.code)).toEqual(['3', '4', '1', '2', '5']);
  });

  it('ignores case, accents, punctuation and a leading "Desa" or "Kelurahan"', () => {
    const bontang = villageChoices(KALIMANTAN_SLICE, ['64.74']);
    for (const query of ['bontang kuala', 'BONTANG KUALA', 'Bóntang Kuala', 'Kelurahan Bontang Kuala', 'kel. bontang kuala', '  Bontang  Kuala ']) {
      expect(findVillages(query, bontang).map((c) => c.code), query).toEqual(['64.74.01.1001']);
    }
    expect(findVillages('api api', bontang).map((c) => c.name)).toEqual(['Api-api']);
    expect(findVillages("regapu'u", national).map((c) => c.name)).toEqual(['Regapu’u']);
    expect(findVillages('Desa Batuah', national)[0]!.name).toBe('Batuah');
  });

  it('finds a village by its code, and nothing for an empty query', () => {
    expect(findVillages('64.02.03.2006', national).map((c) => c.label)).toEqual(['Batuah — Kec. Loa Janan, Kab. Kutai Kartanegara']);
    expect(findVillages('64.02.03.2999', national)).toEqual([]);
    expect(findVillages('  ', national)).toEqual([]);
    expect(findVillages('—', national)).toEqual([]);
  });

  it('searches the whole country quickly enough to answer as a person types', () => {
    const started = performance.now();
    findVillages('sido', national);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('isVillageName', () => {
  it('compares names as findVillages does', () => {
    expect(isVillageName('desa batuah', 'Batuah')).toBe(true);
    expect(isVillageName('Batu', 'Batuah')).toBe(false);
    expect(isVillageName('', '')).toBe(false);
  });
});
