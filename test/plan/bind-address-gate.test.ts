// CIS 5.14 rebinds published ports to the profile's bindHostIp; on an address the host lacks the
// container would not start, so the plan refuses (blocking) and plans nothing for 5.14.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { emptyFacts } from '../../src/facts/empty-facts.js';
import type { HostFacts } from '../../src/facts/host-facts.js';
import { buildPlan } from '../../src/plan/build-plan.js';
import { allRules } from '../../src/rules/catalog.js';
import { DEFAULT_PARAMS } from '../../src/rules/params.js';
import { planBlockers } from '../../src/plan-model/plan.js';

const fixture = JSON.parse(readFileSync('test/fixtures/rules/5.14/fail.json', 'utf8')) as Partial<HostFacts>;
const rules = allRules.filter((r) => r.id === '5.14');

function plan(bindHostIp: string, hostAddresses?: string[] | null) {
  const facts = emptyFacts({ ...fixture, ...(hostAddresses !== undefined ? { hostAddresses } : {}) });
  return buildPlan({ facts, rules, params: { ...DEFAULT_PARAMS, bindHostIp }, profileName: 'site' });
}

/** Everything the plan would do or advise for 5.14, as text. */
const for514 = (p: ReturnType<typeof plan>) =>
  JSON.stringify([p.files, p.steps, p.manual, p.warnings]).match(/5\.14|127\.0\.0\.1|192\.0\.2\.2|10\.9\.9\.9/g) ?? [];

describe('bindHostIp is checked against the host addresses', () => {
  it('an address the host has: 5.14 is planned, nothing refused', () => {
    const p = plan('192.0.2.2', ['127.0.0.1', '192.0.2.2', 'fd00::2']);
    expect(p.refused).toEqual([]);
    expect(for514(p).length).toBeGreaterThan(0);
  });

  it('an address the host lacks: a blocking refusal naming the addresses, and nothing for 5.14', () => {
    const p = plan('10.9.9.9', ['127.0.0.1', '192.0.2.2', 'fe80::1', 'fd00::2']);
    expect(planBlockers(p)).toHaveLength(1);
    expect(p.refused[0]!.text).toBe(
      'bindHostIp 10.9.9.9 is not an address of this host, so no port is rebound (5.14): a container published on it would not start. Set bindHostIp in the profile to one of: 127.0.0.1, 192.0.2.2, fd00::2.',
    );
    expect(for514(p)).toEqual([]);
    expect(p.steps).toEqual([]);
  });

  it('IPv6 is compared as an address, not as text', () => {
    expect(plan('FD00:0:0::2', ['127.0.0.1', 'fd00::2']).refused).toEqual([]);
    expect(planBlockers(plan('fd00::3', ['127.0.0.1', 'fd00::2']))).toHaveLength(1);
  });

  it('facts without addresses (older files, no /proc) refuse nothing', () => {
    expect(plan('10.9.9.9').refused).toEqual([]);
    expect(plan('10.9.9.9', null).refused).toEqual([]);
  });
});

describe('a host with nothing to rebind', () => {
  it('is not held up by a bindHostIp it lacks', () => {
    const facts = emptyFacts({ hostAddresses: ['127.0.0.1'] });
    const p = buildPlan({ facts, rules, params: { ...DEFAULT_PARAMS, bindHostIp: '10.9.9.9' }, profileName: 'site' });
    expect(p.refused).toEqual([]);
  });
});
