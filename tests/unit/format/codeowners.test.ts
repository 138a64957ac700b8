import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { codeowners } from '../../../src/format/codeowners.ts';
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
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [path.resolve(import.meta.dirname, '../../../scripts/codeowners.ts'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, JEMBATAN_NOW: TEST_NOW, JEMBATAN_CONTENT_DIR: '' } });
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
    expect(checked.stderr).toContain('.github/CODEOWNERS tidak sesuai konten');
    expect(existsSync(path.join(root, '.github/CODEOWNERS'))).toBe(true);
  });
});
