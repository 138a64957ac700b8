import { z } from 'astro/zod';
import { PLACE_KIND_KEYS, PRICE_RANGE_KEYS } from '../../domain/taxonomy.ts';
import { msg } from '../messages.ts';
import {
  contacts,
  coordinates,
  dateField,
  entryId,
  optionalText,
  photo,
  requiredText,
  villageOrDistrictCode,
  type SchemaContext,
  titleText,
} from './common.ts';

/** A place (potensi): a tourism spot, culinary place, craft or small business, in `content/places/`. */
export const placeSchema = <I extends z.ZodType>(ctx: SchemaContext<I>) =>
  z.strictObject({
    name: titleText(),
    kind: z.enum(PLACE_KIND_KEYS, { error: msg.oneOf(PLACE_KIND_KEYS) }),
    /** The desa/kelurahan code, or a kecamatan code for an area that spans several villages. */
    region: villageOrDistrictCode(),
    /** The KIM that maintains this listing, if any. */
    kim: entryId().optional(),
    summary: requiredText(300),
    coordinates: coordinates().optional(),
    address: optionalText(240),
    /** Opening hours as people say them, e.g. "Setiap hari, 08.00–17.00 WITA". */
    hours: optionalText(160),
    priceRange: z.enum(PRICE_RANGE_KEYS, { error: msg.oneOf(PRICE_RANGE_KEYS) }).optional(),
    contacts: contacts(),
    photos: z.array(photo(ctx), { error: msg.list }).default([]),
    /** When someone last checked that the listing is still true. */
    verified: dateField().optional(),
    featured: z.boolean({ error: msg.boolean }).default(false),
    sample: z.boolean({ error: msg.boolean }).default(false),
  });

export type PlaceData = z.output<ReturnType<typeof placeSchema>>;
