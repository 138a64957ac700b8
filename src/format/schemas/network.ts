import { z } from 'astro/zod';
import { isRegionCodeShape, levelOf } from '../../domain/regions/codes.ts';
import { NATIONAL_SCOPE } from '../../domain/regions/tree.ts';
import { isWebUrl } from '../../domain/contacts.ts';
import { DEFAULT_TILES, isTileTemplate } from '../../domain/map.ts';
import { msg } from '../messages.ts';
import { contacts, optionalText, regionCodeText, requiredText } from './common.ts';

const scopeCode = () =>
  regionCodeText(msg.scopeCode)
    .trim()
    .refine((c) => c === NATIONAL_SCOPE || (isRegionCodeShape(c) && levelOf(c) !== 'village'), {
      error: msg.scopeCode,
    });

/** `content/network.yaml`: who runs this network, where it is published and which area it covers. */
export const networkSchema = z.strictObject({
  name: requiredText(120),
  /** A short name for page titles and small screens, e.g. "KIM Kukar & Bontang". */
  shortName: optionalText(40),
  description: requiredText(300),
  /** The full public address, used for canonical links, the sitemap and feeds. */
  site: z.string({ error: msg.siteUrl }).trim().refine(isWebUrl, { error: msg.siteUrl }),
  /** The folder the site is served from: "/" on its own domain, "/<repo>/" on GitHub Pages. */
  base: z
    .string({ error: msg.basePath })
    // Folder names only: a "." or ".." segment would point links outside the site's folder.
    .regex(/^\/(?:(?!\.{1,2}\/)[a-z0-9._-]+\/)*$/i, { error: msg.basePath })
    .default('/'),
  /** Kemendagri codes of the provinces, regencies or districts the network covers. */
  scope: z.array(scopeCode(), { error: msg.list }).min(1, { error: msg.required }),
  operator: z
    .strictObject({
      name: requiredText(160),
      url: z.string().refine(isWebUrl, { error: msg.url }).optional(),
      contacts: contacts(),
    })
    .optional(),
  tagline: optionalText(160),
  /** The map's background tiles; OpenStreetMap unless the network has its own tile server or plan. */
  map: z
    .strictObject({
      tiles: z.string({ error: msg.tileUrl }).trim().refine(isTileTemplate, { error: msg.tileUrl }),
      attribution: requiredText(200),
      attributionUrl: z.string().refine(isWebUrl, { error: msg.url }).optional(),
      maxZoom: z.number({ error: msg.number }).int().min(1).max(22).default(DEFAULT_TILES.maxZoom),
    })
    .default({ tiles: DEFAULT_TILES.url, attribution: DEFAULT_TILES.attribution, attributionUrl: DEFAULT_TILES.attributionUrl, maxZoom: DEFAULT_TILES.maxZoom }),
  sample: z.boolean({ error: msg.boolean }).default(false),
});

export type NetworkConfig = z.output<typeof networkSchema>;
