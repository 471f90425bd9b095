import { describe, expect, it } from 'vitest';
import { emptyFacts } from '../../facts/empty-facts.js';
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult } from '../rule.js';
import { DEFAULT_PARAMS } from '../params.js';
import { loadFacts, ruleFixtures } from '../../../test/support/fixtures.js';
import { setuidSetgidRemoved as rule } from './4-8-setuid-setgid-removed.js';

const WEB = 'registry.example.com/shop/web:1.4.2';
const API = 'registry.example.com/shop/api:2.0.0';
const fixture = (name: string): HostFacts =>
  loadFacts(
    ruleFixtures('4.8')
      .pass.concat(ruleFixtures('4.8').fail)
      .find((f) => f.endsWith(`/${name}`))!,
  );
const byImage = (facts: HostFacts): Record<string, CheckResult> => Object.fromEntries(rule.check(facts).map((r) => [r.subject?.image ?? '', r]));

describe('4.8 without scan data', () => {
  it('stays manual and says to run with --deep, engine or not', () => {
    const bare = rule.check(emptyFacts());
    expect(bare.map((r) => r.status)).toEqual(['manual']);
    expect(bare[0].message).toContain('--deep');
    const unscanned = fixture('pass.json');
    delete unscanned.engine!.imageScans;
    expect(rule.check(unscanned).map((r) => r.status)).toEqual(['manual']);
  });
});

describe('4.8 with scan data', () => {
  it('fails an image with setuid/setgid files and names each file as evidence', () => {
    const web = byImage(fixture('fail.json'))[WEB];
    expect(web.status).toBe('fail');
    expect(web.message).toBe(`Image ${WEB} has 4 setuid/setgid files (used by shop-web-1).`);
    expect(web.evidence.map((e) => e.detail)).toEqual(
      ['/bin/mount', '/bin/su', '/usr/bin/passwd', '/usr/bin/wall'].map((f) => `${WEB}: setuid/setgid file ${f}`),
    );
    expect(web.evidence.every((e) => e.kind === 'image')).toBe(true);
  });

  it('warns, not passes, for an image that has no find to scan with', () => {
    const api = byImage(fixture('fail.json'))[API];
    expect(api.status).toBe('warn');
    expect(api.message).toContain('no find in the image');
    expect(api.evidence.at(-1)?.detail).toContain(`--entrypoint find ${API} /`);
  });

  it('fails on what an incomplete scan found and keeps the reason it is incomplete', () => {
    const [legacy] = rule.check(fixture('fail-incomplete-scan.json'));
    expect(legacy.status).toBe('fail');
    expect(legacy.evidence.map((e) => e.detail)).toEqual([
      'registry.example.com/legacy:7: setuid/setgid file /usr/bin/sudo',
      'registry.example.com/legacy:7: scan incomplete: find exited with 1: find: /home/app/private: Permission denied',
    ]);
  });

  it('passes a clean scanned image and leaves an unscanned one manual', () => {
    const results = byImage(fixture('pass.json'));
    expect(results[WEB].status).toBe('pass');
    expect(results[WEB].evidence[0].detail).toContain('no files (used by shop-web-1)');
    expect(results['debian:12'].status).toBe('manual');
    expect(results['debian:12'].message).toContain('used by no container');
  });

  it('caps the evidence of an image with very many files', () => {
    const facts = fixture('fail.json');
    const id = facts.engine!.images[0].Id as string;
    facts.engine!.imageScans![id] = { setuidFiles: Array.from({ length: 60 }, (_, i) => `/x/f${String(i).padStart(2, '0')}`) };
    const web = byImage(facts)[WEB];
    expect(web.evidence).toHaveLength(51);
    expect(web.evidence[50].detail).toBe(`${WEB}: and 10 more setuid/setgid files`);
  });

  it('says whether there are images at all', () => {
    const facts = fixture('pass.json');
    facts.engine!.images = [];
    expect(rule.check(facts).map((r) => r.status)).toEqual(['not-applicable']);
  });

  it('advises a rebuild for each failing image only', () => {
    const advice = rule.remediate!(fixture('fail.json'), DEFAULT_PARAMS);
    expect(advice).toHaveLength(1);
    expect(advice[0]).toMatchObject({ kind: 'manual' });
    expect((advice[0] as { text: string }).text).toMatch(new RegExp(`^Image ${WEB.replace(/[.:/]/g, '\\$&')}: strip the setuid/setgid bits`));
    expect(rule.remediate!(fixture('pass.json'), DEFAULT_PARAMS)).toEqual([]);
  });
});
