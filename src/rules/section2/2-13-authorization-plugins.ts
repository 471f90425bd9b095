// CIS 2.13: an authorization plugin screens Docker client commands. The plugin is only written when
// the profile names one, because dockerd refuses to start with a plugin that is not installed.
import type { HostFacts } from '../../facts/host-facts.js';
import { engineInfo, liveReading, type Reading } from './support.js';
import { manual } from './remedy.js';
import { daemonSettingRule } from './setting-rule.js';

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String).filter((p) => p !== '') : []);
const ok = (v: unknown) => list(v).length > 0;

function live(facts: HostFacts): Reading | undefined {
  const plugins = engineInfo(facts)?.Plugins;
  if (!plugins || typeof plugins !== 'object') return undefined;
  const authz = list(plugins.Authorization);
  return liveReading(authz, `docker info: Plugins.Authorization=${JSON.stringify(plugins.Authorization ?? null)}`);
}

export const authorizationPluginsRule = daemonSettingRule(
  {
    id: '2.13',
    aliases: { '1.7.0': '2.12', '1.6.0': '2.12' },
    title: 'Ensure that authorization for Docker client commands is enabled',
    level: 2,
    automated: false,
    severity: 'medium',
    rationale:
      "Docker's own access control is all-or-nothing: whoever can reach the socket can do everything. An authorization plugin can allow or deny each API request, e.g. forbid privileged containers or host mounts.",
    impact: 'Requests the policy does not allow fail; dockerd does not start when the plugin is missing, and an unavailable plugin blocks the API.',
    remediation: 'Install an authorization plugin, write a policy for who may do what, add it to "authorization-plugins" in daemon.json, and reload dockerd.',
    references: ['https://docs.docker.com/engine/extend/plugins_authorization/', 'CIS Docker Benchmark v1.8.0, 2.13'],
  },
  {
    key: 'authorization-plugins',
    subject: 'the authorization plugins',
    live,
    ok,
    same: (a, b) => JSON.stringify(list(a).sort()) === JSON.stringify(list(b).sort()),
    show: (v) => (ok(v) ? list(v).join(', ') : 'no authorization plugin'),
    pass: (r) => `Authorization plugin ${list(r.value).join(', ')} screens Docker API requests (${r.where})`,
    fail: (r) => `No authorization plugin is configured (${r.where}), so every client that reaches the socket may run any Docker command`,
    fix: (_r, _facts, params) =>
      params.authorizationPlugin
        ? [
            {
              kind: 'daemon-json-set',
              key: 'authorization-plugins',
              value: [params.authorizationPlugin],
              impact: `dockerd refuses to start unless the plugin "${params.authorizationPlugin}" is installed and enabled, and it denies every request its policy does not allow.`,
            },
          ]
        : [
            manual(
              'Choose and install an authorization plugin (for example an OPA-based one), write its policy, then name it in the profile (authorizationPlugin) or set "authorization-plugins" in daemon.json.',
            ),
          ],
  },
);
