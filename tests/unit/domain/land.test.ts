import { beforeAll, describe, expect, it } from 'vitest';
import type { Coordinates } from '../../../src/domain/geo.ts';
import { COAST_KM, createLandIndex, parseDms, type LandData, type LandIndex, type LandVerdict } from '../../../src/domain/land.ts';
import { farFromPeers } from '../../../src/domain/land-peers.ts';
import { loadLandData, loadLandIndex } from '../../../src/format/sources/land-map.ts';

/** Kilometres per degree, as the module measures them. */
const KM_PER_DEGREE = (6371.0088 * Math.PI) / 180;

/** A point `km` east of `lng` at latitude `lat`. */
const east = (lat: number, lng: number, km: number): Coordinates => ({
  lat,
  lng: lng + km / (KM_PER_DEGREE * Math.cos((lat * Math.PI) / 180)),
});

const square = (west: number, south: number, east: number, north: number): [number, number][] => [
  [west, south],
  [east, south],
  [east, north],
  [west, north],
  [west, south],
];

/**
 * Indonesia as a 1° square off whose straight eastern coast (lng 111) the sea begins, with a lake
 * in the middle, and Malaysia as the square north of it, sharing the land border at the equator.
 */
const TOY: LandData = {
  countries: [
    { code: 'IDN', polygons: [[square(110, -1, 111, 0), square(110.3, -0.7, 110.7, -0.3)]] },
    { code: 'MYS', polygons: [[square(110, 0, 111, 1)]] },
    { code: 'XYZ', polygons: [[square(120, 0, 121, 1)]] },
  ],
  islands: [{ lat: -0.5, lng: 111.5 }],
};

describe('locating points on hand-made polygons', () => {
  const toy = createLandIndex(TOY);

  it('puts a point inside the polygon on land', () => {
    expect(toy.locate({ lat: -0.9, lng: 110.1 })).toEqual({ kind: 'land' });
  });

  it('calls a point 2 km off a straight coast coast, at about 2 km', () => {
    const verdict = toy.locate(east(-0.9, 111, 2));
    expect(verdict.kind).toBe('coast');
    expect(verdict.kind === 'coast' && verdict.km).toBeCloseTo(2, 1);
  });

  it('calls a point 20 km off the coast sea, at 20 km', () => {
    expect(toy.locate(east(-0.9, 111, 20))).toEqual({ kind: 'sea', km: 20 });
  });

  it('does not put a point in a hole (a lake) on land', () => {
    const verdict = toy.locate({ lat: -0.5, lng: 110.5 });
    expect(verdict.kind).not.toBe('land');
    // The middle of the lake is 0.2° from every shore.
    expect(verdict).toEqual({ kind: 'sea', km: 22 });
  });

  it('measures a point on a lake near its shore to that shore', () => {
    expect(toy.locate(east(-0.5, 110.3, 1))).toEqual({ kind: 'coast', km: 1 });
  });

  it("names the neighbour whose land a point is on", () => {
    expect(toy.locate({ lat: 0.5, lng: 110.5 })).toEqual({ kind: 'foreign', country: 'Malaysia' });
  });

  it('falls back to the country code for a neighbour without an Indonesian name', () => {
    expect(toy.locate({ lat: 0.5, lng: 120.5 })).toEqual({ kind: 'foreign', country: 'XYZ' });
  });

  it('keeps a point just across a land border Indonesian, since the map is imprecise there', () => {
    expect(toy.locate({ lat: 0.005, lng: 110.5 })).toEqual({ kind: 'land' });
    expect(toy.locate({ lat: 0.05, lng: 110.5 })).toEqual({ kind: 'foreign', country: 'Malaysia' });
  });

  it('calls a point near an official island coast even when the map has no land there', () => {
    const nearIsland = east(-0.5, 111.5, 1);
    expect(toy.locate(nearIsland)).toEqual({ kind: 'coast', km: 1 });
    const withoutIslands = createLandIndex({ countries: TOY.countries, islands: [] });
    expect(withoutIslands.locate(nearIsland).kind).toBe('sea');
  });

  it('still answers for a point on the other side of the world', () => {
    const verdict = toy.locate({ lat: 50, lng: 10 });
    expect(verdict.kind).toBe('sea');
    expect(verdict.kind === 'sea' && verdict.km).toBeGreaterThan(5000);
  });

  it('refuses a point that is not a number', () => {
    expect(() => toy.locate({ lat: Number.NaN, lng: 110 })).toThrow(RangeError);
  });

  it('calls everything sea when it knows no land at all', () => {
    expect(createLandIndex({ countries: [], islands: [] }).locate({ lat: 0, lng: 0 })).toEqual({
      kind: 'sea',
      km: Infinity,
    });
  });
});

describe('parseDms', () => {
  it('reads a northern, eastern point', () => {
    const point = parseDms(`03°19'03.44" N 097°07'41.73" E`);
    expect(point?.lat).toBeCloseTo(3 + 19 / 60 + 3.44 / 3600, 9);
    expect(point?.lng).toBeCloseTo(97 + 7 / 60 + 41.73 / 3600, 9);
  });

  it('reads a southern point as a negative latitude', () => {
    const point = parseDms(`05°34'57.54" S 127°28'43.57" E`);
    expect(point?.lat).toBeCloseTo(-(5 + 34 / 60 + 57.54 / 3600), 9);
    expect(point?.lng).toBeCloseTo(127 + 28 / 60 + 43.57 / 3600, 9);
  });

  it('reads a western point as a negative longitude', () => {
    expect(parseDms(`51°28'40" N 000°00'05" W`)?.lng).toBeCloseTo(-5 / 3600, 9);
  });

  it("reads the CSV's doubled quotes, with or without the surrounding quotes", () => {
    const expected = { lat: 3 / 60 + 59 / 3600, lng: 117 + 31 / 60 + 40 / 3600 };
    for (const text of [`00°03'59.00"" N 117°31'40.00"" E`, `"00°03'59.00"" N 117°31'40.00"" E"`]) {
      const point = parseDms(text);
      expect(point?.lat).toBeCloseTo(expected.lat, 9);
      expect(point?.lng).toBeCloseTo(expected.lng, 9);
    }
  });

  it('refuses text that is not a degrees-minutes-seconds pair, or is out of range', () => {
    expect(parseDms('')).toBeNull();
    expect(parseDms('-6.2, 106.85')).toBeNull();
    expect(parseDms(`03°19'03.44" N`)).toBeNull();
    expect(parseDms(`03°61'03.44" N 097°07'41.73" E`)).toBeNull();
    expect(parseDms(`91°00'00" N 097°07'41.73" E`)).toBeNull();
    expect(parseDms(`03°19'03.44" E 097°07'41.73" N`)).toBeNull();
  });
});

describe('locating points on the real map', () => {
  let land: LandIndex;
  let data: LandData;
  const at = (lat: number, lng: number): LandVerdict => land.locate({ lat, lng });

  beforeAll(async () => {
    [land, data] = await Promise.all([loadLandIndex(), loadLandData()]);
  });

  it('reads the same index once per process', async () => {
    expect(await loadLandIndex()).toBe(land);
  });

  it('puts Kuala Lumpur in Malaysia', () => {
    expect(at(3.139, 101.687)).toEqual({ kind: 'foreign', country: 'Malaysia' });
  });

  it('puts Davao in the Philippines', () => {
    expect(at(7.07, 125.6)).toEqual({ kind: 'foreign', country: 'Filipina' });
  });

  it('puts Dili in Timor Leste', () => {
    expect(at(-8.556, 125.57)).toEqual({ kind: 'foreign', country: 'Timor Leste' });
  });

  it('puts Oecusse in Timor Leste, although the map also draws Indonesia over it', () => {
    expect(at(-9.2, 124.35)).toEqual({ kind: 'foreign', country: 'Timor Leste' });
  });

  it('puts Singapore abroad', () => {
    expect(at(1.35, 103.82)).toEqual({ kind: 'foreign', country: 'Singapura' });
  });

  it('puts Vanimo in Papua New Guinea and Skouw, just across the border, in Indonesia', () => {
    expect(at(-2.69, 141.3)).toEqual({ kind: 'foreign', country: 'Papua Nugini' });
    expect(at(-2.62, 140.98)).toEqual({ kind: 'land' });
  });

  it('puts both halves of Sebatik on the right side of the border', () => {
    expect(at(4.1, 117.8)).toEqual({ kind: 'land' });
    expect(at(4.2, 117.8)).toEqual({ kind: 'foreign', country: 'Malaysia' });
  });

  it('puts the middle of the Java Sea at sea, far from land', () => {
    const verdict = at(-5, 111);
    expect(verdict.kind).toBe('sea');
    expect(verdict.kind === 'sea' && verdict.km).toBeGreaterThan(50);
  });

  it('puts Tenggarong, Jakarta and Jayapura on land', () => {
    expect(at(-0.41, 116.98)).toEqual({ kind: 'land' });
    expect(at(-6.2, 106.85)).toEqual({ kind: 'land' });
    expect(at(-2.53, 140.7)).toEqual({ kind: 'land' });
  });

  it('accepts Bontang Kuala, a village on stilts', () => {
    expect(['land', 'coast']).toContain(at(0.1325, 117.5).kind);
  });

  it('accepts Pulau Tihiktihik, a reef island off Bontang, from its official coordinates', () => {
    const point = parseDms(`00°03'59.00"" N 117°31'40.00"" E`);
    expect(point).not.toBeNull();
    expect(['land', 'coast']).toContain(land.locate(point!).kind);
  });

  it('accepts Pulau Bras in Kepulauan Mapia, which the map leaves out altogether', () => {
    const point = parseDms(`00°55'00.00"" N 134°19'57.00"" E`)!;
    expect(land.locate(point).kind).toBe('coast');
    const mapOnly = createLandIndex({ countries: data.countries, islands: [] });
    expect(mapOnly.locate(point).kind).toBe('sea');
  });

  it('locates every official island point as land or coast', () => {
    expect(data.islands.length).toBeGreaterThan(17_000);
    const mapOnly = createLandIndex({ countries: data.countries, islands: [] });
    const wrong: Coordinates[] = [];
    let missedByMap = 0;
    for (const point of data.islands) {
      const kind = land.locate(point).kind;
      if (kind !== 'land' && kind !== 'coast') wrong.push(point);
      const alone = mapOnly.locate(point);
      if (alone.kind !== 'land' && !(alone.kind === 'coast' && alone.km <= COAST_KM)) missedByMap++;
    }
    expect(wrong).toEqual([]);
    console.info(
      `land.test: the 1 km map alone misses ${missedByMap} of ${data.islands.length} official island points ` +
        `(more than ${COAST_KM} km from its land).`,
    );
  });
});

describe('farFromPeers', () => {
  const bontang = (name: string, lat: number, lng: number) => ({ name, regency: '64.74', point: { lat, lng } });

  it('flags a Bontang entry placed in Java among its Bontang peers', () => {
    const entries = [
      bontang('KIM Bontang Kuala', 0.1325, 117.5),
      bontang('KIM Lok Tuan', 0.153, 117.48),
      bontang('KIM Tanjung Laut', 0.117, 117.49),
      bontang('KIM Berbas', 0.11, 117.5),
      bontang('KIM salah tempel', -6.2, 106.85),
    ];
    const flagged = farFromPeers(entries);
    expect(flagged.map((f) => f.entry.name)).toEqual(['KIM salah tempel']);
    expect(flagged[0]!.km).toBeGreaterThan(1000);
    expect(Number.isInteger(flagged[0]!.km)).toBe(true);
  });

  it('flags nothing in a tight cluster, even its outermost entry', () => {
    const entries = [
      bontang('a', 0.13, 117.5),
      bontang('b', 0.14, 117.49),
      bontang('c', 0.12, 117.5),
      bontang('d', 0.13, 117.51),
      bontang('e', 0.3, 117.45), // about 20 km out: many times the spread, but under 50 km
    ];
    expect(farFromPeers(entries)).toEqual([]);
  });

  it('flags nothing in a regency with only two located entries', () => {
    expect(farFromPeers([bontang('a', 0.13, 117.5), bontang('b', -6.2, 106.85)])).toEqual([]);
  });

  it('judges each regency against its own entries only', () => {
    const entries = [
      bontang('a', 0.13, 117.5),
      bontang('b', 0.14, 117.49),
      { name: 'Jakarta 1', regency: '31.71', point: { lat: -6.2, lng: 106.85 } },
      bontang('c', 0.12, 117.5),
      { name: 'Jakarta 2', regency: '31.71', point: { lat: -6.21, lng: 106.84 } },
      { name: 'Jakarta 3', regency: '31.71', point: { lat: -6.18, lng: 106.83 } },
    ];
    expect(farFromPeers(entries)).toEqual([]);
  });
});
