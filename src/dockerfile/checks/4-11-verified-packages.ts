// CIS 4.11: install only verified packages: no switched-off signature or TLS checks, and no
// script piped from the network straight into a shell.
import type { CheckOutcome } from '../types.js';
import type { ShellCommand } from '../shell.js';
import { runCommands } from '../shell.js';
import { allInstructions } from '../model.js';
import { cisCheck } from './define-check.js';

const UNVERIFIED_OPTIONS: Record<string, string[]> = {
  'apt-get': ['--allow-unauthenticated', '--allow-insecure-repositories', '--force-yes'],
  apt: ['--allow-unauthenticated', '--allow-insecure-repositories'],
  yum: ['--nogpgcheck'],
  dnf: ['--nogpgcheck'],
  microdnf: ['--nogpgcheck'],
  zypper: ['--no-gpg-checks'],
  apk: ['--allow-untrusted'],
  rpm: ['--nosignature', '--nodigest'],
  pip: ['--trusted-host'],
  pip3: ['--trusted-host'],
  curl: ['-k', '--insecure'],
  wget: ['--no-check-certificate'],
};
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'python', 'python3', 'perl']);

export const verifiedPackages = cisCheck({
  id: '4.11',
  rationale:
    'Packages installed without signature or TLS verification, or scripts piped from the network into a shell, can be swapped by anyone on the path or behind the server.',
  remediation: 'Keep signature and TLS checks on; download, verify (gpg --verify or sha256sum -c) and only then run.',
  check(doc) {
    const out: CheckOutcome[] = [];
    for (const run of allInstructions(doc).filter((i) => i.keyword === 'RUN')) {
      const reasons = unverified(runCommands(doc, run));
      if (reasons.length === 0) continue;
      out.push({
        line: run.line,
        message: `RUN installs without verification: ${reasons.join('; ')}`,
        advice: 'keep package signature and TLS checks on; fetch scripts to a file, check them (sha256sum -c, gpg --verify) and run them only then',
      });
    }
    return out;
  },
});

function unverified(commands: ShellCommand[]): string[] {
  const reasons: string[] = [];
  commands.forEach((c, n) => {
    const program = c.words[0];
    for (const opt of UNVERIFIED_OPTIONS[program] ?? []) {
      if (c.words.slice(1).some((w) => w === opt || w.startsWith(`${opt}=`))) reasons.push(`${program} ${opt}`);
    }
    if (c.words.some((w) => /gpgcheck\s*=\s*0|AllowInsecureRepositories=(true|1)|\[trusted=yes\]/i.test(w)))
      reasons.push(`${program} with signature checks off`);
    const previous = commands[n - 1];
    if (c.after === '|' && SHELLS.has(program) && previous && (previous.words[0] === 'curl' || previous.words[0] === 'wget')) {
      reasons.push(`${previous.words[0]} piped into ${program}`);
    }
  });
  return [...new Set(reasons)];
}
