/**
 * The one folder walk: links are listed and never followed, pipes are listed as what they are,
 * and the order is fixed (depth first, names in order).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEntries, listFiles, readFileStart } from '../../../src/format/files.ts';

let root: string;
let dir: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'jembatan-berkas-'));
  dir = path.join(root, 'folder');
  mkdirSync(path.join(dir, 'b/dalam'), { recursive: true });
  mkdirSync(path.join(root, 'luar'));
  writeFileSync(path.join(root, 'luar', 'rahasia.txt'), 'x');
  writeFileSync(path.join(dir, 'a.txt'), 'a');
  writeFileSync(path.join(dir, 'b/dalam/c.txt'), 'c');
  writeFileSync(path.join(dir, 'z.txt'), 'z');
  symlinkSync(path.join(root, 'luar'), path.join(dir, 'b/tautan'));
  symlinkSync(path.join(root, 'luar', 'rahasia.txt'), path.join(dir, 'tautan.txt'));
  execFileSync('mkfifo', [path.join(dir, 'pipa')]);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('listEntries', () => {
  it('lists every entry depth first, a folder before its contents, and never goes behind a link', () => {
    expect(listEntries(dir)).toEqual([
      { path: 'a.txt', kind: 'file' },
      { path: 'b', kind: 'folder' },
      { path: 'b/dalam', kind: 'folder' },
      { path: 'b/dalam/c.txt', kind: 'file' },
      { path: 'b/tautan', kind: 'link' },
      { path: 'pipa', kind: 'other' },
      { path: 'tautan.txt', kind: 'link' },
      { path: 'z.txt', kind: 'file' },
    ]);
  });

  it('throws for a folder that cannot be read, unless told to skip it', () => {
    expect(() => listEntries(path.join(root, 'tidak-ada'))).toThrow(/ENOENT/);
    expect(listEntries(path.join(root, 'tidak-ada'), { skipUnreadable: true })).toEqual([]);
  });
});

describe('listFiles', () => {
  it('lists only regular files', () => {
    expect(listFiles(dir)).toEqual(['a.txt', 'b/dalam/c.txt', 'z.txt']);
  });
});

describe('readFileStart', () => {
  it('gives the whole size and at most the limit of bytes', () => {
    writeFileSync(path.join(dir, 'panjang.md'), 'x'.repeat(5000));
    const { size, bytes } = readFileStart(path.join(dir, 'panjang.md'), 1024);
    expect(size).toBe(5000);
    expect(Buffer.from(bytes).toString()).toBe('x'.repeat(1024));
    expect(readFileStart(path.join(dir, 'a.txt'), 1024)).toEqual({ size: 1, bytes: Buffer.from('a') });
  });

  it('refuses a symbolic link instead of reading what it points at, and a pipe without waiting on it', () => {
    expect(() => readFileStart(path.join(dir, 'tautan.txt'), 1024)).toThrow(/ELOOP/);
    expect(() => readFileStart(path.join(dir, 'pipa'), 1024)).toThrow('bukan berkas biasa');
  });
});
