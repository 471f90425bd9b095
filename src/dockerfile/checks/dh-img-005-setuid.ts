// DH-IMG-005 (CIS 4.8 advice, level 2): setuid/setgid bits removed in the final image, so a
// process cannot use a setuid binary to regain root. Rewritten only with --strict.
import type { CheckOutcome, FixOptions } from '../types.js';
import type { DockerfileDoc, Stage } from '../model.js';
import { chainInstructions, finalStage } from '../model.js';
import { stageFamily } from '../image-family.js';
import { runCommands } from '../shell.js';
import { isRootUser, userName } from '../instr-args.js';
import { finalAnchor, insertLines } from '../text-edits.js';
import { ORDER } from './fix-order.js';
import { ownCheck } from './define-check.js';

export const SETUID_RUN = 'RUN find / -perm /6000 -type f -exec chmod a-s {} + || true';

export const setuidBits = ownCheck({
  id: 'DH-IMG-005',
  title: 'setuid and setgid bits are removed in the final image',
  severity: 'low',
  level: 2,
  rationale:
    'setuid/setgid executables (su, passwd, mount, ...) are the usual way back to root from an unprivileged process; few containers need any (CIS 4.8).',
  remediation: `Add \`${SETUID_RUN}\` before the USER line of the final stage, keeping only the bits the application needs.`,
  check(doc, options) {
    const stage = finalStage(doc);
    const family = stageFamily(doc, stage);
    if (family === 'scratch' || family === 'distroless' || family === 'windows') return [];
    if (
      chainInstructions(stage)
        .filter((i) => i.keyword === 'RUN')
        .some((run) => stripsSetuid(doc, run))
    )
      return [];
    return [{ line: stage.from.line, message: "setuid/setgid bits are left on the final image's files", ...setuidFix(doc, stage, options) }];
  },
});

function stripsSetuid(doc: DockerfileDoc, run: Parameters<typeof runCommands>[1]): boolean {
  const cmds = runCommands(doc, run);
  return cmds.some((c) => c.words[0] === 'find' && c.words.includes('-perm') && /chmod [ugoa]*-s\b|chmod [ugoa]*[-=][^ ]*s/.test(c.words.join(' ')));
}

function setuidFix(doc: DockerfileDoc, stage: Stage, options: FixOptions): Pick<CheckOutcome, 'fix' | 'advice'> {
  const advice = `add before the USER line: ${SETUID_RUN} (or run with --strict)`;
  if (!options.strict) return { advice };
  const users = chainInstructions(stage).filter((i) => i.keyword === 'USER');
  const lastUser = users[users.length - 1];
  let before = finalAnchor(doc);
  if (lastUser && !isRootUser(userName(lastUser))) {
    // The RUN must run as root: before the final stage's own USER line, or not at all.
    if (!stage.instructions.includes(lastUser)) return { advice };
    before = lastUser;
  }
  return {
    fix: {
      edits: [insertLines(doc, before, [SETUID_RUN], ORDER.setuid)],
      warnings: [
        'Removing setuid/setgid bits breaks tools that rely on them inside the container (su, sudo, passwd, ping on old images, mount): restore the ones the application needs with chmod u+s after that line.',
      ],
    },
  };
}
