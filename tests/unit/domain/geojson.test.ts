import { describe, expect, it } from 'vitest';
import { toGeoJson } from '../../../src/domain/geojson.ts';

describe('toGeoJson', () => {
  it('makes a point per entry with coordinates, longitude first, and skips the rest', () => {
    const collection = toGeoJson([
      { type: 'potensi', name: 'Dermaga', url: 'https://x.id/potensi/dermaga/', category: 'Wisata', area: 'Kelurahan Bontang Kuala, Kota Bontang', coordinates: { lat: 0.1333, lng: 117.5 } },
      { type: 'kim', name: 'KIM Tanpa Lokasi', url: 'https://x.id/kim/a/', category: '', area: 'Desa A', coordinates: undefined },
      { type: 'potensi', name: 'Desa Danau', url: 'https://x.id/potensi/danau/', category: 'Wisata', area: 'Desa Danau', coordinates: { lat: -0.2881, lng: 116.3478, approximate: true, source: 'https://peta.example.org/danau' } },
    ]);
    expect(collection).toEqual({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [117.5, 0.1333] },
          properties: { jenis: 'potensi', nama: 'Dermaga', url: 'https://x.id/potensi/dermaga/', kategori: 'Wisata', wilayah: 'Kelurahan Bontang Kuala, Kota Bontang', perkiraan: false, sumber_lokasi: null },
        },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [116.3478, -0.2881] },
          // An estimated point says so, and where it was read.
          properties: { jenis: 'potensi', nama: 'Desa Danau', url: 'https://x.id/potensi/danau/', kategori: 'Wisata', wilayah: 'Desa Danau', perkiraan: true, sumber_lokasi: 'https://peta.example.org/danau' },
        },
      ],
    });
  });
});
