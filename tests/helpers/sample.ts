/**
 * Whether `content/` is still the sample network this repository ships (`sample: true` in its
 * network.yaml). Tests of the sample's own KIM, villages and figures run only then: a network that
 * forked the project and put its own content there (the README's guide sets `sample: false`) keeps
 * a passing `npm test` in its pull-request check, which still runs every test of the code.
 *
 * `.ci/run` sets JEMBATAN_SAMPLE_TESTS=required: there, content that is not the sample fails the
 * run instead of skipping those tests, so the project's own CI can never skip them unnoticed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { PROJECT_ROOT } from './fixture.ts';

export const SAMPLE_CONTENT = path.join(PROJECT_ROOT, 'content');

function declaredSample(): boolean {
  try {
    const network = yaml.load(readFileSync(path.join(SAMPLE_CONTENT, 'network.yaml'), 'utf8')) as { sample?: unknown } | null;
    return network?.sample === true;
  } catch {
    return false;
  }
}

/** True when `content/` is the sample network; throws where the sample's tests are required and it is not. */
export function isSampleContent(): boolean {
  const sample = declaredSample();
  if (!sample && process.env.JEMBATAN_SAMPLE_TESTS === 'required') {
    throw new Error(`JEMBATAN_SAMPLE_TESTS=required, but ${path.join(SAMPLE_CONTENT, 'network.yaml')} does not say "sample: true": the sample network's tests would be skipped.`);
  }
  return sample;
}
