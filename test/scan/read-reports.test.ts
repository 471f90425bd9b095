// Reading Trivy JSON, Grype JSON and SARIF (Trivy's and Grype's) into one ScanReport shape.
import { describe, expect, it } from 'vitest';
import { KINDS, hex, readFixtures } from './scan-fixtures.js';

describe('each format names the image, the date, the base and the vulnerabilities', () => {
  it('Trivy JSON: ImageID, RepoDigests, RepoTags, CreatedAt, OS and the base-name label', () => {
    const [r] = readFixtures(KINDS.trivy.vulnerable);
    expect(r.format).toBe('trivy-json');
    expect(r.image).toEqual({ name: 'shop/web:1.4', ids: [hex('a')], digests: [`shop/web@sha256:${'d1'.repeat(32)}`], tags: ['shop/web:1.4'] });
    expect(r.createdAt).toBe('2026-12-04T14:30:12.412Z');
    expect(r.base).toEqual({ image: 'docker.io/library/alpine:3.20', os: 'alpine 3.20.2' });
    expect(r.vulnerabilities).toHaveLength(4);
    expect(r.vulnerabilities.find((v) => v.id === 'CVE-2024-5535')).toEqual({
      id: 'CVE-2024-5535',
      severity: 'critical',
      package: 'libssl3',
      installed: '3.3.1-r0',
      fixed: '3.3.1-r1',
    });
    // Trivy leaves FixedVersion out when there is no fix.
    expect(r.vulnerabilities.find((v) => v.id === 'CVE-2024-45490')?.fixed).toBeUndefined();
  });

  it('Grype JSON: source.target ids and digests, descriptor.timestamp in nanoseconds, distro, fix only when state is fixed', () => {
    const [r] = readFixtures(KINDS.grype.vulnerable);
    expect(r.format).toBe('grype-json');
    expect(r.image.ids).toEqual([hex('a')]);
    expect(r.image.digests).toEqual([`shop/web@sha256:${'d1'.repeat(32)}`, `sha256:${'d1'.repeat(32)}`]);
    expect(r.createdAt).toBe('2026-12-04T14:30:12.412Z');
    expect(r.base).toEqual({ image: 'alpine:3.20', os: 'alpine 3.20.2' });
    expect(r.vulnerabilities.map((v) => [v.id, v.severity, v.fixed ?? null])).toEqual([
      ['CVE-2024-6119', 'high', '3.3.2-r0'],
      ['CVE-2024-5535', 'critical', '3.3.1-r1'],
      ['CVE-2024-9143', 'low', '3.3.2-r1'],
      ['CVE-2024-45490', 'medium', null],
    ]);
  });

  it("Trivy's SARIF: the image from run.properties, the fields from the message text", () => {
    const [r] = readFixtures(KINDS.sarif.vulnerable);
    expect(r).toMatchObject({ format: 'sarif', scanner: 'Trivy', createdAt: '2026-12-04T14:30:12.000Z', base: {} });
    expect(r.image.ids).toEqual([hex('a')]);
    expect(r.vulnerabilities.find((v) => v.id === 'CVE-2024-6119')).toEqual({
      id: 'CVE-2024-6119',
      severity: 'high',
      package: 'libssl3',
      installed: '3.3.1-r0',
      fixed: '3.3.2-r0',
    });
  });

  it("Grype's SARIF: the image from the logical location's user input, the CVE id from the help text, no date", () => {
    const [r] = readFixtures('sarif/grype-vulnerable.sarif');
    expect(r.scanner).toBe('grype');
    expect(r.image).toEqual({ name: 'shop/web:1.4', ids: [], digests: [], tags: ['shop/web:1.4'] });
    expect(r.createdAt).toBeNull();
    expect(r.vulnerabilities.map((v) => `${v.id} ${v.severity} ${v.package} ${v.installed} ${v.fixed ?? '-'}`)).toEqual([
      'CVE-2024-6119 high libssl3 3.3.1-r0 3.3.2-r0',
      'CVE-2024-5535 critical libssl3 3.3.1-r0 3.3.1-r1',
      'CVE-2024-9143 low libcrypto3 3.3.1-r0 3.3.2-r1',
      'CVE-2024-45490 medium libexpat 2.6.2-r0 -',
    ]);
  });

  it('a digest-named scan keeps the digest as given, and a clean Trivy result has no vulnerability list at all', () => {
    expect(readFixtures(KINDS.trivy.digest)[0].image.digests).toEqual([`registry.example.com/shop/api@sha256:${'d3'.repeat(32)}`]);
    expect(readFixtures(KINDS.trivy.stale)[0].vulnerabilities).toEqual([]);
  });
});
