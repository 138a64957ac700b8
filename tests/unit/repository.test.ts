/**
 * The repository itself holds no symbolic link: git keeps them through a clone, and the build
 * would follow one in src/, public/ or scripts/ as readily as in content/ (where the gate refuses
 * them). Anything outside content/ is code, reviewed as code; this keeps a link from slipping in.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/fixture.ts';

/** What a build makes or installs, which is not part of the repository. */
const GENERATED = new Set(['node_modules', '.git', '.astro', 'dist', 'dist-base', 'bench-results']);

function links(relative = ''): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(path.join(PROJECT_ROOT, relative), { withFileTypes: true })) {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (!relative && GENERATED.has(entry.name)) continue;
    if (entry.isSymbolicLink()) found.push(child);
    else if (entry.isDirectory()) found.push(...links(child));
  }
  return found;
}

describe('the repository', () => {
  it('holds no symbolic link anywhere', () => {
    expect(links()).toEqual([]);
  });
});
