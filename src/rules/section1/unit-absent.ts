// The result for a unit the systemd probe did not find: not applicable on hosts without the unit
// (or without systemd), a warning when the probe itself failed.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult } from '../rule.js';

export function unitAbsent(facts: HostFacts, unit: 'docker.service' | 'docker.socket'): CheckResult {
  const probe = facts.probes.systemd;
  if (probe && probe.status !== 'ok' && probe.status !== 'missing') {
    return {
      status: 'warn',
      message: `Whether ${unit} exists is unknown because the systemd probe failed.`,
      evidence: [{ kind: 'probe', detail: `systemd probe ${probe.status}${probe.message ? `: ${probe.message}` : ''}` }],
    };
  }
  return {
    status: 'not-applicable',
    message: `There is no ${unit} unit on this host.`,
    evidence: [{ kind: 'systemd', detail: `${unit} not found${probe?.status === 'missing' ? ' (systemd not present)' : ''}` }],
  };
}
