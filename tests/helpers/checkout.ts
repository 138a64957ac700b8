/**
 * A fresh copy of the project, as a CI job gets from `actions/checkout`: every file git would
 * check out of the working tree (tracked, or new and not ignored), nothing a build left behind
 * (`.astro/`, `dist/`, caches), and the installed packages linked in as `npm install` would have
 * put them there. Each job of a CI matrix runs in a copy of its own.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './fixture.ts';

export function checkoutCopy(dest: string): string {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  for (const file of listed.split('\0').filter(Boolean)) {
    const source = path.join(PROJECT_ROOT, file);
    // A file deleted in the working tree but not yet in git's index is not checked out either.
    if (!existsSync(source) || !lstatSync(source).isFile()) continue;
    mkdirSync(path.dirname(path.join(dest, file)), { recursive: true });
    copyFileSync(source, path.join(dest, file));
  }
  symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(dest, 'node_modules'), 'dir');
  return dest;
}
