// Names and file contents reach the wizard from facts, Compose files and images: an ESC or BEL in
// them is drawn escaped (\x1B), so the wizard's frames hold no control character it did not write.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { FindingsScreen } from '../../src/wizard/ui/screens/findings-screen.js';
import { ReviewScreen } from '../../src/wizard/ui/screens/review-screen.js';
import { ActScreen } from '../../src/wizard/ui/screens/act-screen.js';
import { ConfirmScreen } from '../../src/wizard/ui/screens/confirm-screen.js';
import { actOptions, actSummary } from '../../src/wizard/act-step.js';
import { cells } from '../../src/wizard/model/lines.js';
import { KEYS, frame, frameSize, renderScreen, type, type Rendered } from './support/render-screen.js';
import { samplePlan, sampleReport, sevenTargetsReport } from './support/sample.js';

afterEach(cleanup);

const HOSTILE = 'we\u001b]0;pwned\u0007b\u001b[2J';

describe('control characters in the wizard', () => {
  it('a host and container name with ESC and BEL are shown escaped on the Findings screen', async () => {
    const report = sampleReport();
    report.facts.hostname = HOSTILE;
    const privileged = report.findings.find((f) => f.id === '5.5')!;
    privileged.subject = { container: HOSTILE };
    privileged.evidence = [{ kind: 'engine', detail: `container ${HOSTILE}` }];
    const r = renderScreen(<FindingsScreen report={report} onDone={() => {}} />);
    await type(r, KEYS.down, KEYS.down, KEYS.enter, KEYS.down, KEYS.enter);
    const shown = frame(r);
    expect(shown).not.toMatch(/[\u0007\u001b]/);
    expect(shown).toContain('we\\x1B]0;pwned\\x07b');
  });

  it('a path and file content with ESC are shown escaped on the Review screen', () => {
    const plan = samplePlan();
    plan.files[0] = { ...plan.files[0], path: `/srv/${HOSTILE}/docker-compose.hardening.yml`, after: `# ${HOSTILE}\n` };
    const r = renderScreen(<ReviewScreen plan={plan} excluded={[]} onDone={() => {}} />);
    const shown = frame(r);
    expect(shown).not.toMatch(/[\u0007\u001b]/);
    expect(shown).toContain('\\x1B]0;pwned');
  });
});

/** ANSI colour and erase, a line break, a carriage return and HTML, as a container could be named. */
const BREAKING = '<b>web</b>\u001b[31m\nINJECTED ROW\r\u001b[2Kx';

/** Exactly the 23 rows of an 80×24 frame, none wider than 80 cells, with no control character. */
function expectIntactFrame(r: Rendered): string {
  const raw = r.lastFrame() ?? '';
  expect(frameSize(r).rows).toBe(23);
  for (const row of raw.split('\n')) expect(cells(row)).toBeLessThanOrEqual(80);
  expect(raw).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  return frame(r);
}

describe('host values that try to break a wizard line', () => {
  it('a container name with ANSI, a newline and HTML stays on its own finding row, as text', async () => {
    const report = sevenTargetsReport();
    report.facts.hostname = `host\n${BREAKING}`;
    report.findings[1].subject = { container: BREAKING };
    report.findings[1].message = `Container ${BREAKING} adds ALL.`;
    const r = renderScreen(<FindingsScreen report={report} onDone={() => {}} />);
    await type(r, KEYS.enter, KEYS.down, KEYS.down, KEYS.enter);
    const shown = expectIntactFrame(r);
    const rows = shown.split('\n');
    // The name is one row, escaped; the words after it are still there, and no row starts with the injected text.
    expect(rows.find((l) => l.includes('✗ 5.4    <b>web</b>'))).toMatch(/<b>web<\/b>\\x….*: adds ALL\.$/);
    expect(shown).toContain('level 1: Container <b>web</b>\\x1B[31m INJECTED ROW');
    expect(rows.some((l) => l.trimStart().startsWith('INJECTED ROW'))).toBe(false);
    expect(rows[0]).toMatch(/^docker-harden · 2\/5 Findings +host <b>web<\/b>/);
  });

  it('a path with a newline and ANSI stays one row in Review, the confirmation and the Act screen', async () => {
    const plan = samplePlan();
    plan.profile = `strict${BREAKING}`;
    plan.files[1] = { ...plan.files[1], path: `/srv/${BREAKING}/daemon.json` };
    const review = renderScreen(<ReviewScreen plan={plan} excluded={[]} onDone={() => {}} />);
    await type(review, 'j');
    expect(expectIntactFrame(review)).toContain('<b>web</b>\\x1B[31m INJECTED ROW');
    cleanup();
    const confirm = renderScreen(<ConfirmScreen question="Write?" details={[`  modify ${plan.files[1].path}`]} yes="Yes" no="No" onDone={() => {}} />);
    expect(expectIntactFrame(confirm)).toMatch(/ {2}modify \/srv\/<b>web<\/b>.*daemon\.json/);
    cleanup();
    const act = renderScreen(
      <ActScreen summary={actSummary(plan, 0)} notices={[`Wrote /tmp/${BREAKING}.sh`]} options={actOptions(plan, '/tmp/root', 0)} onDone={() => {}} />,
    );
    expect(expectIntactFrame(act)).toContain('Profile strict<b>web</b>\\x1B[31m INJECTED ROW');
  });
});
