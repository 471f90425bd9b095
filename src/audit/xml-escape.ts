// XML 1.0 escaping for the JUnit report. Markup characters become entities; characters XML 1.0
// cannot carry at all (most C0 controls, U+FFFE/U+FFFF, lone surrogates) cannot even be written
// as character references, so they are spelled out visibly instead of breaking the parser.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function spellOut(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Text content: markup escaped, forbidden characters spelled out, line breaks kept. */
export function escapeXmlText(text: string): string {
  return text.replace(FORBIDDEN, spellOut).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Attribute values: as text, and tab/CR/LF as character references so parsers keep them. */
export function escapeXmlAttr(text: string): string {
  return escapeXmlText(text).replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}
