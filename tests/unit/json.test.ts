import { describe, expect, it } from 'vitest';
import { jsonForHtml } from '../../src/lib/json.ts';

describe('jsonForHtml', () => {
  it('escapes what could end a script element or start markup', () => {
    const json = jsonForHtml({ title: '</script><script>alert(1)</script> & <!--' });
    expect(json).not.toMatch(/[<>&]/);
    expect(json).toContain('\\u003c/script\\u003e');
  });

  it('escapes the line and paragraph separators', () => {
    expect(jsonForHtml('a\u2028b\u2029c')).toBe('"a\\u2028b\\u2029c"');
  });

  it('round-trips to the same value', () => {
    const value = { name: 'KIM <Bontang> & "Kuala"', list: ['\u2028', 1, null] };
    expect(JSON.parse(jsonForHtml(value))).toEqual(value);
  });
});
