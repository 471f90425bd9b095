// The host as a plan leaves it, for planning what depends on files the same plan creates: a
// daemon.json written for the first time is a file CIS 1.1.11 watches, so its audit rule belongs
// in the same run; otherwise the next run adds it and a repeated apply never settles.
import type { HostFacts } from '../facts/host-facts.js';
import type { FileChange } from '../plan-model/plan.js';

export function withCreatedFiles(facts: HostFacts, changes: readonly (FileChange | null)[]): HostFacts {
  const created = changes.filter((f): f is FileChange => f !== null && f.kind === 'create');
  if (created.length === 0) return facts;
  const files = { ...facts.files };
  for (const f of created) {
    files[f.path] = { exists: true, type: 'file', mode: f.mode, uid: 0, gid: 0, owner: f.owner, group: f.group };
    // apply makes missing parent directories (0755, root) before it writes the file.
    for (let dir = parentDir(f.path); dir !== '/' && files[dir]?.exists !== true; dir = parentDir(dir)) {
      files[dir] = { exists: true, type: 'directory', mode: 0o755, uid: 0, gid: 0, owner: 'root', group: 'root' };
    }
  }
  return { ...facts, files };
}

function parentDir(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}
