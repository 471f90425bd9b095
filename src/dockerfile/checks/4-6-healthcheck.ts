// CIS 4.6: the final image declares a HEALTHCHECK.
import type { CheckOutcome, FixOptions } from '../types.js';
import type { DockerfileDoc, Stage } from '../model.js';
import { chainInstructions, finalStage } from '../model.js';
import { stageFamily } from '../image-family.js';
import { exposedPorts } from '../instr-args.js';
import { finalAnchor, insertLines } from '../text-edits.js';
import { ORDER } from './fix-order.js';
import { cisCheck } from './define-check.js';

/** Ports that are HTTP by convention, in the order the health check prefers them. */
const HTTP_PORTS = [80, 8080, 8000, 3000, 443];

export const healthcheck = cisCheck({
  id: '4.6',
  rationale: 'With a HEALTHCHECK the engine (and orchestrators) can tell a hung container from a working one and replace it; availability is part of security.',
  remediation: 'Add HEALTHCHECK CMD <command that exits 0 while the service works> to the final stage.',
  check(doc, options) {
    const stage = finalStage(doc);
    const last = chainInstructions(stage)
      .filter((i) => i.keyword === 'HEALTHCHECK')
      .pop();
    if (last && !/^NONE\b/i.test(last.args.trim())) return [];
    if (last) {
      return [
        {
          line: last.line,
          message: 'HEALTHCHECK NONE switches the health check off',
          advice: 'replace HEALTHCHECK NONE with HEALTHCHECK CMD <command that exits 0 while the service works>',
        },
      ];
    }
    return [{ line: stage.from.line, message: 'the final stage has no HEALTHCHECK', ...healthcheckFix(doc, stage, options) }];
  },
});

function healthcheckFix(doc: DockerfileDoc, stage: Stage, options: FixOptions): Pick<CheckOutcome, 'fix' | 'advice'> {
  const family = stageFamily(doc, stage);
  const insert = (line: string, warning: string) => ({ fix: { edits: [insertLines(doc, finalAnchor(doc), [line], ORDER.healthcheck)], warnings: [warning] } });
  if (options.healthcheckCmd) {
    return insert(
      `HEALTHCHECK CMD ${options.healthcheckCmd}`,
      `HEALTHCHECK runs "${options.healthcheckCmd}" inside the container: every program it calls must exist in the image.`,
    );
  }
  const ports = chainInstructions(stage)
    .filter((i) => i.keyword === 'EXPOSE')
    .flatMap(exposedPorts);
  const port = HTTP_PORTS.find((p) => p !== 443 && ports.includes(p)) ?? HTTP_PORTS.find((p) => ports.includes(p));
  if (port === undefined || family === 'scratch' || family === 'distroless' || family === 'windows') {
    const why = port === undefined ? 'no HTTP port is EXPOSEd' : 'the image has no shell or wget';
    return { advice: `add HEALTHCHECK CMD <command that exits 0 while the service works> before the CMD (${why}; or pass --healthcheck-cmd)` };
  }
  const url = port === 443 ? 'https://127.0.0.1:443/' : `http://127.0.0.1:${port}/`;
  const tls = port === 443 ? ' --no-check-certificate' : '';
  const needsWget =
    family === 'busybox' || family === 'alpine'
      ? ''
      : ' (busybox and alpine have it; debian, ubuntu and most slim images do not: install it or pass --healthcheck-cmd)';
  return insert(
    `HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD wget -q${tls} -O /dev/null ${url} || exit 1`,
    `HEALTHCHECK runs wget inside the container every 30 s: the image must contain wget${needsWget}.`,
  );
}
