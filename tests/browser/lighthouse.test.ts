/**
 * The Lighthouse check must fail when a page breaks a floor. A hand-written page that meets
 * every floor is the control; the same page with planted problems must fail, naming the
 * category and the audits that cost points.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/fixture.ts';

let site: string;

const page = (body: string, head = '<meta name="description" content="Halaman uji untuk pemeriksaan Lighthouse.">') => `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Halaman uji</title>${head}<link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/gaya.css"></head>
<body><main><h1>Halaman uji</h1>${body}</main></body></html>`;

function lighthouse(urlPath: string) {
  return spawnSync(process.execPath, ['scripts/lighthouse.ts', site, '--page', urlPath, '--no-record'], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 120_000 });
}

beforeAll(() => {
  site = mkdtempSync(path.join(tmpdir(), 'jembatan-lighthouse-'));
  const write = (file: string, content: string) => {
    mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
    writeFileSync(path.join(site, file), content);
  };
  write('gaya.css', 'body{font:1rem/1.5 system-ui,sans-serif;margin:1rem;color:#1c1917;background:#fff}a{color:#0b5c56}');
  write('robots.txt', 'User-agent: *\nAllow: /\n');
  write('favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>');
  write('baik/index.html', page('<p>Teks yang cukup panjang untuk dibaca. <a href="/baik/">Halaman ini</a>.</p>'));
  write(
    'buruk/index.html',
    page('<p style="color:#d6d3d1">Teks abu-abu pucat di atas putih.</p><img src="/tidak-ada.png"><a href="/baik/"></a>', ''),
  );
});

afterAll(() => rmSync(site, { recursive: true, force: true }));

describe('the Lighthouse check', () => {
  it('passes a page that meets every floor', () => {
    const run = lighthouse('baik/');
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('| baik/ (/baik/) | 100 | 100 | 100 | 100 |');
  });

  it('fails a page with planted accessibility and SEO problems, naming what to fix', () => {
    const run = lighthouse('buruk/');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Lighthouse di bawah batas minimum');
    expect(run.stderr).toMatch(/buruk\/: accessibility \d+ < 100/);
    expect(run.stderr).toMatch(/buruk\/: seo \d+ < 100/);
    expect(run.stderr).toContain('image-alt');
    expect(run.stderr).toContain('meta-description');
  });
});
