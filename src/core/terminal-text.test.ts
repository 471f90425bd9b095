import { describe, expect, it } from 'vitest';
import { terminalLine, terminalSafe, terminalText } from './terminal-text.js';

describe('terminal text', () => {
  it('shows ESC, BEL, C1 and bidi controls escaped and keeps line breaks', () => {
    expect(terminalText('a\u001b[2Jb\u0007\nc\td\u009b\u202e')).toBe('a\\x1B[2Jb\\x07\nc\td\\x9B\\u202E');
    expect(terminalText('plain é 漢')).toBe('plain é 漢');
  });

  it('makes one line of anything', () => {
    expect(terminalLine('a\r\nb\nc\td\u001b')).toBe('a b c d\\x1B');
  });

  it('copies plain data with every string and key escaped; "__proto__" stays a key', () => {
    const data = JSON.parse('{"__proto__": "x\\u001b", "list": ["\\u0007", 1, null], "n": {"k\\u001b": true}}');
    const safe = terminalSafe(data);
    expect(Object.getPrototypeOf(safe)).toBe(Object.prototype);
    expect(Object.hasOwn(safe, '__proto__')).toBe(true);
    expect(JSON.stringify(safe)).toBe(JSON.stringify({ list: ['\\x07', 1, null], n: { 'k\\x1B': true } }).replace('{', '{"__proto__":"x\\\\x1B",'));
  });
});
