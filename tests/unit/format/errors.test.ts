/**
 * The contributor's report (src/format/errors.ts): errors grouped by file, field paths written the
 * way YAML readers think of them, and invisible characters of a file name escaped.
 */
import { describe, expect, it } from 'vitest';
import { fieldPath, formatContentErrors } from '../../../src/format/errors.ts';
import { msg } from '../../../src/format/messages.ts';
import { errorsOf, file, KIM_MD, validate } from '../../helpers/validate-network.ts';

describe('formatContentErrors', () => {
  const errors = [
    { file: 'content/stories/b.md', field: 'kim', message: msg.kimUnknown('kim-x') },
    { file: 'content/kim/a.md', field: null, message: msg.noFrontmatter },
    { file: 'content/stories/b.md', field: 'places[0]', message: msg.placeUnknown('p') },
  ];
  const report = formatContentErrors(errors);

  it('starts with the number of errors and of files', () => {
    expect(report.split('\n')[0]).toBe(
      'Konten tidak valid: 3 kesalahan di 2 berkas. Situs tidak diterbitkan sampai semuanya diperbaiki.',
    );
  });

  it('groups errors under their file, files in path order', () => {
    const lines = report.split('\n');
    const a = lines.indexOf('✗ content/kim/a.md');
    const b = lines.indexOf('✗ content/stories/b.md');
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(a);
    expect(lines[a + 1]).toBe(`    ${msg.noFrontmatter}`);
    expect(lines[b + 1]).toBe(`    kolom "kim": ${msg.kimUnknown('kim-x')}`);
    expect(lines[b + 2]).toBe(`    kolom "places[0]": ${msg.placeUnknown('p')}`);
    expect(lines.filter((l) => l.startsWith('✗ '))).toHaveLength(2);
  });
});

describe('fieldPath', () => {
  it('writes keys with dots and list indexes in brackets', () => {
    expect(fieldPath(['photos', 0, 'alt'])).toBe('photos[0].alt');
    expect(fieldPath(['contacts', 'website'])).toBe('contacts.website');
    expect(fieldPath([])).toBeNull();
  });
});

describe('the report and names a contributor chose', () => {
  it('prints invisible characters of a file name as escapes in the report', () => {
    const errors = errorsOf(validate({ files: [file('kim', 'kim\u001b[2J\n::error::x.md', KIM_MD)] }));
    const report = formatContentErrors(errors);
    expect(report).toContain('kim\\u001b[2J\\u000a::error::x');
    // eslint-disable-next-line no-control-regex
    expect(report).not.toMatch(/[\u001b]|\n::error::/);
  });
});
