// The whole flow over a host with two standalone containers: Review offers them, the one chosen
// there is the one the Act step's write confirmation names, and Act's plan carries it alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { runWizard } from '../../src/wizard/run-wizard.js';
import { createScreenHost, type Mount } from '../../src/wizard/ui/screen-host.js';
import type { GlobalOptions } from '../../src/services/options.js';
import { hostFacts, httpd } from '../plan/recreate/inspect-fixtures.js';
import { KEYS, waitFor } from './support/render-screen.js';

const dirs: string[] = [];
afterEach(cleanup);
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('the wizard flow with standalone containers', () => {
  it('recreates only the container chosen in Review, and the confirmation names it', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'dh-wizard-recreate-'));
    dirs.push(root);
    let r: ReturnType<typeof render> | undefined;
    const mount: Mount = (node) => (r = render(node));
    const host = createScreenHost({ color: false, size: { columns: 100, rows: 40 }, mount });
    const opts: GlobalOptions = { root, dockerHost: 'unix:///nonexistent/docker.sock', color: false };
    const facts = Promise.resolve(hostFacts([httpd('web'), httpd('db')]));
    const outcome = runWizard({ opts, facts, host, cwd: root, uid: 0 }).finally(() => host.close());
    const screen = () => r?.lastFrame() ?? '';
    const until = (text: string) => waitFor(() => screen().includes(text), `"${text}" on screen`, 20_000);
    const keys = async (...ks: string[]) => {
      for (const k of ks) {
        r!.stdin.write(k);
        await new Promise((res) => setTimeout(res, 20));
      }
    };
    await until('Press enter to see the findings.');
    await keys(KEYS.enter);
    await until('2/5 Findings');
    await keys('c');
    await until('strict');
    await keys('j', KEYS.enter);
    await until('4/5 Review');
    expect(screen()).toContain('Containers to recreate (hardened, health-gated, reverted if they fail)');
    expect(screen()).toMatch(/\[ \] running +db /);
    expect(screen()).toMatch(/\[ \] running +web /);
    // End of the list is web: choose it, leave db off.
    await keys(...new Array<string>(20).fill('j'), KEYS.space, 'c');
    await until('5/5 Act');
    expect(screen()).toContain('1 container to recreate');
    await keys(KEYS.enter);
    await until('Yes, write now');
    expect(screen()).toContain('recreate 1 container (web)');
    expect(screen()).toMatch(/ {2}recreate web \(running, gate 10 s\)/);
    expect(screen()).not.toMatch(/recreate db/);
    // "No" goes back to Act; q back to Review, where web is still chosen.
    await keys('n');
    await until('What now?');
    await keys('q');
    await until('4/5 Review');
    expect(screen()).toMatch(/› \[x\] running +web /);
    await keys(KEYS.space, 'c');
    await until('5/5 Act');
    expect(screen()).not.toContain('to recreate');
    await keys('G', KEYS.enter);
    expect((await outcome).exitCode).toBe(0);
  });
});
