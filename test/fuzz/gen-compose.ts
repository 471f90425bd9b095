// Compose files given with --compose: the fixtures' files with edits, and YAML that has hung or
// crashed loaders (alias bombs, unresolved aliases, odd merge keys, extends out of the root).
import fc from 'fast-check';
import type { Entry, FuzzCase } from './case.js';
import { commandArgs } from './commands.js';
import { composeFiles, noEngineFacts } from './fixtures.js';
import { mutatedText } from './mutate.js';

const aliasBomb = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  ...Array.from(
    { length: 8 },
    (_, i) =>
      `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
        .fill(`*${String.fromCharCode(97 + i)}`)
        .join(',')}]`,
  ),
  'services:',
  '  web:',
  '    image: nginx',
  '    command: *i',
].join('\n');

const special = fc.constantFrom(
  aliasBomb,
  'services:\n  web:\n    image: nginx\n    <<: *missing\n',
  'services:\n  web:\n    <<: 5\n    image: nginx\n',
  'x: &x {privileged: true}\nservices:\n  web: *x\n  db:\n    <<: [*x, *x]\n    image: db\n',
  'services:\n  web:\n    extends:\n      file: {DECOY}/dir/docker/daemon.json\n      service: web\n',
  'services:\n  web:\n    extends:\n      file: ../../../../../../etc/passwd\n      service: root\n',
  'services:\n  web:\n    extends:\n      file: fifo.yml\n      service: x\n',
  'services:\n  "\u001b[31mred\u0007":\n    image: "\u001b]0;title\u0007"\n    privileged: true\n',
  'services: [1, 2]\n',
  'services:\n  web: null\n',
  `services:\n${Array.from({ length: 300 }, (_, i) => `  s${i}:\n    image: nginx\n    privileged: true\n    ports: ["${1000 + i}:80"]\n`).join('')}`,
  '%YAML 1.1\n---\nservices: !!binary aGVsbG8=\n',
  '',
);

const text = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...composeFiles).chain(mutatedText) }, { weight: 2, arbitrary: special });

export const composeCase: fc.Arbitrary<FuzzCase> = fc.tuple(text, fc.constantFrom('file', 'symlink-out', 'fifo')).chain(([content, shape]) => {
  const file = 'root/srv/app/compose.yml';
  const entries: Entry[] = [
    { path: 'in/facts.json', type: 'file', content: noEngineFacts },
    { path: 'root/srv/app/fifo.yml', type: 'fifo' },
  ];
  if (shape === 'file') entries.push({ path: file, type: 'file', content });
  else if (shape === 'fifo') entries.push({ path: file, type: 'fifo' });
  else entries.push({ path: 'in/outside-compose.yml', type: 'file', content }, { path: file, type: 'symlink', target: '{CASE}/in/outside-compose.yml' });
  return commandArgs({ compose: [`{CASE}/${file}`] }).map((cmd) => ({
    kind: 'compose' as const,
    entries,
    argv: ['--from', '{CASE}/in/facts.json', '--root', '{ROOT}', ...withCompose(cmd, `{CASE}/${file}`)],
  }));
});

/** audit takes no --compose: give it the file's project through plan instead. */
function withCompose(cmd: string[], file: string): string[] {
  return cmd[0] === 'audit' ? ['plan', '-p', 'strict', '--compose', file] : cmd;
}
