// CIS 5.14 publishes ports on the profile's bindHostIp. On an address the host does not have,
// dockerd cannot bind and the container no longer starts ("cannot assign requested address"),
// so the plan changes nothing for 5.14 and says which address to use instead. Only where 5.14
// would rebind something (a container fails it, or Compose files are planned): a host with no
// published ports is not held up. Where the facts hold no addresses (older facts, no /proc),
// nothing is known and nothing is refused.
import type { HostFacts } from '../facts/host-facts.js';
import type { Rule } from '../rules/rule.js';
import type { HardeningParams } from '../rules/params.js';
import type { RefusedItem } from '../plan-model/plan.js';
import { canonicalIp } from '../core/ip-address.js';

export const BIND_RULE_ID = '5.14';

export function gateBindAddress(
  facts: HostFacts,
  rules: readonly Rule[],
  params: HardeningParams,
  composeFiles = false,
): { rules: readonly Rule[]; refused: RefusedItem[] } {
  const addresses = facts.hostAddresses;
  const rule = rules.find((r) => r.id === BIND_RULE_ID);
  if (!addresses || !rule) return { rules, refused: [] };
  if (!composeFiles && !rule.check(facts).some((r) => r.status === 'fail')) return { rules, refused: [] };
  const wanted = canonicalIp(params.bindHostIp);
  const own = new Set(addresses.map(canonicalIp));
  if (wanted !== null && own.has(wanted)) return { rules, refused: [] };
  const choices = addresses.filter((a) => !a.startsWith('fe80:')).join(', ');
  return {
    rules: rules.filter((r) => r.id !== BIND_RULE_ID),
    refused: [
      {
        key: 'bindHostIp',
        ruleId: BIND_RULE_ID,
        blocking: true,
        text: `bindHostIp ${params.bindHostIp} is not an address of this host, so no port is rebound (5.14): a container published on it would not start. Set bindHostIp in the profile to one of: ${choices}.`,
      },
    ],
  };
}
