/**
 * The gate cache: what git vouches for, and a gate that remembers files' facts between runs must
 * decide exactly what the gate decides from the files themselves, whatever changed in between
 * (a file, a photo, the clock) and whatever the cache holds.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGate, runRememberingGate, type GateRun } from '../../../src/format/gate.ts';
import { GateCache } from '../../../src/format/gate-cache.ts';
import { blobId, vouchedBlobs } from '../../../src/format/git-blobs.ts';
import type { FileFacts } from '../../../src/format/validation/types.ts';
import type { EntryFacts } from '../../../src/format/validation/types.ts';
import { createFixture, removeFixture, TEST_NOW } from '../../helpers/fixture.ts';
import { writeTree } from '../../helpers/files.ts';
import { photo } from '../../helpers/photos.ts';
import { createSmallNetwork } from '../../helpers/small-network.ts';

const NOW = new Date(TEST_NOW);
const made: string[] = [];
const savedEnv = { ...process.env };

beforeAll(() => {
  // Only the repository's own settings: a developer's global git configuration must not change what git vouches for.
  process.env.GIT_CONFIG_GLOBAL = '/dev/null';
  process.env.GIT_CONFIG_NOSYSTEM = '1';
});
afterAll(() => {
  process.env = savedEnv;
  for (const dir of made) removeFixture(dir);
});

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=Uji', '-c', 'user.email=uji@contoh.id', '-c', 'init.defaultBranch=main', ...args], { cwd, stdio: 'pipe' }).toString();
function commitAll(dir: string, message = 'konten'): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', message);
}
function repository(dir: string): string {
  made.push(dir);
  git(dir, 'init', '-q');
  commitAll(dir);
  return dir;
}
const cacheIn = (dir: string) => ({ file: `${dir}-cache/gate.bin`, key: 'kode-1' });

/** What a run decided, bodies left out (a remembering run has none): comparable across runs. */
function verdict(run: GateRun<EntryFacts>) {
  const { result } = run;
  const entries = (list: { id: string; displayPath: string; data: unknown; source: EntryFacts }[]) =>
    list.map(({ id, displayPath, data, source: { path, format, raw, bodyLine, images, published, digest } }) => ({ id, displayPath, data, source: { path, format, raw, bodyLine, images, published, digest } }));
  return result.ok
    ? { ok: true, warnings: result.warnings, kim: entries(result.network.kim), stories: entries(result.network.stories), places: entries(result.network.places) }
    : { ok: false, warnings: result.warnings, errors: result.errors };
}

describe('vouchedBlobs', () => {
  let dir: string;
  beforeAll(() => {
    dir = repository(createFixture({ network: 'name: x\n', stories: { bersih: { data: { title: 'a' } }, diubah: { data: { title: 'b' } }, diabaikan: { data: { title: 'c' } }, disembunyikan: { data: { title: 'd' } } } }));
    writeFileSync(path.join(dir, 'stories/diubah.md'), '---\ntitle: diubah\n---\n');
    writeFileSync(path.join(dir, 'stories/baru.md'), '---\ntitle: baru\n---\n');
    git(dir, 'update-index', '--assume-unchanged', 'stories/diabaikan.md');
    git(dir, 'update-index', '--skip-worktree', 'stories/disembunyikan.md');
  });

  it('names a tracked, unchanged file by the blob id of its bytes', async () => {
    const vouched = await vouchedBlobs(dir);
    const bytes = readFileSync(path.join(dir, 'stories/bersih.md'));
    expect(vouched?.blobs.get('stories/bersih.md')).toBe(blobId(bytes, 'sha1'));
    expect(git(dir, 'hash-object', 'stories/bersih.md').trim()).toBe(blobId(bytes, 'sha1'));
    expect(vouched?.blobs.get('network.yaml')).toBeDefined();
  });

  it('vouches for no file changed since it was committed, untracked, or that git was told not to look at', async () => {
    const vouched = await vouchedBlobs(dir);
    for (const file of ['stories/diubah.md', 'stories/baru.md', 'stories/diabaikan.md', 'stories/disembunyikan.md']) expect(vouched?.blobs.has(file), file).toBe(false);
  });

  it('vouches for no file git may store other than as it is on disk', async () => {
    const converted = repository(createFixture({ network: 'name: x\n', stories: { utf16: { data: { title: 'a' } }, biasa: { data: { title: 'b' } }, teks: { data: { title: 'c' } }, lama: { data: { title: 'd' } } } }));
    // An attribute outside the content folder (the gate refuses a .gitattributes inside it).
    writeFileSync(path.join(converted, '.git/info/attributes'), 'stories/utf16.md working-tree-encoding=UTF-16\nstories/teks.md text eol=crlf\nstories/lama.md crlf\n');
    const vouched = await vouchedBlobs(converted);
    expect(vouched?.blobs.has('stories/biasa.md')).toBe(true);
    expect(vouched?.blobs.has('stories/utf16.md')).toBe(false);
    expect(vouched?.blobs.has('stories/teks.md')).toBe(false);
    expect(vouched?.blobs.has('stories/lama.md')).toBe(false);
    for (const on of ['true', 'yes', 'input']) {
      git(converted, 'config', 'core.autocrlf', on);
      expect(await vouchedBlobs(converted), on).toBeNull();
    }
  });

  it('vouches for nothing when a git command beside it rewrites the index between its questions', async () => {
    const raced = repository(createFixture({ network: 'name: x\n', stories: { kabar: { data: { title: 'Lama' } } } }));
    const committed = git(raced, 'rev-parse', 'HEAD:stories/kabar.md').trim();
    // Staged: the index and the disk agree on the new bytes, the last commit has the old ones.
    writeFileSync(path.join(raced, 'stories/kabar.md'), '---\ntitle: Baru\n---\n');
    git(raced, 'add', 'stories/kabar.md');
    // A git that has someone's `git reset` land after it said the file is unchanged and before it
    // lists the index: the index then names the old bytes, the disk still holds the new ones.
    const realGit = execFileSync('sh', ['-c', 'command -v git']).toString().trim();
    const shims = mkdtempSync(path.join(tmpdir(), 'jembatan-git-shim-'));
    made.push(shims);
    const answered = path.join(shims, 'diff-files-answered');
    writeFileSync(
      path.join(shims, 'git'),
      [
        '#!/bin/sh',
        'for arg in "$@"; do',
        '  case "$arg" in',
        `    diff-files) "${realGit}" "$@"; status=$?; : > "${answered}"; exit $status ;;`,
        `    ls-files) i=0; while [ ! -e "${answered}" ] && [ $i -lt 400 ]; do sleep 0.05; i=$((i + 1)); done; "${realGit}" reset -q; exec "${realGit}" "$@" ;;`,
        '  esac',
        'done',
        `exec "${realGit}" "$@"`,
        '',
      ].join('\n'),
    );
    chmodSync(path.join(shims, 'git'), 0o755);
    const searchPath = process.env.PATH;
    process.env.PATH = `${shims}:${searchPath}`;
    let vouched: Awaited<ReturnType<typeof vouchedBlobs>>;
    try {
      vouched = await vouchedBlobs(raced);
    } finally {
      process.env.PATH = searchPath;
    }
    // The race did happen: the reset ran, after diff-files had answered.
    expect(existsSync(answered)).toBe(true);
    expect(git(raced, 'ls-files', '-s', 'stories/kabar.md')).toContain(committed);
    const onDisk = blobId(readFileSync(path.join(raced, 'stories/kabar.md')), 'sha1');
    expect(onDisk).not.toBe(committed);
    expect(vouched?.blobs.get('stories/kabar.md') ?? onDisk).toBe(onDisk);
    // Asked again with nothing beside it, git rightly vouches for nothing of the changed file.
    expect((await vouchedBlobs(raced))?.blobs.has('stories/kabar.md')).toBe(false);
  });

  it('vouches for nothing outside a git work tree', async () => {
    const loose = createFixture({ network: 'name: x\n' });
    made.push(loose);
    // tmpdir() is no repository; a parent that is would vouch for nothing the gate reads here either.
    expect((await vouchedBlobs(loose))?.blobs.size ?? 0).toBe(0);
  });
});

describe('runRememberingGate', () => {
  it('decides a valid network exactly as the gate does, the second time without reading a file', async () => {
    const dir = repository(await createSmallNetwork());
    const plain = await runGate(dir, { now: NOW });
    expect(plain.result.ok).toBe(true);
    const first = await runRememberingGate(dir, { now: NOW }, cacheIn(dir));
    const second = await runRememberingGate(dir, { now: NOW }, cacheIn(dir));
    expect(first).toMatchObject({ recalled: 0 });
    expect(first.read).toBeGreaterThan(15);
    expect(second).toMatchObject({ recalled: first.read, read: 0 });
    expect(verdict(first)).toEqual(verdict(plain));
    expect(verdict(second)).toEqual(verdict(plain));
    // Draft and future story: left unpublished from remembered facts as well.
    const unpublished = (run: GateRun<EntryFacts>) => (run.result.ok ? run.result.network.stories.filter((s) => !s.source.published).map((s) => s.id) : []);
    expect(unpublished(second).length).toBeGreaterThan(0);
    expect(unpublished(second)).toEqual(unpublished(plain));
  });

  it('reports every problem of a broken network in the same words and order, remembered or read', async () => {
    const big = `---\ntitle: Besar\n---\n${'kata '.repeat(60_000)}`;
    const dir = repository(
      createFixture({
        network: { name: 'Jaringan Uji', description: 'Uji.', site: 'https://uji.example.org', scope: ['64.74'] },
        kim: { 'kim-api-api': { data: { name: 'KIM Api-api', village: '64.74.01.1006', founded: '2999-01-01' } } },
        stories: {
          'tanpa-kim': { data: { title: 'Kabar', date: '2026-10-01', kim: 'kim-tidak-ada', summary: 'Ringkas.' } },
          'salah-kolom': { data: { title: 7, date: '2026-02-30', kim: 'kim-api-api' } },
          'mdx-kode': { ext: 'mdx', data: { title: 'Kode', date: '2026-10-01', kim: 'kim-api-api', summary: 'Ringkas.' }, body: 'import x from "y"\n\n{process.exit(1)}\n' },
          'foto-hilang': { data: { title: 'Foto', date: '2026-10-01', kim: 'kim-api-api', summary: 'Ringkas.' }, body: '![Foto](./tidak-ada.jpg)\n' },
        },
        files: { 'stories/besar.md': big, 'stories/bukan-utf8.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]), 'stories/yaml-rusak.md': '---\ntitle: [tidak\n---\n' },
      }),
    );
    const plain = await runGate(dir, { now: NOW });
    const first = await runRememberingGate(dir, { now: NOW }, cacheIn(dir));
    const second = await runRememberingGate(dir, { now: NOW }, cacheIn(dir));
    expect(plain.result.ok).toBe(false);
    expect(second.read).toBe(1); // the file over the size limit is never remembered
    expect(verdict(first)).toEqual(verdict(plain));
    expect(verdict(second)).toEqual(verdict(plain));
    const messages = !plain.result.ok ? plain.result.errors.map((e) => `${path.basename(e.file)} ${e.field ?? ''}`) : [];
    for (const expected of ['kim-api-api.md founded', 'tanpa-kim.md kim', 'salah-kolom.md title', 'mdx-kode.mdx ', 'foto-hilang.md ', 'besar.md ', 'bukan-utf8.md ', 'yaml-rusak.md ']) expect(messages).toContain(expected);
  });

  it('checks the clock, the photos and the references again on every run', async () => {
    const dir = repository(
      createFixture({
        network: { name: 'Jaringan Uji', description: 'Uji.', site: 'https://uji.example.org', scope: ['64.74'] },
        kim: { 'kim-api-api': { data: { name: 'KIM Api-api', village: '64.74.01.1006' } } },
        stories: {
          'kabar-besok': { data: { title: 'Kabar besok', date: '2026-12-20', kim: 'kim-api-api', summary: 'Ringkas.', category: 'berita', cover: { src: './sampul.jpg', alt: 'Sampul balai', credit: 'Tim KIM' } } },
        },
        files: { 'stories/sampul.jpg': await photo() },
      }),
    );
    const first = await runRememberingGate(dir, { now: NOW }, cacheIn(dir));
    expect(first.result.ok ? first.result.network.stories[0]?.source.published : first.result.errors).toBe(false);
    // The day comes: the story is published from what the cache remembers.
    const later = await runRememberingGate(dir, { now: new Date('2026-12-21T00:00:00Z') }, cacheIn(dir));
    expect(later).toMatchObject({ read: 0 });
    expect(later.result.ok ? later.result.network.stories[0]?.source.published : later.result.errors).toBe(true);
    // The photo is replaced by one with a GPS position, then removed: the unchanged story is remembered, its photo checked.
    writeFileSync(path.join(dir, 'stories/sampul.jpg'), await photo({ gps: true }));
    commitAll(dir);
    const located = await runRememberingGate(dir, { now: NOW }, cacheIn(dir));
    expect(located).toMatchObject({ read: 0 });
    expect(located.result.ok).toBe(true);
    expect(located.result.warnings.map((w) => w.file)).toContain(path.join(dir, 'stories/kabar-besok.md'));
    rmSync(path.join(dir, 'stories/sampul.jpg'));
    commitAll(dir);
    const missing = await runRememberingGate(dir, { now: NOW }, cacheIn(dir));
    expect(missing.result.ok).toBe(false);
    expect(verdict(missing)).toEqual(verdict(await runGate(dir, { now: NOW })));
    // The KIM it names is removed: the story's reference fails though the story was not read.
    writeFileSync(path.join(dir, 'stories/sampul.jpg'), await photo());
    rmSync(path.join(dir, 'kim/kim-api-api.md'));
    commitAll(dir);
    const orphan = await runRememberingGate(dir, { now: NOW }, cacheIn(dir));
    expect(orphan).toMatchObject({ read: 0 });
    expect(!orphan.result.ok && orphan.result.errors.map((e) => [path.basename(e.file), e.field])).toContainEqual(['kabar-besok.md', 'kim']);
  });

  it('reads a changed file again, and remembers it by its own bytes once committed', async () => {
    const dir = repository(
      createFixture({
        network: { name: 'Jaringan Uji', description: 'Uji.', site: 'https://uji.example.org', scope: ['64.74'] },
        kim: { 'kim-api-api': { data: { name: 'KIM Api-api', village: '64.74.01.1006' } } },
        stories: { kabar: { data: { title: 'Kabar lama', date: '2026-10-01', kim: 'kim-api-api', summary: 'Ringkas.', category: 'berita' } } },
      }),
    );
    await runRememberingGate(dir, { now: NOW }, cacheIn(dir));
    writeTree(dir, { 'stories/kabar.md': '---\ntitle: Kabar baru\ndate: 2026-10-02\nkim: kim-api-api\nsummary: Ringkas.\ncategory: berita\n---\n' });
    const changed = await runRememberingGate(dir, { now: NOW }, cacheIn(dir));
    expect(changed).toMatchObject({ read: 1 });
    expect(changed.result.ok ? changed.result.network.stories[0]?.data.title : changed.result.errors).toBe('Kabar baru');
    commitAll(dir);
    const committed = await runRememberingGate(dir, { now: NOW }, cacheIn(dir));
    expect(committed).toMatchObject({ read: 0 });
    expect(verdict(committed)).toEqual(verdict(changed));
  });

  it('remembers by their bytes the files git does not vouch for, and without git, and leaves the cache file alone', async () => {
    // `text=auto`: git may convert any file between the repository and the disk, so it vouches for none.
    const converted = repository(await createSmallNetwork());
    writeFileSync(path.join(converted, '.git/info/attributes'), '* text=auto\n');
    const loose = await createSmallNetwork();
    made.push(loose);
    for (const dir of [converted, loose]) {
      const plain = await runGate(dir, { now: NOW });
      const first = await runRememberingGate(dir, { now: NOW }, cacheIn(dir));
      expect(first.recalled, dir).toBe(0);
      const written = statSync(cacheIn(dir).file, { bigint: true });
      const second = await runRememberingGate(dir, { now: NOW }, cacheIn(dir));
      expect(second, dir).toMatchObject({ recalled: first.read, read: 0 });
      expect(verdict(second)).toEqual(verdict(plain));
      // Nothing was learned: the cache is not written again (a save renames a new file into place).
      const kept = statSync(cacheIn(dir).file, { bigint: true });
      expect([kept.ino, kept.mtimeNs], dir).toEqual([written.ino, written.mtimeNs]);
      // A file changed on disk is checked anew, and its old facts are not taken for its new bytes.
      const story = plain.result.ok ? plain.result.network.stories[0]!.source.path : '';
      const text = readFileSync(path.join(dir, story), 'utf8');
      writeFileSync(path.join(dir, story), text.replace(/^title: .*$/m, 'title: Judul yang diganti'));
      const changed = await runRememberingGate(dir, { now: NOW }, cacheIn(dir));
      expect(changed, dir).toMatchObject({ read: 1 });
      expect(verdict(changed)).toEqual(verdict(await runGate(dir, { now: NOW })));
      expect(changed.result.ok && changed.result.network.stories.find((s) => s.source.path === story)?.data.title).toBe('Judul yang diganti');
    }
  });

  it('starts empty from a cache of another code version, or one that cannot be read', async () => {
    const dir = repository(
      createFixture({
        network: { name: 'Jaringan Uji', description: 'Uji.', site: 'https://uji.example.org', scope: ['64.74'] },
        kim: { 'kim-api-api': { data: { name: 'KIM Api-api', village: '64.74.01.1006' } } },
      }),
    );
    const cache = cacheIn(dir);
    await runRememberingGate(dir, { now: NOW }, cache);
    expect(await runRememberingGate(dir, { now: NOW }, { ...cache, key: 'kode-2' })).toMatchObject({ recalled: 0, read: 1 });
    writeFileSync(cache.file, 'bukan cache');
    const run = await runRememberingGate(dir, { now: NOW }, cache);
    expect(run).toMatchObject({ recalled: 0, read: 1 });
    expect(run.result.ok).toBe(true);
  });
});

describe('GateCache', () => {
  const refused = (n: number): FileFacts => ({ readable: false, errors: [{ file: `stories/${n}.md`, field: null, message: 'bukan teks UTF-8.' }], coordinates: false });

  it('rewrites its file only when a run changed more than a small share of it, and drops files gone', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jembatan-gate-cache-'));
    made.push(dir);
    const file = path.join(dir, 'gate.bin');
    const first = GateCache.open(file, 'k');
    for (let n = 0; n < 200; n++) first.learn(`blob-${n}`, `stories/${n}.md`, refused(n));
    first.save();
    const written = readFileSync(file);

    // One new file of 201: read again next time rather than rewrite the whole cache.
    const second = GateCache.open(file, 'k');
    for (let n = 0; n < 200; n++) expect(second.recall(`blob-${n}`, `stories/${n}.md`)).toEqual(refused(n));
    expect(second.recall('blob-0', 'stories/lain.md')).toBeUndefined();
    second.learn('blob-baru', 'stories/baru.md', refused(200));
    expect(second.counts).toEqual({ recalled: 200, learned: 1 });
    second.save();
    expect(readFileSync(file).equals(written)).toBe(true);

    // Five files gone and five new ones: rewritten, with only what this run saw.
    const third = GateCache.open(file, 'k');
    for (let n = 5; n < 200; n++) third.recall(`blob-${n}`, `stories/${n}.md`);
    for (let n = 200; n < 205; n++) third.learn(`blob-${n}`, `stories/${n}.md`, refused(n));
    third.save();
    const fourth = GateCache.open(file, 'k');
    expect(fourth.recall('blob-0', 'stories/0.md')).toBeUndefined();
    expect(fourth.recall('blob-204', 'stories/204.md')).toEqual(refused(204));
    expect(GateCache.open(file, 'lain').recall('blob-204', 'stories/204.md')).toBeUndefined();
  });
});
