// Small, stable inputs for screen tests: an audit report over three sections and a plan of
// three files, made by hand so that frames change only when the screens do.
import type { AuditReport, Finding } from '../../../src/audit/findings.js';
import { summarize } from '../../../src/audit/summary.js';
import { sha256 } from '../../../src/core/sha256.js';
import type { Plan } from '../../../src/plan-model/plan.js';

const finding = (id: string, section: Finding['section'], status: Finding['status'], title: string, extra: Partial<Finding> = {}): Finding => ({
  id,
  aliases: {},
  title,
  section,
  level: 1,
  status,
  severity: 'medium',
  evidence: [],
  message: `${title}: ${status}.`,
  remediation: 'Set it.',
  ...extra,
});

const reportOf = (findings: Finding[]): AuditReport => ({
  facts: { source: 'host', collectedAt: '2026-01-01T00:00:00.000Z', hostname: 'web-1' },
  rules: [],
  findings,
  summary: summarize(findings),
  notes: [],
});

export function sampleReport(): AuditReport {
  const findings: Finding[] = [
    finding('1.1.3', 1, 'fail', 'Ensure auditing is configured for the Docker daemon', {
      evidence: [{ kind: 'audit', detail: 'no watch on /usr/bin/dockerd' }],
    }),
    finding('1.2.1', 1, 'manual', 'Ensure the container host has been Hardened'),
    finding('2.3', 2, 'fail', "Ensure that the logging level is set to 'info'", {
      severity: 'high',
      message: 'dockerd logs at debug level, which records request bodies and fills the disk.',
      evidence: [
        { kind: 'daemon.json', detail: '/etc/docker/daemon.json: "log-level": "debug"' },
        { kind: 'flag', detail: 'no --log-level flag' },
      ],
    }),
    finding('2.16', 2, 'waived', 'Ensure live restore is enabled', { waiver: { reason: 'swarm manager' } }),
    finding('2.2', 2, 'pass', 'Ensure network traffic is restricted between containers on the default bridge'),
    finding('5.5', 5, 'fail', 'Ensure that privileged containers are not used', { subject: { container: 'web' } }),
  ];
  return reportOf(findings);
}

const DAEMON_BEFORE = '{"log-level":"debug"}\n';
const DAEMON_AFTER = '{\n  "log-level": "info",\n  "icc": false\n}\n';
const LONG = `# ${'a very long comment line that does not fit on an eighty column terminal '.repeat(2)}\n`;

export function samplePlan(): Plan {
  return {
    profile: 'strict',
    facts: { source: 'host', collectedAt: '2026-01-01T00:00:00.000Z', root: '/tmp/root' },
    files: [
      {
        path: '/etc/audit/rules.d/docker.rules',
        kind: 'create',
        before: null,
        after: `${LONG}-w /usr/bin/dockerd -k docker\n`,
        mode: 0o640,
        owner: 'root',
        group: 'root',
        beforeSha256: null,
        closes: ['1.1.3'],
        artifact: 'audit-rules',
      },
      {
        path: '/etc/docker/daemon.json',
        kind: 'modify',
        before: DAEMON_BEFORE,
        after: DAEMON_AFTER,
        mode: 0o644,
        owner: 'root',
        group: 'root',
        beforeSha256: sha256(DAEMON_BEFORE),
        closes: ['2.2', '2.3'],
        artifact: 'daemon-json',
      },
      {
        path: '/etc/profile.d/docker-content-trust.sh',
        kind: 'create',
        before: null,
        after: 'export DOCKER_CONTENT_TRUST=1\n',
        mode: 0o644,
        owner: 'root',
        group: 'root',
        beforeSha256: null,
        closes: ['4.5'],
        artifact: 'profile-env',
      },
      {
        path: '/etc/hosts',
        kind: 'unchanged',
        before: 'x\n',
        after: 'x\n',
        mode: 0o644,
        owner: 'root',
        group: 'root',
        beforeSha256: sha256('x\n'),
        closes: [],
        artifact: 'daemon-json',
      },
    ],
    permissions: [{ path: '/etc/docker/daemon.json', mode: 0o644, fromMode: 0o666, closes: ['3.18'] }],
    steps: [
      { id: 'audit-load', description: 'Load the audit rules', command: ['augenrules', '--load'], when: 'after-files', reason: 'rules.d changed' },
      { id: 'docker-restart', description: 'Restart dockerd', command: ['systemctl', 'restart', 'docker'], when: 'after-files', reason: 'icc needs a restart' },
    ],
    warnings: [
      { ruleId: '2.2', text: 'Containers on the default bridge can no longer reach each other except through published ports.' },
      { ruleId: '4.5', text: '/etc/profile.d/docker-content-trust.sh applies to new login shells only.' },
      { text: 'Restarting docker stops every running container (2 running now) because live-restore is not active.' },
    ],
    manual: [{ ruleId: '2.14', text: 'Pick the central log target.' }],
    refused: [],
  };
}

/** Seven containers failing 5.4 and one a different way: a report whose rows differ only by target. */
export function sevenTargetsReport(): AuditReport {
  const title = 'Ensure that Linux kernel capabilities are restricted within containers';
  const names = ['web', 'worker', 'cache', 'db', 'queue', 'proxy', 'api'];
  const findings: Finding[] = names.map((name, i) =>
    finding('5.4', 5, 'fail', title, {
      subject: { container: name },
      message: i === 0 ? `Container ${name} adds ALL.` : `Container ${name} adds SYS_ADMIN, NET_ADMIN; drop ALL and add back only what it needs.`,
    }),
  );
  findings.push(
    finding('5.5', 5, 'fail', 'Ensure that privileged containers are not used', {
      subject: { container: 'debug-shell' },
      message: 'Container debug-shell is privileged.',
    }),
  );
  return reportOf(findings);
}
