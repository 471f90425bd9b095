// CIS 1.2.1: hardening the host OS is a benchmark of its own; the tool cannot judge it.
import type { Rule } from '../rule.js';

export const hostHardenedRule: Rule = {
  id: '1.2.1',
  aliases: { '1.7.0': '1.2.1', '1.6.0': '1.2.1' },
  title: 'Ensure the container host has been Hardened',
  section: 1,
  level: 1,
  automated: false,
  checks: 'manual',
  severity: 'medium',
  rationale: 'Containers share the host kernel; a weak host undermines every container on it.',
  impact: 'OS hardening can disable services or kernel features that workloads rely on; test it before production.',
  remediation:
    'Harden the host OS following the CIS benchmark for its distribution (or a vendor hardening guide), keep the kernel patched and run only what the host needs.',
  references: ['CIS Docker Benchmark v1.8.0, 1.2.1', 'https://www.cisecurity.org/cis-benchmarks'],
  check(facts) {
    return [
      {
        status: 'manual',
        message: `Check ${facts.hostname} against the CIS benchmark for its operating system; docker-harden does not assess OS hardening.`,
        evidence: [{ kind: 'host', detail: `host ${facts.hostname}: OS hardening is outside what the probes inspect` }],
      },
    ];
  },
};
