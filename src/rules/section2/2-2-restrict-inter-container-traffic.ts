// CIS 2.2: icc=false on the default bridge. The live value is the default bridge network's
// enable_icc option; a daemon without a default bridge (bridge "none") has nothing to restrict.
import type { HostFacts } from '../../facts/host-facts.js';
import { engineInfo, liveReading, readOption, type Reading } from './support.js';
import { manual } from './remedy.js';
import { daemonSettingRule } from './setting-rule.js';

export const ICC_IMPACT =
  'Containers on the default bridge (docker0) can no longer reach each other except through published ports or legacy links; on Docker 28+ dockerd needs the br_netfilter module for this and fails bridge setup without it.';

function defaultBridge(facts: HostFacts) {
  return facts.engine?.networks.find((n) => n.Options?.['com.docker.network.bridge.default_bridge'] === 'true');
}

function liveIcc(facts: HostFacts): Reading | undefined {
  const bridge = engineInfo(facts) ? defaultBridge(facts) : undefined;
  const v = bridge?.Options?.['com.docker.network.bridge.enable_icc'];
  if (v !== 'true' && v !== 'false') return undefined;
  return liveReading(v === 'true', `network "${bridge!.Name}" option com.docker.network.bridge.enable_icc=${v}`);
}

export const restrictInterContainerTrafficRule = daemonSettingRule(
  {
    id: '2.2',
    aliases: { '1.7.0': '2.2', '1.6.0': '2.2' },
    title: 'Ensure network traffic is restricted between containers on the default bridge',
    level: 1,
    automated: false,
    severity: 'medium',
    rationale:
      'By default every container on the default bridge can reach every other container on it, so one compromised container can probe and attack unrelated services that assume a trusted network.',
    impact: ICC_IMPACT,
    remediation:
      'Set "icc": false in daemon.json (or leave the default bridge unused and put containers that must talk on user-defined networks), make sure br_netfilter is loaded on Docker 28 and later, and restart dockerd.',
    references: [
      'https://docs.docker.com/engine/network/drivers/bridge/',
      'https://docs.docker.com/reference/cli/dockerd/#daemon-configuration-file',
      'CIS Docker Benchmark v1.8.0, 2.2',
    ],
  },
  {
    key: 'icc',
    reads: ['bridge', 'iptables'],
    subject: 'the icc setting',
    live: liveIcc,
    decide: (facts) => {
      const bridge = readOption(facts, 'bridge');
      return bridge?.value === 'none'
        ? {
            status: 'pass',
            message: `The default bridge is disabled (bridge "none", ${bridge.where}), so there is no default-bridge traffic to restrict.`,
            evidence: [bridge.evidence],
          }
        : null;
    },
    ok: (v) => v === false,
    pass: (r) => `icc is false (${r.where}), so containers on the default bridge cannot reach each other unless linked`,
    fail: (r) => `icc is true (${r.where}), so every container on the default bridge can reach every other one`,
    fix: (_r, facts) =>
      readOption(facts, 'iptables')?.value === false
        ? [
            manual(
              'icc false works through iptables and dockerd refuses to start with iptables false; let Docker manage iptables (CIS 2.4) before setting "icc": false.',
            ),
          ]
        : [{ kind: 'daemon-json-set', key: 'icc', value: false, impact: ICC_IMPACT }],
  },
);
