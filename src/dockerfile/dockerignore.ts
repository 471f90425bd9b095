// Enough of the .dockerignore rules to tell whether a path is kept out of the build context:
// patterns are relative to the context root, "**" spans directories, "!" re-includes, the last
// matching line wins, and excluding a directory excludes everything under it.

interface Rule {
  regex: RegExp;
  negate: boolean;
}

export function parseDockerignore(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1).trim();
    line = line.replace(/^\/+/, '').replace(/\/+$/, '').replace(/^\.\//, '');
    if (line === '') continue;
    rules.push({ regex: globToRegex(line), negate });
  }
  return rules;
}

export function isExcluded(rules: Rule[], path: string): boolean {
  const parts = path.split('/');
  let excluded = false;
  for (const rule of rules) {
    // A pattern matching a parent directory excludes the path too.
    const hit = parts.some((_p, i) => rule.regex.test(parts.slice(0, i + 1).join('/')));
    if (hit) excluded = !rule.negate;
  }
  return excluded;
}

function globToRegex(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (glob.startsWith('**/', i)) {
      re += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      re += '.*';
      i += 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        re += '[' + glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = close;
      }
    } else if (c === '\\' && i + 1 < glob.length) re += '\\' + glob[++i];
    else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
