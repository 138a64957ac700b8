/**
 * The inputs of a shard's key read from disk, as the preparing step of a sharded build reads them:
 * the files its content folder will hold (content, network.yaml, frontmatter written for the
 * network shard), its figures, the plan entry, the settings from the environment, and a project's code.
 */
import { linkSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShardFile } from '../../../src/build/shards/content.ts';
import { buildSettings, codeDigest, FileDigests, shardKeyParts, sharedInputs } from '../../../src/build/shards/inputs.ts';
import { digest } from '../../../src/build/shards/key.ts';
import { writeTree } from '../../helpers/files.ts';
import { PROJECT_ROOT } from '../../helpers/fixture.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jembatan-shard-inputs-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the inputs of a shard’s key', () => {
  /** A shard's content files (network.yaml among them), taken from a folder of their own, and its figures. */
  function prepared(files: Record<string, string>, figures = '{"regions":{}}') {
    const folder = path.join(dir, `shard-${Math.random().toString(36).slice(2)}`);
    writeTree(folder, files);
    return { files: Object.keys(files).map((p) => ({ path: p, source: path.join(folder, ...p.split('/')) })), figures, folder };
  }
  const CONTENT = { 'network.yaml': 'name: Uji\n', 'kim/kim-banjar.md': '---\nname: KIM Banjar\n---\n', 'stories/kabar.md': '---\ntitle: Kabar\n---\n' };
  const shared = { code: digest('code'), regions: digest('regions') };
  const parts = ({ files, figures }: { files: ShardFile[]; figures: string }, env: Record<string, string | undefined> = {}, planEntry: unknown = { shard: '63' }) =>
    shardKeyParts({
      files,
      figures,
      planEntry,
      shared,
      env,
      digests: new FileDigests(),
    });

  it('are the same for two folders with the same files, wherever they are', () => {
    expect(parts(prepared(CONTENT))).toEqual(parts(prepared(CONTENT)));
  });

  it('give a file written for the shard the digest of the same file taken from content/', () => {
    const taken = prepared(CONTENT);
    const written = { ...taken, files: taken.files.map((file) => (file.path === 'kim/kim-banjar.md' ? { path: file.path, text: CONTENT['kim/kim-banjar.md'] } : file)) };
    expect(parts(written)).toEqual(parts(taken));
    const shorter = { ...taken, files: taken.files.map((file) => (file.path === 'kim/kim-banjar.md' ? { path: file.path, text: '---\nname: KIM\n---\n' } : file)) };
    expect(parts(shorter).content).not.toBe(parts(taken).content);
  });

  it('take an entry’s digest from the gate when it has one, so the file is not read again', () => {
    const taken = prepared(CONTENT);
    const gated = taken.files.map((file) => (file.path === 'stories/kabar.md' ? { ...file, digest: digest(readFileSync(file.source)) } : file));
    expect(parts({ ...taken, files: gated })).toEqual(parts(taken));
    // Gone from disk: only the gate's digest can have been used.
    rmSync(path.join(taken.folder, 'stories', 'kabar.md'));
    expect(parts({ ...taken, files: gated }).content).toBe(parts({ ...prepared(CONTENT), files: gated }).content);
  });

  it('tell a new story from a changed network.yaml, new figures and another plan entry', () => {
    const before = parts(prepared(CONTENT));
    const story = parts(prepared({ ...CONTENT, 'stories/baru.md': '---\ntitle: Baru\n---\n' }));
    expect(story.content).not.toBe(before.content);
    expect(story.network).toBe(before.network);
    const network = parts(prepared({ ...CONTENT, 'network.yaml': 'name: Uji lain\n' }));
    expect([network.content, network.network === before.network]).toEqual([before.content, false]);
    expect(parts(prepared(CONTENT, '{"regions":{"63":{}}}')).figures).not.toBe(before.figures);
    expect(parts(prepared(CONTENT), {}, { shard: '64' }).plan).not.toBe(before.plan);
  });

  it('take the deploy address, base, repository and preview mode from the environment', () => {
    const folder = prepared(CONTENT);
    const plain = parts(folder);
    expect(parts(folder, { SITE_URL: 'https://kim.example.org' }).settings).not.toBe(plain.settings);
    expect(parts(folder, { BASE_PATH: '/kim/' }).settings).not.toBe(plain.settings);
    expect(parts(folder, { GITHUB_REPOSITORY: 'diskominfo/kim' }).settings).not.toBe(plain.settings);
    // `npm run build:host` asks for the KIM's previews: every shard's pages change.
    expect(parts(folder, { JEMBATAN_SOCIAL_CARDS: 'kim' }).settings).not.toBe(plain.settings);
    expect(parts(folder, { JEMBATAN_NOW: '2027-01-01' }).settings).toBe(plain.settings);
  });

  it('hold only what reaches pages: the address, base, repository and preview mode, Node and the platform', () => {
    expect(Object.keys(buildSettings({ HOME: '/root', JEMBATAN_WORK: '/tmp/x' })).sort()).toEqual(['base', 'node', 'platform', 'repository', 'site', 'socialCards']);
    expect(buildSettings({})).toMatchObject({ site: null, base: null, repository: null, socialCards: null });
  });

  it('give a file linked into two shards’ folders one digest', () => {
    const digests = new FileDigests();
    const file = path.join(prepared(CONTENT).folder, 'kim', 'kim-banjar.md');
    const link = path.join(dir, 'kim-banjar.md');
    linkSync(file, link);
    expect(digests.file(file)).toBe(digest(readFileSync(file)));
    expect(digests.file(link)).toBe(digests.file(file));
  });

  it('change the code’s digest when a file under src/ or public/ changes, is added or is removed', () => {
    const project = path.join(dir, 'proyek');
    writeTree(project, { 'src/pages/index.astro': '<h1>Beranda</h1>', 'public/favicon.svg': '<svg/>', 'astro.config.mjs': 'export default {};', 'package-lock.json': '{}' });
    const code = () => codeDigest(project, new FileDigests());
    const before = code();
    expect(code()).toBe(before);
    writeTree(project, { 'src/pages/index.astro': '<h1>Beranda!</h1>' });
    const changed = code();
    expect(changed).not.toBe(before);
    writeTree(project, { 'public/robots.txt': 'User-agent: *' });
    expect(code()).not.toBe(changed);
    rmSync(path.join(project, 'public/robots.txt'));
    expect(code()).toBe(changed);
    writeTree(project, { 'README.md': 'Tidak ikut membangun halaman.' });
    expect(code()).toBe(changed);
  });

  it('give this project’s code and region data a digest each', () => {
    const inputs = sharedInputs(PROJECT_ROOT, new FileDigests());
    expect(inputs.code).toMatch(/^[0-9a-f]{64}$/);
    expect(inputs.regions).toMatch(/^[0-9a-f]{64}$/);
  });
});
