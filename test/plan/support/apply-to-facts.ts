// What the host's facts look like after a plan was applied and its steps ran: files written,
// drop-ins in place, permissions fixed, audit rules loaded. Used to prove a second run is a no-op.
import type { HostFacts } from '../../../src/facts/host-facts.js';
import type { Plan } from '../../../src/plan-model/plan.js';

export function applyPlanToFacts(facts: HostFacts, plan: Plan): HostFacts {
  const next: HostFacts = structuredClone(facts);
  for (const f of plan.files) {
    if (f.kind === 'unchanged' || f.after === null) continue;
    next.files[f.path] = { exists: true, type: 'file', mode: f.mode, uid: 0, gid: 0, owner: f.owner, group: f.group };
    if (f.artifact === 'daemon-json') next.daemonJson = { path: f.path, raw: f.after, parsed: JSON.parse(f.after) };
    if (f.artifact === 'audit-rules') {
      next.audit.rulesFiles = [...next.audit.rulesFiles.filter((r) => r.path !== f.path), { path: f.path, content: f.after }];
    }
    if (f.artifact === 'systemd-dropin') {
      const unit = f.path.includes('docker.socket.d') ? next.systemd.socket : next.systemd.service;
      if (unit) unit.dropIns = [...unit.dropIns.filter((d) => d.path !== f.path), { path: f.path, content: f.after }];
      // After the restart dockerd runs with the unit's new command line.
      if (unit === next.systemd.service) next.dockerd = null;
    }
    if (f.artifact === 'profile-env') {
      next.contentTrust.files = [...next.contentTrust.files.filter((t) => t.path !== f.path), { path: f.path, content: f.after }];
    }
  }
  for (const p of plan.permissions) {
    const stat = next.files[p.path] ?? { exists: true };
    if (p.mode !== undefined && stat.mode !== undefined) stat.mode &= p.mode;
    if (p.owner !== undefined) [stat.owner, stat.uid] = [p.owner, p.owner === 'root' ? 0 : stat.uid];
    if (p.group !== undefined) [stat.group, stat.gid] = [p.group, p.group === 'root' ? 0 : stat.gid];
    next.files[p.path] = stat;
    for (const [key, other] of Object.entries(next.files)) if (other.realPath === p.path) next.files[key] = { ...stat, realPath: p.path };
  }
  if (plan.steps.some((s) => s.id === 'audit-load') && next.audit.loadedRules) {
    // augenrules --load: the kernel now holds exactly what the rules files say.
    const lines = next.audit.rulesFiles.flatMap((r) => r.content.split('\n')).filter((l) => l.startsWith('-w') || l.startsWith('-a'));
    next.audit.loadedRules = lines;
  }
  return next;
}
