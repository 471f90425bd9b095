// Turning one service's wants into override entries and base-file operations (see placement.ts
// for what each Compose version can express). Scalars that only get stricter go to the override;
// list keys are split into entries to add (override) and entries to remove (tag or base patch).
import { asList } from './merge-services.js';
import { emptyPlacement, setFalsy, unsetScalar, type PlaceContext, type Placement } from './placement.js';
import { placeCapabilities, placePorts, placeSecurityOpts, placeVolumes } from './place-lists.js';
import { deployLimits, healthcheck, restartPolicy, truthy } from './service-reading.js';
import type { ServiceWants } from './service-wants.js';

const NAMESPACE_KEYS = new Set(['network_mode', 'pid', 'ipc', 'uts', 'userns_mode']);
const tmpfsPath = (entry: unknown) => String(entry).split(':')[0];

export function placeService(ctx: PlaceContext, wants: ServiceWants): Placement {
  const out = emptyPlacement();
  const { def } = ctx;
  const handled = new Set(['cap_add', 'cap_drop', 'security_opt', 'ports']);

  placeCapabilities(ctx, wants, out);
  placeSecurityOpts(ctx, wants, out);
  placePorts(ctx, wants, out);
  placeVolumes(ctx, wants, out);

  for (const [key, want] of wants.keys) {
    if (handled.has(key)) continue;
    const rules = [...want.rules];
    if (NAMESPACE_KEYS.has(key) && want.value === null) {
      if (def[key] !== undefined) unsetScalar(ctx, out, [key], rules, `${key}: ${String(def[key])}`);
    } else if (key === 'privileged') {
      if (truthy(def.privileged)) setFalsy(ctx, out, ['privileged'], false, rules, 'privileged: true');
    } else if (key === 'tmpfs') {
      const have = new Set(asList(def.tmpfs).map(tmpfsPath));
      const add = asList(want.value).filter((t) => !have.has(tmpfsPath(t)));
      if (add.length) out.override.push({ path: ['tmpfs'], value: add, rules });
    } else if (key === 'mem_limit' || key === 'pids_limit') {
      // Compose rejects distinct legacy and deploy values, and docker-compose 1.x overwrites
      // mem_limit with deploy.resources.limits.memory (even an absent one) whenever limits exist.
      const limits = deployLimits(def);
      const deployKey = key === 'mem_limit' ? 'memory' : 'pids';
      // docker-compose 1.x has no deploy.resources.limits.pids: its schema rejects it.
      const useDeploy = limits !== null && (key === 'mem_limit' || ctx.flavour.generation === 2);
      out.override.push({ path: useDeploy ? ['deploy', 'resources', 'limits', deployKey] : [key], value: want.value, replace: true, rules });
    } else if (key === 'restart') {
      const policy = restartPolicy(def);
      if (policy.where === 'deploy.restart_policy') {
        // deploy.restart_policy wins over restart in both Compose generations.
        const retries = Number(String(want.value).split(':')[1] ?? 5);
        out.override.push({ path: ['deploy', 'restart_policy', 'condition'], value: 'on-failure', replace: true, rules });
        out.override.push({ path: ['deploy', 'restart_policy', 'max_attempts'], value: retries, replace: true, rules });
      } else {
        out.override.push({ path: ['restart'], value: want.value, replace: true, rules });
      }
    } else if (key === 'healthcheck') {
      out.override.push({ path: ['healthcheck', 'test'], value: (want.value as { test?: unknown }).test ?? want.value, replace: true, rules });
      const hc = def.healthcheck as Record<string, unknown> | undefined;
      if (healthcheck(def).disabled && hc && truthy(hc.disable)) setFalsy(ctx, out, ['healthcheck', 'disable'], false, rules, 'healthcheck.disable: true');
    } else if (want.value === null) {
      if (def[key] !== undefined) unsetScalar(ctx, out, [key], rules, `${key}: ${JSON.stringify(def[key])}`);
    } else {
      out.override.push({ path: [key], value: want.value, replace: true, rules });
    }
  }
  return out;
}
