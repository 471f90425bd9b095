// Profiles given with -p FILE: the shipped profiles with edits, and YAML tricks (alias bombs,
// extends loops, extends of a FIFO or of a file outside the root).
import fc from 'fast-check';
import type { FuzzCase } from './case.js';
import { commandArgs } from './commands.js';
import { hostFacts, profiles } from './fixtures.js';
import { mutatedText } from './mutate.js';

const special = fc.constantFrom(
  'name: loop\nextends: profile.yaml\n',
  'name: fifo\nextends: fifo.yaml\n',
  'name: out\nextends: {DECOY}/secret\n',
  'name: up\nextends: ../../../../../../../etc/shadow\n',
  `a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\nname: bomb\n`,
  'name: x\nwaivers:\n  - rule: "1.1.1"\n    reason: "\u001b[2J"\n    expires: "not a date"\n',
  'name: x\nparams:\n  bindHostIp: "127.0.0.1\\"; touch /tmp/pwned; \\""\n',
  'name: x\n<<: 5\n',
  'name: x\nrules: *nope\n',
  '',
);

const text = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...profiles).chain(mutatedText) }, { weight: 2, arbitrary: special });

export const profileCase: fc.Arbitrary<FuzzCase> = fc.tuple(text, fc.nat(hostFacts.length - 1)).chain(([content, host]) =>
  commandArgs({ profile: '{CASE}/in/profile.yaml' }).map((cmd) => ({
    kind: 'profile' as const,
    entries: [
      { path: 'in/profile.yaml', type: 'file' as const, content },
      { path: 'in/fifo.yaml', type: 'fifo' as const },
      { path: 'in/facts.json', type: 'file' as const, content: JSON.stringify(hostFacts[host]) },
    ],
    argv: ['--from', '{CASE}/in/facts.json', '--root', '{ROOT}', ...cmd],
  })),
);
