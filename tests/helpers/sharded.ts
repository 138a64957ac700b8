/** Runs the sharded build command (scripts/build-sharded.ts) as a CI job or a maintainer would. */
import { spawn } from 'node:child_process';
import { cleanEnv, TEST_NOW } from './fixture.ts';

export interface ShardedRun {
  code: number | null;
  /** stdout and stderr together, as a terminal shows them. */
  output: string;
  stdout: string;
}

/**
 * Runs `scripts/build-sharded.ts` in a project folder over a content folder, at the tests' clock
 * unless `env` sets another; never throws on a failed run.
 */
export function buildSharded(project: string, contentDir: string, args: string[], env: Record<string, string> = {}): Promise<ShardedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/build-sharded.ts', ...args], {
      cwd: project,
      env: { ...cleanEnv(), JEMBATAN_CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1', JEMBATAN_NOW: TEST_NOW, ...env },
    });
    let output = '';
    let stdout = '';
    child.stdout.on('data', (c) => {
      output += c;
      stdout += c;
    });
    child.stderr.on('data', (c) => (output += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output, stdout }));
  });
}
