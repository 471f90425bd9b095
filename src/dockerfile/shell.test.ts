import { describe, expect, it } from 'vitest';
import { shellCommands, runCommands, execForm } from './shell.js';
import { parseDockerfile } from './parse-dockerfile.js';

describe('shellCommands', () => {
  it('splits at && || ; | & and newlines, keeping the separator', () => {
    const cmds = shellCommands('a 1 && b || c; d | e & f\ng');
    expect(cmds.map((c) => [c.words[0], c.after])).toEqual([
      ['a', 'start'],
      ['b', '&&'],
      ['c', '||'],
      ['d', ';'],
      ['e', '|'],
      ['f', '&'],
      ['g', 'newline'],
    ]);
  });

  it('keeps quoted text as one word and drops shell comments', () => {
    const [cmd, next] = shellCommands(`echo "a && b" 'c; d' # apt-get update\nuseradd x`);
    expect(cmd.words).toEqual(['echo', 'a && b', 'c; d']);
    expect(next.words).toEqual(['useradd', 'x']);
  });

  it('joins escaped line breaks and keeps ${VAR} whole', () => {
    expect(shellCommands('apt-get install \\\n  ${PKGS}')[0].words).toEqual(['apt-get', 'install', '${PKGS}']);
  });

  it('reads exec form only from a JSON array of strings', () => {
    expect(execForm('["apt-get", "update"]')).toEqual(['apt-get', 'update']);
    expect(execForm('[not json')).toBeNull();
  });
});

describe('runCommands', () => {
  const runs = (text: string) => {
    const doc = parseDockerfile(text, 'Dockerfile');
    return doc.stages[0].instructions.filter((i) => i.keyword === 'RUN').map((r) => runCommands(doc, r).map((c) => c.words.join(' ')));
  };

  it('reads a here-document script, but not a data here-document', () => {
    expect(runs('FROM a\nRUN <<EOF\nset -e\nsudo apt-get update\nEOF\nRUN cat <<X > /f\napt-get update\nX\n')).toEqual([['set -e', 'apt-get update'], ['cat']]);
    expect(runs('FROM a\nRUN apt-get install -y x > /dev/null 2>&1\n')).toEqual([['apt-get install -y x']]);
  });

  it('strips env assignments and program paths, and reads exec form', () => {
    expect(runs('FROM a\nRUN DEBIAN_FRONTEND=noninteractive /usr/bin/apt-get install -y x\nRUN ["apk", "add", "y"]\n')).toEqual([
      ['apt-get install -y x'],
      ['apk add y'],
    ]);
  });
});
