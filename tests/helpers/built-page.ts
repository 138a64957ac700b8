import { metaContentSecurityPolicy } from '../../src/site/security.ts';

/**
 * A valid built page shaped like the site's layout: its security policy, stylesheet (at
 * `<base>_astro/gaya.css`), skip link to `#isi`, main content. For tests of the checks on `dist/`.
 */
export function page(body: string, base = '/'): string {
  return (
    `<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy()}"><title>Halaman uji</title>` +
    `<link rel="stylesheet" href="${base}_astro/gaya.css"></head>` +
    `<body><a href="#isi">Lewati ke isi</a><main id="isi">${body}</main></body></html>`
  );
}
