import { describe, expect, it } from 'vitest';
import { calendarDateIn, timeZoneOf } from '../../../src/domain/dates.ts';

describe('timeZoneOf', () => {
  it('gives each part of Indonesia its time zone from the province code', () => {
    expect(timeZoneOf('31.71').abbreviation).toBe('WIB'); // DKI Jakarta
    expect(timeZoneOf('61').abbreviation).toBe('WIB'); // Kalimantan Barat
    expect(timeZoneOf('62.03.08.2002').abbreviation).toBe('WIB'); // Kalimantan Tengah
    expect(timeZoneOf('51').abbreviation).toBe('WITA'); // Bali
    expect(timeZoneOf('63.02.19.2005').abbreviation).toBe('WITA'); // Kalimantan Selatan
    expect(timeZoneOf('64.02.03.2006').abbreviation).toBe('WITA'); // Kalimantan Timur
    expect(timeZoneOf('76').abbreviation).toBe('WITA'); // Sulawesi Barat
    expect(timeZoneOf('81').abbreviation).toBe('WIT'); // Maluku
    expect(timeZoneOf('96').abbreviation).toBe('WIT'); // Papua Barat Daya
  });

  it('reads the whole country as WIB', () => {
    expect(timeZoneOf('ID')).toEqual({ id: 'Asia/Jakarta', abbreviation: 'WIB', offset: 7 });
  });
});

describe('calendarDateIn', () => {
  it('gives the date it already is in the east while it is still yesterday in the west', () => {
    const now = new Date('2026-11-30T16:30:00Z');
    expect(calendarDateIn(now, timeZoneOf('31'))).toBe('2026-11-30'); // 23.30 WIB
    expect(calendarDateIn(now, timeZoneOf('64'))).toBe('2026-12-01'); // 00.30 WITA
    expect(calendarDateIn(now, timeZoneOf('91'))).toBe('2026-12-01'); // 01.30 WIT
  });
});
