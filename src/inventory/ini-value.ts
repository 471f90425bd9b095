// The two small pieces of Python that Ansible's INI reader leans on: shlex.split(comments=True)
// for a host line, and ast.literal_eval for a value ("22" is a number, "'x y'" a string,
// "True" a boolean, anything it cannot read stays the text as written).

/** Words of a host line as POSIX shlex splits them: quotes group and go, `#` outside quotes ends the line. */
export function shlexSplit(line: string): string[] | { unclosed: string } {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '#') break;
    if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else if (c === "'" || c === '"') {
      const close = findClose(line, i + 1, c);
      if (close < 0) return { unclosed: c };
      const inner = line.slice(i + 1, close);
      word = (word ?? '') + (c === '"' ? inner.replace(/\\(["\\])/g, '$1') : inner);
      i = close;
    } else if (c === '\\' && i + 1 < line.length) {
      word = (word ?? '') + line[++i];
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

function findClose(line: string, from: number, quote: string): number {
  for (let i = from; i < line.length; i++) {
    if (quote === '"' && line[i] === '\\') i++;
    else if (line[i] === quote) return i;
  }
  return -1;
}

/** A value as ast.literal_eval reads it, for the literals an inventory holds. */
export function literalValue(text: string): unknown {
  if (/^[+-]?(0|[1-9]\d*)$/.test(text)) {
    const n = Number(text);
    return Number.isSafeInteger(n) ? n : text;
  }
  if (/^[+-]?(\d+\.\d*|\.\d+|\d+\.?\d*[eE][+-]?\d+)$/.test(text)) return Number(text);
  if (text === 'True') return true;
  if (text === 'False') return false;
  if (text === 'None') return null;
  const quoted = /^(['"])((?:\\.|(?!\1)[^\\])*)\1$/s.exec(text);
  if (quoted) return quoted[2].replace(/\\(.)/g, '$1');
  if (/^[[{]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}
