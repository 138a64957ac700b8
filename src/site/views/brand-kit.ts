/**
 * A KIM's brand kit page, its A4 poster page and the kit's files (domain/brand-kit.ts): made by
 * the build that makes the KIM's own page, so a sharded network builds each kit once, in the
 * shard of its village.
 */
import type { ImageMetadata } from 'astro';
import { brandSwatches, LOGO_PNG_SIZE, POSTER_HEIGHT, POSTER_WIDTH, type BrandSwatch, type PosterInput } from '../../domain/brand-kit.ts';
import { textColorOn, type Brand } from '../../domain/brand.ts';
import { qrCode, type QrCode } from '../../domain/qr.ts';
import type { Region } from '../../domain/regions/tree.ts';
import { SOCIAL_FONT_FAMILY, SOCIAL_HEIGHT, SOCIAL_WIDTH } from '../../domain/social.ts';
import { brandFileParam, type BrandKitFile } from '../../domain/urls.ts';
import { buildsHere, config, getNetwork, t, urls, type Kim, type Network } from '../network.ts';
import type { Link, PageHead } from './page.ts';

/** `getStaticPaths` of the kit and poster pages: the KIM whose page this build makes. */
export async function brandKitPaths() {
  const network = await getNetwork();
  return network.kims.filter((kim) => buildsHere(kim.data.village)).map((kim) => ({ params: { id: kim.id }, props: { kim } }));
}

const KIT_FILES: readonly BrandKitFile[] = ['logoSvg', 'logoPng', 'posterPng'];

/** `getStaticPaths` of the kit files' route (`[...brandFile].ts`): each file of each kit this build makes. */
export async function brandFilePaths() {
  return (await brandKitPaths()).flatMap(({ props: { kim } }) => KIT_FILES.map((file) => ({ params: { brandFile: brandFileParam(kim.id, file) }, props: { kim, file } })));
}

/** The desa or kelurahan, its kecamatan and its kabupaten/kota, as the poster names them. */
function placesOf(network: Network, village: Region): string[] {
  return [village, network.tree.at(village.code, 'district'), network.tree.at(village.code, 'regency')].filter((r): r is Region => r !== undefined).map((r) => r.fullName);
}

/** What the kit page and the poster page both show of a KIM. */
interface KimIdentity {
  id: string;
  name: string;
  village: Region;
  /** Desa/kelurahan, kecamatan, kabupaten/kota. */
  places: string[];
  brand: Brand;
  secondaryColor: string | undefined;
  logo: ImageMetadata | undefined;
  tagline: string | undefined;
  flagship: string | undefined;
  brandStory: string | undefined;
  /** The KIM page's absolute address, which the QR code holds. */
  pageUrl: string;
  qr: QrCode;
}

function identityOf(network: Network, kim: Kim, site: URL | undefined): KimIdentity {
  const village = network.villageOf(kim);
  const pageUrl = new URL(urls.kim(kim.id), site ?? config.site).href;
  return {
    id: kim.id,
    name: kim.data.name,
    village,
    places: placesOf(network, village),
    brand: network.brand(kim.id),
    secondaryColor: kim.data.secondaryColor,
    logo: kim.data.logo,
    tagline: kim.data.tagline,
    flagship: kim.data.flagship,
    brandStory: kim.data.brandStory,
    pageUrl,
    qr: qrCode(pageUrl),
  };
}

/** A downloadable file: where it is, the name it is saved under, and what it is. */
export interface Download extends Link {
  file: string;
  note: string;
}

export interface BrandKitView extends PageHead {
  kim: KimIdentity;
  kimPage: string;
  logo: { svg: Download; png: Download; uploaded: boolean };
  swatches: (BrandSwatch & { name: string; inkName: string; note?: string | undefined })[];
  /** The words of the brand, each with its label; empty ones say how to fill them. */
  words: { label: string; value: string | undefined; field: string }[];
  preview: { url: string; alt: string };
  previewDownload: Download;
  poster: { page: string; png: Download };
  /** Where a KIM member edits the profile. */
  admin: string;
}

/** A ratio as Indonesians write it: "7,2 : 1". */
export const formatRatio = (ratio: number) => `${(Math.floor(ratio * 10) / 10).toLocaleString('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} : 1`;

/** The size an uploaded logo's PNG comes out at: its own, fitted inside the kit's square. */
function logoPngSize(logo: ImageMetadata | undefined): { width: number; height: number } {
  if (!logo) return { width: LOGO_PNG_SIZE, height: LOGO_PNG_SIZE };
  const scale = Math.min(1, LOGO_PNG_SIZE / Math.max(logo.width, logo.height));
  return { width: Math.round(logo.width * scale), height: Math.round(logo.height * scale) };
}

export function brandKitView(network: Network, kim: Kim, site: URL | undefined): BrandKitView {
  const identity = identityOf(network, kim, site);
  const { name, id, brand } = identity;
  const png = logoPngSize(identity.logo);
  const uploaded = identity.logo !== undefined;
  const download = (file: BrandKitFile, saveAs: string, label: string, note: string): Download => ({ href: urls.brandFile(id, file), file: `${id}-${saveAs}`, label, note });
  return {
    title: t('brandKit.title', { name }),
    description: t('brandKit.intro', { name }),
    crumbs: [{ label: t('nav.home'), href: urls.home() }, { label: t('kim.listing.title'), href: urls.kimListing() }, { label: name, href: urls.kim(id) }, { label: t('brandKit.crumb') }],
    brand,
    kim: identity,
    kimPage: urls.kim(id),
    logo: {
      uploaded,
      svg: download('logoSvg', 'logo.svg', t('brandKit.downloadSvg'), uploaded ? t('brandKit.svgRaster') : t('brandKit.svgVector')),
      png: download('logoPng', 'logo.png', t('brandKit.downloadPng'), t('brandKit.pixels', { width: png.width, height: png.height })),
    },
    swatches: brandSwatches(brand, identity.secondaryColor).map((s, i) => ({
      ...s,
      name: t(s.role === 'primary' ? 'brandKit.primary' : 'brandKit.secondary'),
      inkName: t(s.ink === '#000000' ? 'brandKit.black' : 'brandKit.white'),
      note: i === 0 && !brand.chosen ? t('brandKit.assigned') : undefined,
    })),
    words: [
      { label: t('brandKit.tagline'), value: identity.tagline, field: 'tagline' },
      { label: t('brandKit.flagship'), value: identity.flagship, field: 'flagship' },
      { label: t('brandKit.story'), value: identity.brandStory, field: 'brandStory' },
    ],
    preview: { url: urls.preview(urls.kim(id)), alt: t('brandKit.previewAlt', { name }) },
    previewDownload: { href: urls.preview(urls.kim(id)), file: `${id}-pratinjau.jpg`, label: t('brandKit.downloadJpeg'), note: t('brandKit.pixels', { width: SOCIAL_WIDTH, height: SOCIAL_HEIGHT }) },
    poster: {
      page: urls.poster(id),
      png: download('posterPng', 'poster-a4.png', t('brandKit.downloadPng'), t('brandKit.posterSize', { width: POSTER_WIDTH, height: POSTER_HEIGHT })),
    },
    admin: urls.admin(),
  };
}

export interface PosterView extends PageHead {
  kim: KimIdentity;
  kimPage: string;
  brandKit: string;
  png: string;
  /** The poster's second colour (the brand colour when the KIM chose none) and the text colour on it. */
  accent: { color: string; ink: '#000000' | '#ffffff' };
  /** The poster's words, as on its PNG. */
  words: PosterInput['words'] & { fallback: string };
}

/** The poster's labels, the same on the page and on its PNG. */
function posterWords(identity: KimIdentity): PosterView['words'] {
  return {
    kicker: t('poster.kicker'),
    flagship: t('poster.flagship'),
    story: t('poster.story', { village: identity.village.fullName }),
    scan: t('poster.scan'),
    scanHint: t('poster.scanHint', { name: identity.name }),
    network: config.name,
    fallback: t('poster.fallback', { village: identity.village.fullName, name: identity.name, network: config.name }),
  };
}

export function posterView(network: Network, kim: Kim, site: URL | undefined): PosterView {
  const identity = identityOf(network, kim, site);
  return {
    title: t('poster.title', { name: identity.name }),
    description: t('brandKit.posterIntro', { village: identity.village.fullName, name: identity.name }),
    crumbs: [{ label: t('nav.home'), href: urls.home() }, { label: identity.name, href: urls.kim(kim.id) }, { label: t('brandKit.crumb'), href: urls.brandKit(kim.id) }, { label: t('poster.crumb') }],
    brand: identity.brand,
    kim: identity,
    kimPage: urls.kim(kim.id),
    brandKit: urls.brandKit(kim.id),
    png: urls.brandFile(kim.id, 'posterPng'),
    accent: { color: identity.secondaryColor ?? identity.brand.color, ink: textColorOn(identity.secondaryColor ?? identity.brand.color) },
    words: posterWords(identity),
  };
}

/** The poster's drawing (domain/brand-kit.ts `posterSvg`) of a KIM; `logo` is its uploaded logo as a `data:` URL. */
export function posterInput(network: Network, kim: Kim, site: URL | undefined, logo: string | undefined): PosterInput {
  const identity = identityOf(network, kim, site);
  const { fallback, ...words } = posterWords(identity);
  return {
    seed: kim.id,
    name: identity.name,
    places: identity.places,
    tagline: identity.tagline,
    flagship: identity.flagship,
    brandStory: identity.brandStory,
    fallback,
    brand: identity.brand,
    secondaryColor: identity.secondaryColor,
    logo,
    qr: identity.qr,
    url: identity.pageUrl,
    words,
    fontFamily: SOCIAL_FONT_FAMILY,
  };
}
