import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { codeowners, ownershipChanges } from '../../../src/format/codeowners.ts';
import { msg } from '../../../src/format/messages.ts';
import { kimSchema, networkSchema, pathImageContext } from '../../../src/format/schemas/index.ts';
import { writeTree } from '../../helpers/files.ts';
import { TEST_NOW } from '../../helpers/fixture.ts';

/** The owners GitHub applies to a path: the last matching line wins (patterns here are files or folders). */
function ownersOf(file: string, path: string): string[] {
  const rows = file.split('\n').filter((line) => line && !line.startsWith('#')).map((line) => line.split(/\s+/));
  const match = rows.filter(([pattern]) => pattern === '*' || (pattern!.endsWith('/') ? `/${path}`.startsWith(pattern!) : `/${path}` === pattern)).at(-1);
  return match ? match.slice(1) : [];
}

describe('CODEOWNERS from the content', () => {
  const text = codeowners({
    contentFolder: 'content',
    editors: ['@diskominfo/redaksi'],
    kims: [
      { id: 'kim-batuah', reviewers: ['@anggota-batuah'] },
      { id: 'kim-bontang-kuala', reviewers: [] },
    ],
  });

  it('gives a KIM’s profile, stories and places to its reviewers and the network’s editors', () => {
    for (const file of ['content/kim/kim-batuah.md', 'content/stories/kim-batuah/kabar.md', 'content/places/kim-batuah/benua-elai.md']) {
      expect(ownersOf(text, file), file).toEqual(['@diskominfo/redaksi', '@anggota-batuah']);
    }
  });

  it('leaves everything else, and a KIM without reviewers, to the editors', () => {
    for (const file of ['content/network.yaml', 'content/kim/kim-bontang-kuala.md', 'content/stories/kim-bontang-kuala/kabar.md', 'content/stories/kim-batuah-lain/kabar.md', 'src/pages/index.astro']) {
      expect(ownersOf(text, file), file).toEqual(['@diskominfo/redaksi']);
    }
  });

  it('says it is generated, and has no owner lines when nobody is named', () => {
    expect(text).toMatch(/^# Dibuat oleh `npm run codeowners`/);
    expect(codeowners({ contentFolder: 'content', editors: [], kims: [{ id: 'kim-batuah', reviewers: [] }] }).split('\n').filter((l) => l && !l.startsWith('#'))).toEqual([]);
  });

  it('refuses an account that could add a line or an owner nobody chose', () => {
    const kim = kimSchema(pathImageContext);
    const base = { name: 'KIM Batuah', village: '64.02.03.2006' };
    expect(kim.parse({ ...base, reviewers: ['@anggota', '@Anggota-2', '@org/tim.redaksi', '@anggota'] }).reviewers).toEqual(['@anggota', '@Anggota-2', '@org/tim.redaksi']);
    for (const hostile of ['anggota', '@anggota\n* @penyusup', '@anggota @penyusup', '@-x', '@a/b/c', 'penyusup@example.org']) {
      const result = kim.safeParse({ ...base, reviewers: [hostile] });
      expect(result.success, hostile).toBe(false);
      expect(result.error!.issues[0]!.message).toBe(msg.gitAccount);
    }
    expect(networkSchema.safeParse({ name: 'J', description: 'D', site: 'https://example.org', scope: ['64.74'], cms: { editors: ['@a b'] } }).success).toBe(false);
  });
});

describe('npm run codeowners', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'jembatan-codeowners-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const summary = path.join(root, 'ringkasan.md');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [path.resolve(import.meta.dirname, '../../../scripts/codeowners.ts'), ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, JEMBATAN_NOW: TEST_NOW, JEMBATAN_CONTENT_DIR: '', GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '' },
    });
  const onGitHub = (...args: string[]) =>
    spawnSync(process.execPath, [path.resolve(import.meta.dirname, '../../../scripts/codeowners.ts'), ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, JEMBATAN_NOW: TEST_NOW, JEMBATAN_CONTENT_DIR: '', GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
    });
  const kim = (reviewers: string[]) => `---\n${yaml.dump({ name: 'KIM Bontang Kuala', village: '64.74.01.1001', reviewers })}---\n`;
  writeTree(root, {
    'content/network.yaml': yaml.dump({ name: 'Jaringan Uji', description: 'Uji.', site: 'https://uji.example.org', scope: ['64.74'], cms: { editors: ['@redaksi-uji'] } }),
    'content/kim/kim-bontang-kuala.md': kim(['@anggota-kuala']),
  });

  it('writes the file, and --check then agrees with the content', () => {
    const written = run();
    expect(written.status, written.stderr).toBe(0);
    const file = readFileSync(path.join(root, '.github/CODEOWNERS'), 'utf8');
    expect(ownersOf(file, 'content/stories/kim-bontang-kuala/kabar.md')).toEqual(['@redaksi-uji', '@anggota-kuala']);
    expect(run('--check').status).toBe(0);
  });

  it('--check fails, in Indonesian, when a KIM’s reviewers changed without the file', () => {
    writeTree(root, { 'content/kim/kim-bontang-kuala.md': kim(['@anggota-baru']) });
    const checked = run('--check');
    expect(checked.status).toBe(1);
    expect(checked.stderr).toContain('.github/CODEOWNERS tidak sesuai konten. Peninjau KIM Bontang Kuala (reviewers) berubah');
    expect(checked.stderr).toContain('hanya diterima dari editor jaringan: editor menjalankan "npm run codeowners" di cabang ini');
    expect(checked.stdout).not.toContain('::error');
    expect(existsSync(path.join(root, '.github/CODEOWNERS'))).toBe(true);
  });

  it('--check on GitHub Actions marks the line that changed and says it in the job summary', () => {
    writeFileSync(summary, '');
    const checked = onGitHub('--check');
    expect(checked.status).toBe(1);
    // `reviewers` is the third line of the KIM's file: after `---` and `name`, `village`.
    const line = readFileSync(path.join(root, 'content/kim/kim-bontang-kuala.md'), 'utf8').split('\n').findIndex((l) => l.startsWith('reviewers:')) + 1;
    expect(line).toBeGreaterThan(1);
    expect(checked.stdout).toContain(`::error file=content/kim/kim-bontang-kuala.md,line=${line},title=Peninjau berubah tanpa CODEOWNERS::Peninjau KIM Bontang Kuala (reviewers) berubah`);
    // Markdown: the KIM's name and the rest are escaped, as every contributor text in a summary is.
    expect(readFileSync(summary, 'utf8')).toMatch(/^## Peninjau berubah tanpa \.github\/CODEOWNERS\n\nPeninjau KIM Bontang Kuala \\\(reviewers\\\) berubah/);
    // The network's editors changed: network.yaml is the file to look at, at its `cms` section.
    run();
    const network = readFileSync(path.join(root, 'content/network.yaml'), 'utf8');
    writeFileSync(path.join(root, 'content/network.yaml'), network.replace('@redaksi-uji', '@redaksi-baru'));
    const editors = onGitHub('--check');
    const cmsLine = network.split('\n').findIndex((l) => l.startsWith('cms:')) + 1;
    expect(editors.stdout).toContain(`::error file=content/network.yaml,line=${cmsLine},title=Peninjau berubah tanpa CODEOWNERS::Editor jaringan (cms.editors) berubah`);
    writeFileSync(path.join(root, 'content/network.yaml'), network);
  });

  it('--check never lets a KIM’s name start a line of the log', () => {
    run();
    const hostile = `---\n${yaml.dump({ name: 'KIM Bontang Kuala\n::warning::palsu', village: '64.74.01.1001', reviewers: ['@orang-lain'] })}---\n`;
    writeTree(root, { 'content/kim/kim-bontang-kuala.md': hostile });
    for (const checked of [run('--check'), onGitHub('--check')]) {
      expect(checked.status).toBe(1);
      expect(`${checked.stdout}\n${checked.stderr}`.split('\n').filter((line) => line.startsWith('::warning'))).toEqual([]);
      expect(checked.stderr).toContain('Peninjau KIM Bontang Kuala\\u000a::warning::palsu (reviewers) berubah');
    }
  });
});

describe('ownershipChanges', () => {
  const file = (editors: string[], kims: { id: string; reviewers: string[] }[]) => codeowners({ contentFolder: 'content', editors, kims });
  const before = file(['@redaksi'], [{ id: 'kim-a', reviewers: ['@a'] }, { id: 'kim-b', reviewers: ['@b'] }]);

  it('names the KIM whose reviewers changed, came or went, and nobody when nothing did', () => {
    expect(ownershipChanges(before, before)).toEqual({ editors: false, kims: [] });
    expect(ownershipChanges(before, file(['@redaksi'], [{ id: 'kim-a', reviewers: ['@a', '@a2'] }, { id: 'kim-b', reviewers: ['@b'] }]))).toEqual({ editors: false, kims: ['kim-a'] });
    expect(ownershipChanges(before, file(['@redaksi'], [{ id: 'kim-b', reviewers: ['@b'] }, { id: 'kim-c', reviewers: ['@c'] }]))).toEqual({ editors: false, kims: ['kim-a', 'kim-c'] });
  });

  it('names the editors alone when they changed, since every KIM rule names them too', () => {
    expect(ownershipChanges(before, file(['@redaksi-baru'], [{ id: 'kim-a', reviewers: ['@a'] }, { id: 'kim-b', reviewers: ['@b'] }]))).toEqual({ editors: true, kims: [] });
    expect(ownershipChanges(null, before)).toEqual({ editors: true, kims: [] });
  });
});
