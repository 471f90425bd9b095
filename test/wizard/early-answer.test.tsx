// A key answered on the plain first frame (before Ink had loaded) stands for the Inspect screen:
// the flow starts on the findings, or leaves, without drawing Inspect again.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { runWizard } from '../../src/wizard/run-wizard.js';
import { createScreenHost, type Mount } from '../../src/wizard/ui/screen-host.js';
import { readFactsFile } from '../../src/facts/facts-file.js';
import type { GlobalOptions } from '../../src/services/options.js';
import { REPO } from '../support/ensure-build.js';
import { waitFor } from './support/render-screen.js';

const FACTS = path.join(REPO, 'test/fixtures/hosts/debian-docker-io.json');
const OPTS: GlobalOptions = { root: '/', dockerHost: 'unix:///nonexistent/docker.sock', from: FACTS, color: false };
afterEach(cleanup);

function start(early: 'next' | 'back') {
  let r: ReturnType<typeof render> | undefined;
  const mount: Mount = (node) => (r = render(node));
  const host = createScreenHost({ color: false, size: { columns: 100, rows: 30 }, mount });
  const outcome = runWizard({ opts: OPTS, facts: readFactsFile(FACTS), host, cwd: REPO, uid: 1000, early }).finally(() => host.close());
  return { outcome, frames: () => r?.frames ?? [], r: () => r };
}

describe('an answer from the first frame', () => {
  it('enter: the flow opens on the findings, and Inspect is never drawn', async () => {
    const w = start('next');
    await waitFor(() => w.frames().some((f) => f.includes('2/5 Findings')), 'the findings', 20_000);
    expect(w.frames().some((f) => f.includes('1/5 Inspect'))).toBe(false);
    // q on the findings goes back to Inspect, drawn by Ink this time.
    w.r()!.stdin.write('q');
    await waitFor(() => w.frames().some((f) => f.includes('1/5 Inspect')), 'Inspect after q', 20_000);
    w.r()!.stdin.write('q');
    await expect(w.outcome).resolves.toEqual({ exitCode: 0, summary: ['No changes made.'] });
  });

  it('q: the flow leaves without changes, drawing nothing', async () => {
    const w = start('back');
    await expect(w.outcome).resolves.toEqual({ exitCode: 0, summary: ['No changes made.'] });
    expect(w.frames()).toEqual([]);
  });
});
