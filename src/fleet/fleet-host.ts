// One inventory host's part of a fleet audit: its audit report, or why there is none. Plain data,
// made at the edge (services/fleet-audit-service.ts) and read by the aggregation and the reports.
import type { AuditReport } from '../audit/findings.js';

/** Why a host has no report: the SSH failures, then what can go wrong once logged in. */
export type HostFailureReason = 'unreachable' | 'host-key' | 'permission-denied' | 'collector' | 'engine' | 'unsupported' | 'failed';

export interface HostFailure {
  reason: HostFailureReason;
  /** One sentence, shown as it is in every report. */
  message: string;
}

interface HostBase {
  /** The inventory name. */
  host: string;
  /** Where it was reached: ssh://user@host:port. */
  target: string;
}

export type FleetHost = (HostBase & { report: AuditReport }) | (HostBase & { failure: HostFailure });

export function isAudited(h: FleetHost): h is HostBase & { report: AuditReport } {
  return 'report' in h;
}

export function failedHosts(hosts: readonly FleetHost[]): (HostBase & { failure: HostFailure })[] {
  return hosts.filter((h): h is HostBase & { failure: HostFailure } => 'failure' in h);
}
