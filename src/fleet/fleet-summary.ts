// What the fleet reports are made of: a row per host (its counts and worst failing severity), the
// findings that fail on the most hosts, totals, and the verdict --fail-on gives over the fleet.
import type { Severity } from '../rules/rule.js';
import { emptyStatusCounts, failingAtOrAbove, SEVERITIES, severityRank, type FindingStatus } from '../audit/findings.js';
import { compareIds } from '../audit/table-rows.js';
import { failedHosts, isAudited, type FleetHost, type HostFailure } from './fleet-host.js';

export interface HostRow {
  host: string;
  target: string;
  reachable: boolean;
  /** Findings by status (audited hosts only). */
  counts?: Record<FindingStatus, number>;
  /** The most severe failing finding; null when nothing fails. */
  worstFailing?: Severity | null;
  failure?: HostFailure;
}

export interface FleetFinding {
  id: string;
  title: string;
  severity: Severity;
  /** Inventory names of the hosts it fails on, in inventory order. */
  hosts: string[];
}

export interface FleetTotals {
  hosts: number;
  audited: number;
  unreachable: number;
  byStatus: Record<FindingStatus, number>;
  failingBySeverity: Record<Severity, number>;
}

export function hostRows(hosts: readonly FleetHost[]): HostRow[] {
  return hosts.map((h) => {
    if (!isAudited(h)) return { host: h.host, target: h.target, reachable: false, failure: h.failure };
    const failing = h.report.summary.failingBySeverity;
    return {
      host: h.host,
      target: h.target,
      reachable: true,
      counts: h.report.summary.byStatus,
      worstFailing: SEVERITIES.find((s) => failing[s] > 0) ?? null,
    };
  });
}

/** Rules failing on at least one host: most hosts first, then the more severe, then benchmark order. */
export function mostFailing(hosts: readonly FleetHost[]): FleetFinding[] {
  const byRule = new Map<string, FleetFinding>();
  for (const h of hosts) {
    if (!isAudited(h)) continue;
    for (const f of h.report.findings) {
      if (f.status !== 'fail') continue;
      const entry = byRule.get(f.id) ?? byRule.set(f.id, { id: f.id, title: f.title, severity: f.severity, hosts: [] }).get(f.id)!;
      if (!entry.hosts.includes(h.host)) entry.hosts.push(h.host);
    }
  }
  return [...byRule.values()].sort((a, b) => b.hosts.length - a.hosts.length || severityRank(b.severity) - severityRank(a.severity) || compareIds(a.id, b.id));
}

export function fleetTotals(hosts: readonly FleetHost[]): FleetTotals {
  const totals: FleetTotals = {
    hosts: hosts.length,
    audited: 0,
    unreachable: 0,
    byStatus: emptyStatusCounts(),
    failingBySeverity: { critical: 0, high: 0, medium: 0, low: 0 },
  };
  for (const h of hosts) {
    if (!isAudited(h)) {
      totals.unreachable++;
      continue;
    }
    totals.audited++;
    for (const [status, n] of Object.entries(h.report.summary.byStatus)) totals.byStatus[status as FindingStatus] += n;
    for (const s of SEVERITIES) totals.failingBySeverity[s] += h.report.summary.failingBySeverity[s];
  }
  return totals;
}

export interface FleetVerdict {
  /** Hosts with a failing finding at or above the threshold. */
  failing: string[];
  /** Hosts that could not be audited and count against the run. */
  unaudited: string[];
}

/**
 * The run fails when any host fails at or over the threshold, and (unless the caller allows it)
 * when any host could not be audited: a host nobody looked at is not a host that passed.
 */
export function fleetVerdict(hosts: readonly FleetHost[], failOn: Severity | 'none', allowUnreachable: boolean): FleetVerdict {
  const failing = failOn === 'none' ? [] : hosts.filter((h) => isAudited(h) && failingAtOrAbove(h.report.findings, failOn).length > 0).map((h) => h.host);
  return { failing, unaudited: allowUnreachable ? [] : failedHosts(hosts).map((h) => h.host) };
}

/** The sentence the run ends with when the verdict fails it; empty when it passes. */
export function verdictSentence(verdict: FleetVerdict, failOn: Severity | 'none'): string {
  const names = (list: string[]) => (list.length > 5 ? `${list.slice(0, 5).join(', ')} and ${list.length - 5} more` : list.join(', '));
  const parts = [
    verdict.failing.length ? `${plural(verdict.failing.length, 'host')} failing at or above severity ${failOn} (${names(verdict.failing)})` : '',
    verdict.unaudited.length ? `${plural(verdict.unaudited.length, 'host')} not audited (${names(verdict.unaudited)})` : '',
  ].filter(Boolean);
  return parts.length ? `${parts.join('; ')}.` : '';
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
