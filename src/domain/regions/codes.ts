/**
 * Kemendagri region codes carry their own hierarchy: `64` (province) → `64.74` (regency or city)
 * → `64.74.01` (district) → `64.74.01.1001` (village). Everything here derives from the code alone.
 */

export type RegionLevel = 'province' | 'regency' | 'district' | 'village';

/** Administrative kind, used for labels: Kabupaten vs Kota, Desa vs Kelurahan. */
export type RegionKind = 'provinsi' | 'kabupaten' | 'kota' | 'kecamatan' | 'desa' | 'kelurahan';

const LEVELS: readonly RegionLevel[] = ['province', 'regency', 'district', 'village'];
const CODE_PATTERN = /^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$/;

/** True when `code` is shaped like a Kemendagri code at any level (it may still not exist). */
export function isRegionCodeShape(code: string): boolean {
  return CODE_PATTERN.test(code);
}

/** The level a well-formed code belongs to. */
export function levelOf(code: string): RegionLevel {
  if (!isRegionCodeShape(code)) throw new Error(`Not a region code: ${code}`);
  return LEVELS[code.split('.').length - 1]!;
}

/** The code of the region directly above, or null for a province. */
export function parentCodeOf(code: string): string | null {
  const parts = code.split('.');
  return parts.length > 1 ? parts.slice(0, -1).join('.') : null;
}

/** Every ancestor code from the province down to the direct parent. */
export function ancestorCodesOf(code: string): string[] {
  const parts = code.split('.');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('.'));
}

/** A code and every code above it, province first: the regions whose pages an entry located there counts in. */
export function lineageOf(code: string): string[] {
  return [...ancestorCodesOf(code), code];
}

/** True when `code` equals `ancestor` or lies below it. */
export function isWithin(code: string, ancestor: string): boolean {
  return code === ancestor || code.startsWith(`${ancestor}.`);
}

/**
 * Kemendagri numbers kelurahan from 1001 and desa from 2001 inside each district, so the first
 * digit of the last part tells which one a village is.
 */
export function villageKindOf(code: string): 'desa' | 'kelurahan' {
  const last = code.split('.')[3];
  if (last === undefined) throw new Error(`Not a village code: ${code}`);
  return last.startsWith('1') ? 'kelurahan' : 'desa';
}
