import type { APIRoute } from 'astro';
import { monogramFile, monogramPng, drawingPng, posterLogo, uploadedLogoPng, uploadedLogoSvg } from '../build/brand-images.ts';
import { POSTER_WIDTH, posterSvg } from '../domain/brand-kit.ts';
import type { BrandKitFile } from '../domain/urls.ts';
import { cacheDir, getNetwork, type Kim } from '../site/network.ts';
import { brandFilePaths, posterInput } from '../site/views/brand-kit.ts';

export const getStaticPaths = brandFilePaths;

const PNG = { 'Content-Type': 'image/png' };

/** A file of a KIM's brand kit: its logo as SVG or PNG, or its poster as PNG. */
export const GET: APIRoute = async ({ props, site }) => {
  const { kim, file } = props as { kim: Kim; file: BrandKitFile };
  const network = await getNetwork();
  const { logo } = kim.data;
  switch (file) {
    case 'logoSvg':
      return new Response(logo ? await uploadedLogoSvg(logo, cacheDir) : monogramFile(network.brand(kim.id)), { headers: { 'Content-Type': 'image/svg+xml' } });
    case 'logoPng':
      return new Response(new Uint8Array(logo ? await uploadedLogoPng(logo, cacheDir) : await monogramPng(network.brand(kim.id), cacheDir)), { headers: PNG });
    case 'posterPng': {
      const svg = posterSvg(posterInput(network, kim, site, logo && (await posterLogo(logo, cacheDir))));
      return new Response(new Uint8Array(await drawingPng(svg, POSTER_WIDTH, cacheDir)), { headers: PNG });
    }
  }
};
