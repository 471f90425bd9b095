// dockerd 20.10 without --containerd starts its own containerd, which serves a socket under the
// daemon's exec-root, not /run/containerd/containerd.sock. The audit must find that socket (1.1.8,
// 3.23, 3.24) on the private engine, instead of calling the items not applicable.
import { afterAll, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describeEngine } from '../support/engine.js';
import { inspectHost } from '../../src/probes/inspect-host.js';
import { listeningUnixSockets } from '../../src/probes/unix-listeners.js';
import type { HostFacts } from '../../src/facts/host-facts.js';
import { auditContainerdSockRule } from '../../src/rules/section1/1-1-8-audit-containerd-sock.js';
import { containerdSockOwnershipRule } from '../../src/rules/section3/3-23-containerd-sock-ownership.js';
import { containerdSockPermissionsRule } from '../../src/rules/section3/3-24-containerd-sock-permissions.js';

const canAudit =
  process.getuid?.() === 0 &&
  (() => {
    try {
      execFileSync('auditctl', ['-l'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

describeEngine('audit: the containerd dockerd starts itself', (engine) => {
  const socket = path.join(engine.dir, 'exec', 'containerd', 'containerd.sock');
  const key = `dh-ctrd-${path.basename(engine.dir).slice(-6)}`;
  const watch = ['-w', socket, '-p', 'rwxa', '-k', key];
  afterAll(() => {
    if (!canAudit) return;
    try {
      execFileSync('auditctl', ['-W', ...watch.slice(1)], { stdio: 'ignore' });
    } catch {
      /* not loaded */
    }
  });

  it('records the containerd child of the private dockerd and the socket it serves', async () => {
    const facts = await inspectHost({ root: '/', dockerHost: engine.host });
    expect(facts.dockerd?.pid, JSON.stringify(facts.probes.dockerdProcess)).toBe(engine.pid);
    const pid = Number(readFileSync(path.join(engine.dir, 'exec', 'containerd', 'containerd.pid'), 'utf8'));
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    expect(Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])).toBe(engine.pid);
    expect(facts.containerd).toEqual({ pid, socket, configPath: path.join(engine.dir, 'exec', 'containerd', 'containerd.toml'), source: 'config' });
    expect(facts.probes.containerd?.status).toBe('ok');
    // The kernel agrees with the config: containerd holds the listening socket (and its ttrpc twin).
    expect(await listeningUnixSockets(pid)).toEqual(expect.arrayContaining([socket, `${socket}.ttrpc`]));
    const st = statSync(socket);
    expect(facts.files[socket]).toMatchObject({ exists: true, type: 'socket', mode: st.mode & 0o7777, uid: st.uid, gid: st.gid });
  });

  it('checks owner and mode of that socket (3.23, 3.24), not the packaged path', async () => {
    const facts = await inspectHost({ root: '/', dockerHost: engine.host });
    expect(facts.dockerd?.pid, JSON.stringify(facts.probes.dockerdProcess)).toBe(engine.pid);
    expect(facts.containerd?.socket, JSON.stringify(facts.probes.containerd)).toBe(socket);
    const st = statSync(socket);
    for (const rule of [containerdSockOwnershipRule, containerdSockPermissionsRule]) {
      const [result] = rule.check(facts);
      expect(result.evidence[0].path, rule.id).toBe(socket);
      // dockerd creates it root:root 0660: both pass; any other owner or mode must fail.
      const expected = rule === containerdSockOwnershipRule ? st.uid === 0 && st.gid === 0 : (st.mode & 0o7117) === 0;
      expect(result.status, `${rule.id}: ${result.message}`).toBe(expected ? 'pass' : 'fail');
    }
    // The facts without the probe's finding are what the audit saw before: not applicable.
    if (!existsSync('/run/containerd/containerd.sock')) {
      const blind: HostFacts = { ...facts, containerd: undefined };
      for (const rule of [auditContainerdSockRule, containerdSockOwnershipRule, containerdSockPermissionsRule]) {
        expect(
          rule.check(blind).map((r) => r.status),
          rule.id,
        ).toEqual(['not-applicable']);
      }
    }
  });

  it.skipIf(!canAudit)('1.1.8 fails until the kernel watches that socket, then passes', async () => {
    const before = auditContainerdSockRule.check(await inspectHost({ root: '/', dockerHost: engine.host }));
    expect(before.map((r) => r.status)).toEqual(['fail']);
    expect(before[0].message).toBe(`No loaded audit rule (auditctl -l) watches ${socket}.`);
    execFileSync('auditctl', watch);
    const facts = await inspectHost({ root: '/', dockerHost: engine.host });
    expect(facts.audit.loadedRules).toContain(`-w ${socket} -p rwxa -k ${key}`);
    const after = auditContainerdSockRule.check(facts);
    expect(
      after.map((r) => r.status),
      after[0].message,
    ).toEqual(['pass']);
  });
});
