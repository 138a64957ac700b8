/**
 * One contributor file on its own, through validateNetwork: its name, encoding, frontmatter, body
 * and the schema's own checks of its fields (src/format/validation/entry.ts).
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { formatContentErrors } from '../../../../src/format/errors.ts';
import { msg } from '../../../../src/format/messages.ts';
import { errorsOf, file, KIM_MD, PLACE_MD, STORY_MD, validate, validKim, validPlace } from '../../../helpers/validate-network.ts';

describe('validateNetwork on valid content', () => {
  it('accepts a file saved with a UTF-8 byte-order mark and Windows line endings', () => {
    const windows = `\uFEFF${KIM_MD.replace(/\n/g, '\r\n')}`;
    const result = validate({ files: [file('kim', 'kim-bontang-kuala.md', windows)] });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.network.kim[0]!.data.name).toBe('KIM Bontang Kuala');
  });

  it('gives each entry the sha256 of its bytes as read, what a sharded build keys its cache by', () => {
    const windows = `\uFEFF${KIM_MD.replace(/\n/g, '\r\n')}`;
    const result = validate({ files: [file('kim', 'kim-bontang-kuala.md', windows)] });
    expect(result.ok && result.network.kim[0]!.source.digest).toBe(createHash('sha256').update(Buffer.from(windows, 'utf8')).digest('hex'));
  });

  it('allows the same file name in two different collections', () => {
    const place = file('places', 'kim-bontang-kuala.md', PLACE_MD);
    expect(validate({ files: [validKim(), place] }).ok).toBe(true);
  });
});

describe('validateNetwork file names and ids', () => {
  it('rejects two files with the same id in one collection, naming the first', () => {
    const errors = errorsOf(validate({ files: [validKim(), file('kim', 'kim-bontang-kuala.mdx', KIM_MD)] }));
    expect(errors).toEqual([
      {
        file: 'content/kim/kim-bontang-kuala.mdx',
        field: null,
        message: msg.duplicateId('kim-bontang-kuala', 'content/kim/kim-bontang-kuala.md'),
      },
    ]);
  });

  it('rejects a file name with upper case letters', () => {
    expect(errorsOf(validate({ files: [file('kim', 'KIM-Bontang.md', KIM_MD)] }))).toEqual([
      { file: 'content/kim/KIM-Bontang.md', field: null, message: msg.fileName('KIM-Bontang') },
    ]);
  });

  it('rejects a file name with spaces', () => {
    expect(errorsOf(validate({ files: [file('kim', 'kim bontang kuala.md', KIM_MD)] }))).toEqual([
      { file: 'content/kim/kim bontang kuala.md', field: null, message: msg.fileName('kim bontang kuala') },
    ]);
  });
});

describe('validateNetwork and MDX bodies', () => {
  it('accepts an MDX story written in plain Markdown', () => {
    const story = file('stories', 'festival-pesisir.mdx', `${STORY_MD}\n## Acara\n\n- Lomba perahu\n`);
    expect(validate({ files: [validKim(), validPlace(), story] }).ok).toBe(true);
  });

  it('rejects a script tag in an MDX story and gives its line in the file', () => {
    const story = file('stories', 'festival-pesisir.mdx', `${STORY_MD}\n<script>alert(1)</script>\n`);
    const errors = errorsOf(validate({ files: [validKim(), validPlace(), story] }));
    const line = `${STORY_MD}\n`.split('\n').length;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'content/stories/festival-pesisir.mdx', field: null, line });
    expect(errors[0]!.message).toMatch(/^komponen atau tag HTML <script> tidak diizinkan/);
    expect(formatContentErrors(errors)).toContain(`    baris ${line}: komponen atau tag HTML <script>`);
  });

  it('rejects an import in an MDX story', () => {
    const story = file('stories', 'festival-pesisir.mdx', `${STORY_MD}\nimport x from './x.js';\n`);
    const errors = errorsOf(validate({ files: [validKim(), validPlace(), story] }));
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining('"import" atau "export"')]);
  });

  it('leaves HTML in a plain .md story to the Markdown renderer', () => {
    const story = file('stories', 'festival-pesisir.md', `${STORY_MD}\n<script>alert(1)</script>\n`);
    expect(validate({ files: [validKim(), validPlace(), story] }).ok).toBe(true);
  });
});

describe('validateNetwork field checks', () => {
  it('rejects a javascript: website under contacts.website', () => {
    const kim = file('kim', 'kim-bontang-kuala.md', KIM_MD.replace('sectors:', 'contacts:\n  website: "javascript:alert(1)"\nsectors:'));
    expect(errorsOf(validate({ files: [kim] }))).toEqual([
      { file: 'content/kim/kim-bontang-kuala.md', field: 'contacts.website', message: msg.unsafeUrl },
    ]);
  });

  it('rejects coordinates off the coast of Africa', () => {
    const place = file('places', 'kampung-bontang-kuala.md', PLACE_MD.replace('kind:', 'coordinates: { lat: 0, lng: 0 }\nkind:'));
    expect(errorsOf(validate({ files: [validKim(), place] }))).toEqual([
      { file: 'content/places/kampung-bontang-kuala.md', field: 'coordinates', message: msg.outsideIndonesia },
    ]);
  });
});

describe('validateNetwork files that cannot be read', () => {
  it('rejects broken YAML and says on which line', () => {
    const broken = `---\nname: KIM Bontang Kuala\nvillage: "64.74.01.1001\n---\n`;
    const [error, ...rest] = errorsOf(validate({ files: [file('kim', 'kim-bontang-kuala.md', broken)] }));
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ file: 'content/kim/kim-bontang-kuala.md', field: null, line: 4 });
    expect(error!.message).toMatch(/^frontmatter YAML tidak dapat dibaca: /);
  });

  it('points at the offending line of a bad mapping', () => {
    const broken = `---\nname: KIM Bontang Kuala\nvillage: a: b\n---\n`;
    const [error] = errorsOf(validate({ files: [file('kim', 'kim-bontang-kuala.md', broken)] }));
    expect(error!.line).toBe(3);
    expect(formatContentErrors([error!])).toContain('    baris 3: frontmatter YAML tidak dapat dibaca: ');
  });

  it('rejects a file without frontmatter', () => {
    expect(errorsOf(validate({ files: [file('kim', 'kim-bontang-kuala.md', '# KIM Bontang Kuala\n\nTanpa frontmatter.\n')] }))).toEqual([
      { file: 'content/kim/kim-bontang-kuala.md', field: null, message: msg.noFrontmatter },
    ]);
  });

  it('rejects a file that is not UTF-8', () => {
    const [error, ...rest] = errorsOf(validate({ files: [file('kim', 'kim-bontang-kuala.md', new Uint8Array([0xff, 0xfe, 0x00]))] }));
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ file: 'content/kim/kim-bontang-kuala.md', field: null });
    expect(error!.message).toMatch(/^berkas tidak dapat dibaca: bukan teks UTF-8/);
  });
});

describe('validateNetwork speaks Indonesian for every kind of mistake', () => {
  it('rejects a date the calendar does not have instead of moving it to another day', () => {
    const errors = errorsOf(validate({ files: [validKim(), validPlace(), file('stories', 'festival-pesisir.md', STORY_MD.replace('2026-01-05', '2026-02-30'))] }));
    expect(errors).toEqual([{ file: 'content/stories/festival-pesisir.md', field: 'date', message: msg.date }]);
  });
});

describe('validateNetwork and names', () => {
  it('refuses an entry named like a listing page of its section', () => {
    const errors = errorsOf(validate({ files: [validKim(), file('kim', 'sektor.md', KIM_MD)] }));
    expect(errors).toEqual([{ file: 'content/kim/sektor.md', field: null, message: msg.reservedId('sektor', 'kim') }]);
  });
});
