import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { holdRoot } from '../../../src/build/root-lock.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'jembatan-kunci-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const lock = path.join(dir, 'jembatan-build.lock');

describe('holdRoot', () => {
  it('starts a build from no shared import lists', async () => {
    writeFileSync(path.join(dir, 'content-assets.mjs'), 'export default new Map([["foto-build-lain.jpg", 1]]);');
    writeFileSync(path.join(dir, 'content-modules.mjs'), 'export default new Map();');
    const release = await holdRoot(dir, () => undefined);
    expect(existsSync(path.join(dir, 'content-assets.mjs'))).toBe(false);
    expect(existsSync(path.join(dir, 'content-modules.mjs'))).toBe(false);
    expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));
    // The lock is written aside and linked into place; nothing of that is left behind.
    expect(readdirSync(dir)).toEqual(['jembatan-build.lock']);
    release();
    expect(existsSync(lock)).toBe(false);
  });

  it('makes a second build wait until the first releases the folder', async () => {
    // A build in a live process other than this one: the parent of the test runner.
    writeFileSync(lock, String(process.ppid));
    const waited: number[] = [];
    let second: (() => void) | undefined;
    const taking = holdRoot(dir, (holder) => waited.push(holder)).then((release) => (second = release));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(second).toBeUndefined();
    expect(waited).toEqual([process.ppid]);
    rmSync(lock);
    await taking;
    expect(second).toBeDefined();
    expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));
    second!();
    expect(existsSync(lock)).toBe(false);
  });

  it('takes over a lock left by a build that no longer runs', async () => {
    writeFileSync(lock, '999999999');
    const release = await holdRoot(dir, () => {
      throw new Error('should not wait for a dead build');
    });
    expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));
    release();
  });
});
