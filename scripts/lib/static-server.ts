/**
 * A static file server for built sites, as a host like Netlify or Cloudflare Pages serves them:
 * `dir/` → `dir/index.html`, the site under its base path, the `_headers` rules applied to the
 * paths they match (as Cloudflare Pages does: every matching rule's headers, `! Name` detaching
 * one an earlier rule set), and the
 * site's own 404 page for anything missing. With `{ headers: false }` it serves the site as
 * GitHub Pages does, which ignores `_headers`: a page is then protected only by its own
 * `<meta http-equiv="Content-Security-Policy">`. Loopback only.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

type HeaderRules = (pathname: string) => Record<string, string>;

/** The rules of a `_headers` file, as a function from a request's path to the headers it gets. */
function headerRules(dir: string): HeaderRules {
  const file = path.join(dir, '_headers');
  if (!existsSync(file)) return () => ({});
  const rules: { pattern: RegExp; lines: string[] }[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!line.startsWith(' ')) {
      const pattern = line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*');
      rules.push({ pattern: new RegExp(`^${pattern}$`), lines: [] });
    } else rules.at(-1)?.lines.push(line.trim());
  }
  return (pathname) => {
    const headers: Record<string, string> = {};
    for (const { pattern, lines } of rules.filter((rule) => rule.pattern.test(pathname))) {
      for (const line of lines) {
        if (line.startsWith('!')) delete headers[line.slice(1).trim()];
        else {
          const name = line.slice(0, line.indexOf(':')).trim();
          const value = line.slice(line.indexOf(':') + 1).trim();
          headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
        }
      }
    }
    return headers;
  };
}

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

export interface ServeOptions {
  /**
   * Apply the rules of the site's `_headers` file, as Cloudflare Pages does (the default).
   * `false` serves the site as GitHub Pages does: no security headers at all.
   */
  headers?: boolean;
}

export async function serveStatic(dir: string, base = '/', { headers: applyHeaders = true }: ServeOptions = {}): Promise<StaticServer> {
  const headersFor: HeaderRules = applyHeaders ? headerRules(dir) : () => ({});
  // sirv serves files as a static host does: `dir/` as `dir/index.html`, nothing outside `dir`.
  // Rules match the address as the reader asked for it, base path included.
  const files = sirv(dir, { dev: true, etag: false, extensions: ['html'], setHeaders: (response, pathname) => setAll(response, headersFor(`${base.replace(/\/$/, '')}${pathname}`)) });
  const notFound = path.join(dir, '404.html');
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const answer404 = () => {
      setAll(response, headersFor(url.pathname));
      const page = existsSync(notFound);
      response.writeHead(404, { 'Content-Type': page ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8' });
      response.end(page ? readFileSync(notFound) : 'Tidak ditemukan');
    };
    if (!url.pathname.startsWith(base)) return answer404();
    request.url = `/${url.pathname.slice(base.length)}${url.search}`;
    try {
      files(request, response, answer404);
    } catch {
      // A malformed escape such as "%E0%A4%A" is the client's mistake, not the server's.
      response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Alamat tidak valid');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function setAll(response: ServerResponse, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
}

/**
 * The same server in a process of its own, for measurements: in the measuring process it would
 * answer only when that process's event loop is free, and Lighthouse's own trace processing held
 * a stylesheet back by up to 80 ms, changing the page load being measured.
 */
export async function serveStaticApart(dir: string, base = '/'): Promise<StaticServer> {
  // The child reads a pipe from this process: when this process ends, even by a crash, the pipe
  // closes and the child stops, rather than serving on as an orphan holding the log open.
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), dir, base], { stdio: ['pipe', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (data) => resolve(String(data).trim()));
    child.once('exit', (code) => reject(new Error(`Server statis berhenti sebelum siap (kode ${code}).`)));
  });
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

// Run as a program (by serveStaticApart): serve the folder and print the address.
if (import.meta.main) {
  const [dir, base = '/'] = process.argv.slice(2);
  const server = await serveStatic(dir!, base);
  process.stdin.on('end', () => process.exit(0)).resume();
  process.stdout.write(`${server.url}\n`);
}
