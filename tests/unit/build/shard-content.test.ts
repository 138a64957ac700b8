/**
 * A shard's content folder written over the one an earlier build left: it must hold exactly the
 * files it is given (nothing left over from before, which the shard's build would read), with the
 * files already right left untouched.
 */
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeShardContent, type ShardFile } from '../../../src/build/shards/content.ts';
import { listEntries } from '../../../src/format/files.ts';
import { writeTree } from '../../helpers/files.ts';

let dir: string;
let content: string;
let shard: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jembatan-shard-content-'));
  content = path.join(dir, 'content');
  shard = path.join(dir, 'shard');
  writeTree(content, {
    'network.yaml': 'name: Uji\n',
    'kim/kim-banjar.md': '---\nname: KIM Banjar\n---\n',
    'stories/kabar.md': '---\ntitle: Kabar\n---\nIsi.\n',
    'stories/lama.md': '---\ntitle: Lama\n---\n',
    'stories/foto/a.jpg': 'foto',
  });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const taken = (...paths: string[]): ShardFile[] => paths.map((p) => ({ path: p, source: path.join(content, ...p.split('/')) }));
const inode = (p: string) => lstatSync(path.join(shard, p)).ino;
const listing = () => listEntries(shard).map((e) => `${e.kind} ${e.path}`);

describe('writeShardContent', () => {
  it('writes the files given, linked to their sources or as text', () => {
    writeShardContent(shard, [...taken('network.yaml', 'kim/kim-banjar.md', 'stories/foto/a.jpg'), { path: 'stories/kabar.md', text: '---\ntitle: Kabar\n---\n' }]);
    expect(listing()).toEqual(['folder kim', 'file kim/kim-banjar.md', 'file network.yaml', 'folder stories', 'folder stories/foto', 'file stories/foto/a.jpg', 'file stories/kabar.md']);
    expect(inode('kim/kim-banjar.md')).toBe(lstatSync(path.join(content, 'kim/kim-banjar.md')).ino);
    expect(readFileSync(path.join(shard, 'stories/kabar.md'), 'utf8')).toBe('---\ntitle: Kabar\n---\n');
  });

  it('over an earlier folder, removes what is no longer given, keeps what is right, and replaces what changed', () => {
    writeShardContent(shard, [...taken('network.yaml', 'kim/kim-banjar.md', 'stories/lama.md', 'stories/foto/a.jpg'), { path: 'stories/kabar.md', text: 'lama\n' }]);
    const kept = inode('kim/kim-banjar.md');
    // Whatever else a folder may hold: a stray file, a link, a folder where a file now goes.
    writeFileSync(path.join(shard, 'kim/sisa.md'), 'sisa');
    symlinkSync('/etc/passwd', path.join(shard, 'stories/tautan.md'));
    mkdirSync(path.join(shard, 'places/baru.md'), { recursive: true });
    // The source of network.yaml is replaced by a new file (a new inode): the old link is stale.
    rmSync(path.join(content, 'network.yaml'));
    writeFileSync(path.join(content, 'network.yaml'), 'name: Baru\n');
    writeFileSync(path.join(content, 'places-baru.md'), '---\nname: Tempat\n---\n');

    writeShardContent(shard, [...taken('network.yaml', 'kim/kim-banjar.md'), { path: 'stories/kabar.md', text: 'baru\n' }, { path: 'places/baru.md', source: path.join(content, 'places-baru.md') }]);
    expect(listing()).toEqual(['folder kim', 'file kim/kim-banjar.md', 'file network.yaml', 'folder places', 'file places/baru.md', 'folder stories', 'file stories/kabar.md']);
    expect(inode('kim/kim-banjar.md')).toBe(kept);
    expect(readFileSync(path.join(shard, 'network.yaml'), 'utf8')).toBe('name: Baru\n');
    expect(readFileSync(path.join(shard, 'stories/kabar.md'), 'utf8')).toBe('baru\n');
    expect(readFileSync(path.join(shard, 'places/baru.md'), 'utf8')).toBe('---\nname: Tempat\n---\n');
  });

  it('never writes into a contributor\'s file when a path linked last time is written as text now', () => {
    // A story the network shard showed whole, then only by its frontmatter (a newer story took its place).
    writeShardContent(shard, taken('stories/kabar.md'));
    writeShardContent(shard, [{ path: 'stories/kabar.md', text: '---\ntitle: Kabar\n---\n' }]);
    expect(readFileSync(path.join(shard, 'stories/kabar.md'), 'utf8')).toBe('---\ntitle: Kabar\n---\n');
    expect(readFileSync(path.join(content, 'stories/kabar.md'), 'utf8')).toBe('---\ntitle: Kabar\n---\nIsi.\n');
    expect(inode('stories/kabar.md')).not.toBe(lstatSync(path.join(content, 'stories/kabar.md')).ino);
  });

  it('replaces a folder left as a link or a file', () => {
    symlinkSync(content, shard);
    writeShardContent(shard, taken('network.yaml'));
    expect(lstatSync(shard).isDirectory()).toBe(true);
    expect(listing()).toEqual(['file network.yaml']);
    // The link's target, the content folder, is untouched.
    expect(readFileSync(path.join(content, 'stories/kabar.md'), 'utf8')).toContain('Isi.');
  });
});
