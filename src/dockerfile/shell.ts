// What a RUN executes, split into simple commands: enough shell to find `apt-get install`,
// `useradd app` or `curl ... | sh` without being fooled by quotes, comments or line breaks.
import type { DockerfileDoc, Instr } from './model.js';
import { heredocs } from './parse-dockerfile.js';

export type Separator = 'start' | '&&' | '||' | ';' | '|' | '&' | 'newline';

export interface ShellCommand {
  words: string[];
  /** How this command is joined to the previous one. */
  after: Separator;
}

/** The script a RUN hands to the shell: exec-form words, a here-document script, or the arguments. */
export function runScript(doc: DockerfileDoc, run: Instr): string {
  const exec = execForm(run.args);
  if (exec) return exec.join(' ');
  const docs = heredocs(run.node);
  if (docs.length > 0 && run.args.trimStart().startsWith('<<')) {
    return docs
      .map((h) => {
        const r = h.getContentRange();
        return r ? doc.text.slice(doc.lineStarts[r.start.line] + r.start.character, doc.lineStarts[r.end.line] + r.end.character) : '';
      })
      .join('\n');
  }
  // Data here-documents (`cat <<EOF > file`) are not commands: keep only the first line.
  return docs.length > 0 ? run.args.split('\n')[0] : run.args;
}

/** JSON exec form (`["a", "b"]`), or null for shell form. */
export function execForm(args: string): string[] | null {
  const text = args.trim();
  if (!text.startsWith('[')) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.every((w) => typeof w === 'string') ? parsed : null;
  } catch {
    return null;
  }
}

/** Characters with no meaning to the splitter below, in a run. */
const PLAIN = /[^'"\\&|;\s()#]*/y;

export function shellCommands(script: string): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let words: string[] = [];
  let word: string | null = null;
  let after: Separator = 'start';
  const endWord = () => {
    if (word !== null) words.push(word);
    word = null;
  };
  const endCommand = (next: Separator) => {
    endWord();
    if (words.length > 0) commands.push({ words, after });
    words = [];
    after = next;
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    const two = script.slice(i, i + 2);
    if (c === "'" || c === '"') {
      const close = script.indexOf(c, i + 1);
      const end = close < 0 ? script.length : close;
      word = (word ?? '') + script.slice(i + 1, end);
      i = end;
    } else if (c === '\\') {
      if (script[i + 1] === '\n') i++;
      else word = (word ?? '') + (script[++i] ?? '');
    } else if (c === '#' && word === null) {
      while (i + 1 < script.length && script[i + 1] !== '\n') i++;
    } else if (two === '&&' || two === '||') {
      endCommand(two);
      i++;
    } else if (c === '&' && (script[i - 1] === '>' || script[i + 1] === '>')) {
      word = (word ?? '') + c; // 2>&1, &>file: a redirection, not a background job
    } else if (c === ';' || c === '|' || c === '&') {
      endCommand(c);
    } else if (c === '\n') {
      endCommand('newline');
    } else if (/[\s()]/.test(c)) {
      endWord();
    } else {
      // The character and the plain ones after it in one slice: a long word is not built a character at a time.
      PLAIN.lastIndex = i + 1;
      PLAIN.exec(script);
      word = (word ?? '') + script.slice(i, PLAIN.lastIndex);
      i = PLAIN.lastIndex - 1;
    }
  }
  endCommand('start');
  return commands;
}

/** Commands of a RUN, each with `sudo`/`env X=y` prefixes taken off so words[0] is the program. */
export function runCommands(doc: DockerfileDoc, run: Instr): ShellCommand[] {
  // Several checks read each RUN; splitting it once keeps a long RUN from costing that many times over.
  let commands = commandsSeen.get(run);
  if (!commands) {
    commands = shellCommands(runScript(doc, run))
      .map((c) => ({ ...c, words: stripPrefixes(c.words) }))
      .filter((c) => c.words.length > 0);
    commandsSeen.set(run, commands);
  }
  return commands.map((c) => ({ ...c, words: [...c.words] }));
}
const commandsSeen = new WeakMap<Instr, ShellCommand[]>();

function stripPrefixes(all: string[]): string[] {
  // Redirections (`> /dev/null`, `2>&1`, `<<EOF`) are not arguments.
  const words: string[] = [];
  for (let i = 0; i < all.length; i++) {
    const m = /^\d*(?:>>?|<<-?|<|&>|>&)(.*)$/.exec(all[i]);
    if (!m) words.push(all[i]);
    else if (m[1] === '' && !/&\d*$/.test(all[i])) i++;
  }
  let i = 0;
  while (i < words.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]) || ['sudo', 'env', 'exec', 'command', 'nice', 'time'].includes(words[i]))) i++;
  return words.slice(i).map((w, n) => (n === 0 ? w.replace(/^.*\//, '') : w));
}
