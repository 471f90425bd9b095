// Dockerfiles: the corpus with edits, and the shapes that hung or crashed the parser (a 1 MB
// line, endless continuations, unclosed here-documents, NUL bytes), read, fixed and scripted.
import fc from 'fast-check';
import type { Entry, FuzzCase } from './case.js';
import { dockerfiles } from './fixtures.js';
import { mutatedText } from './mutate.js';

const special = fc.constantFrom(
  `FROM debian:12\nRUN echo ${'a'.repeat(1024 * 1024)}\n`,
  `FROM debian:12\nRUN ${'a \\\n'.repeat(20_000)}\n`,
  'FROM debian:12\nRUN <<EOF\necho never closed\n',
  'FROM debian:12\nRUN echo \u0000\n',
  'FROM debian:12\nUSER "\u001b[31mroot\u0007"\nCMD ["sh"]\n',
  'FROM debian:12\nRUN cat <<EOF > /etc/x\n$(id)\nEOF\n',
  '# escape=`\nFROM debian:12\nRUN echo `\n  done\n',
  'FROM scratch AS a AS b\n',
  '',
);

const text = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...dockerfiles).chain(mutatedText) }, { weight: 1, arbitrary: special });

const mode = fc.constantFrom(
  [] as string[],
  ['--format', 'json'],
  ['--diff'],
  ['--fix', '--yes'],
  ['--fix', '--yes', '--strict', '--user', "a'b"],
  ['--script', '{CASE}/out/fix.sh'],
  ['--patch', '{CASE}/out/fix.patch'],
);

export const dockerfileCase: fc.Arbitrary<FuzzCase> = fc.tuple(text, mode, fc.constantFrom('file', 'fifo', 'symlink-out')).map(([content, flags, shape]) => {
  const file = 'root/app/Dockerfile';
  const entries: Entry[] =
    shape === 'file'
      ? [{ path: file, type: 'file', content }]
      : shape === 'fifo'
        ? [{ path: file, type: 'fifo' }]
        : [{ path: file, type: 'symlink', target: '{DECOY}/Dockerfile' }];
  return { kind: 'dockerfile', entries, argv: ['--root', '{ROOT}', 'dockerfile', `{CASE}/${file}`, ...flags] };
});
