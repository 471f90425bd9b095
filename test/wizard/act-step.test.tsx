// The Act step over a fixed plan, on a screen host mounted by ink-testing-library: where the cursor
// comes back to, saving more than one artifact, and a plan that has nothing to write.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { act, actOptions, actSummary, writeQuestion } from '../../src/wizard/act-step.js';
import { createScreenHost, type Mount } from '../../src/wizard/ui/screen-host.js';
import type { Plan } from '../../src/plan-model/plan.js';
import type { HostFacts } from '../../src/facts/host-facts.js';
import { KEYS, waitFor } from './support/render-screen.js';
import { samplePlan } from './support/sample.js';
import { readFactsFile } from '../../src/facts/facts-file.js';

const dirs: string[] = [];
afterEach(cleanup);
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function startAct(plan: Plan, leftOut = 0, facts: Promise<HostFacts> = new Promise<HostFacts>(() => {})) {
  let r: ReturnType<typeof render> | undefined;
  const mount: Mount = (node) => (r = render(node));
  const host = createScreenHost({ color: false, size: { columns: 80, rows: 24 }, mount });
  const cwd = mkdtempSync(path.join(tmpdir(), 'dh-act-'));
  dirs.push(cwd);
  const opts = { root: path.join(cwd, 'root'), color: false, dockerHost: 'unix:///nonexistent/docker.sock' };
  const outcome = act({ opts, facts, host, cwd, uid: 1000 }, plan, leftOut).finally(() => host.close());
  const screen = () => r?.lastFrame() ?? '';
  const until = (text: string) => waitFor(() => screen().includes(text), `"${text}" on screen`, 10_000);
  const keys = async (...ks: string[]) => {
    for (const k of ks) {
      r!.stdin.write(k);
      await new Promise((res) => setTimeout(res, 20));
    }
  };
  const cursor = () =>
    screen()
      .split('\n')
      .find((l) => l.startsWith('› ')) ?? '';
  return { outcome, screen, until, keys, cursor, cwd };
}

/** A plan in which every file is already as the profile wants it. */
function nothingPlan(): Plan {
  const plan = samplePlan();
  return { ...plan, files: plan.files.filter((f) => f.kind === 'unchanged'), permissions: [], steps: [], warnings: [] };
}

describe('the Act step', () => {
  it('keeps the cursor on the option taken after esc from a path prompt or "no" to writing', async () => {
    const a = startAct(samplePlan());
    await a.until('What now?');
    expect(a.cursor()).toContain('Write the changes now');
    await a.keys('j', 'j', KEYS.enter);
    await a.until('Path: ./docker-harden.patch');
    await a.keys(KEYS.escape);
    await a.until('What now?');
    expect(a.cursor()).toContain('Save a patch');
    await a.keys('k', KEYS.enter);
    await a.until('Path: ./docker-harden.sh');
    await a.keys(KEYS.escape);
    await a.until('What now?');
    expect(a.cursor()).toContain('Save a shell script');
    await a.keys('k', KEYS.enter);
    await a.until('No, go back');
    await a.keys('n');
    await a.until('What now?');
    expect(a.cursor()).toContain('Write the changes now');
    await a.keys('q');
    expect(await a.outcome).toBeNull();
  });

  it('comes back after saving a script, so a patch can be saved too, and says what was saved', async () => {
    const a = startAct(samplePlan());
    await a.until('What now?');
    await a.keys('j', KEYS.enter);
    await a.until('Path: ./docker-harden.sh');
    await a.keys(KEYS.enter);
    await a.until('✓ Wrote');
    const script = path.join(a.cwd, 'docker-harden.sh');
    expect(a.screen()).toContain(`✓ Wrote ${script}: run it as root`);
    // Writing and the patch are still on offer.
    expect(a.screen()).toMatch(/Write the changes now +under /);
    expect(a.cursor()).toContain('Save a shell script');
    await a.keys('j', KEYS.enter);
    await a.until('Path: ./docker-harden.patch');
    await a.keys(KEYS.enter);
    await a.until('.patch (apply with');
    await a.keys('G', KEYS.enter);
    const outcome = await a.outcome;
    expect(outcome?.exitCode).toBe(0);
    expect(outcome?.summary).toEqual([
      expect.stringContaining(`Wrote ${script}`),
      expect.stringContaining('docker-harden.patch'),
      'Nothing was written to the host.',
    ]);
    expect(readFileSync(script, 'utf8')).toContain('/etc/docker/daemon.json');
    expect(readFileSync(path.join(a.cwd, 'docker-harden.patch'), 'utf8')).toContain('+++ b/etc/docker/daemon.json');
  });

  it('offers nothing to write for a plan that changes nothing, and never asks to "write 0 files"', async () => {
    const a = startAct(nothingPlan());
    await a.until('nothing to write');
    expect(a.screen()).toContain('Profile strict: nothing to write, this host already matches it.');
    expect(a.screen()).toContain('There is nothing to write or run; the audit can still be saved.');
    expect(a.screen()).not.toMatch(/Write the changes|Save a shell|Save a patch/);
    expect(a.cursor()).toContain('Quit without changes');
    await a.keys(KEYS.enter);
    expect(await a.outcome).toEqual({ exitCode: 0, summary: ['No changes made.'] });
  });

  it('saves the audit as an HTML report, even when the plan changes nothing, and comes back', async () => {
    const facts = readFactsFile(path.join(import.meta.dirname, '../fixtures/hosts/debian-docker-io.json'));
    const a = startAct(nothingPlan(), 0, facts);
    await a.until('nothing to write');
    await a.keys('k', KEYS.enter);
    await a.until('Path: ./docker-harden-report.html');
    await a.keys(KEYS.enter);
    await a.until('✓ Wrote');
    const html = readFileSync(path.join(a.cwd, 'docker-harden-report.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain((await facts).hostname);
    expect(html).toContain('strict');
    expect(a.cursor()).toContain('Save an HTML report');
    await a.keys('j', KEYS.enter);
    expect((await a.outcome)?.summary).toEqual([expect.stringContaining('docker-harden-report.html'), 'Nothing was written to the host.']);
  });

  it('says when every changed file was left out, and how to get them back', () => {
    expect(actSummary(nothingPlan(), 3)).toBe(
      'Profile strict: nothing to write, every file it changes is left out. Press q to switch some back on in the review.',
    );
    expect(actOptions(nothingPlan(), '/tmp/root', 0).map((o) => o.id)).toEqual(['report', 'quit']);
    expect(actSummary(samplePlan(), 1)).toBe('Profile strict: 3 files, 1 permission fix, 2 steps (1 file left out).');
  });

  it('asks to write only what the plan holds', () => {
    expect(writeQuestion(samplePlan(), '/tmp/root')).toBe('Write 3 files, fix 1 permission and run 2 steps under /tmp/root?');
    const stepsOnly = { ...nothingPlan(), steps: samplePlan().steps.slice(0, 1) };
    expect(writeQuestion(stepsOnly, '/')).toBe('Run 1 step under /?');
    expect(actOptions(stepsOnly, '/', 0).map((o) => o.id)).toEqual(['write', 'script', 'patch', 'report', 'quit']);
  });
});
