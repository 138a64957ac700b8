/**
 * zod's findings as contributor errors, through validateNetwork: a missing value, an unknown key, a
 * list item or a wrong type, named by its field and said in Indonesian (src/format/validation/zod-issues.ts).
 */
import { describe, expect, it } from 'vitest';
import { msg } from '../../../../src/format/messages.ts';
import { errorsOf, file, KIM_MD, NETWORK_PATH, NETWORK_YAML, validate } from '../../../helpers/validate-network.ts';

describe('validateNetwork field checks', () => {
  it('reports a missing required field as required', () => {
    const kim = file('kim', 'kim-bontang-kuala.md', KIM_MD.replace('name: KIM Bontang Kuala\n', ''));
    expect(errorsOf(validate({ files: [kim] }))).toEqual([
      { file: 'content/kim/kim-bontang-kuala.md', field: 'name', message: msg.required },
    ]);
  });

  it('reports an empty required field as required', () => {
    const kim = file('kim', 'kim-bontang-kuala.md', KIM_MD.replace('name: KIM Bontang Kuala', 'name:'));
    expect(errorsOf(validate({ files: [kim] }))).toEqual([
      { file: 'content/kim/kim-bontang-kuala.md', field: 'name', message: msg.required },
    ]);
  });

  it('rejects an unknown key, naming it', () => {
    const kim = file('kim', 'kim-bontang-kuala.md', KIM_MD.replace('sectors:', 'nama: KIM Lain\nsectors:'));
    expect(errorsOf(validate({ files: [kim] }))).toEqual([
      { file: 'content/kim/kim-bontang-kuala.md', field: 'nama', message: msg.unknownKey('nama') },
    ]);
  });

  it('names a nested unknown key with its dotted path', () => {
    const kim = file('kim', 'kim-bontang-kuala.md', KIM_MD.replace('sectors:', 'contacts:\n  tiktok: "@kim"\nsectors:'));
    expect(errorsOf(validate({ files: [kim] }))).toEqual([
      { file: 'content/kim/kim-bontang-kuala.md', field: 'contacts.tiktok', message: msg.unknownKey('tiktok') },
    ]);
  });

  it('reports a list item with its index', () => {
    const kim = file('kim', 'kim-bontang-kuala.md', KIM_MD.replace('[wisata]', '[wisata, pariwisata]'));
    const [error] = errorsOf(validate({ files: [kim] }));
    expect(error).toMatchObject({ field: 'sectors[1]' });
    expect(error!.message).toContain('nilai tidak dikenal');
  });
});

describe('validateNetwork reports everything at once', () => {
  it('reports several problems of one file together', () => {
    const kim = `---\nname: ""\nvillage: "64.74.01"\ncolor: teal\nwarna: merah\n---\n`;
    const errors = errorsOf(validate({ files: [file('kim', 'kim-bontang-kuala.md', kim)] }));
    expect(errors.map((e) => [e.field, e.message])).toEqual(
      expect.arrayContaining([
        ['name', msg.required],
        ['village', msg.villageCode],
        ['color', msg.color],
        ['warna', msg.unknownKey('warna')],
      ]),
    );
  });
});

describe('validateNetwork speaks Indonesian for every kind of mistake', () => {
  it('explains a wrong type without English words', () => {
    const kim = KIM_MD.replace('sectors: [wisata]', 'sectors: [wisata]\nactive: ya\ndecree: SK 12/2020');
    const errors = errorsOf(validate({ files: [file('kim', 'kim-bontang-kuala.md', kim)] }));
    expect(errors.map((e) => e.field).sort()).toEqual(['active', 'decree']);
    for (const error of errors) {
      expect(error.message).toMatch(/^jenis nilai salah: seharusnya /);
      expect(error.message).not.toMatch(/invalid|expected|received/i);
    }
  });

  it('explains a network.yaml that is a list instead of fields', () => {
    const errors = errorsOf(validate({ network: '- "64.74"\n', files: [] }));
    expect(errors).toEqual([{ file: NETWORK_PATH, field: null, message: msg.invalidType('kumpulan kolom "nama: nilai" (bukan teks tunggal)') }]);
  });

  it('explains an operator written as text instead of fields', () => {
    const errors = errorsOf(validate({ network: `${NETWORK_YAML}operator: Diskominfo Bontang\n`, files: [] }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ field: 'operator' });
    expect(errors[0]!.message).toMatch(/^jenis nilai salah/);
  });
});
