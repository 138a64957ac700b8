import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger, AstroPrerenderer } from 'astro';
import { afterAll, describe, expect, it } from 'vitest';
import { jembatan } from '../../../src/build/integration.ts';
import { parseTimings, timedPrerenderer, timingsFile, timingsRecorder, type BuildMark } from '../../../src/build/timings.ts';
import type { GateRun } from '../../../src/format/gate.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'jembatan-timings-'));
  dirs.push(dir);
  return dir;
}

describe('timingsFile', () => {
  it('is null without the variable, and names each shard its own file', () => {
    expect(timingsFile(undefined, 'site')).toBeNull();
    expect(timingsFile('', 'site')).toBeNull();
    expect(timingsFile('/tmp/t/{shard}.json', '35-35.12')).toBe('/tmp/t/35-35.12.json');
    expect(timingsFile('/tmp/t/build.json', '64')).toBe('/tmp/t/build.json');
  });
});

describe('timingsRecorder', () => {
  it('records nothing without a file', () => {
    const recorder = timingsRecorder(null, null);
    recorder.mark('build:start');
    recorder.writeOnExit();
    expect(recorder.enabled).toBe(false);
    expect(recorder.timings().marks).toEqual({});
  });

  it('keeps the first moment of each name, on the clock it is given', () => {
    let now = 1_000;
    const recorder = timingsRecorder('/nowhere.json', '64', () => now);
    recorder.mark('build:start');
    now = 2_000;
    recorder.mark('build:start');
    recorder.mark('gate:start', 500);
    const timings = recorder.timings();
    expect(timings).toMatchObject({ version: 1, shard: '64', pid: process.pid, marks: { 'build:start': 1_000, 'gate:start': 500 } });
    expect(Math.abs(timings.processStart - performance.timeOrigin)).toBeLessThan(1);
    expect(parseTimings(JSON.stringify(timings))).toEqual(timings);
  });

  it('writes the file when the process exits, with the moment of exit, and only when asked to', () => {
    const dir = tempDir();
    const module = pathToFileURL(path.resolve('src/build/timings.ts')).href;
    const script = `
      const { timingsRecorder, timingsFile } = await import(${JSON.stringify(module)});
      const recorder = timingsRecorder(timingsFile(process.env.JEMBATAN_TIMINGS, 'site'), null);
      recorder.mark('build:start');
      recorder.writeOnExit();
      recorder.writeOnExit();`;
    const before = Date.now();
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, JEMBATAN_TIMINGS: path.join(dir, 'sub', '{shard}.json') } });
    const timings = parseTimings(readFileSync(path.join(dir, 'sub', 'site.json'), 'utf8'));
    expect(timings.processStart).toBeGreaterThanOrEqual(before - 1);
    expect(timings.marks['build:start']).toBeGreaterThanOrEqual(timings.processStart);
    expect(timings.marks.exit).toBeGreaterThanOrEqual(timings.marks['build:start']!);
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, JEMBATAN_TIMINGS: '' } });
    expect(readdirSync(dir)).toEqual(['sub']);
  });

  it('refuses a file of another format', () => {
    expect(() => parseTimings('{"version":2,"processStart":1,"marks":{}}')).toThrow(/timings/);
    expect(() => parseTimings('{"version":1,"processStart":1,"marks":{"exit":"soon"}}')).toThrow(/timings/);
  });
});

describe('timedPrerenderer', () => {
  it('marks rendering after the set-up and after the tear-down, and otherwise does what it wraps', async () => {
    const calls: string[] = [];
    const inner: AstroPrerenderer = {
      name: 'astro:default',
      setup: async () => void calls.push('setup'),
      getStaticPaths: async () => (calls.push('paths'), []),
      render: async (request) => (calls.push(`render ${new URL(request.url).pathname}`), new Response('ok')),
      teardown: async () => void calls.push('teardown'),
    };
    const timed = timedPrerenderer(inner, (name) => calls.push(name));
    expect(timed.name).toBe('astro:default');
    expect(timed.collectStaticImages).toBeUndefined();
    await timed.setup!();
    await timed.getStaticPaths();
    const response = await timed.render(new Request('http://x/desa/'), { routeData: {} as never });
    await timed.teardown!();
    expect(await (response as Response).text()).toBe('ok');
    expect(calls).toEqual(['setup', 'render:start', 'paths', 'render /desa/', 'teardown', 'render:end']);
  });

  it('passes an adapter’s image list through', async () => {
    const images = new Map();
    const inner: AstroPrerenderer = { name: 'x', getStaticPaths: async () => [], render: async () => new Response(), collectStaticImages: async () => images };
    expect(await timedPrerenderer(inner, () => {}).collectStaticImages!()).toBe(images);
  });
});

describe('the integration’s timings', () => {
  const logger = { info() {}, warn() {}, error() {}, debug() {}, fork: () => logger, label: 'jembatan' } as unknown as AstroIntegrationLogger;
  const gate = { contentDir: '/nowhere', now: new Date(), result: { ok: false, errors: [], warnings: [] }, milliseconds: 250 } as unknown as GateRun;
  type Hooks = Required<AstroIntegration['hooks']>;
  const run = async (integration: AstroIntegration, dir: string) => {
    const hooks = integration.hooks as Hooks;
    let prerenderer: AstroPrerenderer | ((inner: AstroPrerenderer) => AstroPrerenderer) | undefined;
    await hooks['astro:config:done']({ logger } as never);
    await hooks['astro:build:start']({ logger, setPrerenderer: (p) => void (prerenderer = p) });
    if (typeof prerenderer === 'function') {
      const timed = prerenderer({ name: 'astro:default', getStaticPaths: async () => [], render: async () => new Response() });
      await timed.setup!();
      await timed.teardown!();
    }
    await hooks['astro:build:generated']({ logger, dir: pathToFileURL(`${dir}/`) } as never);
    await hooks['astro:build:done']({ logger, dir: pathToFileURL(`${dir}/`) } as never);
    return prerenderer;
  };

  it('records the gate and every hook in order, and writes nothing into the site', async () => {
    const dir = tempDir();
    const timings = timingsRecorder('/nowhere.json', null);
    const before = Date.now();
    await run(jembatan({ gate, searchIndex: false, timings }), dir);
    const { marks } = timings.timings();
    const order: BuildMark[] = ['gate:start', 'gate:end', 'config:done', 'build:start', 'render:start', 'render:end', 'build:generated', 'done:start', 'unreferenced:end', 'metadata:end', 'headers:end'];
    expect(Object.keys(marks).sort((a, b) => marks[a]! - marks[b]!)).toEqual(order);
    expect(marks['gate:end']! - marks['gate:start']!).toBe(250);
    expect(marks['gate:end']).toBeGreaterThanOrEqual(before);
    expect(readdirSync(dir)).toEqual(['_headers']);
  });

  it('leaves Astro’s prerenderer alone when nothing is recorded', async () => {
    const dir = tempDir();
    expect(await run(jembatan({ gate, searchIndex: false, timings: timingsRecorder(null, null) }), dir)).toBeUndefined();
    expect(existsSync(path.join(dir, '_headers'))).toBe(true);
  });
});
