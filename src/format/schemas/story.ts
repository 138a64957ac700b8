import { z } from 'astro/zod';
import { DEFAULT_LICENSE, LICENSE_KEYS, STORY_CATEGORY_KEYS } from '../../domain/taxonomy.ts';
import { msg } from '../messages.ts';
import { titleText, dateField, entryId, photo, requiredText, tagList, type SchemaContext } from './common.ts';

/** A story (cerita): local news published by one KIM, in `content/stories/`. */
export const storySchema = <I extends z.ZodType>(ctx: SchemaContext<I>) =>
  z.strictObject({
    title: titleText(),
    date: dateField(),
    updated: dateField().optional(),
    /** The id of the publishing KIM (its file name in `content/kim/`). */
    kim: entryId(),
    summary: requiredText(300),
    cover: photo(ctx).optional(),
    category: z.enum(STORY_CATEGORY_KEYS, { error: msg.oneOf(STORY_CATEGORY_KEYS) }),
    tags: tagList(),
    /** Names as the authors want to be credited. */
    authors: z.array(requiredText(80), { error: msg.list }).default([]),
    license: z.enum(LICENSE_KEYS, { error: msg.oneOf(LICENSE_KEYS) }).default(DEFAULT_LICENSE),
    draft: z.boolean({ error: msg.boolean }).default(false),
    /** Places this story is about, by id (file name in `content/places/`). */
    places: z.array(entryId(), { error: msg.list }).default([]),
    sample: z.boolean({ error: msg.boolean }).default(false),
  });

export type StoryData = z.output<ReturnType<typeof storySchema>>;
