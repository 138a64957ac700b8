/**
 * The photos an entry names, through validateNetwork: present, an image, and written as a path
 * inside the content folder (src/format/validation/photos.ts).
 */
import { describe, expect, it } from 'vitest';
import { msg } from '../../../../src/format/messages.ts';
import { errorsOf, file, KIM_MD, PLACE_MD, STORY_MD, validate, validKim, validPlace } from '../../../helpers/validate-network.ts';

describe('validateNetwork and valid photos', () => {
  it('accepts a story cover that exists next to the story', () => {
    const story = STORY_MD.replace('places:', 'cover:\n  src: ./foto/festival.jpg\n  alt: Perahu hias\n  credit: Ani\nplaces:');
    const result = validate({
      files: [validKim(), validPlace(), file('stories', 'festival-pesisir.md', story)],
      images: ['content/stories/festival-pesisir.md:./foto/festival.jpg'],
    });
    expect(result.ok).toBe(true);
  });
});

describe('validateNetwork and photos that cannot be published', () => {
  it('rejects a story cover whose image file is missing', () => {
    const story = STORY_MD.replace('places:', 'cover:\n  src: ./foto/hilang.jpg\n  alt: Perahu hias\n  credit: Ani\nplaces:');
    expect(errorsOf(validate({ files: [validKim(), validPlace(), file('stories', 'festival-pesisir.md', story)] }))).toEqual([
      { file: 'content/stories/festival-pesisir.md', field: 'cover.src', message: msg.imageMissing('./foto/hilang.jpg') },
    ]);
  });

  it('rejects a cover that is not an image even if the file exists', () => {
    const story = STORY_MD.replace('places:', 'cover:\n  src: ./foto/catatan.pdf\n  alt: Catatan\n  credit: Ani\nplaces:');
    const errors = errorsOf(
      validate({
        files: [validKim(), validPlace(), file('stories', 'festival-pesisir.md', story)],
        images: ['content/stories/festival-pesisir.md:./foto/catatan.pdf'],
      }),
    );
    expect(errors).toEqual([
      { file: 'content/stories/festival-pesisir.md', field: 'cover.src', message: msg.imageFormat('./foto/catatan.pdf') },
    ]);
  });

  it('rejects an image given as a web address or an absolute path', () => {
    const remote = KIM_MD.replace('sectors:', 'logo: https://contoh.id/logo.png\nsectors:');
    const absolute = KIM_MD.replace('sectors:', 'logo: /logo.png\nsectors:');
    const errors = errorsOf(validate({ files: [file('kim', 'kim-a.md', remote), file('kim', 'kim-b.md', absolute)] }));
    expect(errors).toEqual([
      { file: 'content/kim/kim-a.md', field: 'logo', message: msg.imagePath },
      { file: 'content/kim/kim-b.md', field: 'logo', message: msg.imagePath },
    ]);
  });

  it('names the missing photo of a place by its index', () => {
    const place = PLACE_MD.replace(
      'kind:',
      'photos:\n  - { src: ./a.jpg, alt: Jembatan, credit: Ani }\n  - { src: ./b.jpg, alt: Rumah, credit: Ani }\nkind:',
    );
    const errors = errorsOf(
      validate({
        files: [validKim(), file('places', 'kampung-bontang-kuala.md', place)],
        images: ['content/places/kampung-bontang-kuala.md:./a.jpg'],
      }),
    );
    expect(errors).toEqual([
      { file: 'content/places/kampung-bontang-kuala.md', field: 'photos[1].src', message: msg.imageMissing('./b.jpg') },
    ]);
  });
});
