// Names and file contents reach the wizard from facts, Compose files and images: an ESC or BEL in
// them is drawn escaped (\x1B), so the wizard's frames hold no control character it did not write.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { FindingsScreen } from '../../src/wizard/ui/screens/findings-screen.js';
import { ReviewScreen } from '../../src/wizard/ui/screens/review-screen.js';
import { KEYS, frame, renderScreen, type } from './support/render-screen.js';
import { samplePlan, sampleReport } from './support/sample.js';

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
