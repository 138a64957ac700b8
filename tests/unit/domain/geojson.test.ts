import { describe, expect, it } from 'vitest';
import { toGeoJson } from '../../../src/domain/geojson.ts';

describe('toGeoJson', () => {
  it('makes a point per entry with coordinates, longitude first, and skips the rest', () => {
    const collection = toGeoJson([
      { type: 'potensi', name: 'Dermaga', url: 'https://x.id/potensi/dermaga/', category: 'Wisata', area: 'Kelurahan Bontang Kuala, Kota Bontang', coordinates: { lat: 0.1333, lng: 117.5 } },
      { type: 'kim', name: 'KIM Tanpa Lokasi', url: 'https://x.id/kim/a/', category: '', area: 'Desa A', coordinates: undefined },
    ]);
    expect(collection).toEqual({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [117.5, 0.1333] },
          properties: { jenis: 'potensi', nama: 'Dermaga', url: 'https://x.id/potensi/dermaga/', kategori: 'Wisata', wilayah: 'Kelurahan Bontang Kuala, Kota Bontang' },
        },
      ],
    });
  });
});
