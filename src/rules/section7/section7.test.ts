import { describe, expect, it } from 'vitest';
import type { HostFacts } from '../../facts/host-facts.js';
import { emptyFacts } from '../../facts/empty-facts.js';
import type { CheckResult } from '../rule.js';
import { loadFacts, ruleFixtures } from '../../../test/support/fixtures.js';
import { section7Rules } from './index.js';

const statuses = (results: CheckResult[]) => results.map((r) => r.status);
const rule = (id: string) => section7Rules.find((r) => r.id === id)!;

/** The swarm manager of the 7.1 pass fixture, with its Swarm info changed. */
function manager(edit: (swarm: Record<string, any>) => void = () => {}): HostFacts {
  const facts = loadFacts(ruleFixtures('7.1').pass[0]);
  edit(facts.engine!.info.Swarm);
  return facts;
}

describe('section 7 catalogue', () => {
  it('lists 7.1 to 7.9 in order', () => {
    expect(section7Rules.map((r) => r.id)).toEqual(Array.from({ length: 9 }, (_, i) => `7.${i + 1}`));
    expect(section7Rules.filter((r) => r.checks === 'facts').map((r) => r.id)).toEqual(['7.1', '7.3', '7.5']);
  });

  it('is not-applicable on an engine that is not an active swarm node', () => {
    const inactive = manager((s) => (s.LocalNodeState = 'inactive'));
    for (const r of section7Rules) expect(statuses(r.check(inactive))).toEqual(['not-applicable']);
  });

  it('gives the exact command for the manual items', () => {
    for (const r of section7Rules.filter((x) => x.checks === 'manual')) {
      const [result] = r.check(manager());
      expect(result.status).toBe('manual');
      expect(result.evidence.some((e) => e.kind === 'command' && /^(docker|ss) /.test(e.detail))).toBe(true);
    }
  });

  it('warns naming the probe when the engine could not be read', () => {
    expect(rule('7.3').check(emptyFacts({ probes: { engine: { status: 'not-running' } } }))[0].evidence[0].detail).toBe('engine: not-running');
  });
});

describe('swarm decisions', () => {
  it('7.1 fails an even manager count, warns above seven, and asks workers to run it on a manager', () => {
    expect(rule('7.1').check(manager((s) => (s.Managers = 4)))[0].status).toBe('fail');
    expect(rule('7.1').check(manager((s) => (s.Managers = 9)))[0].status).toBe('warn');
    expect(rule('7.1').check(manager((s) => (s.Managers = 1)))[0].status).toBe('pass');
    expect(rule('7.1').check(manager((s) => (s.ControlAvailable = false)))[0].status).toBe('manual');
  });

  it('7.3 skips ingress and reports each overlay network', () => {
    const facts = loadFacts(ruleFixtures('7.3').fail[0]);
    facts.engine!.networks.push(
      { Name: 'shop_front', Driver: 'overlay', Scope: 'swarm', Options: { encrypted: 'true' } },
      { Name: 'bridge', Driver: 'bridge', Scope: 'local', Options: {} },
    );
    const results = rule('7.3').check(facts);
    expect(results.map((r) => [r.status, r.message])).toEqual([
      ['fail', 'Overlay network shop_backend carries traffic between nodes unencrypted.'],
      ['pass', 'Overlay network shop_front is encrypted.'],
    ]);
  });

  it('7.5 is manual on a worker, where autolock is not visible', () => {
    expect(
      rule('7.5').check(
        manager((s) => {
          s.ControlAvailable = false;
          delete s.Cluster;
        }),
      )[0].status,
    ).toBe('manual');
  });

  it('7.7 shows the node certificate expiry in days', () => {
    expect(rule('7.7').check(manager())[0].evidence[0].detail).toContain('90 days');
  });
});
