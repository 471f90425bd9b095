// A small, fixed rule set and facts for the audit engine's and reporters' own tests, so they do
// not move when the real catalog changes. Not part of the catalog.
import type { HostFacts } from '../../facts/host-facts.js';
import { emptyFacts } from '../../facts/empty-facts.js';
import type { Rule, RuleMeta } from '../../rules/rule.js';

function meta(id: string, overrides: Partial<RuleMeta>): RuleMeta {
  return {
    id,
    aliases: { '1.7.0': id, '1.6.0': id },
    title: `Sample rule ${id}`,
    section: Number(id.split('.')[0]) as RuleMeta['section'],
    level: 1,
    automated: false,
    checks: 'facts',
    severity: 'medium',
    rationale: `Why ${id} matters.`,
    impact: '',
    remediation: `Fix ${id}.`,
    references: ['https://example.invalid/cis'],
    ...overrides,
  };
}

export const insecureRegistries: Rule = {
  ...meta('2.5', { title: 'Ensure insecure registries are not used', severity: 'high' }),
  check(facts) {
    const regs = (facts.daemonJson.parsed?.['insecure-registries'] as string[] | undefined) ?? [];
    if (regs.length === 0) return [{ status: 'pass', message: 'No insecure registries.', evidence: [] }];
    const path = facts.daemonJson.path;
    return [
      {
        status: 'fail',
        message: `Insecure registries: ${regs.join(', ')}.`,
        evidence: [{ kind: 'daemon.json', detail: `${path}: "insecure-registries": ${JSON.stringify(regs)}`, path }],
      },
    ];
  },
};

export const logLevel: Rule = {
  ...meta('2.3', { title: "Ensure the logging level is set to 'info'", severity: 'low', level: 1 }),
  check(facts) {
    const level = facts.daemonJson.parsed?.['log-level'];
    if (level === undefined || level === 'info') return [{ status: 'pass', message: 'log-level is info.', evidence: [] }];
    return [
      { status: 'warn', message: `log-level is ${String(level)}.`, evidence: [{ kind: 'daemon.json', detail: `"log-level": ${JSON.stringify(level)}` }] },
    ];
  },
};

export const privileged: Rule = {
  ...meta('5.5', { title: 'Ensure that privileged containers are not used', severity: 'critical' }),
  check(facts) {
    return (facts.engine?.containers ?? []).map((c) => {
      const name = String(c.Name ?? '').replace(/^\//, '');
      return c.HostConfig?.Privileged
        ? {
            status: 'fail' as const,
            message: `${name} runs privileged.`,
            evidence: [{ kind: 'container', detail: 'HostConfig.Privileged=true', container: name }],
            subject: { container: name },
          }
        : { status: 'pass' as const, message: `${name} is not privileged.`, evidence: [], subject: { container: name } };
    });
  },
};

export const trustedUsers: Rule = {
  ...meta('1.1.2', { title: 'Ensure only trusted users are allowed to control Docker daemon', checks: 'manual', severity: 'high' }),
  check: () => [{ status: 'manual', message: 'Review the docker group.', evidence: [] }],
};

export const broken: Rule = {
  ...meta('6.1', { title: 'Ensure that image sprawl is avoided', severity: 'low', level: 2 }),
  check() {
    throw new TypeError("Cannot read properties of null (reading 'images')");
  },
};

export const swarmManagers: Rule = {
  ...meta('7.1', { title: 'Ensure that the minimum number of manager nodes have been created in a swarm', severity: 'medium' }),
  check: () => [{ status: 'not-applicable', message: 'Swarm mode is not active.', evidence: [] }],
};

export const sampleRules: readonly Rule[] = [trustedUsers, logLevel, insecureRegistries, privileged, broken, swarmManagers];

/** daemon.json with an insecure registry and debug logging; one privileged and one plain container. */
export function sampleFacts(): HostFacts {
  return emptyFacts({
    hostname: 'node-1',
    collectedAt: '2025-01-02T03:04:05.000Z',
    daemonJson: {
      path: '/etc/docker/daemon.json',
      raw: '{}',
      parsed: { 'insecure-registries': ['10.1.2.3:5000'], 'log-level': 'debug' },
    },
    engine: {
      host: 'unix:///var/run/docker.sock',
      version: { Version: '20.10.24' },
      info: {},
      containers: [
        { Name: '/web', HostConfig: { Privileged: true } },
        { Name: '/db', HostConfig: { Privileged: false } },
      ],
      images: [],
      networks: [],
    },
  });
}
