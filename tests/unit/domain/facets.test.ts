import { describe, expect, it } from 'vitest';
import { loadRegionData } from '../../../src/format/sources/regions.ts';
import { NATIONAL_SCOPE, RegionTree } from '../../../src/domain/regions/tree.ts';
import { facetName, searchFacets } from '../../../src/domain/search/facets.ts';
import { KALIMANTAN_SLICE } from '../../helpers/regions.ts';

const tree = RegionTree.build(
  {
    provinces: [{ code: '64', name: 'Kalimantan Timur' }],
    regencies: [{ code: '64.74', name: 'Kota Bontang' }],
    districts: [{ code: '64.74.01', name: 'Bontang Utara' }],
    villages: [{ code: '64.74.01.1001', name: 'Bontang Kuala' }],
  },
  ['64.74'],
);

describe('searchFacets', () => {
  it('gives a story its type, every region level down to its village, and its year', () => {
    expect(searchFacets(tree, { type: 'story', region: tree.require('64.74.01.1001'), date: new Date('2026-11-30T00:00:00Z') })).toEqual({
      tipe: ['Cerita'],
      kabupaten: ['Kota Bontang'],
      kecamatan: ['Kecamatan Bontang Utara'],
      desa: ['Kelurahan Bontang Kuala'],
      tahun: ['2026'],
    });
  });

  it('gives a place that spans a district no village, and its kind as the sector', () => {
    expect(searchFacets(tree, { type: 'place', region: tree.require('64.74.01'), sectors: ['Wisata'] })).toEqual({
      tipe: ['Potensi'],
      kabupaten: ['Kota Bontang'],
      kecamatan: ['Kecamatan Bontang Utara'],
      sektor: ['Wisata'],
    });
  });

  it('gives a KIM all its sectors and no year', () => {
    const facets = searchFacets(tree, { type: 'kim', region: tree.require('64.74.01.1001'), sectors: ['Kuliner', 'UMKM'] });
    expect(facets.sektor).toEqual(['Kuliner', 'UMKM']);
    expect(facets.tahun).toBeUndefined();
  });
});

describe('facetName', () => {
  const namesakes = RegionTree.build(KALIMANTAN_SLICE, ['64.02', '64.74']);

  it('keeps a unique name as it is', () => {
    expect(facetName(namesakes, namesakes.require('64.74.01.1001'))).toBe('Kelurahan Bontang Kuala');
    expect(facetName(namesakes, namesakes.require('64.02.03'))).toBe('Kecamatan Loa Janan');
    // A desa and a kelurahan of one name are told apart by their kind already.
    expect(facetName(namesakes, namesakes.require('64.02.03.2006'))).toBe('Desa Batuah');
    expect(facetName(namesakes, namesakes.require('64.74.02.1002'))).toBe('Kelurahan Batuah');
  });

  it('tells namesakes apart, so each filter value is one village', () => {
    // Two Desa Bukit Biru in one district: the district alone does not separate them, the code does.
    expect(facetName(namesakes, namesakes.require('64.02.05.2009'))).toBe('Desa Bukit Biru (Tenggarong, 64.02.05.2009)');
    expect(facetName(namesakes, namesakes.require('64.02.05.2002'))).toBe('Desa Bukit Biru (Tenggarong, 64.02.05.2002)');
    const values = [...namesakes.withPages()].filter((r) => r.level === 'village').map((r) => facetName(namesakes, r));
    expect(new Set(values).size).toBe(values.length);
  });

  it('names every village, district and regency of Indonesia with a value of its own', async () => {
    const national = RegionTree.build(await loadRegionData(), [NATIONAL_SCOPE]);
    const seen = new Map<string, string>();
    for (const region of national.withPages()) {
      if (region.level === 'province') continue;
      const value = `${region.level}:${facetName(national, region)}`;
      expect(seen.get(value), value).toBeUndefined();
      seen.set(value, region.code);
    }
    expect(seen.size).toBeGreaterThan(90_000);
  });
});
