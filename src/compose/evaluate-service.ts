// The section-5 items judged on a Compose service definition instead of a container, for projects
// given with --compose whose containers may not exist yet. Each item fails where its rule would
// fail on the container Compose creates, and yields the contribution that rule's remediate()
// yields for a compose-managed container, or its manual advice. Where the rule can only advise
// but the YAML allows a mechanical fix (5.6 read-only binds, 5.22 seccomp=unconfined, 5.32 the
// socket bind), service-wants.ts plans the fix and no advice is repeated here.
import type { HostFacts } from '../facts/host-facts.js';
import type { HardeningParams } from '../rules/params.js';
import type { Tagged } from '../artifacts/contributions.js';
import { effectiveConfig } from '../facts/effective-config.js';
import { byImagePrefix } from '../rules/section5/remediation.js';
import { hostSecurityOptions, parseBool } from '../rules/section5/support.js';
import type { ServiceDef } from './merge-services.js';
import { asList } from './merge-services.js';
import { interpolated, isWildcardHost, parsePort, rebindPort } from './ports.js';
import { capList, deployLimits, healthcheck, restartPolicy, securityOpts, serviceImage, truthy } from './service-reading.js';
import { imageHealthcheck } from './image-facts.js';
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

const DEFAULT_CAPS = new Set([
  'CHOWN', 'DAC_OVERRIDE', 'FSETID', 'FOWNER', 'MKNOD', 'NET_RAW', 'SETGID', 'SETUID',
  'SETFCAP', 'SETPCAP', 'NET_BIND_SERVICE', 'SYS_CHROOT', 'KILL', 'AUDIT_WRITE',
]);
const ROOT_EQUIVALENT = new Set(['ALL', 'SYS_ADMIN']);
const NAMESPACES: [string, string, string][] = [
  ['5.10', 'network_mode', 'it gets its own network namespace: publish the ports it serves, and host services on 127.0.0.1 are no longer reachable from it.'],
  ['5.16', 'pid', 'it no longer sees host processes; tools that inspect or signal them stop working.'],
  ['5.17', 'ipc', 'it no longer shares System V IPC and /dev/shm with the host.'],
  ['5.21', 'uts', 'it gets its own hostname.'],
  ['5.31', 'userns_mode', 'its root is remapped where the daemon uses userns-remap; bind mounts owned by host root may become inaccessible.'],
];

function items(ctx: ServiceContext): [string, () => Fix][] {
  const { def, params, facts } = ctx;
  const who = `Service ${ctx.project}/${ctx.service}`;
  const privileged = truthy(def.privileged);
  const opts = securityOpts(def);
  return [
    ['5.2', () => {
      if (facts.engine && !hostSecurityOptions(facts).has('apparmor')) return null;
      const unconfined = opts.some((o) => o.key === 'apparmor' && o.value === 'unconfined');
      return unconfined ? { compose: [{ key: 'security_opt', value: ['apparmor=docker-default'] }], impact: `${who} becomes confined by docker-default; operations the profile denies start failing.` } : null;
    }],
    ['5.4', () => {
      const added = capList(def.cap_add);
      const failing = privileged || added.some((a) => ROOT_EQUIVALENT.has(a)) ||
        (!capList(def.cap_drop).includes('ALL') && added.some((a) => !DEFAULT_CAPS.has(a)));
      // Keeping Docker's default set only warns, and 5.4 remediates warnings too (remediatesWarnings).
      const keepsDefaults = !capList(def.cap_drop).includes('ALL');
      if (!failing && !keepsDefaults) return null;
      const fromProfile = capList(byImagePrefix(params.capAddByImage, serviceImage(def)) ?? []);
      const keep = [...new Set([...added.filter((a) => !ROOT_EQUIVALENT.has(a)), ...fromProfile])];
      const lost = added.filter((a) => ROOT_EQUIVALENT.has(a));
      return {
        compose: [...(privileged ? [{ key: 'privileged', value: false }] : []), { key: 'cap_drop', value: ['ALL'] }, ...(keep.length ? [{ key: 'cap_add', value: keep }] : [])],
        impact: `${who} ${keep.length ? `keeps only ${keep.join(', ')}` : 'keeps no capabilities'}; chown, setuid or binding ports below 1024 as root fail unless listed in capAddByImage.${lost.length ? ` It loses ${lost.join(', ')}.` : ''}`,
      };
    }],
    ['5.5', () => (privileged ? { compose: [{ key: 'privileged', value: false }], impact: `${who} loses all extra capabilities and host devices.` } : null)],
    ['5.8', () => {
      const low = asList(def.ports).map(parsePort).filter((p) => p && Number(p.published) > 0 && Number(p.published) < 1024);
      return low.length ? { manual: `${who}: publish ${low.map((p) => `${p!.published}->${p!.target}`).join(', ')} on host ports of 1024 or above.` } : null;
    }],
    ...NAMESPACES.map(([id, key, impact]): [string, () => Fix] => [id, () => (def[key] === 'host' ? { compose: [{ key, value: null }], impact: `${who}: ${impact}` } : null)]),
    ['5.11', () => (def.mem_limit || deployLimits(def)?.memory ? null : { compose: [{ key: 'mem_limit', value: params.memoryLimit }], impact: `${who} is OOM-killed if it needs more than ${params.memoryLimit}.` })],
    ['5.12', () => ([undefined, null, 0, 1024, '0', '1024'].includes(def.cpu_shares as never) ? { compose: [{ key: 'cpu_shares', value: params.cpuShares }], impact: `${who} gets ${params.cpuShares}/1024 of the default CPU weight when the CPU is contended.` } : null)],
    ['5.13', () => (truthy(def.read_only) ? null : { compose: [{ key: 'read_only', value: true }, { key: 'tmpfs', value: ['/tmp', '/run'] }], impact: `${who} breaks if its image writes outside volumes, /tmp and /run.` })],
    ['5.14', () => {
      const ports = asList(def.ports);
      const open = ports.filter((p) => !interpolated(p) && parsePort(p) && isWildcardHost(parsePort(p)!.hostIp));
      if (!open.length) return null;
      const value = ports.map((p) => (open.includes(p) ? rebindPort(p, params.bindHostIp, true) : p));
      return { compose: [{ key: 'ports', value }], impact: `${who} is reachable only on ${params.bindHostIp}; clients using other host addresses lose access.` };
    }],
    ['5.15', () => {
      const { name, retries } = restartPolicy(def);
      const ok = name === '' || name === 'no' || (name === 'on-failure' && retries >= 1 && retries <= 5);
      return ok ? null : { compose: [{ key: 'restart', value: `on-failure:${params.restartMaxRetries}` }], impact: `${who} stays down after ${params.restartMaxRetries} failed restarts and is no longer started with the daemon.` };
    }],
    ['5.18', () => {
      const writable = asList(def.devices).filter((d) => typeof d !== 'string' || (d.split(':')[2] ?? 'rwm') !== 'r');
      return writable.length ? { manual: `${who}: remove the devices it does not need (${writable.map(String).join(', ')}) and give the rest read-only permission (:r).` } : null;
    }],
    ['5.20', () => {
      const shared = volumeItems(ctx).filter((v) => /(^|,)r?shared(,|$)/.test(v.propagation));
      return shared.length ? { manual: `${who}: drop shared propagation from ${shared.map((v) => v.spec.target).join(', ')}.` } : null;
    }],
    // seccomp=unconfined entries are removed with the override (service-wants.ts); privileged goes with 5.4/5.5.
    ['5.22', () => (privileged && !ctx.selected.has('5.4') && !ctx.selected.has('5.5')
      ? { manual: `${who} is privileged, which runs it without seccomp: set privileged: false and grant only the capabilities and devices it needs.` } : null)],
    ['5.26', () => {
      const own = opts.filter((o) => o.key === 'no-new-privileges').pop();
      const on = own ? (own.value === null || own.value === '' ? true : parseBool(own.value)) : null;
      const daemon = effectiveConfig(facts).get('no-new-privileges');
      if (on === true || (on === null && daemon !== undefined && parseBool(daemon.value) === true)) return null;
      return { compose: [{ key: 'security_opt', value: ['no-new-privileges:true'] }], impact: `setuid programs inside ${ctx.project}/${ctx.service} (sudo, su) can no longer raise privileges.` };
    }],
    ['5.27', () => {
      const own = healthcheck(def);
      if ((own.test && !own.disabled) || (!own.test && !own.disabled && imageHealthcheck(facts, serviceImage(def)))) return null;
      const test = byImagePrefix(params.healthcheckByImage, serviceImage(def));
      if (!test?.length) return { manual: `${who} (image ${serviceImage(def) || 'built locally'}): add a health check that exercises the service, or add the image to healthcheckByImage in the profile.` };
      const composeTest = ['CMD', 'CMD-SHELL'].includes(test[0]) ? test : ['CMD', ...test];
      return { compose: [{ key: 'healthcheck', value: { test: composeTest } }], impact: `${who} is reported unhealthy whenever its health check fails.` };
    }],
    ['5.29', () => {
      const limit = Number(def.pids_limit ?? deployLimits(def)?.pids ?? 0);
      return limit > 0 ? null : { compose: [{ key: 'pids_limit', value: params.pidsLimit }], impact: `${who} cannot run more than ${params.pidsLimit} processes and threads.` };
    }],
    ['5.30', () => (['bridge', 'default'].includes(String(def.network_mode)) ? { compose: [{ key: 'network_mode', value: null }], impact: `${who} leaves docker0 for the project's own network.` } : null)],
    ['5.32', () => {
      // Binds of the socket itself are removed with the override; a directory holding it needs a person.
      const dirs = volumeItems(ctx).filter((v) => v.socketDir);
      return dirs.length ? { manual: `${who}: mount only what it needs instead of ${dirs.map((v) => v.spec.source).join(', ')}, which holds the Docker socket; if it needs the API, give it a filtering socket proxy.` } : null;
    }],
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
      for (const { key, value } of fix.compose) out.push({ kind: 'compose-service', project: ctx.project, service: ctx.service, key, value, ruleId, ...impact });
    } else if (fix.manual) {
      out.push({ kind: 'manual', text: fix.manual, ruleId, ...impact });
    }
  }
  return out;
}
