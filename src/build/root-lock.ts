/**
 * Astro writes the list of a build's photo and MDX imports into `<root>/.astro/`, one file for
 * every build of the project folder, and reads it back later in the same build. Two builds of
 * different content at once (tests in parallel, `build:sharded --jobs 2`) would read each other's
 * list, and a build whose cache says nothing changed keeps the list a previous build of other
 * content left there. So a build holds the project folder for itself from its start to its end,
 * and starts from no list at all.
 */
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The files Astro shares between builds of one root (see astro/dist/content/consts.js). */
const SHARED_LISTS = ['content-assets.mjs', 'content-modules.mjs'];
const LOCK_FILE = 'jembatan-build.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Waits until no other build holds `dotAstroDir`, takes it, and removes the shared import lists.
 * Returns the release, which also runs if the process ends without calling it.
 */
export async function holdRoot(dotAstroDir: string, onWait: (holder: number) => void): Promise<() => void> {
  mkdirSync(dotAstroDir, { recursive: true });
  const lock = path.join(dotAstroDir, LOCK_FILE);
  let told = false;
  for (;;) {
    try {
      // Written aside and linked into place, so the lock never exists without its holder's pid
      // in it: a waiter reading an empty lock would take it for a dead build's and remove it.
      const mine = `${lock}.${process.pid}`;
      writeFileSync(mine, String(process.pid));
      try {
        linkSync(mine, lock);
      } finally {
        rmSync(mine, { force: true });
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: number;
      try {
        holder = Number(readFileSync(lock, 'utf8').trim());
      } catch {
        continue; // Released between the two calls: try to take it again.
      }
      // A build that crashed before its end left the lock behind.
      if (!Number.isInteger(holder) || holder <= 0 || !alive(holder)) {
        rmSync(lock, { force: true });
        continue;
      }
      if (!told) onWait(holder);
      told = true;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  for (const list of SHARED_LISTS) rmSync(path.join(dotAstroDir, list), { force: true });
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    try {
      if (readFileSync(lock, 'utf8').trim() === String(process.pid)) rmSync(lock, { force: true });
    } catch {
      // Already gone.
    }
  };
  process.once('exit', release);
  return release;
}
