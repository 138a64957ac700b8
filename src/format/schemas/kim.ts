import { z } from 'astro/zod';
import { SECTOR_KEYS } from '../../domain/taxonomy.ts';
import { titleText, contacts, coordinates, dateField, hexColor, keyList, optionalText, requiredText, villageCode, type SchemaContext } from './common.ts';

/** The default brand colour: a deep teal that keeps white text readable (WCAG AA). */
export const DEFAULT_KIM_COLOR = '#0f766e';

/** A KIM's profile: one file per KIM in `content/kim/`, its Markdown body is the "about" text. */
export const kimSchema = <I extends z.ZodType>(ctx: SchemaContext<I>) =>
  z.strictObject({
    name: titleText(),
    /** The desa/kelurahan the KIM serves; a village may have more than one KIM. */
    village: villageCode(),
    /** The decree (SK) of the desa or kelurahan government that formalised the KIM. */
    decree: z
      .strictObject({
        number: requiredText(120),
        date: dateField(),
        issuer: requiredText(160),
      })
      .optional(),
    /** Registration number in the national KIM directory (KIM.ID). */
    registration: optionalText(60),
    founded: dateField().optional(),
    sectors: keyList(SECTOR_KEYS),
    tagline: optionalText(140),
    color: hexColor().default(DEFAULT_KIM_COLOR),
    logo: ctx.image().optional(),
    /** Where the KIM's secretariat is, for the network map. */
    coordinates: coordinates().optional(),
    contacts: contacts(),
    active: z.boolean().default(true),
    /** Marks demo content that illustrates the format and is not a real record. */
    sample: z.boolean().default(false),
  });

export type KimData = z.output<ReturnType<typeof kimSchema>>;
