// The section-5 items judged on a Compose service definition instead of a container, for projects
// given with --compose whose containers may not exist yet. Every item is written once over a
// WorkloadSpec (src/rules/section5/workload-items.ts): here it is judged and fixed on the spec read
// from the service, failing where it would fail on the container Compose creates and yielding the
// compose keys or the advice it gives for a compose-managed container. Where the YAML allows a
// mechanical fix the rule can only advise on (5.6 read-only binds, 5.22 seccomp=unconfined, 5.32
// the socket bind), service-wants.ts plans it and the item's service fix leaves it out.
import type { HostFacts } from '../facts/host-facts.js';
import type { Tagged } from '../rules/contribution.js';
import type { HardeningParams } from '../rules/params.js';
import * as items5 from '../rules/section5/workload-items.js';
import type { ServiceDef } from './merge-services.js';
import { serviceSpec } from './service-spec.js';

export interface ServiceContext {
  project: string;
  service: string;
  def: ServiceDef;
  facts: HostFacts;
  params: HardeningParams;
  /** Rule ids the profile selected (after waivers). */
  selected: ReadonlySet<string>;
  projectDir: string | null;
  /** Why the override keeps NET_BIND_SERVICE under cap_drop ALL, or null; 5.4's warning names it. */
  lowPortReason?: string | null;
}

// In the order their notes are listed (pinned by the compose goldens).
const ITEMS: items5.WorkloadItem[] = [
  items5.apparmor,
  items5.capabilities,
  items5.noPrivileged,
  items5.privilegedPorts,
  items5.hostNetwork,
  items5.hostPid,
  items5.hostIpc,
  items5.hostUts,
  items5.hostUserns,
  items5.memoryLimit,
  items5.cpuShares,
  items5.readOnlyRoot,
  items5.hostInterface,
  items5.restartPolicy,
  items5.hostDevices,
  items5.mountPropagation,
  items5.seccomp,
  items5.noNewPrivs,
  items5.healthCheck,
  items5.pidsLimit,
  items5.defaultBridge,
  items5.dockerSocket,
];

/** Advice an item leaves out where other selected items fix the same setting: privileged: false (5.4, 5.5) also restores seccomp. */
const COVERED_BY: Record<string, string[]> = { '5.22': ['5.4', '5.5'] };

export function evaluateService(ctx: ServiceContext): Tagged[] {
  const spec = { ...serviceSpec(ctx.project, ctx.service, ctx.def, ctx.facts, ctx.projectDir), lowPortReason: ctx.lowPortReason ?? null };
  const out: Tagged[] = [];
  for (const item of ITEMS) {
    const ruleId = item.id;
    if (!ctx.selected.has(ruleId)) continue;
    const fix = items5.fixFor(item, spec, ctx.facts, ctx.params);
    if (!fix) continue;
    const impact = fix.impact ? { impact: fix.impact } : {};
    if (fix.compose) {
      for (const { key, value } of fix.compose)
        out.push({ kind: 'compose-service', project: ctx.project, service: ctx.service, key, value, ruleId, ...impact });
    } else if (fix.manual && !COVERED_BY[ruleId]?.some((id) => ctx.selected.has(id))) {
      out.push({ kind: 'manual', text: fix.manual, ruleId, ...impact });
    }
  }
  return out;
}
