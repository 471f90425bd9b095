// CIS 2.19: experimental features off in production. The engine's ExperimentalBuild field reports
// the live value (experimental is a runtime switch since Engine 18.09).
import { engineInfo, liveReading } from './support.js';
import { daemonSettingRule } from './setting-rule.js';

export const noExperimentalFeaturesRule = daemonSettingRule(
  {
    id: '2.19',
    aliases: { '1.7.0': '2.18', '1.6.0': '2.18' },
    title: 'Ensure that experimental features are not implemented in production',
    level: 1,
    automated: false,
    severity: 'low',
    rationale: "Experimental features are unfinished, change without notice and get less security review, so they widen the daemon's attack surface.",
    impact: 'Experimental features in use (e.g. checkpoint/restore) stop working.',
    remediation: 'Remove "experimental": true from daemon.json (or the --experimental flag) and restart dockerd.',
    references: ['https://docs.docker.com/reference/cli/dockerd/#daemon-configuration-file', 'CIS Docker Benchmark v1.8.0, 2.19'],
  },
  {
    key: 'experimental',
    subject: 'the experimental setting',
    live: (facts) => {
      const v = engineInfo(facts)?.ExperimentalBuild;
      return typeof v === 'boolean' ? liveReading(v, `docker info: ExperimentalBuild=${v}`) : undefined;
    },
    ok: (v) => v !== true,
    pass: (r) => `Experimental features are off (${r.where})`,
    fail: (r) => `Experimental features are on (${r.where}), so unfinished and less reviewed daemon code is reachable through the API`,
    fix: () => [
      {
        kind: 'daemon-json-remove',
        key: 'experimental',
        reason: 'experimental daemon features are not meant for production',
        impact: 'Experimental features in use (e.g. checkpoint/restore) stop working after dockerd restarts.',
      },
    ],
  },
);
