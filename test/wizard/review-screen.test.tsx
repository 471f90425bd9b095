import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { ReviewScreen } from '../../src/wizard/ui/screens/review-screen.js';
import { KEYS, frame, frameSize, renderScreen, type } from './support/render-screen.js';
import { samplePlan } from './support/sample.js';

afterEach(cleanup);

describe('Review screen', () => {
  it('lists the files with +/- counts, what they close and their impact warnings', () => {
    const r = renderScreen(<ReviewScreen plan={samplePlan()} excluded={[]} onDone={() => {}} />);
    expect(frameSize(r)).toMatchObject({ rows: 23 });
    expect(frameSize(r).widest).toBeLessThanOrEqual(80);
    expect(frame(r)).toMatchInlineSnapshot(`
      "docker-harden · 4/5 Review

      Profile strict: 3 of 3 files selected, 1 permission fix, 2 steps.

      › [x] create  /etc/audit/rules.d/docker.rules                     +2    -0
        [x] modify  /etc/docker/daemon.json                             +4    -1   ! 1
        [x] create  /etc/profile.d/docker-content-trust.sh              +1    -0   ! 1

      /etc/audit/rules.d/docker.rules
        closes 1.1.3
        No impact warnings for this file.

      For the whole plan
        ! Restarting docker stops every running container (2 running now) because
          live-restore is not active.

      ↑↓ move  enter diff  space toggle  c continue  q back  ? help"
    `);
  });

  it('shows the impact warnings of the file under the cursor, and those of the whole plan', async () => {
    const r = renderScreen(<ReviewScreen plan={samplePlan()} excluded={[]} onDone={() => {}} />);
    await type(r, 'j');
    expect(frame(r)).toMatchInlineSnapshot(`
      "docker-harden · 4/5 Review

      Profile strict: 3 of 3 files selected, 1 permission fix, 2 steps.

        [x] create  /etc/audit/rules.d/docker.rules                     +2    -0
      › [x] modify  /etc/docker/daemon.json                             +4    -1   ! 1
        [x] create  /etc/profile.d/docker-content-trust.sh              +1    -0   ! 1

      /etc/docker/daemon.json
        closes 2.2, 2.3
        ! [2.2] Containers on the default bridge can no longer reach each other except
          through published ports.

      For the whole plan
        ! Restarting docker stops every running container (2 running now) because
          live-restore is not active.

      ↑↓ move  enter diff  space toggle  c continue  q back  ? help"
    `);
  });

  it('toggles a file out and in with space', async () => {
    const r = renderScreen(<ReviewScreen plan={samplePlan()} excluded={[]} onDone={() => {}} />);
    await type(r, KEYS.down, KEYS.space);
    expect(frame(r)).toContain('› [ ] modify  /etc/docker/daemon.json');
    expect(frame(r)).toContain('2 of 3 files selected');
    await type(r, KEYS.space);
    expect(frame(r)).toContain('› [x] modify  /etc/docker/daemon.json');
  });

  it("opens a file's diff with enter: coloured lines cut at the width, never wrapped", async () => {
    const r = renderScreen(<ReviewScreen plan={samplePlan()} excluded={[]} onDone={() => {}} />);
    await type(r, KEYS.enter);
    expect(frameSize(r)).toMatchObject({ rows: 23 });
    expect(frameSize(r).widest).toBeLessThanOrEqual(80);
    expect(frame(r)).toMatchInlineSnapshot(`
      "docker-harden · 4/5 Review › /etc/audit/rules.d/docker.rules

      --- /dev/null
      +++ b/etc/audit/rules.d/docker.rules
      @@ -0,0 +1,2 @@
      +# a very long comment line that does not fit on an eighty column terminal a ve…
      +-w /usr/bin/dockerd -k docker

      ↑↓ scroll  pgup/pgdn page  q back  ? help"
    `);
  });

  it('scrolls a long diff and goes back to the list with q', async () => {
    const r = renderScreen(<ReviewScreen plan={samplePlan()} excluded={[]} onDone={() => {}} />, { columns: 80, rows: 9 });
    await type(r, KEYS.down, KEYS.enter, 'j', 'j');
    expect(frame(r)).toMatchInlineSnapshot(`
      "docker-harden · 4/5 Review › /etc/docker/daemon.json

      @@ -1,1 +1,4 @@
      -{"log-level":"debug"}
      +{
      +  "log-level": "info",

      ↑↓ scroll  pgup/pgdn page  q back  ? help   lines 3–6 of 8"
    `);
    await type(r, 'q');
    expect(frame(r)).toContain('› [x] modify  /etc/docker/daemon.json');
  });

  it('continues with c, handing over the files switched off', async () => {
    const onDone = vi.fn();
    const r = renderScreen(<ReviewScreen plan={samplePlan()} excluded={['/etc/audit/rules.d/docker.rules']} onDone={onDone} />);
    await type(r, KEYS.down, KEYS.down, KEYS.space, 'c');
    expect(onDone).toHaveBeenCalledWith({
      type: 'next',
      excluded: ['/etc/audit/rules.d/docker.rules', '/etc/profile.d/docker-content-trust.sh'],
      cursor: 2,
      recreate: [],
    });
  });

  it('starts on the file it was on when the person comes back from Act', () => {
    const r = renderScreen(<ReviewScreen plan={samplePlan()} excluded={[]} cursor={1} onDone={() => {}} />);
    expect(frame(r)).toContain('› [x] modify  /etc/docker/daemon.json');
    // A plan with fewer files than before keeps the cursor on its last one.
    cleanup();
    const fewer = renderScreen(<ReviewScreen plan={samplePlan()} excluded={[]} cursor={7} onDone={() => {}} />);
    expect(frame(fewer)).toContain('› [x] create  /etc/profile.d/docker-content-trust.sh');
  });

  it('goes back with esc, keeping the toggles', async () => {
    const onDone = vi.fn();
    const r = renderScreen(<ReviewScreen plan={samplePlan()} excluded={[]} onDone={onDone} />);
    await type(r, KEYS.space, KEYS.escape);
    expect(onDone).toHaveBeenCalledWith({ type: 'back', excluded: ['/etc/audit/rules.d/docker.rules'], cursor: 0, recreate: [] });
  });
});
