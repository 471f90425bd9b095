// The fleet audit for machines: every result of every host with `host` (the inventory name)
// first, a summary per host, the hosts not audited with their reason, the rules failing on the
// most hosts and fleet totals. Each host's results are the single-host JSON report's own.
import { VERSION } from '../core/version.js';
import { BENCHMARK_NAME, toJsonReport, type JsonResult } from '../audit/format-json.js';
import type { AuditReport, AuditSummary } from '../audit/findings.js';
import type { Severity } from '../rules/rule.js';
import { failedHosts, isAudited, type FleetHost, type HostFailureReason } from './fleet-host.js';
import { fleetTotals, hostRows, mostFailing, type FleetFinding, type FleetTotals } from './fleet-summary.js';

export interface FleetJsonHost {
  host: string;
  target: string;
  reachable: boolean;
  facts?: AuditReport['facts'];
  engine?: AuditReport['engine'];
  summary?: AuditSummary;
  worstFailing?: Severity | null;
  reason?: HostFailureReason;
  message?: string;
}

export interface FleetJsonReport {
  tool: 'docker-harden';
  version: string;
  benchmark: typeof BENCHMARK_NAME;
  inventory: string;
  hosts: FleetJsonHost[];
  unreachable: { host: string; target: string; reason: HostFailureReason; message: string }[];
  results: ({ host: string } & JsonResult)[];
  mostFailing: FleetFinding[];
  summary: FleetTotals;
}

export function toFleetJson(hosts: readonly FleetHost[], inventory: string, version = VERSION): FleetJsonReport {
  const rows = hostRows(hosts);
  return {
    tool: 'docker-harden',
    version,
    benchmark: BENCHMARK_NAME,
    inventory,
    hosts: hosts.map((h, i) =>
      isAudited(h)
        ? {
            host: h.host,
            target: h.target,
            reachable: true,
            facts: h.report.facts,
            ...(h.report.engine ? { engine: h.report.engine } : {}),
            summary: h.report.summary,
            worstFailing: rows[i].worstFailing ?? null,
          }
        : { host: h.host, target: h.target, reachable: false, reason: h.failure.reason, message: h.failure.message },
    ),
    unreachable: failedHosts(hosts).map((h) => ({ host: h.host, target: h.target, ...h.failure })),
    results: hosts.flatMap((h) => (isAudited(h) ? toJsonReport(h.report, version).results.map((r) => ({ host: h.host, ...r })) : [])),
    mostFailing: mostFailing(hosts),
    summary: fleetTotals(hosts),
  };
}

export function formatFleetJson(hosts: readonly FleetHost[], inventory: string, version = VERSION): string {
  return JSON.stringify(toFleetJson(hosts, inventory, version), null, 2);
}
