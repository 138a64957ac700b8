/**
 * The reader of `content/` over folders written from scratch: it never follows a link, tells
 * what a file is by its content, and hands the validator exactly the entry files a loader gets.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ENTRY_BYTES, readContentDir, type Snapshot } from '../../../src/format/read.ts';
import type { ContentFile } from '../../../src/format/validation/types.ts';
import { resolveContentPath } from '../../../src/format/paths.ts';
import { photo } from '../../helpers/photos.ts';
import { writerIn } from '../../helpers/files.ts';

let root: string;
let content: string;
let snapshot: Snapshot<ContentFile>;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'jembatan-baca-'));
  content = path.join(root, 'content');
  const write = writerIn(content);
  write('network.yaml', 'name: x\n');
  write('stories/kabar.md', '---\ntitle: x\n---\n');
  write('stories/2026/november/kabar-lama.mdx', '---\ntitle: x\n---\n');
  write('stories/_parkir.md', '---\ntitle: x\n---\n');
  write('stories/Kabar.MD', '---\ntitle: x\n---\n');
  write('stories/catatan.markdown', '# x');
  write('stories/besar.md', Buffer.alloc(MAX_ENTRY_BYTES + 10, 'a'));
  write('stories/foto/asli.jpg', await photo({ width: 640, height: 480, gps: true }));
  write('stories/foto/bukan.jpg', '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
  write('stories/foto/teks.jpg', 'bukan gambar');
  write('README.md', '# Tentang folder ini');
  mkdirSync(path.join(root, 'luar'));
  writeFileSync(path.join(root, 'luar', 'rahasia.jpg'), await photo({ width: 64, height: 48 }));
  symlinkSync(path.join(root, 'luar', 'rahasia.jpg'), path.join(content, 'stories/foto/tautan.jpg'));
  symlinkSync(path.join(root, 'luar'), path.join(content, 'places'));
  symlinkSync('kabar.md', path.join(content, 'stories/kabar-kembar.md'));
  execFileSync('mkfifo', [path.join(content, 'stories/pipa.md')]);
  snapshot = await readContentDir(content, root);
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('readContentDir', () => {
  it('lists Markdown and MDX entries in collection folders at any depth, skipping parked ones', () => {
    expect(snapshot.files.map((f) => f.path).sort()).toEqual(['stories/2026/november/kabar-lama.mdx', 'stories/Kabar.MD', 'stories/besar.md', 'stories/kabar.md']);
    expect(snapshot.files.find((f) => f.path === 'stories/Kabar.MD')).toMatchObject({ stem: 'Kabar', extension: '.MD', format: 'md' });
  });

  it('reads no more than the size limit of a file, and says how large it is', () => {
    const big = snapshot.files.find((f) => f.path === 'stories/besar.md')!;
    expect(big.size).toBe(MAX_ENTRY_BYTES + 10);
    expect(big.bytes.length).toBe(MAX_ENTRY_BYTES);
  });

  it('reports every link and non-file by its path, and never reads through one', () => {
    expect(snapshot.irregular).toEqual([
      { path: 'content/places', kind: 'link' },
      { path: 'content/stories/foto/tautan.jpg', kind: 'link' },
      { path: 'content/stories/kabar-kembar.md', kind: 'link' },
      { path: 'content/stories/pipa.md', kind: 'other' },
    ]);
    expect(snapshot.fileAt('stories/foto/tautan.jpg')).toEqual({ type: 'link' });
    expect(snapshot.fileAt('places/rahasia.jpg')).toEqual({ type: 'link' });
  });

  it('tells a photo by its content: a real JPEG with its GPS, an SVG and text named .jpg', () => {
    expect(snapshot.fileAt('stories/foto/asli.jpg')).toMatchObject({ type: 'file', image: { format: 'jpeg', readable: true, width: 640, height: 480, gps: true } });
    expect(snapshot.fileAt('stories/foto/bukan.jpg')).toMatchObject({ type: 'file', image: { format: 'svg', readable: false } });
    expect(snapshot.fileAt('stories/foto/teks.jpg')).toMatchObject({ type: 'file', image: null });
    expect(snapshot.fileAt('stories/foto')).toEqual({ type: 'directory' });
    expect(snapshot.fileAt('stories/foto/hilang.jpg')).toEqual({ type: 'missing' });
  });

  it('lists photos with a GPS position, used or not, and files that look like entries but are not read', () => {
    expect(snapshot.gpsPhotos).toEqual([{ path: 'stories/foto/asli.jpg', displayPath: 'content/stories/foto/asli.jpg' }]);
    expect(snapshot.unread).toEqual(['content/stories/catatan.markdown']);
  });

  it('reads a network.yaml that is a plain file', () => {
    expect(new TextDecoder().decode(snapshot.network.bytes!)).toBe('name: x\n');
  });
});

describe('resolveContentPath', () => {
  it('resolves a relative path from the file that names it', () => {
    expect(resolveContentPath('stories/kabar.md', './foto/a.jpg')).toEqual({ ok: true, path: 'stories/foto/a.jpg' });
    expect(resolveContentPath('places/pasar.md', '../stories/foto/a.jpg')).toEqual({ ok: true, path: 'stories/foto/a.jpg' });
    expect(resolveContentPath('stories/kabar.md', 'a.jpg')).toEqual({ ok: true, path: 'stories/a.jpg' });
  });

  it('refuses a path that leaves the content folder, however it is written', () => {
    for (const written of ['../../x.jpg', './../../../etc/x.jpg', 'foto/../../../x.jpg', '..', '../..']) {
      expect(resolveContentPath('stories/kabar.md', written), written).toEqual({ ok: false, reason: 'outside' });
    }
  });

  it('refuses schemes, absolute paths, queries, fragments, backslashes and control characters', () => {
    expect(resolveContentPath('stories/kabar.md', 'https://x.id/a.jpg')).toEqual({ ok: false, reason: 'scheme' });
    expect(resolveContentPath('stories/kabar.md', 'C:/a.jpg')).toEqual({ ok: false, reason: 'scheme' });
    expect(resolveContentPath('stories/kabar.md', '/etc/a.jpg')).toEqual({ ok: false, reason: 'absolute' });
    for (const written of ['./a.mdx?.png', './a.jpg#x', '.\\..\\a.jpg', './a\u0000.jpg', './a\n.jpg']) {
      expect(resolveContentPath('stories/kabar.md', written), written).toEqual({ ok: false, reason: 'characters' });
    }
  });

  it('asks for ./ where Vite would read a bare name as a package', () => {
    expect(resolveContentPath('stories/kabar.md', 'foto.jpg', { requireDotSlash: true })).toEqual({ ok: false, reason: 'bare' });
    expect(resolveContentPath('stories/kabar.md', './foto.jpg', { requireDotSlash: true })).toEqual({ ok: true, path: 'stories/foto.jpg' });
  });
});

describe('readContentDir on a content folder that is itself a link', () => {
  it('reports the folder and reads nothing through it', async () => {
    const linked = path.join(root, 'konten-tautan');
    symlinkSync(content, linked);
    const through = await readContentDir(linked, root);
    expect(through.irregular).toEqual([{ path: 'konten-tautan', kind: 'link' }]);
    expect(through.files).toEqual([]);
    expect(through.network.bytes).toBeNull();
  });
});
