// DH-IMG-007: the final image does not switch back to root at the end, and ships no sudo (the
// CIS 4.12-style advice: step down from root with gosu/su-exec, which keeps the process as PID 1).
import type { CheckOutcome } from '../types.js';
import { chainInstructions, finalStage } from '../model.js';
import { runCommands } from '../shell.js';
import { packageCommands } from '../packages.js';
import { isRootUser, userName } from '../instr-args.js';
import { ownCheck } from './define-check.js';

export const rootAndSudo = ownCheck({
  id: 'DH-IMG-007',
  title: 'The final USER is not root and sudo is not installed',
  severity: 'high',
  rationale:
    'An explicit USER root at the end runs the container as root; sudo in the image lets any process become root, and as PID 1 it would swallow the stop signals.',
  remediation: 'End the final stage with a non-root USER; where the entrypoint must start as root, drop privileges with gosu or su-exec, not sudo.',
  check(doc) {
    const chain = chainInstructions(finalStage(doc));
    const out: CheckOutcome[] = [];
    const lastUser = chain.filter((i) => i.keyword === 'USER').pop();
    if (lastUser && isRootUser(userName(lastUser))) {
      out.push({
        line: lastUser.line,
        message: `the last USER is ${userName(lastUser)}, so the container runs as root`,
        advice: 'end the final stage with USER <non-root user>; if start-up needs root, exec gosu <user> "$@" in the entrypoint',
      });
    }
    for (const run of chain.filter((i) => i.keyword === 'RUN')) {
      const sudo = packageCommands(runCommands(doc, run)).some((c) => c.action === 'install' && c.packages.includes('sudo'));
      if (sudo)
        out.push({
          line: run.line,
          severity: 'medium',
          message: 'sudo is installed in the final image, so any process in it can become root',
          advice: 'remove sudo; to step down from root at start-up use gosu or su-exec (exec gosu <user> "$@")',
        });
    }
    return out;
  },
});
