// The list keys of a service. Overrides append to cap_add, cap_drop and security_opt (docker-compose
// 1.x unites them, compose-go appends), append ports unless host IP, port and target all match,
// and replace volumes by target; so adding entries is an override, and removing one is a tag
// (`!override`, `!reset []`) where the Compose version has it, else an edit of the base file.
import { asList } from './merge-services.js';
import type { PlaceContext, Placement } from './placement.js';
import { interpolated, isWildcardHost, parsePort, rebindPort } from '../rules/workload/port-entries.js';
import { capList, capName, parseSecurityOpt, sameSecurityOpt, securityOpts } from './service-reading.js';
import type { ServiceWants } from './service-wants.js';
import { readOnlyVolume } from './volumes.js';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const rulesOf = (...sets: (Set<string> | undefined)[]) => [...new Set(sets.flatMap((s) => [...(s ?? [])]))];

export function placeCapabilities(ctx: PlaceContext, wants: ServiceWants, out: Placement): void {
  const dropWant = wants.keys.get('cap_drop');
  const addWant = wants.keys.get('cap_add');
  if (!dropWant && !addWant) return;
  const rules = rulesOf(dropWant?.rules, addWant?.rules);
  const who = `Compose service ${ctx.project}/${ctx.service}`;
  const current = capList(ctx.def.cap_add);
  const baseDropsAll = capList(ctx.def.cap_drop).includes('ALL');
  const desired = [...new Set(capList(addWant?.value))];
  if ((baseDropsAll || capList(dropWant?.value).includes('ALL')) && ctx.lowPortReason && !desired.includes('NET_BIND_SERVICE')) {
    desired.push('NET_BIND_SERVICE');
    out.warnings.push({ ruleId: '5.4', text: `${who} keeps NET_BIND_SERVICE under cap_drop ALL: ${ctx.lowPortReason}.` });
  }
  const ownKept = current.filter((c) => desired.includes(c) && c !== 'NET_BIND_SERVICE');
  if (ownKept.length) {
    out.warnings.push({
      ruleId: '5.4',
      text: `${who} keeps ${ownKept.join(', ')} from its own cap_add, so nothing it was given on purpose is taken away; review whether it still needs ${ownKept.length > 1 ? 'them' : 'it'}.`,
    });
  }
  if (dropWant && !baseDropsAll) out.override.push({ path: ['cap_drop'], value: ['ALL'], rules });
  const remove = current.filter((c) => !desired.includes(c));
  const add = desired.filter((c) => !current.includes(c));
  if (remove.length === 0) {
    if (add.length) out.override.push({ path: ['cap_add'], value: add, rules });
  } else if (ctx.flavour.overrideTag) {
    out.override.push(
      desired.length
        ? { path: ['cap_add'], value: desired, tag: '!override', replace: true, rules }
        : { path: ['cap_add'], value: [], tag: '!reset', replace: true, rules },
    );
  } else {
    out.base.push({
      action: 'remove-items',
      path: ['cap_add'],
      match: (item) => remove.includes(capName(item)),
      rules,
      what: `cap_add ${remove.join(', ')} removed`,
    });
    if (add.length) out.override.push({ path: ['cap_add'], value: add, rules });
  }
}

export function placeSecurityOpts(ctx: PlaceContext, wants: ServiceWants, out: Placement): void {
  const want = wants.keys.get('security_opt');
  const seccomp = wants.removeSeccomp;
  if (!want && !seccomp) return;
  const current = securityOpts(ctx.def);
  const desired = asList(want?.value).map(parseSecurityOpt);
  // An option of the same kind with another value (no-new-privileges:false, apparmor=unconfined)
  // must go: which of two contradicting entries dockerd honours depends on their merged order.
  const conflicts = current.filter((c) => desired.some((d) => d.key === c.key && !sameSecurityOpt(c, d)) || seccomp?.entries.some((e) => same(e, c.raw)));
  const add = desired.filter((d) => !current.some((c) => sameSecurityOpt(c, d))).map((d) => d.raw);
  if (conflicts.some((c) => c.key === 'seccomp')) {
    out.warnings.push({
      ruleId: '5.22',
      text: `Compose service ${ctx.project}/${ctx.service} runs under the default seccomp profile again: the syscalls it blocks (mount, keyctl, unshare, ...) fail inside it.`,
    });
  }
  const addRules = [...(want?.rules ?? [])];
  // Removing seccomp=unconfined closes 5.22; removing a contradicting option closes the rule that wanted its opposite.
  const removeRules = rulesOf(
    conflicts.some((c) => c.key === 'seccomp') ? seccomp?.rules : undefined,
    conflicts.some((c) => c.key !== 'seccomp') ? want?.rules : undefined,
  );
  if (conflicts.length === 0) {
    if (add.length) out.override.push({ path: ['security_opt'], value: add, rules: addRules });
  } else if (ctx.flavour.overrideTag) {
    out.override.push({
      path: ['security_opt'],
      value: [...current.filter((c) => !conflicts.includes(c)).map((c) => c.raw), ...add],
      tag: '!override',
      replace: true,
      rules: rulesOf(want?.rules, seccomp?.rules),
    });
  } else {
    out.base.push({
      action: 'remove-items',
      path: ['security_opt'],
      match: (item) => conflicts.some((c) => same(c.raw, item)),
      rules: removeRules,
      what: `security_opt ${conflicts.map((c) => String(c.raw)).join(', ')} removed`,
    });
    if (add.length) out.override.push({ path: ['security_opt'], value: add, rules: addRules });
  }
}

export function placePorts(ctx: PlaceContext, wants: ServiceWants, out: Placement): void {
  const want = wants.keys.get('ports');
  if (!want) return;
  const rules = [...want.rules];
  const ports = asList(ctx.def.ports);
  const open = (p: unknown) => !interpolated(p) && parsePort(p) !== null && isWildcardHost(parsePort(p)!.hostIp);
  const variable = ports.filter(interpolated);
  if (variable.length) {
    out.manual.push({
      ruleId: rules[0],
      text: `Compose service ${ctx.project}/${ctx.service}: the port entries ${variable.map((p) => JSON.stringify(p)).join(', ')} take their address from variables; make sure each expands to ${ctx.bindHostIp} or another specific address.`,
    });
  }
  if (!ports.some(open)) return;
  const rebind = (p: unknown) => rebindPort(p, ctx.bindHostIp, ctx.flavour.generation === 2);
  if (ctx.flavour.overrideTag) {
    out.override.push({ path: ['ports'], value: ports.map((p) => (open(p) ? rebind(p) : p)), tag: '!override', replace: true, rules });
  } else {
    out.base.push({
      action: 'replace-items',
      path: ['ports'],
      match: open,
      replace: rebind,
      rules,
      what: `ports ${ports
        .filter(open)
        .map((p) => JSON.stringify(p))
        .join(', ')} bound to ${ctx.bindHostIp}`,
    });
  }
}

export function placeVolumes(ctx: PlaceContext, wants: ServiceWants, out: Placement): void {
  const { readOnly, removeSocket } = wants;
  if (!readOnly && !removeSocket) return;
  const who = `Compose service ${ctx.project}/${ctx.service}`;
  if (removeSocket) {
    out.warnings.push({
      ruleId: '5.32',
      text: `${who} loses its mount of ${removeSocket.items.map((i) => i.spec.source).join(', ')}: whatever it does with the Docker API fails; give it a filtering socket proxy if it needs the API.`,
    });
  }
  if (readOnly) {
    out.warnings.push({
      ruleId: '5.6',
      text: `${who} gets ${readOnly.items.map((i) => i.spec.source).join(', ')} read-only: writes there from the container fail.`,
    });
  }
  const isSocket = (e: unknown) => !!removeSocket?.items.some((i) => same(i.entry, e));
  const makeRo = (e: unknown) => (readOnly?.items.some((i) => same(i.entry, e)) ? readOnlyVolume(e) : e);
  if (removeSocket && ctx.flavour.overrideTag) {
    const value = asList(ctx.def.volumes)
      .filter((e) => !isSocket(e))
      .map(makeRo);
    out.override.push({ path: ['volumes'], value, tag: '!override', replace: true, rules: rulesOf(readOnly?.rules, removeSocket.rules) });
    return;
  }
  if (removeSocket) {
    out.base.push({
      action: 'remove-items',
      path: ['volumes'],
      match: isSocket,
      rules: [...removeSocket.rules],
      what: `volumes ${removeSocket.items.map((i) => JSON.stringify(i.entry)).join(', ')} removed`,
    });
  }
  // A volume with the same target replaces the base entry in every Compose version.
  if (readOnly) out.override.push({ path: ['volumes'], value: readOnly.items.map((i) => readOnlyVolume(i.entry)), rules: [...readOnly.rules] });
}
