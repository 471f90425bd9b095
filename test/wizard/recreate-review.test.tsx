// Choosing per container whether to recreate it hardened: Review lists the standalone containers a
// plan with recreate on would recreate (none chosen), space chooses one, the plan for Act is built
// again with only those names, and the write confirmation names them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { ReviewScreen } from '../../src/wizard/ui/screens/review-screen.js';
import { planWith, recreateCandidates } from '../../src/wizard/with-recreates.js';
import { act } from '../../src/wizard/act-step.js';
import { recreateSummary } from '../../src/wizard/recreate-confirm.js';
import { createScreenHost, type Mount } from '../../src/wizard/ui/screen-host.js';
import { buildPlan, type BuildPlanInput } from '../../src/plan/build-plan.js';
import { allRules } from '../../src/rules/catalog.js';
import { DEFAULT_PARAMS } from '../../src/rules/params.js';
import type { HostFacts } from '../../src/facts/host-facts.js';
import { container, hostFacts, httpd } from '../plan/recreate/inspect-fixtures.js';
import { KEYS, frame, frameSize, renderScreen, type, waitFor } from './support/render-screen.js';

afterEach(cleanup);

/** The wizard's plan for profile strict over a host with these containers: recreate off, as a profile leaves it. */
function planned(facts: HostFacts) {
  const input: BuildPlanInput = { facts, rules: allRules, params: DEFAULT_PARAMS, profileName: 'strict', compose: {} };
  return { plan: { ...buildPlan(input), root: '/' }, input };
}

const composeService = container('app-1', (c) => {
  c.Config.Labels = { 'com.docker.compose.project': 'app', 'com.docker.compose.service': 'app' };
});
const twoStandalone = () => planned(hostFacts([httpd('web'), httpd('db'), composeService]));

describe('containers to recreate in Review', () => {
  it('lists the standalone containers a plan with recreate on would recreate, none chosen, compose ones left out', () => {
    const p = twoStandalone();
    expect(p.plan.recreates).toBeUndefined();
    const containers = recreateCandidates(p);
    expect(containers.map((c) => c.container.name)).toEqual(['db', 'web']);
    const r = renderScreen(<ReviewScreen plan={p.plan} excluded={[]} containers={containers} onDone={() => {}} />);
    const shown = frame(r);
    expect(shown).toContain('Containers to recreate (hardened, health-gated, reverted if they fail)');
    expect(shown).toMatch(/\[ \] running +db /);
    expect(shown).toMatch(/\[ \] running +web /);
    expect(shown).not.toContain('app-1');
    expect(frameSize(r).widest).toBeLessThanOrEqual(80);
  });

  it('space chooses the container under the cursor, enter opens its docker run diff, and the result names only the chosen', async () => {
    const p = twoStandalone();
    const containers = recreateCandidates(p);
    const files = p.plan.files.filter((f) => f.kind !== 'unchanged').length;
    const onDone = vi.fn();
    const r = renderScreen(<ReviewScreen plan={p.plan} excluded={[]} containers={containers} cursor={files + 1} onDone={onDone} />);
    expect(frame(r)).toMatch(/› \[ \] running +web /);
    await type(r, KEYS.space);
    expect(frame(r)).toMatch(/› \[x\] running +web /);
    expect(frame(r)).toMatch(/ {2}\[ \] running +db /);
    await type(r, KEYS.enter);
    expect(frame(r)).toContain('docker run of web');
    expect(frame(r)).toMatch(/^\+ +--read-only/m);
    await type(r, KEYS.escape, 'c');
    expect(onDone).toHaveBeenCalledWith({ type: 'next', excluded: [], cursor: files + 1, recreate: ['web'] });
  });

  it('space again takes a container back out', async () => {
    const p = twoStandalone();
    const containers = recreateCandidates(p);
    const files = p.plan.files.filter((f) => f.kind !== 'unchanged').length;
    const onDone = vi.fn();
    const r = renderScreen(<ReviewScreen plan={p.plan} excluded={[]} containers={containers} recreate={['db', 'web']} cursor={files} onDone={onDone} />);
    expect(frame(r)).toMatch(/› \[x\] running +db /);
    await type(r, KEYS.space, 'c');
    expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ recreate: ['web'] }));
  });

  it('a host without standalone containers shows no such section', () => {
    const p = planned(hostFacts([composeService]));
    const containers = recreateCandidates(p);
    expect(containers).toEqual([]);
    const r = renderScreen(<ReviewScreen plan={p.plan} excluded={[]} containers={containers} onDone={() => {}} />);
    expect(frame(r)).not.toContain('Containers to recreate');
  });
});

describe('the plan built again for Act', () => {
  it('recreates only the chosen names, and nothing when none is chosen', () => {
    const p = twoStandalone();
    expect(planWith(p, [], ['web']).recreates?.map((s) => s.container.name)).toEqual(['web']);
    expect(planWith(p, [], ['db', 'web']).recreates?.map((s) => s.container.name)).toEqual(['db', 'web']);
    expect(planWith(p, [], []).recreates).toBeUndefined();
    expect(planWith(p, [], [])).toBe(p.plan);
  });

  it('turns a profile’s recreate: standalone off unless a container is chosen', () => {
    const on = planned(hostFacts([httpd('web')]));
    const input = { ...on.input, params: { ...on.input.params, recreate: 'standalone' as const } };
    const withAll = { plan: { ...buildPlan(input), root: '/' }, input };
    expect(withAll.plan.recreates).toHaveLength(1);
    expect(planWith(withAll, [], []).recreates).toBeUndefined();
    expect(planWith(withAll, [], ['web']).recreates).toHaveLength(1);
  });
});

describe('the write confirmation and summary', () => {
  it('names the containers it will recreate', async () => {
    const plan = planWith(twoStandalone(), [], ['web']);
    let r: ReturnType<typeof render> | undefined;
    const mount: Mount = (node) => (r = render(node));
    const host = createScreenHost({ color: false, size: { columns: 100, rows: 40 }, mount });
    const opts = { root: '/tmp/dh-recreate-root', color: false, dockerHost: 'unix:///nonexistent/docker.sock' };
    const outcome = act({ opts, facts: new Promise<HostFacts>(() => {}), host, cwd: '/tmp', uid: 0 }, plan, 0).finally(() => host.close());
    const screen = () => r?.lastFrame() ?? '';
    await waitFor(() => screen().includes('What now?'), 'the Act screen', 10_000);
    expect(screen()).toMatch(/1 container to recreate/);
    r!.stdin.write(KEYS.enter);
    await waitFor(() => screen().includes('Yes, write now'), 'the confirmation', 10_000);
    expect(screen()).toMatch(/recreate 1 container \(web\) under \/tmp\/dh-recreate-root\?/);
    expect(screen()).toMatch(/ {2}recreate web \(running, gate 10 s\)/);
    expect(screen()).not.toMatch(/recreate db/);
    r!.stdin.write('n');
    await waitFor(() => screen().includes('What now?'), 'back on Act', 10_000);
    r!.stdin.write('q');
    expect(await outcome).toBeNull();
  });

  it('counts the containers recreated and reverted, with the reasons', () => {
    expect(recreateSummary(undefined)).toEqual([]);
    expect(
      recreateSummary([
        { status: 'recreated', name: 'web', oldId: 'a', newId: 'b', closes: [], started: true },
        { status: 'reverted', name: 'db', reason: 'exited 1 after 2 s', closes: [] },
      ]),
    ).toEqual(['Recreated 1 container, reverted 1.', '  db: exited 1 after 2 s']);
  });
});
