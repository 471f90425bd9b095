// Ansible inventories for `audit --inventory`: small INI and YAML inventories with edits, and the
// shapes that have hung or crashed inventory readers (ranges that multiply, a range repeated on
// many lines and in many groups, long chains of children, deep nesting, alias bombs, prototype
// names). The sandbox has no network, so every host is unreachable at once.
import fc from 'fast-check';
import type { FuzzCase } from './case.js';
import { mutatedText } from './mutate.js';

const INI = `# site
web[1:3].example.test ansible_user=deploy
[db]
db-[a:b] ansible_port=2222 ansible_host=127.0.0.1
db-c:2200 ansible_python_interpreter="/usr/bin/python3"
[db:vars]
backup='nightly run'
[prod:children]
db
[prod:vars]
ansible_ssh_private_key_file=~/.ssh/id_prod
`;

const YAML = `all:
  vars:
    ansible_user: deploy
  hosts:
    web1.example.test:
    web[2:3].example.test:
      ansible_port: 2222
  children:
    db:
      hosts:
        db-[a:b]:
          ansible_host: 127.0.0.1
      vars: &v
        backup: nightly
    cache:
      vars: *v
      hosts: redis1
`;

const lines = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('');

const special = fc.constantFrom(
  'h[a:zzzzzz]\n',
  'h[0:99999999999]\n',
  'h[0:9999][0:9999]\n',
  'h[0:99][0:99][0:99]\n',
  'h[00:9]\nh[9:0]\nh[0:9:0]\nh[::]\nh[:]\nh[]\n',
  `[g]\n${'h[0:9999]\n'.repeat(3000)}`,
  lines(300, (i) => `[g${i}]\nh[0:9999]\n`),
  `[g]\nh[0:9999]\n${lines(2000, (i) => `[c${i}:children]\ng\n`)}`,
  lines(3000, (i) => `[c${i + 1}:children]\nc${i}\n`) + '[c0]\nh1\n',
  `[a:children]\nb\n[b:children]\na\n`,
  `[__proto__]\nh1 __proto__='{"polluted": true}' constructor=1\n[__proto__:vars]\ntoString=1\n`,
  `[all:vars]\nansible_host=-oProxyCommand=touch\nansible_user=-x\nansible_port=99999\n[g]\nh1\n`,
  `h1 ansible_port=0\nh2 ansible_port=-1\nh3 ansible_port=abc\n[g]\n"h 4"\n`,
  `h1 x="unclosed\n[g\n[g:vars]\nnovalue\n[g:weird]\n`,
  `all:\n  hosts:\n    h[0:9999]:\n  children:\n${lines(300, (i) => `    g${i}:\n      hosts:\n        h[0:9999]:\n`)}`,
  `all:\n  children:\n${lines(200, (i) => `${'  '.repeat(2 * i + 2)}g${i}:\n${'  '.repeat(2 * i + 3)}children:\n`)}`,
  `a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nall:\n  vars:\n    v: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n  hosts:\n    h1:\n`,
  `all:\n  hosts:\n    __proto__:\n      ansible_host: 127.0.0.1\n    constructor:\n  vars:\n    __proto__: {polluted: true}\n  children:\n    __proto__:\n      hosts: {h2: }\n`,
  `all:\n  hosts: [a, b]\n`,
  `all: *nope\n`,
  `---\n- all\n`,
  `all:\n  hosts:\n    ? [a, b]\n    : 1\n`,
  '\uFEFF[g]\nh1\n',
  '',
);

const text = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(INI, YAML).chain(mutatedText) },
  { weight: 1, arbitrary: fc.constantFrom(INI, YAML) },
  { weight: 3, arbitrary: special },
);

const flags = fc.constantFrom(
  ['--format', 'json'],
  ['--format', 'sarif', '--allow-unreachable'],
  ['--allow-unreachable', '--concurrency', '64'],
  ['-p', 'strict', '--concurrency', '1'],
  ['--format', 'json', '--output', '{CASE}/out/fleet.json'],
  ['--format', 'html'],
  ['--concurrency', '0'],
  ['--only', 'fail'],
);

/** Mostly the name that fits the text (or none, so the reader guesses), now and then the wrong one. */
const fileName = (content: string) =>
  fc.constantFrom('inventory', 'inventory', /^(all:|---|\w+:\n|a: )/.test(content) ? 'hosts.yml' : 'hosts.ini', 'hosts.yml', 'hosts.ini', 'fifo');

export const inventoryCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(text, flags)
  .chain(([content, extra]) => fileName(content).map((name) => [content, name, extra] as const))
  .map(([content, name, extra]) => ({
    kind: 'inventory' as const,
    entries: [name === 'fifo' ? { path: 'in/fifo', type: 'fifo' as const } : { path: `in/${name}`, type: 'file' as const, content }],
    argv: ['audit', '--inventory', `{CASE}/in/${name}`, ...extra],
  }));
