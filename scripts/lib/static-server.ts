/**
 * A static file server for built sites, as a host like Netlify or Cloudflare Pages serves them:
 * `dir/` → `dir/index.html`, the site under its base path, the `_headers` rules applied, and the
 * site's own 404 page for anything missing. With `{ headers: false }` it serves the site as
 * GitHub Pages does, which ignores `_headers`: a page is then protected only by its own
 * `<meta http-equiv="Content-Security-Policy">`. Loopback only.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};

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
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file: string | undefined;
    if (pathname.startsWith(base)) {
      const relative = pathname.slice(base.length);
      const candidate = path.join(dir, relative);
      if (candidate.startsWith(dir)) {
        if (existsSync(candidate) && statSync(candidate).isDirectory()) file = path.join(candidate, 'index.html');
        else file = candidate;
      }
    }
    const found = file && existsSync(file) && statSync(file).isFile();
    const target = found ? file! : path.join(dir, '404.html');
    if (!found && !existsSync(target)) {
      response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Tidak ditemukan');
      return;
    }
    response.writeHead(found ? 200 : 404, { ...headers, 'Content-Type': TYPES[path.extname(target)] ?? 'application/octet-stream' });
    response.end(readFileSync(target));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
