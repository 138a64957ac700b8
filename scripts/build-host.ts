/**
 * Builds the site for the free host it is published to: `npm run build:host -- --host
 * cloudflare-pages`. The same `astro build` as `npm run build`; when the host cannot take the site
 * with a preview image of its own for every story and place but can with their KIM's, and
 * network.yaml leaves that to the build (`socialCards: auto`, the default), the site is built a
 * second time that way, and the reason is said in the log (and in GitHub Actions, in a notice and
 * the job summary). The deploy workflows and netlify.toml build with this; `check:site --host`
 * then checks what will be published. The decision is scripts/lib/host-build.ts.
 */
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOSTS, hostById } from '../src/build/host-limits.ts';
import { readSocialCardSetting, readSocialCardsOverride } from '../src/build/settings.ts';
import { annotation, markdownText } from '../src/format/github-report.ts';
import { resolveContentDir } from '../src/format/read.ts';
import { readArguments } from './lib/cli.ts';
import { buildForHost } from './lib/host-build.ts';

const USAGE = `Cara pakai: npm run build:host -- --host ${HOSTS.map((h) => h.id).join('|')} [--out dist]

Membangun situs seperti npm run build, untuk hosting tempat situs diterbitkan. Bila hosting itu
tidak bisa menampung situs karena gambar pratinjau setiap cerita dan potensi, dan network.yaml
memakai "socialCards: auto" (bawaan), situs dibangun ulang dengan gambar pratinjau KIM.`;

const args = readArguments(USAGE, { host: { type: 'string' }, out: { type: 'string' } }, 0);
const host = args.values.host === undefined ? undefined : hostById(args.values.host);
if (!host) {
  console.error(`--host harus salah satu dari ${HOSTS.map((h) => h.id).join(', ')}${args.values.host === undefined ? '' : `, bukan "${args.values.host}"`}.`);
  process.exit(2);
}
const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = path.resolve(args.values.out ?? path.join(root, 'dist'));
// As the build finds it: the child runs in the project's folder.
const contentDir = resolveContentDir(root, process.env.JEMBATAN_CONTENT_DIR);

let override;
try {
  override = readSocialCardsOverride(process.env);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

const { code } = await buildForHost({
  host,
  setting: readSocialCardSetting(contentDir),
  override,
  outDir,
  build: (env) =>
    new Promise((resolve) => {
      const astro = [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir];
      spawn(process.execPath, astro, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).on('close', (status) => resolve(status ?? 1));
    }),
  note: (message) => {
    console.log(`\n${message}\n`);
    if (process.env.GITHUB_ACTIONS !== 'true') return;
    console.log(annotation('notice', { title: `Gambar pratinjau KIM untuk ${host.name}`, message }));
    const summary = process.env.GITHUB_STEP_SUMMARY;
    if (summary) appendFileSync(summary, `## Gambar pratinjau KIM untuk ${host.name}\n\n${markdownText(message)}\n`);
  },
});
process.exitCode = code;
