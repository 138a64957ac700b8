/**
 * `check:content` on GitHub Actions: the contributor's report as annotations on the file and line
 * and as the job summary, and the plain report in the log with commands switched off, so a file
 * name or a value a contributor wrote cannot act as a workflow command.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BASE_NETWORK, cleanEnv, createFixture, PROJECT_ROOT, removeFixture, TEST_NOW } from '../../helpers/fixture.ts';
import { readCommands } from '../../helpers/workflow-commands.ts';

const contentDir = createFixture({
  network: BASE_NETWORK,
  kim: {
    'kim-a': { data: { name: 'KIM A', village: '64.74.01.9999' } },
    'kim-b': { data: { name: 'KIM B ::error::x %0A', village: '64.74.01.1001', contacts: { website: 'javascript:alert(1)\n::error::pwn' } } },
  },
  files: { 'kim/kim-c\n::warning file=src/x.ts::z.md': '---\nname: C\n---\n' },
});
const summaryFile = `${contentDir}-summary.md`;
afterAll(() => {
  removeFixture(contentDir);
  rmSync(summaryFile, { force: true });
});

const run = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/check-content.ts'), contentDir, ...args], {
    cwd: path.dirname(contentDir),
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...cleanEnv(), JEMBATAN_NOW: TEST_NOW, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summaryFile },
  });

describe('check:content on GitHub Actions', () => {
  const result = run();
  const folder = path.basename(contentDir);

  it('fails, and annotates each problem on its file, from the log\'s only workflow commands', () => {
    expect(result.status).toBe(1);
    const commands = readCommands(result.stdout);
    expect(commands.map((c) => [c.name, c.properties.file])).toEqual([
      ['error', `${folder}/kim/kim-a.md`],
      ['error', `${folder}/kim/kim-b.md`],
      ['error', `${folder}/kim/kim-c\\u000a::warning file=src/x.ts::z.md`],
    ]);
    expect(commands[0]!.data).toBe('kolom "village": kode wilayah "64.74.01.9999" tidak ada dalam data wilayah Kemendagri (idn-area-data).');
    expect(commands.every((c) => c.properties.title === 'Konten tidak valid')).toBe(true);
  });

  it('prints the plain report too, between stop-commands markers', () => {
    expect(result.stdout).toMatch(/^::stop-commands::[0-9a-f-]{36}\nKonten tidak valid: 3 kesalahan di 3 berkas\./);
    expect(result.stdout).toContain(`✗ ${folder}/kim/kim-c\\u000a::warning file=src/x.ts::z.md`);
  });

  it('writes the report grouped by file to the job summary', () => {
    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary.split('\n')[0]).toBe('## ✗ Konten tidak valid: 3 kesalahan di 3 berkas');
    expect(summary).toContain(`### ✗ ${folder}/kim/kim-a.md`);
    expect(summary).toContain('- kolom "contacts.website": tautan tidak aman');
  });

  it('keeps the terminal report as it was with --format teks', () => {
    const plain = run('--format', 'teks');
    expect(plain.status).toBe(1);
    expect(plain.stdout).toBe('');
    expect(plain.stderr.split('\n')[0]).toBe('Konten tidak valid: 3 kesalahan di 3 berkas. Situs tidak diterbitkan sampai semuanya diperbaiki.');
    expect(run('--format', 'xml').status).toBe(2);
  });
});
