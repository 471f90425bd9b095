import { describe, expect, it } from 'vitest';
import type { EngineObject, HostFacts } from '../../facts/host-facts.js';
import { emptyFacts } from '../../facts/empty-facts.js';
import type { CheckResult } from '../rule.js';
import { loadFacts, ruleFixtures } from '../../../test/support/fixtures.js';
import { imageSprawlAvoided } from './6-1-image-sprawl.js';
import { containerSprawlAvoided } from './6-2-container-sprawl.js';

const statuses = (results: CheckResult[]) => results.map((r) => r.status);

function host(containers: (c: EngineObject) => EngineObject[] = (c) => [c], images: (i: EngineObject) => EngineObject[] = (i) => [i]): HostFacts {
  const facts = loadFacts(ruleFixtures('6.1').pass[0]);
  facts.engine!.containers = containers(facts.engine!.containers[0]);
  facts.engine!.images = images(facts.engine!.images[0]);
  return facts;
}

const stopped = (c: EngineObject, n: number) =>
  Array.from({ length: n }, (_, i) => ({ ...structuredClone(c), Name: `/old-${i}`, State: { Status: 'exited', Running: false } }));

describe('6.1 image sprawl', () => {
  it('warns with the count and names of unused tagged images', () => {
    const facts = host(undefined, (i) => [i, { ...structuredClone(i), Id: 'sha256:old', RepoTags: ['shop/web:1.3.0'] }]);
    const [result] = imageSprawlAvoided.check(facts);
    expect(result.status).toBe('warn');
    expect(result.message).toContain('1 image(s)');
    expect(result.evidence.map((e) => e.detail)).toContain('tagged but unused: shop/web:1.3.0');
  });

  it('is not-applicable without an engine', () => {
    expect(statuses(imageSprawlAvoided.check(emptyFacts({ probes: { engine: { status: 'missing' } } })))).toEqual(['not-applicable']);
  });
});

describe('6.2 container sprawl', () => {
  it('passes a few stopped containers, warns past one limit, fails past both', () => {
    expect(containerSprawlAvoided.check(host((c) => [c, ...stopped(c, 1)]))[0].status).toBe('pass');
    expect(containerSprawlAvoided.check(host((c) => [...stopped(c, 2)]))[0].status).toBe('warn');
    const many = (c: EngineObject) => [...Array.from({ length: 7 }, (_, i) => ({ ...structuredClone(c), Name: `/web-${i}` })), ...stopped(c, 6)];
    expect(containerSprawlAvoided.check(host(many))[0].status).toBe('warn');
    const [fail] = containerSprawlAvoided.check(host((c) => [c, ...stopped(c, 6)]));
    expect(fail.status).toBe('fail');
    expect(fail.evidence[0].detail).toBe('1 running, 6 stopped container(s)');
  });
});
