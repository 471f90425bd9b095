// CIS 3.9–3.14: the CA certificate, server certificate and server key that dockerd's TLS options
// name (see tlsFile) belong to root:root and are read-only. The six items share their files, fix,
// impact and reference; each rule file keeps its title, severity and why it matters.
import type { HostFacts } from '../../facts/host-facts.js';
import type { Rule } from '../rule.js';
import type { ItemSpec } from '../item-rule.js';
import { modeRule, ownershipRule } from './support.js';
import { tlsFile } from './targets.js';

type TlsKey = 'tlscacert' | 'tlscert' | 'tlskey';
type TlsItem = Pick<ItemSpec, 'id' | 'title' | 'severity' | 'rationale'>;

function tlsSpec(key: TlsKey, item: TlsItem, remediation: string) {
  return {
    ...item,
    impact: 'None expected.',
    remediation,
    references: [`CIS Docker Benchmark v1.8.0, ${item.id}`, 'https://docs.docker.com/engine/security/protect-access/'],
    targets: (facts: HostFacts) => tlsFile(facts, key),
  };
}

export function tlsOwnershipRule(key: TlsKey, item: TlsItem): Rule {
  return ownershipRule({ ...tlsSpec(key, item, `chown root:root <${key} path>.`), group: 'root' });
}

export function tlsModeRule(key: TlsKey, maxMode: number, item: TlsItem): Rule {
  return modeRule({ ...tlsSpec(key, item, `chmod ${maxMode.toString(8)} <${key} path>.`), maxMode });
}
