import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, serveStaticApart, type StaticServer } from '../../../scripts/lib/static-server.ts';
import { PROJECT_ROOT } from '../../helpers/fixture.ts';
import { writerIn } from '../../helpers/files.ts';

let root: string;
let site: string;
let server: StaticServer;
let plain: StaticServer;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'jembatan-server-'));
  site = path.join(root, 'dist');
  const write = writerIn(root);
  write('dist/index.html', '<h1>Beranda</h1>');
  write('dist/kim/index.html', '<h1>KIM</h1>');
  write('dist/404.html', '<h1>Tidak ditemukan</h1>');
  write('dist/admin/index.html', '<h1>CMS</h1>');
  write(
    'dist/_headers',
    "/jembatan/*\n  Content-Security-Policy: default-src 'self'\n  X-Frame-Options: DENY\n\n/jembatan/admin/*\n  ! Content-Security-Policy\n  Content-Security-Policy: default-src 'self'; connect-src https://api.github.com\n\n/jembatan/_astro/*\n  Cache-Control: immutable\n",
  );
  // A folder beside the site whose name starts like it: never served.
  write('dist-rahasia/kunci.txt', 'rahasia');
  server = await serveStatic(site, '/jembatan/');
  plain = await serveStatic(site, '/jembatan/', { headers: false });
});

afterAll(async () => {
  await server.close();
  await plain.close();
  rmSync(root, { recursive: true, force: true });
});

/** A raw request, so the path reaches the server exactly as written (fetch would normalise it). */
function get(base: string, rawPath: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: rawPath }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('serveStatic', () => {
  it('serves a folder as its index.html, under the base path, with the site\'s headers', async () => {
    const home = await get(server.url, '/jembatan/');
    expect([home.status, home.body]).toEqual([200, '<h1>Beranda</h1>']);
    expect(home.headers['content-security-policy']).toBe("default-src 'self'");
    expect((await get(server.url, '/jembatan/kim/')).body).toBe('<h1>KIM</h1>');
  });

  it('applies each rule to the paths it matches, a narrower rule detaching a header as Cloudflare Pages does', async () => {
    const cms = await get(server.url, '/jembatan/admin/');
    expect(cms.body).toBe('<h1>CMS</h1>');
    expect(cms.headers['content-security-policy']).toBe("default-src 'self'; connect-src https://api.github.com");
    expect(cms.headers['x-frame-options']).toBe('DENY');
    expect((await get(server.url, '/jembatan/kim/')).headers['content-security-policy']).toBe("default-src 'self'");
  });

  it('serves without the headers as GitHub Pages does', async () => {
    const home = await get(plain.url, '/jembatan/');
    expect(home.status).toBe(200);
    expect(home.headers['content-security-policy']).toBeUndefined();
  });

  it('answers anything missing or outside the base with the site\'s 404 page', async () => {
    const missing = await get(server.url, '/jembatan/tidak-ada/');
    expect([missing.status, missing.body]).toEqual([404, '<h1>Tidak ditemukan</h1>']);
    expect((await get(server.url, '/lain/')).status).toBe(404);
  });

  it('never serves a file outside the site folder', async () => {
    for (const sneaky of ['/jembatan/../dist-rahasia/kunci.txt', '/jembatan/%2e%2e/dist-rahasia/kunci.txt', '/jembatan/..%2fdist-rahasia%2fkunci.txt']) {
      const response = await get(server.url, sneaky);
      expect(response.body, sneaky).not.toContain('rahasia');
    }
  });

  it('answers a malformed escape without falling over', async () => {
    expect([400, 404]).toContain((await get(server.url, '/jembatan/%E0%A4%A')).status);
    expect((await get(server.url, '/jembatan/')).status).toBe(200);
  });
});

/** Whether anything still answers at a server's address. */
const answers = (base: string) => get(base, '/').then(() => true, () => false);

describe('serveStaticApart', () => {
  it('serves the same site from a process of its own, and stops when closed', async () => {
    const apart = await serveStaticApart(site, '/jembatan/');
    const page = await get(apart.url, '/jembatan/kim/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1>KIM</h1>');
    expect(page.headers['x-frame-options']).toBe('DENY');
    await apart.close();
    expect(await answers(apart.url)).toBe(false);
  });

  it('stops when the process that started it dies without closing it', async () => {
    const script = `import { serveStaticApart } from './scripts/lib/static-server.ts';
const server = await serveStaticApart(${JSON.stringify(site)}, '/jembatan/');
console.log(server.url);
setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const url = await new Promise<string>((resolve) => parent.stdout.once('data', (data) => resolve(String(data).trim())));
    expect(await answers(url)).toBe(true);
    parent.kill('SIGKILL');
    let stillServing = true;
    for (let i = 0; i < 50 && stillServing; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      stillServing = await answers(url);
    }
    expect(stillServing).toBe(false);
  }, 15_000);
});
