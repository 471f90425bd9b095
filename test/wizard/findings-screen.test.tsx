import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { FindingsScreen } from '../../src/wizard/ui/screens/findings-screen.js';
import { KEYS, frame, frameSize, renderScreen, type } from './support/render-screen.js';
import { sampleReport } from './support/sample.js';

afterEach(cleanup);

describe('Findings screen', () => {
  it('summarises each CIS section with pass / fail / manual / waived counts', () => {
    const r = renderScreen(<FindingsScreen report={sampleReport()} onDone={() => {}} />);
    expect(frameSize(r).rows).toBe(23);
    expect(frameSize(r).widest).toBeLessThanOrEqual(80);
    expect(frame(r)).toMatchInlineSnapshot(`
      "docker-harden · 2/5 Findings                                               web-1

      1 pass, 3 fail (1 high, 2 medium), 0 warn, 1 manual, 0 not applicable, 1 waived

        CIS section                                          pass   fail manual waived
      › ▸ 1 Host Configuration                                  0      1      1      0
        ▸ 2 Docker daemon configuration                         1      1      0      1
        ▸ 5 Container Runtime Configuration                     0      1      0      0

      ↑↓ move  enter open  c continue  q back  ? help"
    `);
  });

  it('opens a section with enter, a finding to its evidence, and closes them again', async () => {
    const r = renderScreen(<FindingsScreen report={sampleReport()} onDone={() => {}} />);
    await type(r, KEYS.down, KEYS.enter);
    expect(frame(r)).toMatchInlineSnapshot(`
      "docker-harden · 2/5 Findings                                               web-1

      1 pass, 3 fail (1 high, 2 medium), 0 warn, 1 manual, 0 not applicable, 1 waived

        CIS section                                          pass   fail manual waived
        ▸ 1 Host Configuration                                  0      1      1      0
      › ▾ 2 Docker daemon configuration                         1      1      0      1
          ✗ 2.3    Ensure that the logging level is set to 'info'
          ~ 2.16   Ensure live restore is enabled
          ✓ 2.2    Ensure network traffic is restricted between containers on the def…
        ▸ 5 Container Runtime Configuration                     0      1      0      0

      ↑↓ move  enter open  c continue  q back  ? help"
    `);
    await type(r, 'j', KEYS.enter);
    expect(frame(r)).toMatchInlineSnapshot(`
      "docker-harden · 2/5 Findings                                               web-1

      1 pass, 3 fail (1 high, 2 medium), 0 warn, 1 manual, 0 not applicable, 1 waived

        CIS section                                          pass   fail manual waived
        ▸ 1 Host Configuration                                  0      1      1      0
        ▾ 2 Docker daemon configuration                         1      1      0      1
      ›   ✗ 2.3    Ensure that the logging level is set to 'info'
                fail · high · level 1: dockerd logs at debug level, which records
                                       request bodies and fills the disk.
                • daemon.json: /etc/docker/daemon.json: "log-level": "debug"
                • flag: no --log-level flag
                fix: Set it.
          ~ 2.16   Ensure live restore is enabled
          ✓ 2.2    Ensure network traffic is restricted between containers on the def…
        ▸ 5 Container Runtime Configuration                     0      1      0      0

      ↑↓ move  enter open  c continue  q back  ? help"
    `);
    await type(r, KEYS.enter, 'k', KEYS.space);
    expect(frame(r)).not.toContain('▾');
    expect(frame(r)).not.toContain('2.3 ');
  });

  it('scrolls to keep the cursor in view on a short terminal', async () => {
    const r = renderScreen(<FindingsScreen report={sampleReport()} onDone={() => {}} />, { columns: 80, rows: 10 });
    await type(r, KEYS.enter, KEYS.down, KEYS.enter, KEYS.down, KEYS.down, KEYS.down, KEYS.down, KEYS.down);
    expect(frameSize(r).rows).toBe(9);
    expect(frame(r)).toMatchInlineSnapshot(`
      "docker-harden · 2/5 Findings                                               web-1

      1 pass, 3 fail (1 high, 2 medium), 0 warn, 1 manual, 0 not applicable, 1 waived

        CIS section                                          pass   fail manual waived
        ▸ 2 Docker daemon configuration                         1      1      0      1
      › ▸ 5 Container Runtime Configuration                     0      1      0      0

      ↑↓ move  enter open  c continue  q back  ? help   8–9 of 9"
    `);
  });

  it('continues with c and goes back with q or esc', async () => {
    const next = vi.fn();
    await type(renderScreen(<FindingsScreen report={sampleReport()} onDone={next} />), 'c');
    expect(next).toHaveBeenCalledWith({ type: 'next' });
    for (const key of ['q', KEYS.escape]) {
      const back = vi.fn();
      await type(renderScreen(<FindingsScreen report={sampleReport()} onDone={back} />), key);
      expect(back).toHaveBeenCalledWith({ type: 'back' });
    }
  });

  it('takes keys that arrive together in order (a fast typist, a paste)', async () => {
    const r = renderScreen(<FindingsScreen report={sampleReport()} onDone={() => {}} />);
    await type(r, '\rjj\r');
    expect(frame(r)).toContain('›   ? 1.2.1');
    expect(frame(r)).toContain('manual · medium · level 1: Ensure the container host has been');
  });

  it('shows the keys with ?', async () => {
    const r = renderScreen(<FindingsScreen report={sampleReport()} onDone={() => {}} />);
    await type(r, '?');
    expect(frame(r)).toMatchInlineSnapshot(`
      "docker-harden · 2/5 Findings                                               web-1

      Keys on this screen

        ↑ ↓ / k j      move
        pgup pgdn      move a page
        enter / space  open or close a section or finding
        c              continue to the profile
        q / esc        back to the inspection
        ctrl+c         leave the wizard without changes

      Press any key to close this help.

      any key closes the help"
    `);
  });
});
