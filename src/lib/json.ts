/**
 * JSON placed inside HTML (JSON-LD, inline data) is parsed by the HTML tokenizer first: a
 * contributor's "</script>" in a title would end the script element and start markup of their
 * choosing. Escaping <, > and & keeps the JSON inert; U+2028 and U+2029 are escaped because
 * older JavaScript parsers treat them as line breaks inside strings.
 */
const UNSAFE = /[<>&\u2028\u2029]/g;
const ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** JSON.stringify, safe to place inside `<script type="application/ld+json">` or an attribute. */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE, (c) => ESCAPES[c]!);
}
