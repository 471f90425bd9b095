// The scan fixtures: real-format reports (test/scan/fixtures/{trivy,grype,sarif}/) and the host
// they are matched against (host.json: web-1/web-2 on shop/web:1.4, worker, api by digest, cron
// with a stale report, cache with none, and an image no container uses).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { HostFacts } from '../../src/facts/host-facts.js';
import type { ScanReport } from '../../src/facts/scan-facts.js';
import { attachScans, readScanReports } from '../../src/scan/index.js';
import { loadFacts } from '../support/fixtures.js';

export const SCAN_FIXTURES = path.resolve(import.meta.dirname, 'fixtures');
export const NOW = new Date('2026-12-05T12:00:00Z');
export const hex = (c: string) => `sha256:${c.repeat(64)}`;

export const KINDS = {
  trivy: {
    vulnerable: 'trivy/vulnerable.json',
    clean: 'trivy/clean.json',
    notInUse: 'trivy/not-in-use.json',
    stale: 'trivy/stale.json',
    digest: 'trivy/digest.json',
  },
  grype: {
    vulnerable: 'grype/vulnerable.json',
    clean: 'grype/clean.json',
    notInUse: 'grype/not-in-use.json',
    stale: 'grype/stale.json',
    digest: 'grype/digest.json',
  },
  sarif: {
    vulnerable: 'sarif/trivy-vulnerable.sarif',
    clean: 'sarif/trivy-clean.sarif',
    notInUse: 'sarif/trivy-not-in-use.sarif',
    stale: 'sarif/trivy-stale.sarif',
    digest: 'sarif/trivy-digest.sarif',
  },
} as const;

export function fixtureText(rel: string): { source: string; text: string } {
  return { source: rel, text: readFileSync(path.join(SCAN_FIXTURES, rel), 'utf8') };
}

export function readFixtures(...rels: string[]): ScanReport[] {
  return readScanReports(rels.map(fixtureText));
}

export function hostFacts(): HostFacts {
  return loadFacts(path.join(SCAN_FIXTURES, 'host.json'));
}

export function scannedHost(rels: string[], threshold: ScanReport['vulnerabilities'][number]['severity'] = 'high', maxAgeDays = 7): HostFacts {
  return attachScans(hostFacts(), readFixtures(...rels), { threshold, maxAgeDays, now: NOW });
}
