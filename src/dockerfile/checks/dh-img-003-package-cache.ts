// DH-IMG-003: package installs in the shipped image skip recommended extras and leave no package
// cache behind (CIS 4.3: nothing the container does not need). Advice only, with the RUN to use.
import type { CheckOutcome } from '../types.js';
import type { DockerfileDoc, Instr } from '../model.js';
import { chainInstructions, finalStage } from '../model.js';
import { runCommands } from '../shell.js';
import { packageCommands } from '../packages.js';
import { oneLineScript } from '../instr-args.js';
import { ownCheck } from './define-check.js';

export const packageCache = ownCheck({
  id: 'DH-IMG-003',
  title: 'Package installs skip recommended packages and clean their cache',
  severity: 'low',
  rationale: 'Recommended packages and cached indexes/archives enlarge the image and its attack surface, and stale indexes are reused by later builds.',
  remediation:
    'apt-get install --no-install-recommends ... && rm -rf /var/lib/apt/lists/*; apk add --no-cache; yum/dnf install ... && yum/dnf clean all, all in the same RUN.',
  check(doc) {
    const out: CheckOutcome[] = [];
    for (const run of chainInstructions(finalStage(doc)).filter((i) => i.keyword === 'RUN')) {
      const outcome = judge(doc, run);
      if (outcome) out.push(outcome);
    }
    return out;
  },
});

function judge(doc: DockerfileDoc, run: Instr): CheckOutcome | null {
  const cmds = packageCommands(runCommands(doc, run));
  const script = oneLineScript(doc, run);
  const cached = (dir: string) => run.flags.some((f) => f.name === 'mount' && /type=cache/.test(f.value ?? '') && (f.value ?? '').includes(dir));
  const problems: string[] = [];
  let fixed = script;
  const apt = cmds.find((c) => c.manager === 'apt' && c.action === 'install');
  if (apt) {
    if (!apt.options.includes('--no-install-recommends') && !apt.options.some((o) => /Install-Recommends=(false|0)/i.test(o))) {
      problems.push(`${apt.program} install without --no-install-recommends`);
      fixed = fixed.replace(/\b(apt-get|apt)((?:\s+-\S+)*)\s+install\b/, '$1$2 install --no-install-recommends');
    }
    if (!/rm\s+(-\S+\s+)*\/var\/lib\/apt\/lists/.test(script) && !cached('/var/lib/apt')) {
      problems.push('without removing /var/lib/apt/lists/*');
      fixed += ' && rm -rf /var/lib/apt/lists/*';
    }
  }
  const apk = cmds.find((c) => c.manager === 'apk' && c.action === 'install');
  if (apk && !apk.options.includes('--no-cache') && !/rm\s+(-\S+\s+)*\/var\/cache\/apk/.test(script) && !cached('/var/cache/apk')) {
    problems.push('apk add without --no-cache');
    fixed = fixed.replace(/\bapk((?:\s+-\S+)*)\s+add\b/, 'apk$1 add --no-cache');
  }
  const yum = cmds.find((c) => c.manager === 'yum' && c.action === 'install');
  if (
    yum &&
    !cmds.some((c) => c.manager === 'yum' && c.action === 'clean') &&
    !/rm\s+(-\S+\s+)*\/var\/cache\/(yum|dnf)/.test(script) &&
    !cached('/var/cache/')
  ) {
    problems.push(`${yum.program} install without ${yum.program} clean all`);
    fixed += ` && ${yum.program} clean all`;
  }
  if (problems.length === 0) return null;
  return { line: run.line, message: `${problems.join(' and ')} in the same RUN`, advice: `RUN ${fixed}` };
}
