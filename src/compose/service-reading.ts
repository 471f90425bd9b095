// Reading the settings of a Compose service definition that the runtime items judge, in the
// shapes the engine would end up with (capability names without CAP_, security options split as
// dockerd splits them, the restart policy whichever key holds it).
import type { ServiceDef } from './merge-services.js';
import { asList } from './merge-services.js';
import { capName, parseSecurityOpt, type SecurityOpt } from '../rules/workload/workload-spec.js';

const isMap = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export { capName, parseSecurityOpt, type SecurityOpt };
export const capList = (v: unknown): string[] => asList(v).map(capName);

export const securityOpts = (def: ServiceDef): SecurityOpt[] => asList(def.security_opt).map(parseSecurityOpt);

/** Two options that mean the same thing ("no-new-privileges", "no-new-privileges=true", "...:true"). */
export function sameSecurityOpt(a: SecurityOpt, b: SecurityOpt): boolean {
  const norm = (o: SecurityOpt) => (o.key === 'no-new-privileges' && (o.value === null || o.value === '') ? 'true' : (o.value ?? '').toLowerCase());
  return a.key === b.key && norm(a) === norm(b);
}

export const truthy = (v: unknown): boolean => v === true || (typeof v === 'string' && /^(true|yes|on|1)$/i.test(v));

export function deployLimits(def: ServiceDef): Record<string, unknown> | null {
  const deploy = isMap(def.deploy) ? def.deploy : null;
  const resources = deploy && isMap(deploy.resources) ? deploy.resources : null;
  return resources && isMap(resources.limits) ? resources.limits : null;
}

export function restartPolicy(def: ServiceDef): { name: string; retries: number; where: 'restart' | 'deploy.restart_policy' | null } {
  const deploy = isMap(def.deploy) ? def.deploy : null;
  if (deploy && isMap(deploy.restart_policy)) {
    const rp = deploy.restart_policy;
    // Compose maps the swarm conditions onto engine policies: any -> always, none -> no.
    const cond = String(rp.condition ?? 'any');
    const name = cond === 'any' ? 'always' : cond === 'none' ? 'no' : cond;
    return { name, retries: Number(rp.max_attempts ?? 0), where: 'deploy.restart_policy' };
  }
  if (def.restart === undefined || def.restart === null) return { name: '', retries: 0, where: null };
  const [name, retries] = String(def.restart === false ? 'no' : def.restart).split(':');
  return { name, retries: Number(retries ?? 0) || 0, where: 'restart' };
}

export function healthcheck(def: ServiceDef): { test: unknown[] | null; disabled: boolean } {
  const hc = isMap(def.healthcheck) ? def.healthcheck : null;
  if (!hc) return { test: null, disabled: false };
  const test = hc.test === undefined ? null : typeof hc.test === 'string' ? ['CMD-SHELL', hc.test] : asList(hc.test);
  return { test, disabled: truthy(hc.disable) || (test !== null && test[0] === 'NONE') };
}

export const serviceImage = (def: ServiceDef): string => (typeof def.image === 'string' ? def.image : '');
