import { describe, expect, it } from 'vitest';
import { isTileTemplate, mapMarkers, parseMarkers, tileOrigin, type MapEntry } from '../../../src/domain/map.ts';
import { metaContentSecurityPolicy } from '../../../src/site/security.ts';

const entry = (name: string, coordinates?: { lat: number; lng: number }, type: MapEntry['type'] = 'potensi'): MapEntry => ({
  type,
  name,
  href: `/potensi/${name.toLowerCase()}/`,
  note: 'Wisata',
  coordinates,
});

describe('mapMarkers', () => {
  it('makes a marker of every entry with coordinates, in order, and counts them', () => {
    const { markers, located } = mapMarkers([entry('A', { lat: 0.1, lng: 117.5 }), entry('B'), entry('C', { lat: -0.5, lng: 117.1 }, 'kim')]);
    expect(markers).toEqual([
      [0.1, 117.5, 'p', 'A', '/potensi/a/', 'Wisata'],
      [-0.5, 117.1, 'k', 'C', '/potensi/c/', 'Wisata'],
    ]);
    expect(located).toBe(2);
  });

  it('draws at most the limit, and says how many there were', () => {
    const many = Array.from({ length: 10 }, (_, i) => entry(`T${i}`, { lat: 0, lng: 117 + i / 10 }));
    const { markers, located } = mapMarkers(many, 4);
    expect(markers.map((m) => m[3])).toEqual(['T0', 'T1', 'T2', 'T3']);
    expect(located).toBe(10);
  });
});

describe('parseMarkers', () => {
  it('reads back what the page embeds', () => {
    const { markers } = mapMarkers([entry('Pantai <b>Marina</b>', { lat: 0.1, lng: 117.5 })]);
    expect(parseMarkers(JSON.stringify(markers))).toEqual(markers);
  });

  it('drops anything not shaped like a marker, and links that leave the site', () => {
    const json = JSON.stringify([
      [0, 117, 'p', 'ok', '/potensi/ok/', ''],
      [0, 117, 'p', 'js', 'javascript:alert(1)', ''],
      [0, 117, 'p', 'luar', '//jahat.example/', ''],
      [0, 117, 'x', 'jenis', '/a/', ''],
      ['0', 117, 'p', 'teks', '/a/', ''],
      { lat: 0 },
    ]);
    expect(parseMarkers(json).map((m) => m[3])).toEqual(['ok']);
    expect(parseMarkers('bukan json')).toEqual([]);
    expect(parseMarkers(undefined)).toEqual([]);
  });
});

describe('tile sources', () => {
  it('accepts https templates with {z}, {x} and {y}', () => {
    expect(isTileTemplate('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe(true);
    expect(isTileTemplate('https://{s}.tile.example.id/{z}/{x}/{y}.png')).toBe(true);
  });

  it('refuses plain http, other schemes and templates without the placeholders', () => {
    expect(isTileTemplate('http://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe(false);
    expect(isTileTemplate('javascript:{z}{x}{y}')).toBe(false);
    expect(isTileTemplate('https://tile.openstreetmap.org/peta.png')).toBe(false);
  });

  it('lets pages load images from the tile server and nowhere else outside the site', () => {
    expect(tileOrigin('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe('https://tile.openstreetmap.org');
    expect(tileOrigin('https://{s}.tile.example.id/{z}/{x}/{y}.png')).toBe('https://*.tile.example.id');
    expect(metaContentSecurityPolicy({ tileOrigin: 'https://tile.openstreetmap.org' })).toContain("img-src 'self' https://tile.openstreetmap.org;");
    expect(metaContentSecurityPolicy()).toContain("img-src 'self';");
  });
});
