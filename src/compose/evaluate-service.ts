// The section-5 items judged on a Compose service definition instead of a container, for projects
// given with --compose whose containers may not exist yet. Items written over a WorkloadSpec are
// judged and fixed by the rule itself (fixFor over serviceSpec); the rest are judged here, failing
// where their rule would fail on the container Compose creates and yielding the contribution that
// rule's remediate() yields for a compose-managed container, or its manual advice. Where the rule
// can only advise but the YAML allows a mechanical fix (5.6 read-only binds, 5.22
// seccomp=unconfined, 5.32 the socket bind), service-wants.ts plans the fix and no advice is
// repeated here.
import type { HostFacts } from '../facts/host-facts.js';
import type { HardeningParams } from '../rules/params.js';
import type { Tagged } from '../rules/contribution.js';
import { hostSecurityOptions } from '../rules/section5/support.js';
import type { ServiceDef } from './merge-services.js';
import { asList } from './merge-services.js';
import { interpolated, isWildcardHost, parsePort, rebindPort } from './ports.js';
import { securityOpts } from './service-reading.js';
import { serviceSpec } from './service-spec.js';
import * as items5 from '../rules/section5/workload-items.js';
import { volumeItems } from './volume-items.js';

export interface ServiceContext {
  project: string;
  service: string;
  def: ServiceDef;
  facts: HostFacts;
  params: HardeningParams;
  /** Rule ids the profile selected (after waivers). */
  selected: ReadonlySet<string>;
  projectDir: string | null;
}

type Fix = { compose?: { key: string; value: unknown }[]; manual?: string; impact?: string } | null;

function items(ctx: ServiceContext): [string, () => Fix][] {
  const { def, params, facts } = ctx;
  const spec = serviceSpec(ctx.project, ctx.service, def, facts);
  const { who, privileged } = spec;
  const opts = securityOpts(def);
  const shared = (item: items5.WorkloadItem): [string, () => Fix] => [item.id, () => items5.fixFor(item, spec, facts, params)];
  return [
    [
      '5.2',
      () => {
        if (facts.engine && !hostSecurityOptions(facts).has('apparmor')) return null;
        const unconfined = opts.some((o) => o.key === 'apparmor' && o.value === 'unconfined');
        return unconfined
          ? {
              compose: [{ key: 'security_opt', value: ['apparmor=docker-default'] }],
              impact: `${who} becomes confined by docker-default; operations the profile denies start failing.`,
            }
          : null;
      },
    ],
    shared(items5.capabilities),
    shared(items5.noPrivileged),
    [
      '5.8',
      () => {
        const low = asList(def.ports)
          .map(parsePort)
          .filter((p) => p && Number(p.published) > 0 && Number(p.published) < 1024);
        return low.length ? { manual: `${who}: publish ${low.map((p) => `${p!.published}->${p!.target}`).join(', ')} on host ports of 1024 or above.` } : null;
      },
    ],
    ...[items5.hostNetwork, items5.hostPid, items5.hostIpc, items5.hostUts, items5.hostUserns].map(shared),
    shared(items5.memoryLimit),
    shared(items5.cpuShares),
    shared(items5.readOnlyRoot),
    [
      '5.14',
      () => {
        const ports = asList(def.ports);
        const open = ports.filter((p) => !interpolated(p) && parsePort(p) && isWildcardHost(parsePort(p)!.hostIp));
        if (!open.length) return null;
        const value = ports.map((p) => (open.includes(p) ? rebindPort(p, params.bindHostIp, true) : p));
        return {
          compose: [{ key: 'ports', value }],
          impact: `${who} is reachable only on ${params.bindHostIp}; clients using other host addresses lose access.`,
        };
      },
    ],
    shared(items5.restartPolicy),
    shared(items5.hostDevices),
    [
      '5.20',
      () => {
        const shared = volumeItems(ctx).filter((v) => /(^|,)r?shared(,|$)/.test(v.propagation));
        return shared.length ? { manual: `${who}: drop shared propagation from ${shared.map((v) => v.spec.target).join(', ')}.` } : null;
      },
    ],
    // seccomp=unconfined entries are removed with the override (service-wants.ts); privileged goes with 5.4/5.5.
    [
      '5.22',
      () =>
        privileged && !ctx.selected.has('5.4') && !ctx.selected.has('5.5')
          ? { manual: `${who} is privileged, which runs it without seccomp: set privileged: false and grant only the capabilities and devices it needs.` }
          : null,
    ],
    shared(items5.noNewPrivs),
    shared(items5.healthCheck),
    shared(items5.pidsLimit),
    shared(items5.defaultBridge),
    [
      '5.32',
      () => {
        // Binds of the socket itself are removed with the override; a directory holding it needs a person.
        const dirs = volumeItems(ctx).filter((v) => v.socketDir);
        return dirs.length
          ? {
              manual: `${who}: mount only what it needs instead of ${dirs.map((v) => v.spec.source).join(', ')}, which holds the Docker socket; if it needs the API, give it a filtering socket proxy.`,
            }
          : null;
      },
    ],
  ];
}

export function evaluateService(ctx: ServiceContext): Tagged[] {
  const out: Tagged[] = [];
  for (const [ruleId, judge] of items(ctx)) {
    if (!ctx.selected.has(ruleId)) continue;
    const fix = judge();
    if (!fix) continue;
    const impact = fix.impact ? { impact: fix.impact } : {};
    if (fix.compose) {
      for (const { key, value } of fix.compose)
        out.push({ kind: 'compose-service', project: ctx.project, service: ctx.service, key, value, ruleId, ...impact });
    } else if (fix.manual) {
      out.push({ kind: 'manual', text: fix.manual, ruleId, ...impact });
    }
  }
  return out;
}
