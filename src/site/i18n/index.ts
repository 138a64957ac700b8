/**
 * Every string a reader sees comes from a dictionary, behind flat dotted keys, so an English
 * edition is a second dictionary and not a rewrite of the pages.
 */
import id from './id.json' with { type: 'json' };
import type { Lang } from '../../domain/urls.ts';

export type UiKey = keyof typeof id;
type Dictionary = Record<UiKey, string>;

const DICTIONARIES: Record<Lang, Dictionary> = { id };

/** HTML `lang` values per edition. */
export const HTML_LANG: Record<Lang, string> = { id: 'id' };

export type Translate = (key: UiKey, vars?: Record<string, string | number>) => string;

/** Fills `{name}` placeholders; a missing variable is a bug, so it throws instead of printing "{name}". */
export function interpolate(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in vars)) throw new Error(`Missing variable "${name}" for "${template}"`);
    return String(vars[name]);
  });
}

export function createTranslator(lang: Lang): Translate {
  const dictionary = DICTIONARIES[lang];
  return (key, vars) => interpolate(dictionary[key], vars);
}

/** True when `key` exists in the dictionary: for keys built from taxonomy values. */
export function isUiKey(key: string): key is UiKey {
  return key in id;
}
