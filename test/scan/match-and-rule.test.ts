// Matching reports to the images containers use, the notes for what matched nothing, and rule 4.4
// judged per image from the same fixtures in each of the three formats.
import { describe, expect, it } from 'vitest';
import type { HostFacts } from '../../src/facts/host-facts.js';
import { scanNotes } from '../../src/scan/index.js';
import { imagesScannedAndRebuilt as rule } from '../../src/rules/section4/4-4-images-scanned-and-rebuilt.js';
import { DEFAULT_PARAMS } from '../../src/rules/params.js';
import type { CheckResult } from '../../src/rules/rule.js';
import { KINDS, hex, hostFacts, readFixtures, scannedHost } from './scan-fixtures.js';
import { digestHash, normalTag } from '../../src/scan/image-refs.js';
import { imagesInUse, matchReports } from '../../src/scan/match-images.js';

const byImage = (facts: HostFacts): Record<string, CheckResult> => Object.fromEntries(rule.check(facts).map((r) => [r.subject?.image, r]));

for (const [format, k] of Object.entries(KINDS)) {
  describe(`${format}: 4.4 per image in use`, () => {
    const facts = scannedHost([k.vulnerable, k.clean, k.notInUse, k.stale, k.digest]);
    const results = byImage(facts);

    it('matches by image id first, by digest where the id differs, and never an image no container uses', () => {
      const m = facts.scans!.matches.map((x) => `${x.report}:${x.imageId.slice(7, 8)}:${x.by}`);
      expect(m).toEqual(['0:a:id', '1:b:id', '3:e:id', '4:c:digest']);
    });

    it('fails the vulnerable image with counts, the worst CVEs and their fixes, and the report date', () => {
      const r = results['shop/web:1.4'];
      expect(r.status).toBe('fail');
      expect(r.message).toBe('The scan found 2 vulnerabilities at or above high; rebuild the image on a patched base.');
      const details = r.evidence.map((e) => e.detail);
      const scanner = format === 'grype' ? 'Grype' : 'Trivy';
      expect(details[0]).toBe(`shop/web:1.4: scan report ${k.vulnerable} (${scanner}, 2026-12-04 (0 days old)), matched by id`);
      expect(details[1]).toBe('shop/web:1.4: vulnerabilities: 1 critical, 1 high, 1 medium, 1 low, 0 unknown');
      expect(details[2]).toBe('shop/web:1.4: CVE-2024-5535 (critical) in libssl3 3.3.1-r0: fixed in 3.3.1-r1');
      expect(details[3]).toBe('shop/web:1.4: CVE-2024-6119 (high) in libssl3 3.3.1-r0: fixed in 3.3.2-r0');
      // As severe as its worst vulnerability, not the item's medium.
      expect(r.severity).toBe('critical');
    });

    it('passes the clean image, warns on the stale report and the image without one', () => {
      expect(results['shop/worker:2.0'].status).toBe('pass');
      expect(results['shop/cron:1.0'].status).toBe('warn');
      expect(results['shop/cron:1.0'].message).toBe('The scan report is 65 days old, more than 7; scan the image again.');
      expect(results['redis:7'].status).toBe('warn');
      expect(results['redis:7'].message).toMatch(/^No scan report names this image/);
      expect(results['shop/unused:1']).toBeUndefined();
    });

    it('matches the api image by its repo digest although the report names another image id', () => {
      const r = results['registry.example.com/shop/api:3.1'];
      expect(r.status).toBe('fail');
      expect(r.evidence[0].detail).toMatch(/matched by digest$/);
      expect(r.severity).toBe('high');
    });

    it('notes the report for an image not in use and the image in use without a report', () => {
      expect(scanNotes(facts)).toEqual([
        expect.stringMatching(/^The scan report \S+ \(image shop\/old:0\.9\) matches no image a container uses\.$/),
        'No scan report names the image redis:7, which containers use.',
      ]);
    });
  });
}

describe('thresholds and advice', () => {
  it('scanSeverity critical lets a high-only image pass; low fails the clean one', () => {
    expect(byImage(scannedHost([KINDS.trivy.digest], 'critical'))['registry.example.com/shop/api:3.1'].status).toBe('pass');
    const low = byImage(scannedHost([KINDS.trivy.clean], 'low'))['shop/worker:2.0'];
    expect(low.status).toBe('fail');
    expect(low.severity).toBe('low');
  });

  it('scanMaxAgeDays 90 accepts the 65-day-old report', () => {
    expect(byImage(scannedHost([KINDS.trivy.stale], 'high', 90))['shop/cron:1.0'].status).toBe('pass');
  });

  it('a report that gives no date cannot show an image is clean; the tag is then the only match', () => {
    const facts = scannedHost(['sarif/grype-vulnerable.sarif'], 'critical');
    expect(facts.scans!.matches).toEqual([{ report: 0, imageId: hex('a'), by: 'tag' }]);
    expect(byImage(facts)['shop/web:1.4'].status).toBe('fail');
    const noCritical = scannedHost(['sarif/grype-vulnerable.sarif'], 'critical');
    noCritical.scans!.reports[0].vulnerabilities = noCritical.scans!.reports[0].vulnerabilities.filter((v) => v.severity !== 'critical');
    expect(byImage(noCritical)['shop/web:1.4']).toMatchObject({ status: 'warn', message: expect.stringMatching(/does not say when it ran/) });
  });

  it('the plan names the base to rebuild from and the containers to recreate', () => {
    const facts = scannedHost([KINDS.trivy.vulnerable, KINDS.grype.digest]);
    const advice = rule.remediate!(facts, DEFAULT_PARAMS).map((c) => (c.kind === 'manual' ? c.text : ''));
    expect(advice).toHaveLength(2);
    expect(advice[0]).toMatch(
      /^Rebuild shop\/web:1\.4 from a freshly pulled docker\.io\/library\/alpine:3\.20 with `docker build --pull --no-cache`, then recreate the containers that use it: web-1, web-2\. Fixed versions exist for CVE-2024-5535 \(critical\) in libssl3 3\.3\.1-r0: fixed in 3\.3\.1-r1; CVE-2024-6119/,
    );
    // Grype's digest report carries no base label: the engine's image label names it.
    expect(advice[1]).toMatch(/^Rebuild registry\.example\.com\/shop\/api:3\.1 from a freshly pulled debian:12-slim .*: api\./);
  });

  it('without scan reports 4.4 stays manual, as before', () => {
    expect(rule.check(hostFacts()).map((r) => r.status)).toEqual(['manual']);
    expect(rule.remediate!(hostFacts(), DEFAULT_PARAMS)).toEqual([]);
  });
});

describe('references as scanners and the engine write them', () => {
  it('reads docker.io/library/x and a bare name as the engine short form with its tag', () => {
    expect(normalTag('docker.io/library/redis:7')).toBe('redis:7');
    expect(normalTag('index.docker.io/me/app')).toBe('me/app:latest');
    expect(normalTag('registry.example.com:5000/shop/api:3.1')).toBe('registry.example.com:5000/shop/api:3.1');
    expect(normalTag('registry.example.com:5000/shop/api')).toBe('registry.example.com:5000/shop/api:latest');
    expect(normalTag(`redis@sha256:${'1'.repeat(64)}`)).toBeNull();
  });

  it('compares digests by their hash, bare or after a repository', () => {
    expect(digestHash(`docker.io/library/redis@sha256:${'2'.repeat(64)}`)).toBe(hex('2'));
    expect(digestHash('2'.repeat(64))).toBe(hex('2'));
    expect(digestHash('redis:7')).toBeNull();
  });

  it('a report naming docker.io/library/redis:7 by tag matches the engine image redis:7', () => {
    const facts = hostFacts();
    const report = {
      ...readFixtures(KINDS.trivy.clean)[0],
      image: { name: 'docker.io/library/redis:7', ids: [], digests: [], tags: ['docker.io/library/redis:7'] },
    };
    expect(matchReports(imagesInUse(facts), [report])).toEqual([{ report: 0, imageId: hex('f'), by: 'tag' }]);
  });
});
