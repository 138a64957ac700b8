/**
 * Where located entries are, through validateNetwork: in Indonesia, on land or just off the coast,
 * and near the rest of their kabupaten/kota (src/format/validation/locations.ts).
 */
import { describe, expect, it } from 'vitest';
import type { LandVerdict } from '../../../../src/domain/land.ts';
import { msg } from '../../../../src/format/messages.ts';
import type { ValidationInput } from '../../../../src/format/validation/types.ts';
import { errorsOf, file, PLACE_MD, validate, validKim } from '../../../helpers/validate-network.ts';

describe('validateNetwork and where located entries are', () => {
  const at = (verdict: LandVerdict): ValidationInput['land'] => ({ locate: () => verdict });
  const located = (coordinates: string) => file('places', 'kampung-bontang-kuala.md', PLACE_MD.replace('kind:', `coordinates: ${coordinates}\nkind:`));

  it('names the country a point lies in when it is not Indonesia', () => {
    const errors = errorsOf(validate({ files: [validKim(), located('{ lat: 3.139, lng: 101.687 }')], land: at({ kind: 'foreign', country: 'Malaysia' }) }));
    expect(errors).toEqual([{ file: 'content/places/kampung-bontang-kuala.md', field: 'coordinates', message: msg.coordinatesForeign('Malaysia') }]);
  });

  it('says how far out at sea a point is', () => {
    const errors = errorsOf(validate({ files: [validKim(), located('{ lat: -5, lng: 111 }')], land: at({ kind: 'sea', km: 103 }) }));
    expect(errors).toEqual([{ file: 'content/places/kampung-bontang-kuala.md', field: 'coordinates', message: msg.coordinatesSea(103) }]);
  });

  it('accepts a point on land or just off the coast', () => {
    expect(validate({ files: [validKim(), located('{ lat: 0.13, lng: 117.5 }')], land: at({ kind: 'coast', km: 0.4 }) }).ok).toBe(true);
  });

  it('warns, without stopping the build, about a point far from the rest of its kabupaten/kota', () => {
    const places = [0, 1, 2].map((i) => file('places', `tempat-${i}.md`, PLACE_MD.replace('kind:', `coordinates: { lat: ${0.13 + i * 0.01}, lng: 117.5 }\nkind:`)));
    const far = file('places', 'tempat-jauh.md', PLACE_MD.replace('kind:', 'coordinates: { lat: -6.2, lng: 106.85 }\nkind:'));
    const result = validate({ files: [validKim(), ...places, far], land: at({ kind: 'land' }) });
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([{ file: 'content/places/tempat-jauh.md', field: 'coordinates', message: expect.stringMatching(/^koordinat berjarak sekitar \d+ km dari titik-titik lain di Kota Bontang/) }]);
  });
});
