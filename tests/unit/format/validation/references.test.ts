/**
 * References through validateNetwork: region codes against the data and the scope, KIM and places
 * named by other entries, and the id that was probably meant (src/format/validation/references.ts).
 */
import { describe, expect, it } from 'vitest';
import { msg } from '../../../../src/format/messages.ts';
import { errorsOf, file, KIM_MD, PLACE_MD, STORY_MD, validate, validKim, validPlace, validStory } from '../../../helpers/validate-network.ts';

describe('validateNetwork on valid content', () => {
  it('accepts a place at a district in scope', () => {
    const place = file('places', 'pesisir-bontang-utara.md', PLACE_MD.replace('"64.74.01.1001"', '"64.74.01"'));
    expect(validate({ files: [validKim(), place] }).ok).toBe(true);
  });
});

describe('validateNetwork region checks', () => {
  it('rejects a village code that does not exist', () => {
    const kim = file('kim', 'kim-hantu.md', KIM_MD.replace('64.74.01.1001', '64.74.01.1999'));
    expect(errorsOf(validate({ files: [kim] }))).toEqual([
      { file: 'content/kim/kim-hantu.md', field: 'village', message: msg.regionUnknown('64.74.01.1999') },
    ]);
  });

  it('rejects a village outside the scope, naming the village and the scope', () => {
    const kim = file('kim', 'kim-batu-sopang.md', KIM_MD.replace('64.74.01.1001', '64.01.01.2001'));
    expect(errorsOf(validate({ files: [kim] }))).toEqual([
      {
        file: 'content/kim/kim-batu-sopang.md',
        field: 'village',
        message: msg.regionOutOfScope('64.01.01.2001', 'Desa Batu Sopang', '64.74'),
      },
    ]);
    expect(msg.regionOutOfScope('64.01.01.2001', 'Desa Batu Sopang', '64.74')).toContain('di luar cakupan');
  });

  it('rejects a place region outside the scope', () => {
    const place = file('places', 'gua-batu-sopang.md', PLACE_MD.replace('"64.74.01.1001"', '"64.01.01"'));
    expect(errorsOf(validate({ files: [validKim(), place] }))).toEqual([
      {
        file: 'content/places/gua-batu-sopang.md',
        field: 'region',
        message: msg.regionOutOfScope('64.01.01', 'Kecamatan Batu Sopang', '64.74'),
      },
    ]);
  });
});

describe('validateNetwork references between entries', () => {
  it('rejects a story whose KIM does not exist', () => {
    const story = file('stories', 'festival-pesisir.md', STORY_MD.replace('kim: kim-bontang-kuala', 'kim: kim-tidak-ada'));
    expect(errorsOf(validate({ files: [validKim(), validPlace(), story] }))).toEqual([
      { file: 'content/stories/festival-pesisir.md', field: 'kim', message: msg.kimUnknown('kim-tidak-ada') },
    ]);
  });

  it('rejects a story that names a place that does not exist', () => {
    const story = file('stories', 'festival-pesisir.md', STORY_MD.replace('[kampung-bontang-kuala]', '[kampung-bontang-kuala, pantai-hilang]'));
    expect(errorsOf(validate({ files: [validKim(), validPlace(), story] }))).toEqual([
      { file: 'content/stories/festival-pesisir.md', field: 'places[1]', message: msg.placeUnknown('pantai-hilang') },
    ]);
  });

  it('reports a missing first place as places[0]', () => {
    const story = file('stories', 'festival-pesisir.md', STORY_MD.replace('[kampung-bontang-kuala]', '[pantai-hilang]'));
    expect(errorsOf(validate({ files: [validKim(), validPlace(), story] }))).toEqual([
      { file: 'content/stories/festival-pesisir.md', field: 'places[0]', message: msg.placeUnknown('pantai-hilang') },
    ]);
  });

  it('rejects a place whose maintaining KIM does not exist', () => {
    expect(errorsOf(validate({ files: [validPlace()] }))).toEqual([
      { file: 'content/places/kampung-bontang-kuala.md', field: 'kim', message: msg.kimUnknown('kim-bontang-kuala') },
    ]);
  });
});

describe('validateNetwork references from invalid files', () => {
  it('still checks the references of a file whose other fields fail', () => {
    const story = file(
      'stories',
      'festival-pesisir.md',
      STORY_MD.replace('kim: kim-bontang-kuala', 'kim: kim-tidak-ada').replace('category: berita', 'category: olahraga'),
    );
    const errors = errorsOf(validate({ files: [validKim(), validPlace(), story] }));
    expect(errors).toEqual(
      expect.arrayContaining([
        { file: 'content/stories/festival-pesisir.md', field: 'category', message: expect.stringContaining('nilai tidak dikenal') },
        { file: 'content/stories/festival-pesisir.md', field: 'kim', message: msg.kimUnknown('kim-tidak-ada') },
      ]),
    );
    expect(errors).toHaveLength(2);
  });

  it('does not call a KIM missing when its file exists but is invalid', () => {
    const kim = file('kim', 'kim-bontang-kuala.md', KIM_MD.replace('sectors: [wisata]', 'color: teal'));
    expect(errorsOf(validate({ files: [kim, validPlace(), validStory()] }))).toEqual([
      { file: 'content/kim/kim-bontang-kuala.md', field: 'color', message: msg.color },
    ]);
  });

  it('does not call a place missing when its file exists but has a missing photo', () => {
    const place = file(
      'places',
      'kampung-bontang-kuala.md',
      PLACE_MD.replace('kind:', 'photos:\n  - { src: ./hilang.jpg, alt: Jembatan, credit: Ani }\nkind:'),
    );
    expect(errorsOf(validate({ files: [validKim(), place, validStory()] }))).toEqual([
      { file: 'content/places/kampung-bontang-kuala.md', field: 'photos[0].src', message: msg.imageMissing('./hilang.jpg') },
    ]);
  });
});

describe('validateNetwork and names', () => {
  it('suggests the KIM that was meant when a reference is mistyped or in the wrong case', () => {
    const wrongCase = file('stories', 'festival-pesisir.md', STORY_MD.replace('kim: kim-bontang-kuala', 'kim: KIM-Bontang-Kuala'));
    const [error] = errorsOf(validate({ files: [validKim(), validPlace(), wrongCase] }));
    expect(error).toEqual({ file: 'content/stories/festival-pesisir.md', field: 'kim', message: msg.entryId + msg.suggestion('kim-bontang-kuala') });
    const missingPrefix = file('stories', 'festival-pesisir.md', STORY_MD.replace('kim: kim-bontang-kuala', 'kim: bontang-kuala'));
    expect(errorsOf(validate({ files: [validKim(), validPlace(), missingPrefix] }))[0]!.message).toBe(msg.kimUnknown('bontang-kuala') + msg.suggestion('kim-bontang-kuala'));
  });

  it('suggests nothing when no id is close', () => {
    const story = file('stories', 'festival-pesisir.md', STORY_MD.replace('kim: kim-bontang-kuala', 'kim: kim-samarinda-seberang'));
    expect(errorsOf(validate({ files: [validKim(), validPlace(), story] }))[0]!.message).toBe(msg.kimUnknown('kim-samarinda-seberang'));
  });
});

describe('validateNetwork and KIM folders', () => {
  const OTHER_KIM = KIM_MD.replace('KIM Bontang Kuala', 'KIM Api-Api').replace('64.74.01.1001', '64.74.01.1002');
  const otherKim = () => file('kim', 'kim-api-api.md', OTHER_KIM);

  it('accepts a KIM’s stories and places in its own folder, and folders that are not a KIM’s', () => {
    const story = file('stories', 'kim-bontang-kuala/festival-pesisir.md', STORY_MD);
    const place = file('places', 'kim-bontang-kuala/kampung-bontang-kuala.md', PLACE_MD);
    expect(validate({ files: [validKim(), otherKim(), story, place] }).ok).toBe(true);
    const dated = file('stories', '2026/festival-pesisir.md', STORY_MD);
    expect(validate({ files: [validKim(), validPlace(), dated] }).ok).toBe(true);
  });

  it('refuses an entry in a KIM’s folder that names another KIM, or none', () => {
    const story = file('stories', 'kim-api-api/festival-pesisir.md', STORY_MD);
    const place = file('places', 'kim-api-api/kampung-bontang-kuala.md', PLACE_MD.replace('kim: kim-bontang-kuala\n', ''));
    expect(errorsOf(validate({ files: [validKim(), otherKim(), story, place] }))).toEqual([
      { file: 'content/stories/kim-api-api/festival-pesisir.md', field: 'kim', message: msg.kimFolder('stories/kim-api-api/', 'kim-api-api', 'kim-bontang-kuala') },
      { file: 'content/places/kim-api-api/kampung-bontang-kuala.md', field: 'kim', message: msg.kimFolder('places/kim-api-api/', 'kim-api-api', undefined) },
    ]);
    expect(msg.kimFolder('stories/kim-api-api/', 'kim-api-api', 'kim-bontang-kuala')).toMatch(/folder stories\/kim-api-api\/.*kolom kim harus "kim-api-api" \(tertulis "kim-bontang-kuala"\)/);
  });
});
