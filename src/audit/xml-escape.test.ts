import { describe, expect, it } from 'vitest';
import { escapeXmlAttr, escapeXmlText } from './xml-escape.js';

describe('XML escaping', () => {
  it.each([
    ['&', '&amp;'],
    ['<', '&lt;'],
    ['>', '&gt;'],
    ['"', '&quot;'],
    ["'", '&apos;'],
    ['a & b <c> "d" \'e\'', 'a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;'],
    ['&amp;', '&amp;amp;'],
  ])('escapes %j in text and attributes', (input, expected) => {
    expect(escapeXmlText(input)).toBe(expected);
    expect(escapeXmlAttr(input)).toBe(expected);
  });

  it('spells out characters XML 1.0 cannot carry', () => {
    expect(escapeXmlText('a\u0000b\u0008c\u000Bd\u000Ce\u001Bf\u001F')).toBe('a\\u0000b\\u0008c\\u000Bd\\u000Ce\\u001Bf\\u001F');
    expect(escapeXmlText('x\uFFFEy\uFFFF')).toBe('x\\uFFFEy\\uFFFF');
    expect(escapeXmlText('lone \uD800 high, lone \uDC00 low')).toBe('lone \\uD800 high, lone \\uDC00 low');
  });

  it('keeps what XML allows: tab and line breaks in text, non-ASCII, surrogate pairs', () => {
    expect(escapeXmlText('a\tb\nc\rd')).toBe('a\tb\nc\rd');
    expect(escapeXmlText('Grüße 😀 \u0085 \u007F')).toBe('Grüße 😀 \u0085 \u007F');
  });

  it('writes tab and line breaks in attributes as references, so parsers keep them', () => {
    expect(escapeXmlAttr('a\tb\nc\rd')).toBe('a&#9;b&#10;c&#13;d');
  });
});
