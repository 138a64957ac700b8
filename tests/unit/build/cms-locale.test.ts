/**
 * The CMS's interface in Indonesian: the project's translation of Sveltia CMS's strings must say
 * everything the CMS's own English says (a key missing shows English, one too many is a
 * translation of nothing), keep every placeholder, plural selector and tag of the message
 * (MessageFormat 2: a changed one breaks the message), and be offered by the script it is served
 * with.
 */
import { describe, expect, it } from 'vitest';
import { CMS_LOCALE_FILES, cmsLocale, cmsScript } from '../../../src/build/cms-assets.ts';
import indonesian from '../../../src/site/cms-locale/id.json' with { type: 'json' };

/** The CMS's own English, as the package ships it and the site serves it. */
const english = JSON.parse(cmsLocale('en-US.json').toString('utf8')) as Messages;

interface Messages {
  [key: string]: string | Messages;
}

/** Every message by its key path ("prefs.languages.title"), in the file's order. */
function flatten(messages: Messages, prefix = ''): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`)));
}

/** What a translation must keep of a message: its declarations and selectors, variables, variant keys and tags. */
function skeleton(message: string) {
  const texts = [...message.matchAll(/\{\{([\s\S]*?)\}\}/g)];
  const head = texts.length > 0 ? message.slice(0, texts[0]!.index) : '';
  // The variant keys stand between one quoted pattern and the next.
  const keys = texts.slice(1).map((text, i) => message.slice(texts[i]!.index + texts[i]![0].length, text.index).trim());
  const body = texts.length > 0 ? texts.map((text) => text[1]).join('\n') : message;
  return {
    head: head.trim(),
    keys,
    variables: [...body.matchAll(/\{\$[^}]*\}/g)].map((m) => m[0]).sort(),
    tags: [...body.matchAll(/<\/?[a-z][^>]*>/gi)].map((m) => m[0]).sort(),
  };
}

const source = new Map(flatten(english));
const translated = new Map(flatten(indonesian as Messages));

describe('the CMS interface in Indonesian', () => {
  it('translates every message of the CMS and nothing else', () => {
    expect([...translated.keys()].filter((key) => !source.has(key))).toEqual([]);
    expect([...source.keys()].filter((key) => !translated.has(key))).toEqual([]);
  });

  it('keeps each message’s placeholders, plural selectors and tags', () => {
    const broken = [...source].filter(([key, message]) => JSON.stringify(skeleton(translated.get(key) ?? '')) !== JSON.stringify(skeleton(message)));
    expect(broken.map(([key]) => key)).toEqual([]);
  });

  it('has words of its own, not the English left in place', () => {
    // One word can be the same in both (Folder, Filter, Video); two or more are English left in place.
    const words = (message: string) => message.replace(/\{\$[^}]*\}|<[^>]*>/g, ' ').match(/\p{L}{2,}/gu) ?? [];
    const sentences = [...source].filter(([key, message]) => words(message).length > 1 && translated.get(key) === message);
    expect(sentences.map(([key]) => key)).toEqual([]);
    expect(translated.get('save')).not.toBe(source.get('save'));
  });

  it('is served beside the CMS, and the script offers it among its languages', () => {
    expect(CMS_LOCALE_FILES).toContain('id.json');
    expect(JSON.parse(cmsLocale('id.json').toString('utf8'))).toEqual(indonesian);
    const script = cmsScript('/admin/');
    const list = /`((?:[a-z]{2}(?:-[A-Z]{2})?,){10,}[a-z]{2}(?:-[A-Z]{2})?)`/.exec(script)?.[1]?.split(',');
    expect(list).toContain('id');
    expect(list).toContain('en-US');
    // The others are the translations the package ships, each served too.
    expect(list!.map((code) => `${code}.json`).sort()).toEqual([...CMS_LOCALE_FILES].sort());
  });
});
