/**
 * Limits a hostile pull request met in review (2026-12-03): each case is content the gate used to
 * accept and that swelled, slowed or misled the published site.
 */
import { describe, expect, it } from 'vitest';
import { msg } from '../../../src/format/messages.ts';
import { errorsOf, file, KIM_MD, PLACE_MD, STORY_MD, validate, validKim, validPlace, validStory } from '../../helpers/validate-network.ts';

const story = (frontmatter: string) => file('stories', 'festival-pesisir.md', STORY_MD.replace('category: berita\n', `category: berita\n${frontmatter}\n`));
const STORY_PATH = 'content/stories/festival-pesisir.md';

describe('lists that would multiply pages', () => {
  it('refuses more than 20 topics on a story: each topic is a page of its own', () => {
    const tags = Array.from({ length: 21 }, (_, i) => `  - Topik ${i}`).join('\n');
    expect(errorsOf(validate({ files: [validKim(), validPlace(), story(`tags:\n${tags}`)] }))).toEqual([{ file: STORY_PATH, field: 'tags', message: msg.tooManyItems(20) }]);
    const twenty = Array.from({ length: 20 }, (_, i) => `  - Topik ${i}`).join('\n');
    expect(validate({ files: [validKim(), validPlace(), story(`tags:\n${twenty}`)] }).ok).toBe(true);
  });

  it('refuses more than 20 authors or places on one story', () => {
    const authors = Array.from({ length: 21 }, (_, i) => `  - Penulis ${i}`).join('\n');
    expect(errorsOf(validate({ files: [validKim(), validPlace(), story(`authors:\n${authors}`)] }))).toEqual([{ file: STORY_PATH, field: 'authors', message: msg.tooManyItems(20) }]);
    const places = file('stories', 'festival-pesisir.md', STORY_MD.replace('places: [kampung-bontang-kuala]', `places: [${Array(21).fill('kampung-bontang-kuala').join(', ')}]`));
    expect(errorsOf(validate({ files: [validKim(), validPlace(), places] }))).toEqual([{ file: STORY_PATH, field: 'places', message: msg.tooManyItems(20) }]);
  });
});

describe('ids and the suggestions for a wrong one', () => {
  it('refuses a file name longer than 100 characters, and a reference as long', () => {
    const long = `kim-${'a'.repeat(100)}`;
    expect(errorsOf(validate({ files: [file('kim', `${long}.md`, KIM_MD)] }))).toEqual([{ file: `content/kim/${long}.md`, field: null, message: msg.fileNameTooLong(100) }]);
    const place = file('places', 'kampung-bontang-kuala.md', PLACE_MD.replace('kim: kim-bontang-kuala', `kim: ${long}`));
    expect(errorsOf(validate({ files: [validKim(), place] }))).toEqual([{ file: 'content/places/kampung-bontang-kuala.md', field: 'kim', message: msg.idTooLong(100) }]);
  });

  it('suggests for the first wrong references only, so a thousand of them cannot hold the check', () => {
    // 100 places with long ids and 1,030 long wrong references took the check two minutes.
    const places = Array.from({ length: 100 }, (_, i) => file('places', `t${String(i).padStart(4, '0')}-${'a'.repeat(94)}.md`, PLACE_MD));
    const wrong = Array.from({ length: 1030 }, (_, i) => `t${String(i).padStart(4, '0')}-${'a'.repeat(93)}b`);
    const stories = Array.from({ length: 52 }, (_, i) =>
      file('stories', `kabar-${i}.md`, STORY_MD.replace('places: [kampung-bontang-kuala]', `places: [${wrong.slice(i * 20, i * 20 + 20).join(', ')}]`)),
    );
    const errors = errorsOf(validate({ files: [validKim(), ...places, ...stories] }));
    expect(errors).toHaveLength(1030);
    expect(errors.filter((e) => e.message.includes('Maksud Anda')).length).toBe(50);
    expect(errors[0]).toEqual({ file: 'content/stories/kabar-0.md', field: 'places[0]', message: msg.placeUnknown(wrong[0]!) + msg.suggestion(`t0000-${'a'.repeat(94)}`) });
  });
});

describe('dates that have not come', () => {
  const kim = (frontmatter: string) => file('kim', 'kim-bontang-kuala.md', KIM_MD.replace('sectors: [wisata]\n', `sectors: [wisata]\n${frontmatter}\n`));
  const place = (frontmatter: string) => file('places', 'kampung-bontang-kuala.md', PLACE_MD.replace('summary:', `${frontmatter}\nsummary:`));

  it('refuses a KIM founded or decreed, a place checked, or a story updated after the build', () => {
    const errors = errorsOf(
      validate({
        files: [
          kim('founded: 2999-01-01\ndecree:\n  number: "1/2999"\n  date: 2999-01-01\n  issuer: Kepala Desa'),
          place('verified: 2999-01-01'),
          story('updated: 2999-12-31'),
        ],
      }),
    );
    expect(errors).toEqual([
      { file: 'content/kim/kim-bontang-kuala.md', field: 'founded', message: msg.dateAfterBuild },
      { file: 'content/kim/kim-bontang-kuala.md', field: 'decree.date', message: msg.dateAfterBuild },
      { file: 'content/places/kampung-bontang-kuala.md', field: 'verified', message: msg.dateAfterBuild },
      { file: STORY_PATH, field: 'updated', message: msg.dateAfterBuild },
    ]);
  });

  it('accepts today in any Indonesian time zone, and an update of a story scheduled later', () => {
    // The build clock is 2026-12-01T00:00Z: in Jayapura it is already 09:00 on 1 December.
    expect(validate({ files: [validKim(), place('verified: 2026-12-01'), validStory()] }).ok).toBe(true);
    const scheduled = file('stories', 'festival-pesisir.md', STORY_MD.replace('date: 2026-01-05', 'date: 2027-01-05\nupdated: 2027-01-05'));
    expect(validate({ files: [validKim(), validPlace(), scheduled] }).ok).toBe(true);
  });

  it('refuses a story updated before it was published', () => {
    expect(errorsOf(validate({ files: [validKim(), validPlace(), story('updated: 2025-12-31')] }))).toEqual([{ file: STORY_PATH, field: 'updated', message: msg.updatedBeforeDate }]);
  });
});

describe('invisible characters in names and headlines', () => {
  it('refuses a zero-width space that makes one KIM name look like another, and a direction override in a title', () => {
    const kim = file('kim', 'kim-bontang-kuala.md', KIM_MD.replace('name: KIM Bontang Kuala', 'name: "KIM Bontang\\u200bKuala"'));
    expect(errorsOf(validate({ files: [kim] }))).toEqual([{ file: 'content/kim/kim-bontang-kuala.md', field: 'name', message: msg.controlCharacters }]);
    for (const character of ['\\u202e', '\\u2066', '\\ufeff', '\\u200f', '\\u200d']) {
      const titled = file('stories', 'festival-pesisir.md', STORY_MD.replace('title: Festival Pesisir', `title: "Festival ${character}Pesisir"`));
      expect(errorsOf(validate({ files: [validKim(), validPlace(), titled] })), character).toEqual([{ file: STORY_PATH, field: 'title', message: msg.controlCharacters }]);
    }
  });

  it('keeps the joiner inside an emoji sequence', () => {
    const titled = file('stories', 'festival-pesisir.md', STORY_MD.replace('title: Festival Pesisir', 'title: "Festival keluarga 👨\\u200d👩\\u200d👧"'));
    expect(validate({ files: [validKim(), validPlace(), titled] }).ok).toBe(true);
  });
});
