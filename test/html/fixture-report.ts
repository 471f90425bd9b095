// The report the HTML tests look at: a real fixture host (two containers), one of them renamed to
// something hostile, audited by the whole catalog with a profile's waivers, at a fixed clock, so
// the page is the same on every run.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { HostFacts } from '../../src/facts/host-facts.js';
import { runAudit } from '../../src/audit/run-audit.js';
import { allRules } from '../../src/rules/catalog.js';
import { formatHtml } from '../../src/audit/html/format-html.js';
import type { AuditReport, Waiver } from '../../src/audit/findings.js';

export const HOSTILE_NAME = '<script>alert(1)</script>';
export const NOW = new Date('2026-03-01T12:00:00Z');
export const WAIVERS: Waiver[] = [
  { id: '5.5', reason: 'The debug shell needs a privileged container until the March migration.', expires: '2026-03-31' },
  { id: '2.2', reason: 'Inter-container traffic is filtered by the host firewall.', expires: '2026-01-31' },
];

export function fixtureFacts(): HostFacts {
  const path = fileURLToPath(new URL('../fixtures/hosts/debian-docker-io.json', import.meta.url));
  const facts = JSON.parse(readFileSync(path, 'utf8')) as HostFacts;
  const victim = facts.engine!.containers.find((c) => c.Name === '/debug-shell')!;
  victim.Name = `/${HOSTILE_NAME}`;
  return facts;
}

export function fixtureReport(): { facts: HostFacts; report: AuditReport; html: string } {
  const facts = fixtureFacts();
  const report = runAudit(facts, allRules, { waivers: WAIVERS, now: NOW });
  const html = formatHtml(report, { facts, now: NOW, toolVersion: '0.0.0-test', profileName: 'baseline', waivers: WAIVERS });
  return { facts, report, html };
}
