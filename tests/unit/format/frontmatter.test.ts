/**
 * Splitting a file's YAML frontmatter from its body (src/format/frontmatter.ts), with error lines
 * counted from the top of the file and no YAML tag that builds JavaScript objects.
 */
import { describe, expect, it } from 'vitest';
import { decodeUtf8, parseFrontmatter } from '../../../src/format/frontmatter.ts';
import { msg } from '../../../src/format/messages.ts';

describe('parseFrontmatter', () => {
  it('splits the YAML block from the body and says where the body starts', () => {
    expect(parseFrontmatter('---\nname: KIM A\nsectors: [wisata]\n---\nIsi.\n')).toEqual({
      ok: true,
      data: { name: 'KIM A', sectors: ['wisata'] },
      body: 'Isi.\n',
      bodyLine: 5,
    });
  });

  it('accepts a byte-order mark and Windows line endings', () => {
    expect(parseFrontmatter('\uFEFF---\r\nname: KIM A\r\n---\r\nIsi.\r\n')).toEqual({
      ok: true,
      data: { name: 'KIM A' },
      body: 'Isi.\n',
      bodyLine: 4,
    });
  });

  it('accepts a file that ends right after the closing line', () => {
    expect(parseFrontmatter('---\nname: KIM A\n---')).toEqual({ ok: true, data: { name: 'KIM A' }, body: '', bodyLine: 4 });
  });

  it('keeps an unquoted date as written, so an impossible date can be reported', () => {
    expect(parseFrontmatter('---\ndate: 2026-01-05\n---\n')).toMatchObject({ ok: true, data: { date: '2026-01-05' } });
    expect(parseFrontmatter('---\ndate: 2026-02-30\n---\n')).toMatchObject({ ok: true, data: { date: '2026-02-30' } });
  });

  it('treats a block with only comments, or an empty block, as empty data', () => {
    expect(parseFrontmatter('---\n# belum diisi\n---\n')).toMatchObject({ ok: true, data: {}, body: '' });
    expect(parseFrontmatter('---\n---\n')).toMatchObject({ ok: true, data: {} });
  });

  it('accepts blank lines before the block and spaces after its fences, as Astro does', () => {
    expect(parseFrontmatter('\n\n--- \nname: KIM A\n---  \nIsi\n')).toMatchObject({ ok: true, data: { name: 'KIM A' }, body: 'Isi\n' });
  });

  it('counts YAML error lines from the top of the file, blank lines included', () => {
    const result = parseFrontmatter('\n\n---\nname: A\nvillage: a: b\n---\n');
    expect(result).toMatchObject({ ok: false, line: 5 });
  });

  it('refuses a flat list too long to be a frontmatter, as too complex rather than as a crash', () => {
    const result = parseFrontmatter(`---\nname: KIM A\ntags: [${Array(130_000).fill('0').join(',')}]\n---\n`);
    expect(result).toMatchObject({ ok: false, error: msg.tooComplex });
  });

  it('reports a file without a leading --- block', () => {
    expect(parseFrontmatter('name: KIM A\n')).toEqual({ ok: false, error: 'noFrontmatter' });
    expect(parseFrontmatter('Isi\n---\nname: KIM A\n---\n')).toEqual({ ok: false, error: 'noFrontmatter' });
  });

  it('reports a list where fields were expected', () => {
    const result = parseFrontmatter('---\n- name\n- village\n---\n');
    expect(result).toMatchObject({ ok: false, line: 2 });
    if (!result.ok) expect(result.error).toContain('nama: nilai');
  });

  it('reports broken YAML in Indonesian with the file line', () => {
    const result = parseFrontmatter('---\nname: KIM A\nvillage: a: b\n---\n');
    expect(result).toMatchObject({ ok: false, line: 3 });
    if (!result.ok) expect(result.error).toContain('Periksa titik dua, tanda kutip dan indentasi');
  });

  it('does not run YAML tags that would build JavaScript objects', () => {
    const result = parseFrontmatter('---\nname: !!js/function "function () {}"\n---\n');
    expect(result.ok).toBe(false);
  });
});

describe('decodeUtf8', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('reads UTF-8 and refuses another encoding, every file on its own', () => {
    // A Windows-1252 "é" cut off a UTF-8 sequence: the file is refused, not shown as "\uFFFD".
    const latin1 = Uint8Array.from([0x4b, 0x61, 0x66, 0xe9, 0x0a]);
    expect(decodeUtf8(latin1)).toBeNull();
    // The decoder is shared; a refused file leaves nothing behind for the next one.
    expect(decodeUtf8(bytes('name: Kafé\n'))).toBe('name: Kafé\n');
    // Nor does a file that ends inside a character.
    expect(decodeUtf8(bytes('Kafé').subarray(0, 4))).toBeNull();
    expect(decodeUtf8(bytes('Isi.'))).toBe('Isi.');
  });
});
