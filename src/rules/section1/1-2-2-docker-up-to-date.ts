// CIS 1.2.2: whether a version is current needs release data the tool does not have offline, so the
// running version is reported for the operator to compare.
import type { Rule } from '../rule.js';

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export const dockerUpToDateRule: Rule = {
  id: '1.2.2',
  aliases: { '1.7.0': '1.2.2', '1.6.0': '1.2.2' },
  title: 'Ensure that the version of Docker is up to date',
  section: 1,
  level: 1,
  automated: false,
  checks: 'manual',
  severity: 'high',
  rationale: 'Engine, containerd and runc releases fix container escapes and daemon vulnerabilities; an old engine keeps them open.',
  impact: 'Upgrading restarts the daemon (and containers without live-restore) and may change defaults; read the release notes first.',
  remediation:
    'Compare the engine, containerd and runc versions with the current releases (https://docs.docker.com/engine/release-notes/) and upgrade through the package manager.',
  references: ['CIS Docker Benchmark v1.8.0, 1.2.2', 'https://docs.docker.com/engine/release-notes/'],
  check(facts) {
    const version = facts.engine?.version;
    const engine = str(version?.Version);
    if (!version || !engine) {
      const probe = facts.probes.engine;
      const why = probe ? `${probe.status}${probe.message ? `: ${probe.message}` : ''}` : 'not collected';
      return [
        {
          status: 'manual',
          message: 'Check the installed Docker version ("docker version"): the engine could not be queried.',
          evidence: [{ kind: 'probe', detail: `engine probe ${why}` }],
        },
      ];
    }
    const components = Array.isArray(version.Components) ? version.Components : [];
    const parts = components
      .filter((c: unknown): c is { Name: string; Version: string } => typeof (c as any)?.Name === 'string' && typeof (c as any)?.Version === 'string')
      .filter((c: { Name: string }) => c.Name !== 'Engine')
      .map((c: { Name: string; Version: string }) => `${c.Name} ${c.Version}`);
    const detail = [`Docker Engine ${engine}`, str(version.ApiVersion) && `API ${version.ApiVersion}`, ...parts].filter(Boolean).join(', ');
    return [
      {
        status: 'manual',
        message: `Docker Engine ${engine} is installed; compare it with the current release and upgrade if it is behind.`,
        evidence: [{ kind: 'engine', detail }],
      },
    ];
  },
};
