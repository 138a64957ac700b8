import { describe, expect, it } from 'vitest';
import { describeFields, photoFieldPaths, valuesAt, type FieldDoc } from '../../../src/format/schemas/fields.ts';
import { kimSchema, networkSchema, pathImageContext, placeSchema, storySchema } from '../../../src/format/schemas/index.ts';

const SCHEMAS = { kim: kimSchema(pathImageContext), stories: storySchema(pathImageContext), places: placeSchema(pathImageContext), network: networkSchema };

/** Every field at every depth, as "path: label". */
function flatten(fields: FieldDoc[], prefix = ''): FieldDoc[] {
  return fields.flatMap((field) => [{ ...field, key: `${prefix}${field.key}` }, ...flatten(field.fields ?? [], `${prefix}${field.key}.`)]);
}

describe('describeFields', () => {
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    it(`gives every field of ${name}, nested ones too, an Indonesian label and a hint`, () => {
      const undocumented = flatten(describeFields(schema)).filter((field) => !field.label || !field.hint);
      expect(undocumented.map((field) => field.key)).toEqual([]);
    });
  }

  it('lists the fields in the schema\'s order, with what is required and the allowed values', () => {
    const story = describeFields(SCHEMAS.stories);
    expect(story.map((f) => f.key)).toEqual(['title', 'date', 'updated', 'correction', 'kim', 'summary', 'cover', 'category', 'tags', 'authors', 'license', 'draft', 'places', 'sample']);
    expect(story.find((f) => f.key === 'title')).toMatchObject({ required: true, label: 'Judul' });
    expect(story.find((f) => f.key === 'license')).toMatchObject({ required: false, options: ['CC-BY-4.0', 'CC-BY-SA-4.0', 'CC-BY-NC-4.0', 'CC0-1.0', 'hak-cipta'] });
    expect(story.find((f) => f.key === 'cover')!.fields!.map((f) => f.key)).toEqual(['src', 'alt', 'credit', 'license']);
    expect(describeFields(SCHEMAS.places).find((f) => f.key === 'photos')!.fields!.map((f) => f.key)).toEqual(['src', 'alt', 'credit', 'license']);
  });

  it('tells what kind of value each field holds, for a list the kind of each item', () => {
    const type = (schema: keyof typeof SCHEMAS, key: string) => flatten(describeFields(SCHEMAS[schema])).find((f) => f.key === key)?.type;
    expect(type('stories', 'title')).toBe('text');
    expect(type('stories', 'date')).toBe('date');
    expect(type('stories', 'draft')).toBe('boolean');
    expect(type('stories', 'category')).toBe('choice');
    expect(type('stories', 'tags')).toBe('text');
    expect(type('kim', 'coordinates.lat')).toBe('number');
    expect(type('kim', 'coordinates')).toBe('group');
    expect(type('places', 'photos')).toBe('group');
  });

  it('documents what the gate accepts: every documented field is accepted, and no other', () => {
    const kim = describeFields(SCHEMAS.kim).map((f) => f.key);
    const parsed = SCHEMAS.kim.safeParse({ name: 'KIM A', village: '64.74.01.1001', tidakAda: 1 });
    expect(parsed.success).toBe(false);
    expect(kim).toContain('name');
    expect(kim).not.toContain('tidakAda');
  });

  it('finds every photo field from the schemas\' marks alone', () => {
    expect(photoFieldPaths(SCHEMAS.kim)).toEqual([['logo']]);
    expect(photoFieldPaths(SCHEMAS.stories)).toEqual([['cover', 'src']]);
    expect(photoFieldPaths(SCHEMAS.places)).toEqual([['photos[]', 'src']]);
    expect(photoFieldPaths(SCHEMAS.network)).toEqual([]);
  });
});

describe('valuesAt', () => {
  it('names each value as the contributor reads the field, through lists too', () => {
    const data = { photos: [{ src: './a.jpg' }, { alt: 'tanpa berkas' }, 'bukan kumpulan'], cover: { src: 3 } };
    expect(valuesAt(data, ['photos[]', 'src'])).toEqual([
      ['photos[0].src', './a.jpg'],
      ['photos[1].src', undefined],
      ['photos[2].src', undefined],
    ]);
    expect(valuesAt(data, ['cover', 'src'])).toEqual([['cover.src', 3]]);
  });

  it('finds nothing in a list that is not one, and nothing under a value that is not a group', () => {
    expect(valuesAt({ photos: './a.jpg' }, ['photos[]', 'src'])).toEqual([]);
    expect(valuesAt({ cover: './a.jpg' }, ['cover', 'src'])).toEqual([['cover.src', undefined]]);
    expect(valuesAt(null, ['logo'])).toEqual([['logo', undefined]]);
  });
});
