import { describe, expect, it } from 'vitest';
import { RegionTree } from '../../src/lib/regions/tree.ts';
import { facetName, searchFacets } from '../../src/lib/search/facets.ts';

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
  const namesakes = RegionTree.build(
    {
      provinces: [{ code: '64', name: 'Kalimantan Timur' }],
      regencies: [
        { code: '64.02', name: 'Kabupaten Kutai Kartanegara' },
        { code: '64.74', name: 'Kota Bontang' },
      ],
      districts: [
        { code: '64.02.03', name: 'Loa Janan' },
        { code: '64.02.05', name: 'Tenggarong' },
        { code: '64.74.01', name: 'Bontang Utara' },
      ],
      villages: [
        { code: '64.02.03.2006', name: 'Batuah' },
        { code: '64.02.05.2009', name: 'Batuah' },
        { code: '64.74.01.1001', name: 'Bontang Kuala' },
      ],
    },
    ['64.02', '64.74'],
  );

  it('keeps a unique name as it is', () => {
    expect(facetName(namesakes, namesakes.require('64.74.01.1001'))).toBe('Kelurahan Bontang Kuala');
    expect(facetName(namesakes, namesakes.require('64.02.03'))).toBe('Kecamatan Loa Janan');
  });

  it('adds the district to a village name shared in the network, so each filter value is one village', () => {
    expect(facetName(namesakes, namesakes.require('64.02.03.2006'))).toBe('Desa Batuah (Loa Janan)');
    expect(facetName(namesakes, namesakes.require('64.02.05.2009'))).toBe('Desa Batuah (Tenggarong)');
  });
});
