/**
 * The content report on GitHub (src/format/github-report.ts): annotations on the file and line,
 * a job summary grouped by file, and no way for a contributor's text to become a workflow command.
 * The runner is imitated by a small reader of log lines (tests/helpers/workflow-commands.ts).
 */
import { describe, expect, it } from 'vitest';
import type { ContentError } from '../../../src/format/errors.ts';
import {
  ANNOTATIONS_PER_KIND,
  annotation,
  contentAnnotations,
  contentSummary,
  escapeCommandData,
  escapeCommandProperty,
  markdownText,
  SUMMARY_LIMIT_BYTES,
  withoutCommands,
} from '../../../src/format/github-report.ts';
import { readCommands } from '../../helpers/workflow-commands.ts';

const HOSTILE = 'nilai "x\n::error file=src/index.ts,line=1::pwned %0A::warning::lagi\r\n##[error]lama"';

describe('workflow command escaping', () => {
  it('escapes %, CR and LF in a message, % first so an escape cannot be forged', () => {
    expect(escapeCommandData('100% benar\r\nbaris %0A')).toBe('100%25 benar%0D%0Abaris %250A');
  });

  it('also escapes : and , in a property, which would end it', () => {
    expect(escapeCommandProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });

  it('keeps a hostile message inside its one command, whatever it contains', () => {
    const line = annotation('error', { file: 'content/kim/a,b:c.md', line: 3, title: 'Konten tidak valid', message: HOSTILE });
    expect(line.split('\n')).toHaveLength(1);
    const commands = readCommands(line);
    expect(commands).toEqual([{ name: 'error', properties: { file: 'content/kim/a,b:c.md', line: '3', title: 'Konten tidak valid' }, data: HOSTILE }]);
  });

  it('leaves out a line that is not a positive whole number', () => {
    expect(annotation('warning', { file: 'a.md', line: 0, title: 't', message: 'm' })).toBe('::warning file=a.md,title=t::m');
  });
});

const error = (file: string, message: string, extra: Partial<ContentError> = {}): ContentError => ({ file, field: null, message, ...extra });

describe('contentAnnotations', () => {
  it('puts each problem on its file and line, with where in the file and what is wrong', () => {
    const commands = readCommands(
      contentAnnotations([error('content/stories/b.md', 'berkas gambar tidak ditemukan.', { line: 14 }), error('content/kim/a.md', 'kode wilayah tidak ada.', { field: 'village' })], 'error').join('\n'),
    );
    expect(commands).toEqual([
      { name: 'error', properties: { file: 'content/kim/a.md', title: 'Konten tidak valid' }, data: 'kolom "village": kode wilayah tidak ada.' },
      { name: 'error', properties: { file: 'content/stories/b.md', line: '14', title: 'Konten tidak valid' }, data: 'baris 14: berkas gambar tidak ditemukan.' },
    ]);
  });

  it('turns a hostile message or file name into one annotation, its invisible characters shown as escapes', () => {
    const commands = readCommands(contentAnnotations([error('content/kim/x\n::error::y.md', HOSTILE, { field: 'name\n::warning::z' })], 'warning').join('\n'));
    expect(commands).toHaveLength(1);
    expect(commands[0]!.name).toBe('warning');
    expect(commands[0]!.properties.file).toBe('content/kim/x\\u000a::error::y.md');
    expect(commands[0]!.data).toBe('kolom "name\\u000a::warning::z": nilai "x\\u000a::error file=src/index.ts,line=1::pwned %0A::warning::lagi\\u000d\\u000a##[error]lama"');
  });

  it('says how many more there are in the tenth annotation, as GitHub shows ten per step', () => {
    const many = Array.from({ length: 25 }, (_, i) => error(`content/kim/k${String(i).padStart(2, '0')}.md`, 'salah.'));
    const commands = readCommands(contentAnnotations(many, 'error').join('\n'));
    expect(commands).toHaveLength(ANNOTATIONS_PER_KIND);
    expect(commands[8]!.properties.file).toBe('content/kim/k08.md');
    expect(commands[9]).toEqual({ name: 'error', properties: { title: 'Konten tidak valid' }, data: expect.stringContaining('Ada 16 kesalahan lain') });
  });
});

describe('withoutCommands', () => {
  it('lets no line of a printed report be read as a command, and switches commands back on after it', () => {
    const report = `✗ content/kim/a.md\n    ${HOSTILE}\n::error::dari laporan\n`;
    const log = `${withoutCommands(report, 'token-acak')}${annotation('error', { file: 'content/kim/a.md', title: 't', message: 'asli' })}\n`;
    expect(readCommands(log)).toEqual([{ name: 'error', properties: { file: 'content/kim/a.md', title: 't' }, data: 'asli' }]);
  });
});

describe('contentSummary', () => {
  const errors = [
    error('content/stories/b.md', 'berkas gambar "./foto/penari.jpg" tidak ditemukan.', { line: 14 }),
    error('content/kim/a.md', 'kode wilayah "64.02.03.2099" tidak ada.', { field: 'village' }),
    error('content/kim/a.md', 'tautan tidak aman.', { field: 'contacts.website' }),
  ];

  it('heads the summary with the verdict, then lists every problem under its file, files in order', () => {
    const summary = contentSummary({ errors, warnings: [] });
    const lines = summary.split('\n');
    expect(lines[0]).toBe('## ✗ Konten tidak valid: 3 kesalahan di 2 berkas');
    const a = lines.indexOf('### ✗ content/kim/a.md');
    const b = lines.indexOf('### ✗ content/stories/b.md');
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(a);
    expect(lines[a + 2]).toBe('- kolom "village": kode wilayah "64.02.03.2099" tidak ada.');
    expect(lines[b + 2]).toBe('- baris 14: berkas gambar "./foto/penari.jpg" tidak ditemukan.');
    expect(summary).toContain('_Content check: 3 error(s) in 2 file(s); the site is not published until they are fixed._');
  });

  it('says the content is valid with its counts, and lists warnings apart', () => {
    const summary = contentSummary({ errors: [], warnings: [error('content/kim/a.md', 'foto ber-GPS.')], valid: { kim: 2, stories: 3, places: 1, villages: 15 } });
    expect(summary.split('\n')[0]).toBe('## ✓ Konten valid: 2 KIM, 3 cerita, 1 potensi, 15 desa/kelurahan dalam cakupan');
    expect(summary).toContain('## Perlu diperhatikan: 1 peringatan di 1 berkas');
    expect(summary).toContain('### ! content/kim/a.md');
    expect(summary).toContain('_Content check: valid, with 1 warning(s)._');
  });

  it('shows contributor text as text: no HTML, link, image or table cell can be made of it', () => {
    expect(markdownText('<img src=x onerror=alert(1)> [klik](https://evil.example) ![a](b) | x | `kode`')).not.toMatch(/(?<!\\)[<>[\]()|`]/);
    const summary = contentSummary({ errors: [error('content/kim/<b>.md', '<script>alert(1)</script>\n## judul palsu')], warnings: [] });
    expect(summary).not.toMatch(/(?<!\\)<|^## judul palsu/m);
  });

  it('stays under GitHub\'s size limit, saying what it left out', () => {
    const huge = Array.from({ length: 4000 }, (_, i) => error(`content/stories/cerita-${i}.md`, 'x'.repeat(400)));
    const summary = contentSummary({ errors: huge, warnings: [] });
    expect(Buffer.byteLength(summary)).toBeLessThan(SUMMARY_LIMIT_BYTES);
    expect(summary).toMatch(/_… \d+ bagian lagi tidak muat di ringkasan ini/);
    expect(summary.trimEnd().endsWith('fixed._')).toBe(true);
  });
});
