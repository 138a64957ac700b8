import { beforeAll, describe, expect, it } from 'vitest';
import {
  ancestorCodesOf,
  isRegionCodeShape,
  isWithin,
  levelOf,
  parentCodeOf,
  villageKindOf,
} from '../../../src/domain/regions/codes.ts';
import { loadRegionData } from '../../../src/format/sources/regions.ts';
import { NATIONAL_SCOPE, RegionTree, type RegionData } from '../../../src/domain/regions/tree.ts';
import { isSlug } from '../../../src/domain/slug.ts';
import { KALIMANTAN_SLICE as DATA } from '../../helpers/regions.ts';

describe('region codes', () => {
  it('tells the level of a code from its number of parts', () => {
    expect(levelOf('64')).toBe('province');
    expect(levelOf('64.74')).toBe('regency');
    expect(levelOf('64.74.01')).toBe('district');
    expect(levelOf('64.74.01.1001')).toBe('village');
  });

  it('refuses to give a level for something that is not a code', () => {
    expect(() => levelOf('64.7')).toThrow(/Not a region code/);
    expect(() => levelOf('64.74.01.101')).toThrow(/Not a region code/);
    expect(() => levelOf('ID')).toThrow(/Not a region code/);
    expect(() => levelOf('')).toThrow(/Not a region code/);
  });

  it('recognises the shape of codes at every level only', () => {
    expect(isRegionCodeShape('64')).toBe(true);
    expect(isRegionCodeShape('64.74.01.1001')).toBe(true);
    expect(isRegionCodeShape('64.74.01.1001.1')).toBe(false);
    expect(isRegionCodeShape('64-74')).toBe(false);
    expect(isRegionCodeShape(' 64.74')).toBe(false);
  });

  it('gives the parent code, and null for a province', () => {
    expect(parentCodeOf('64.74.01.1001')).toBe('64.74.01');
    expect(parentCodeOf('64.74.01')).toBe('64.74');
    expect(parentCodeOf('64.74')).toBe('64');
    expect(parentCodeOf('64')).toBeNull();
  });

  it('lists ancestors from the province down to the direct parent', () => {
    expect(ancestorCodesOf('64.74.01.1001')).toEqual(['64', '64.74', '64.74.01']);
    expect(ancestorCodesOf('64.74')).toEqual(['64']);
    expect(ancestorCodesOf('64')).toEqual([]);
  });

  it('counts a code as within itself and within its ancestors', () => {
    expect(isWithin('64.74.01.1001', '64.74.01.1001')).toBe(true);
    expect(isWithin('64.74.01.1001', '64.74')).toBe(true);
    expect(isWithin('64.74.01.1001', '64')).toBe(true);
  });

  it('does not count a code as within a sibling that shares its leading digits', () => {
    expect(isWithin('64.74.01.1001', '64.7')).toBe(false);
    expect(isWithin('64.02', '64.0')).toBe(false);
    expect(isWithin('64', '64.74')).toBe(false);
  });

  it('treats a last part starting with 1 as kelurahan and with 2 as desa', () => {
    expect(villageKindOf('64.74.01.1001')).toBe('kelurahan');
    expect(villageKindOf('64.02.03.2006')).toBe('desa');
  });

  it('refuses to give a village kind for a code above village level', () => {
    expect(() => villageKindOf('64.74.01')).toThrow(/Not a village code/);
  });
});

describe('RegionTree names and kinds', () => {
  const tree = RegionTree.build(DATA, ['64.02', '64.74']);

  it('prefixes villages with Desa or Kelurahan according to their code', () => {
    expect(tree.require('64.02.03.2006').fullName).toBe('Desa Batuah');
    expect(tree.require('64.02.03.2006').kind).toBe('desa');
    expect(tree.require('64.74.01.1001').fullName).toBe('Kelurahan Bontang Kuala');
    expect(tree.require('64.74.01.1001').kind).toBe('kelurahan');
  });

  it('prefixes districts with Kecamatan and provinces with Provinsi', () => {
    expect(tree.require('64.02.03').fullName).toBe('Kecamatan Loa Janan');
    expect(tree.require('64').fullName).toBe('Provinsi Kalimantan Timur');
  });

  it('keeps a regency name as it is, since it already says Kabupaten or Kota', () => {
    expect(tree.require('64.74').fullName).toBe('Kota Bontang');
    expect(tree.require('64.02').fullName).toBe('Kabupaten Kutai Kartanegara');
  });

  it('tells a kota from a kabupaten by the first word of the name only', () => {
    expect(tree.require('64.74').kind).toBe('kota');
    expect(tree.require('64.02').kind).toBe('kabupaten');
    expect(tree.require('63.02').kind).toBe('kabupaten'); // "Kabupaten Kotabaru"
  });

  it('records level, parent and children in official code order', () => {
    const district = tree.require('64.02.05');
    expect(district.level).toBe('district');
    expect(district.parentCode).toBe('64.02');
    expect(district.childCodes).toEqual(['64.02.05.2002', '64.02.05.2003', '64.02.05.2004', '64.02.05.2009']);
    expect(tree.require('64').parentCode).toBeNull();
  });

  it('knows regions outside the scope, and nothing that is not in the data', () => {
    expect(tree.get('63.02.19.2005')?.name).toBe('Batuah');
    expect(tree.get('64.74.09')).toBeUndefined();
    expect(() => tree.require('64.74.09')).toThrow(/Unknown region code 64.74.09/);
  });
});

describe('RegionTree URL paths', () => {
  const tree = RegionTree.build(DATA, ['64.02', '64.74']);

  it('starts regency paths at the regency, without a province segment', () => {
    expect(tree.require('64.74').pathSegments).toEqual(['kota-bontang']);
    expect(tree.require('64.02').pathSegments).toEqual(['kabupaten-kutai-kartanegara']);
  });

  it('builds district and village paths regency-first', () => {
    expect(tree.require('64.02.03').pathSegments).toEqual(['kabupaten-kutai-kartanegara', 'loa-janan']);
    expect(tree.require('64.74.01.1001').pathSegments).toEqual(['kota-bontang', 'bontang-utara', 'bontang-kuala']);
  });

  it('gives a province a single segment of its own', () => {
    expect(tree.require('64').pathSegments).toEqual(['kalimantan-timur']);
  });

  it('keeps the hyphen of a name such as Api-api', () => {
    expect(tree.require('64.74.01.1002').slug).toBe('api-api');
  });

  it('gives the plain slug to the lowest code among villages of one name in a district', () => {
    expect(tree.require('64.02.05.2002').slug).toBe('bukit-biru');
    expect(tree.require('64.02.05.2009').slug).toBe('bukit-biru-2009');
    expect(tree.require('64.02.05.2009').pathSegments).toEqual([
      'kabupaten-kutai-kartanegara',
      'tenggarong',
      'bukit-biru-2009',
    ]);
  });

  it('suffixes the higher code when two different names slugify alike', () => {
    expect(tree.require('64.02.05.2003').slug).toBe('soka-an');
    expect(tree.require('64.02.05.2004').slug).toBe('soka-an-2004');
  });

  it('keeps the plain slug for namesakes in different districts, whose paths differ anyway', () => {
    const kukar = tree.require('64.02.03.2006');
    const bontang = tree.require('64.74.02.1002');
    expect(kukar.slug).toBe('batuah');
    expect(bontang.slug).toBe('batuah');
    expect(kukar.pathSegments.join('/')).not.toBe(bontang.pathSegments.join('/'));
  });

  it('gives the same paths whatever the scope, so URLs survive a wider scope', () => {
    const national = RegionTree.build(DATA, [NATIONAL_SCOPE]);
    for (const code of ['64.74', '64.02.05.2009', '64.74.01.1001', '64']) {
      expect(national.require(code).pathSegments).toEqual(tree.require(code).pathSegments);
    }
  });
});

describe('RegionTree scope', () => {
  const tree = RegionTree.build(DATA, ['64.02', '64.74']);

  it('remembers the scope it was built for', () => {
    expect(tree.scope).toEqual(['64.02', '64.74']);
  });

  it('gives pages to regions in scope', () => {
    expect(tree.hasPage('64.02')).toBe(true);
    expect(tree.hasPage('64.02.05')).toBe(true);
    expect(tree.hasPage('64.74.01.1001')).toBe(true);
    expect(tree.require('64.74.01.1001').inScope).toBe(true);
  });

  it('gives no pages to regions outside the scope', () => {
    expect(tree.hasPage('64.01')).toBe(false);
    expect(tree.hasPage('64.01.01.2001')).toBe(false);
    expect(tree.hasPage('63')).toBe(false);
    expect(tree.require('64.01').inScope).toBe(false);
  });

  it('gives no page to an unknown code', () => {
    expect(tree.hasPage('64.99')).toBe(false);
  });

  it('gives a partly covered province a page without counting it as in scope', () => {
    expect(tree.hasPage('64')).toBe(true);
    expect(tree.require('64').inScope).toBe(false);
  });

  it('counts only in-scope villages at every level', () => {
    expect(tree.require('64').villageCount).toBe(10);
    expect(tree.require('64.02').villageCount).toBe(6);
    expect(tree.require('64.74').villageCount).toBe(4);
    expect(tree.require('64.02.05').villageCount).toBe(4);
    expect(tree.require('64.74.01.1001').villageCount).toBe(1);
    expect(tree.require('64.01').villageCount).toBe(0);
    expect(tree.require('63').villageCount).toBe(0);
  });

  it('lists only the children that have pages', () => {
    expect(tree.children('64').map((r) => r.code)).toEqual(['64.02', '64.74']);
    expect(tree.children('64.01')).toEqual([]);
  });

  it('lists ancestors from the province down', () => {
    expect(tree.ancestors('64.74.01.1001').map((r) => r.code)).toEqual(['64', '64.74', '64.74.01']);
  });

  it('offers only provinces with pages as roots', () => {
    expect(tree.roots().map((r) => r.code)).toEqual(['64']);
  });

  it('walks every page once, parents before children, in official order', () => {
    expect([...tree.withPages()].map((r) => r.code)).toEqual([
      '64',
      '64.02',
      '64.02.03',
      '64.02.03.2001',
      '64.02.03.2006',
      '64.02.05',
      '64.02.05.2002',
      '64.02.05.2003',
      '64.02.05.2004',
      '64.02.05.2009',
      '64.74',
      '64.74.01',
      '64.74.01.1001',
      '64.74.01.1002',
      '64.74.02',
      '64.74.02.1001',
      '64.74.02.1002',
    ]);
  });

  it('with a district scope gives the regency above a page but not the neighbouring district', () => {
    const narrow = RegionTree.build(DATA, ['64.74.01']);
    expect(narrow.hasPage('64.74')).toBe(true);
    expect(narrow.require('64.74').inScope).toBe(false);
    expect(narrow.require('64.74').villageCount).toBe(2);
    expect(narrow.hasPage('64.74.02')).toBe(false);
    expect(narrow.children('64.74').map((r) => r.code)).toEqual(['64.74.01']);
  });

  it('with the national scope puts every region in scope', () => {
    const national = RegionTree.build(DATA, [NATIONAL_SCOPE]);
    expect(national.roots().map((r) => r.code)).toEqual(['63', '64']);
    expect(national.require('64').inScope).toBe(true);
    expect(national.require('64').villageCount).toBe(11);
    expect(national.require('63').villageCount).toBe(1);
    expect(national.hasPage('64.01.01.2001')).toBe(true);
    const all = [...DATA.provinces, ...DATA.regencies, ...DATA.districts, ...DATA.villages];
    expect([...national.withPages()]).toHaveLength(all.length);
  });
});

describe('RegionTree with the national Kemendagri data', () => {
  let data: RegionData;
  let network: RegionTree;
  let national: RegionTree;

  beforeAll(async () => {
    data = await loadRegionData();
    network = RegionTree.build(data, ['64.02', '64.74']);
    national = RegionTree.build(data, [NATIONAL_SCOPE]);
  });

  it('holds every province, regency, district and village of idn-area-data 4', () => {
    expect(data.provinces).toHaveLength(38);
    expect(data.regencies).toHaveLength(514);
    // districts.csv has 7,285 data rows and every one of them is a distinct district code.
    expect(data.districts).toHaveLength(7285);
    expect(new Set(data.districts.map((d) => d.code)).size).toBe(7285);
    // villages.csv has 83,763 lines including its header: 83,762 villages, all distinct codes.
    expect(data.villages).toHaveLength(83762);
    expect(new Set(data.villages.map((v) => v.code)).size).toBe(83762);
  });

  it('gives pages to the 237 villages of Kutai Kartanegara and the 15 of Bontang', () => {
    const villages = [...network.withPages()].filter((r) => r.level === 'village');
    expect(villages).toHaveLength(252);
    expect(network.require('64.02').villageCount).toBe(237);
    expect(network.require('64.74').villageCount).toBe(15);
    expect(network.require('64').villageCount).toBe(252);
    expect(network.require('64').inScope).toBe(false);
    expect(network.roots().map((r) => r.code)).toEqual(['64']);
  });

  it('puts Kota Bontang at /wilayah/kota-bontang/', () => {
    const bontang = network.require('64.74');
    expect(bontang.fullName).toBe('Kota Bontang');
    expect(bontang.pathSegments).toEqual(['kota-bontang']);
  });

  it('puts Kelurahan Bontang Kuala under its city and district', () => {
    const village = network.require('64.74.01.1001');
    expect(village.fullName).toBe('Kelurahan Bontang Kuala');
    expect(village.pathSegments).toEqual(['kota-bontang', 'bontang-utara', 'bontang-kuala']);
  });

  it('gives the seven villages named Batuah seven different paths', () => {
    const batuah = data.villages.filter((v) => v.name === 'Batuah');
    expect(batuah).toHaveLength(7);
    const paths = new Set(batuah.map((v) => national.require(v.code).pathSegments.join('/')));
    expect(paths.size).toBe(7);
  });

  it('gives every village of the country a unique path of valid slugs', () => {
    const segments = data.villages.map((v) => national.require(v.code).pathSegments);
    expect(segments.filter((s) => s.length !== 3)).toEqual([]);
    expect(segments.flat().filter((s) => !isSlug(s))).toEqual([]);
    const paths = new Set(segments.map((s) => s.join('/')));
    expect(paths.size).toBe(83762);
  });

  it('gives every regency and province a unique first segment', () => {
    const firsts = [...data.provinces, ...data.regencies].map((r) => national.require(r.code).pathSegments[0]);
    expect(new Set(firsts).size).toBe(38 + 514);
  });

  it('builds the national tree with every region in scope', () => {
    expect(national.roots()).toHaveLength(38);
    expect(national.roots().reduce((sum, r) => sum + r.villageCount, 0)).toBe(83762);
    expect(national.require('64.74.01.1001').inScope).toBe(true);
  });

  it('never writes a kind twice, as in "Desa Desa Adat": official names that carry it keep it', () => {
    expect(national.require('91.03.01.3007').fullName).toBe('Desa Adat Yoboi');
    const doubled = data.villages.map((v) => national.require(v.code).fullName).filter((name) => /^(Desa|Kelurahan) \1 /i.test(name));
    expect(doubled).toEqual([]);
  });
});
