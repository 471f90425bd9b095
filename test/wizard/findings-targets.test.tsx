// Findings about containers at 80×24: each row names its target first, then what is wrong with it,
// so seven rows of one rule differ where they should instead of repeating the rule's title.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { FindingsScreen } from '../../src/wizard/ui/screens/findings-screen.js';
import { aboutTarget } from '../../src/wizard/model/finding-lines.js';
import { KEYS, frame, frameSize, renderScreen, type } from './support/render-screen.js';
import { sevenTargetsReport } from './support/sample.js';

afterEach(cleanup);

describe('finding rows with a target', () => {
  it('put the target first: "✗ 5.4 web: adds ALL", one row per container', async () => {
    const r = renderScreen(<FindingsScreen report={sevenTargetsReport()} onDone={() => {}} />);
    await type(r, KEYS.enter);
    expect(frameSize(r)).toEqual({ rows: 23, widest: 80 });
    expect(frame(r)).toMatchInlineSnapshot(`
      "docker-harden · 2/5 Findings                                               web-1

      0 pass, 8 fail (8 medium), 0 warn, 0 manual, 0 not applicable, 0 waived

        CIS section                                          pass   fail manual waived
      › ▾ 5 Container Runtime Configuration                     0      8      0      0
          ✗ 5.4    web: adds ALL.
          ✗ 5.4    worker: adds SYS_ADMIN, NET_ADMIN; drop ALL and add back only what…
          ✗ 5.4    cache: adds SYS_ADMIN, NET_ADMIN; drop ALL and add back only what …
          ✗ 5.4    db: adds SYS_ADMIN, NET_ADMIN; drop ALL and add back only what it …
          ✗ 5.4    queue: adds SYS_ADMIN, NET_ADMIN; drop ALL and add back only what …
          ✗ 5.4    proxy: adds SYS_ADMIN, NET_ADMIN; drop ALL and add back only what …
          ✗ 5.4    api: adds SYS_ADMIN, NET_ADMIN; drop ALL and add back only what it…
          ✗ 5.5    debug-shell: is privileged.

      ↑↓ move  enter open  c continue  q back  ? help"
    `);
    expect(frame(r)).not.toContain('restricted within');
  });

  it("opens a target's row to the rule's title, then its message and fix", async () => {
    const r = renderScreen(<FindingsScreen report={sevenTargetsReport()} onDone={() => {}} />);
    await type(r, KEYS.enter, KEYS.down, KEYS.down, KEYS.enter);
    const shown = frame(r);
    expect(shown).toContain('›   ✗ 5.4    worker: adds SYS_ADMIN');
    expect(shown).toContain('rule: Ensure that Linux kernel capabilities are restricted within');
    expect(shown).toContain('fail · medium · level 1: Container worker adds SYS_ADMIN, NET_ADMIN;');
  });

  it('keeps a long target name to its ends, and a message that does not start with it whole', () => {
    const report = sevenTargetsReport();
    report.findings[0].subject = { container: 'a-very-long-compose-project_web-frontend_1' };
    report.findings[0].message = 'Container a-very-long-compose-project_web-frontend_1 adds ALL.';
    const r = renderScreen(<FindingsScreen report={report} onDone={() => {}} />);
    return type(r, KEYS.enter).then(() => {
      expect(frame(r)).toContain('✗ 5.4    a-very-long-…-frontend_1: adds ALL.');
      expect(aboutTarget('Service web of shop is privileged.', 'shop/web')).toBe('Service web of shop is privileged.');
      expect(aboutTarget('Image nginx:1.27 has no HEALTHCHECK instruction.', 'nginx:1.27')).toBe('has no HEALTHCHECK instruction.');
      expect(aboutTarget('The container web, unlike db, is fine.', 'db')).toBe('The container web, unlike db, is fine.');
    });
  });
});
