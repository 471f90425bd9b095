// The planner hands remediate() the check's results; a rule must act on them, and give the same
// contributions as when it runs the check itself.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../params.js';
import type { CheckResult } from '../rule.js';
import { loadFacts, ruleFixtures } from '../../../test/support/fixtures.js';
import { section2Rules } from './index.js';
import { daemonFacts } from './testing/daemon-facts.js';

const PASSED: CheckResult[] = [{ status: 'pass', message: 'passed', evidence: [] }];

describe('section 2 remediate takes the check results', () => {
  for (const rule of section2Rules.filter((r) => r.remediate)) {
    for (const file of ruleFixtures(rule.id).fail) {
      it(`${rule.id} ${path.basename(file)}: same fixes from given results, none when they pass`, () => {
        const facts = loadFacts(file);
        const results = rule.check(facts);
        const own = rule.remediate!(facts, DEFAULT_PARAMS);
        expect(own.length).toBeGreaterThan(0);
        expect(rule.remediate!(facts, DEFAULT_PARAMS, results)).toEqual(own);
        expect(rule.remediate!(facts, DEFAULT_PARAMS, PASSED)).toEqual([]);
      });
    }
  }
});

describe('section 2 reads types and defaults from the key table', () => {
  const rule = (id: string) => section2Rules.find((r) => r.id === id)!;

  it('an unset key is judged by its table default, named in the evidence', () => {
    const [res] = rule('2.17').check(daemonFacts({ argv: ['-H', 'fd://'] }));
    expect(res.status).toBe('fail');
    expect(res.evidence.map((e) => e.detail)).toContain(
      '"userland-proxy" is not set in /etc/docker/daemon.json or on the dockerd command line; dockerd\'s default is true',
    );
  });

  it('a structured key is checked for its outer shape only, so the rule can name bad entries', () => {
    const wrongOuter = rule('2.14').check(daemonFacts({ file: { 'log-opts': ['max-size=1m'] } }))[0];
    expect(wrongOuter.message).toContain('"log-opts" is an array where dockerd expects an object');
    const wrongEntry = rule('2.14').check(daemonFacts({ file: { 'log-opts': { 'max-file': 3 } } }))[0];
    expect(wrongEntry.message).toContain('"log-opts" max-file is not a string');
  });

  it('the removal release of a storage driver comes from the table', () => {
    const facts = daemonFacts({ file: { 'storage-driver': 'devicemapper' } });
    expect(rule('2.7').check(facts)[0].message).toContain('removed in Docker Engine 25.0');
    expect(rule('2.6').check(daemonFacts({ file: { 'storage-driver': 'aufs' } }))[0].message).toContain('removed in Docker Engine 24.0');
  });
});
