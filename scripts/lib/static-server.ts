/**
 * A static file server for built sites, as a host like Netlify or Cloudflare Pages serves them:
 * `dir/` → `dir/index.html`, the site under its base path, the `_headers` rules applied, and the
 * site's own 404 page for anything missing. With `{ headers: false }` it serves the site as
 * GitHub Pages does, which ignores `_headers`: a page is then protected only by its own
 * `<meta http-equiv="Content-Security-Policy">`. Loopback only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';

/** Reads the `/*` block of a `_headers` file; the only rule every page gets. */
function pageHeaders(dir: string): Record<string, string> {
  const file = path.join(dir, '_headers');
  if (!existsSync(file)) return {};
  const headers: Record<string, string> = {};
  let inPageBlock = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.startsWith(' ')) inPageBlock = line.trim().endsWith('/*') && !line.includes('_astro');
    else if (inPageBlock) {
      const [name, ...value] = line.trim().split(':');
      headers[name!] = value.join(':').trim();
    }
  }
  return headers;
}

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

export interface ServeOptions {
  /**
   * Apply the `/*` rules of the site's `_headers` file, as Netlify or Cloudflare Pages do (the
   * default). `false` serves the site as GitHub Pages does: no security headers at all.
   */
  headers?: boolean;
}

export async function serveStatic(dir: string, base = '/', { headers: applyHeaders = true }: ServeOptions = {}): Promise<StaticServer> {
  const headers = applyHeaders ? pageHeaders(dir) : {};
  // sirv serves files as a static host does: `dir/` as `dir/index.html`, nothing outside `dir`.
  const files = sirv(dir, { dev: true, etag: false, extensions: ['html'], setHeaders: (response) => setAll(response, headers) });
  const notFound = path.join(dir, '404.html');
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const answer404 = () => {
      setAll(response, headers);
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
