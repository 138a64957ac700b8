/**
 * Every command fails like a tool, not like a program: `--help` prints its usage and exits 0; an
 * unknown option gets one Indonesian line and exit code 2, with no stack trace and nothing
 * written. None of these runs do any work, so they are fast.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const COMMANDS = readdirSync(path.join(ROOT, 'scripts')).filter((file) => file.endsWith('.ts'));
const cwd = mkdtempSync(path.join(tmpdir(), 'jembatan-commands-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const run = (command: string, ...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'scripts', command), ...args], { cwd, encoding: 'utf8', timeout: 30_000 });

describe('the commands in scripts/', () => {
  it('are all here', () => {
    expect(COMMANDS).toEqual(expect.arrayContaining(['build-sharded.ts', 'check-content.ts', 'check-site.ts', 'codeowners.ts', 'new.ts', 'search-index.ts', 'measure-search.ts', 'strip-metadata.ts']));
  });

  for (const command of COMMANDS) {
    it(`${command} answers --help with its usage`, () => {
      const result = run(command, '--help');
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/^Cara pakai: /);
    });

    it(`${command} refuses an unknown option in one line`, () => {
      const result = run(command, '--tidak-ada');
      expect(result.status).toBe(2);
      expect(result.stderr.trim()).toBe('Opsi tidak dikenal: --tidak-ada. Lihat --help.');
      expect(readdirSync(cwd)).toEqual([]);
    });
  }

  it('search-index and check-content refuse a folder that does not exist instead of creating it', () => {
    for (const command of ['search-index.ts', 'check-content.ts']) {
      const result = run(command, 'tidak-ada');
      expect(result.status, command).toBe(2);
      expect(result.stderr, command).not.toMatch(/\n\s+at /);
    }
    expect(readdirSync(cwd)).toEqual([]);
  });
});
