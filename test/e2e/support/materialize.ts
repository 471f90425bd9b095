// A host root on disk built from a HostFacts fixture: every file, directory, socket and symlink the
// facts saw, with its owner and mode, and the text of every file the probes read. The real probes
// run over it (--root) and must find the same host again.
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { FileStat, HostFacts } from '../../../src/facts/host-facts.js';

export function materializeRoot(facts: HostFacts, root: string): void {
  const at = (p: string) => path.join(root, p);
  const texts = new Map<string, string>();
  for (const unit of [facts.systemd.service, facts.systemd.socket]) {
    if (!unit) continue;
    texts.set(unit.path, unit.content);
    for (const d of unit.dropIns) texts.set(d.path, d.content);
  }
  if (facts.daemonJson.raw !== null) texts.set(facts.daemonJson.path, facts.daemonJson.raw);
  for (const [p, content] of Object.entries(facts.envFiles)) if (content !== null) texts.set(p, content);
  for (const f of [...facts.audit.rulesFiles, ...facts.contentTrust.files]) texts.set(f.path, f.content);
  texts.set('/etc/hostname', `${facts.hostname}\n`);
  writeAccounts(facts, texts);

  const entries = Object.entries(facts.files)
    .filter(([, s]) => s.exists)
    .sort(([a], [b]) => a.length - b.length);
  // /var/run is a symlink to /run on every current distribution, and the facts say so with realPath.
  if (entries.some(([p, s]) => p.startsWith('/var/run/') && s.realPath?.startsWith('/run/'))) {
    mkdirSync(at('/var'), { recursive: true });
    mkdirSync(at('/run'), { recursive: true });
    symlinkSync('../run', at('/var/run'));
  }
  for (const [p, stat] of entries.filter(([, s]) => !s.realPath)) create(at(p), stat, texts.get(p));
  for (const [p, stat] of entries.filter(([, s]) => s.realPath)) {
    if (existsSync(at(p)) || lstatSync(path.dirname(at(p)), { throwIfNoEntry: false })?.isSymbolicLink()) continue;
    if (!existsSync(at(stat.realPath!))) create(at(stat.realPath!), stat, texts.get(p));
    mkdirSync(path.dirname(at(p)), { recursive: true });
    // Relative, as packages make them, so the link stays inside the root on this machine too.
    symlinkSync(path.relative(path.dirname(p), stat.realPath!), at(p));
  }
  for (const [p, content] of texts) if (!existsSync(at(p))) create(at(p), { exists: true, type: 'file', mode: 0o644, uid: 0, gid: 0 }, content);
}

function create(target: string, stat: FileStat, content: string | undefined): void {
  mkdirSync(path.dirname(target), { recursive: true });
  if (stat.type === 'directory') mkdirSync(target, { recursive: true });
  else if (stat.type === 'socket') {
    // A listening socket left behind by a process that exits without closing it.
    execFileSync(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(target)}, () => process.exit(0))`]);
  } else writeFileSync(target, content ?? '');
  chownSync(target, stat.uid ?? 0, stat.gid ?? 0);
  chmodSync(target, stat.mode ?? 0o644);
}

/** /etc/passwd and /etc/group with every owner, group and docker group member the facts name. */
function writeAccounts(facts: HostFacts, texts: Map<string, string>): void {
  const users = new Map<string, number>([['root', 0]]);
  const groups = new Map<string, number>([['root', 0]]);
  for (const s of Object.values(facts.files)) {
    if (s.owner !== undefined && s.uid !== undefined) users.set(s.owner, s.uid);
    if (s.group !== undefined && s.gid !== undefined) groups.set(s.group, s.gid);
  }
  const members = facts.dockerGroupMembers ?? [];
  if (facts.dockerGroupMembers !== null && !groups.has('docker')) groups.set('docker', 999);
  for (const [i, m] of members.entries()) if (!users.has(m)) users.set(m, 1000 + i);
  texts.set('/etc/passwd', [...users].map(([name, uid]) => `${name}:x:${uid}:${uid}::/home/${name}:/bin/sh`).join('\n') + '\n');
  texts.set('/etc/group', [...groups].map(([name, gid]) => `${name}:x:${gid}:${name === 'docker' ? members.join(',') : ''}`).join('\n') + '\n');
}
