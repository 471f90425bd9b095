// CIS 2.5: no insecure registries. dockerd always treats 127.0.0.0/8 (and ::1/128) as insecure and
// reports it in RegistryConfig; that built-in default is not a finding.
import type { HostFacts } from '../../facts/host-facts.js';
import { engineInfo, liveReading, readOption, type Reading } from './support.js';
import { daemonSettingRule } from './setting-rule.js';

const BUILT_IN = new Set(['127.0.0.0/8', '::1/128']);

function userEntries(list: unknown): string[] {
  return (Array.isArray(list) ? list.map(String) : []).filter((e) => !BUILT_IN.has(e)).sort();
}

function configured(facts: HostFacts): Reading | undefined {
  const r = readOption(facts, 'insecure-registries');
  return r && { ...r, value: userEntries(r.value) };
}

function live(facts: HostFacts): Reading | undefined {
  const reg = engineInfo(facts)?.RegistryConfig;
  if (!reg || typeof reg !== 'object') return undefined;
  const cidrs = Array.isArray(reg.InsecureRegistryCIDRs) ? reg.InsecureRegistryCIDRs.map(String) : [];
  const indexes = Object.entries<any>(reg.IndexConfigs ?? {})
    .filter(([, v]) => v?.Secure === false)
    .map(([name]) => name);
  const entries = userEntries([...cidrs, ...indexes]);
  return liveReading(entries, `docker info: RegistryConfig.InsecureRegistryCIDRs ${JSON.stringify(cidrs)}, insecure IndexConfigs ${JSON.stringify(indexes)}`);
}

export const noInsecureRegistriesRule = daemonSettingRule(
  {
    id: '2.5',
    aliases: { '1.7.0': '2.5', '1.6.0': '2.5' },
    title: 'Ensure insecure registries are not used',
    level: 1,
    automated: false,
    severity: 'high',
    rationale:
      'An insecure registry is contacted over plain HTTP or TLS without certificate checks, so anyone on the path can read pushed images and substitute the images the host pulls and runs.',
    impact: 'Pulls from and pushes to the removed registries fail until they serve TLS with a certificate the host trusts.',
    remediation:
      'Give each registry a TLS certificate (a private CA can be trusted per registry in /etc/docker/certs.d/<host:port>/ca.crt), then remove "insecure-registries" from daemon.json and any --insecure-registry flag, and reload dockerd.',
    references: [
      'https://docs.docker.com/reference/cli/dockerd/#insecure-registries',
      'https://docs.docker.com/engine/security/certificates/',
      'CIS Docker Benchmark v1.8.0, 2.5',
    ],
  },
  {
    key: 'insecure-registries',
    subject: 'the insecure registries',
    configured,
    live,
    ok: (v) => userEntries(v).length === 0,
    show: (v) => (userEntries(v).length ? userEntries(v).join(', ') : 'no insecure registries'),
    pass: (r) => `No insecure registries are configured beyond dockerd's built-in 127.0.0.0/8 (${r.where})`,
    fail: (r) => `Insecure registries ${userEntries(r.value).join(', ')} are configured (${r.where}), so images from them are pulled without verified TLS`,
    fix: (r) => [
      {
        kind: 'daemon-json-remove',
        key: 'insecure-registries',
        reason: 'registries reached without verified TLS can serve tampered images',
        impact: `Pulls from and pushes to ${userEntries(r.value).join(', ')} fail until those registries serve TLS with a certificate the host trusts (/etc/docker/certs.d/<registry>/ca.crt).`,
      },
    ],
  },
);
