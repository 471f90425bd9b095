// Two hosts over SSH that really differ: each loopback host has its own /etc/docker, its own
// /etc/default/docker and its own dockerd (test/remote/loopback-host.ts). One is as a package
// leaves it, the other hardened by hand; their facts and their audits must differ exactly where
// their configurations do, and nowhere else.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeEngine } from '../support/engine.js';
import { inspectRemote } from '../../src/probes/remote/inspect-remote.js';
import { main } from '../../src/cli/main.js';
import type { HostFacts } from '../../src/facts/host-facts.js';
import { haveSshd } from './loopback-sshd.js';
import { AS_INSTALLED, HARDENED, inventoryIni, startLoopbackHost, type LoopbackHost } from './loopback-host.js';

/** The rules that read what the two configurations set: daemon.json keys and file modes. */
const CONFIGURED = ['2.15', '2.16', '2.17', '2.2', '2.3', '3.18', '3.20'];

interface AuditJson {
  results: { id: string; status: string; message: string }[];
}

interface FleetJson extends AuditJson {
  hosts: { host: string; target: string; reachable: boolean; worstFailing: string | null; summary: { failingBySeverity: Record<string, number> } }[];
  unreachable: unknown[];
  results: { host: string; id: string; status: string; message: string }[];
  mostFailing: { id: string; hosts: string[] }[];
}

/** [id, status on the first, status on the second] wherever two hosts' results differ. */
function differences(a: AuditJson['results'], b: AuditJson['results']): string[][] {
  // One result per rule and watched path, in the same order on both hosts.
  expect(a.map((r) => r.id)).toEqual(b.map((r) => r.id));
  return a.flatMap((r, i) => (b[i].status === r.status ? [] : [[r.id, r.status, b[i].status]])).sort();
}

async function cli(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const out: string[] = [];
  const err: string[] = [];
  try {
    const code = await main(argv, { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } as never);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    process.env = saved;
  }
}

/** `audit --ssh` with the host's own key and known_hosts, as the user's ssh config would give them. */
function auditOverSsh(host: LoopbackHost) {
  return cli(['audit', '--ssh', `root@${host.sshd.address}:${host.sshd.port}`, '--format', 'json'], { PATH: `${host.sshd.binDir}:${process.env.PATH}` });
}

function defaultBridgeIcc(facts: HostFacts): string | undefined {
  const bridge = facts.engine?.networks.find((n) => n.Options?.['com.docker.network.bridge.default_bridge'] === 'true');
  return bridge?.Options?.['com.docker.network.bridge.enable_icc'];
}

describeEngine('two hosts with different configurations, over SSH', () => {
  let plain: LoopbackHost;
  let hardened: LoopbackHost;
  beforeAll(async () => {
    if (!haveSshd) throw new Error('these tests need openssh-server (/usr/sbin/sshd) and root');
    [plain, hardened] = await Promise.all([
      startLoopbackHost('web-1', '127.0.0.2', 2322, AS_INSTALLED),
      startLoopbackHost('web-2', '127.0.0.3', 2322, HARDENED),
    ]);
  }, 90_000);
  afterAll(async () => {
    await Promise.all([plain?.stop(), hardened?.stop()]);
  }, 60_000);

  const target = (h: LoopbackHost) => ({ destination: `root@${h.sshd.address}`, port: h.sshd.port, commonArgs: h.sshd.commonArgs });

  it("gives each host's own daemon.json, file modes and dockerd, identified by the kernel on its default socket", async () => {
    const [a, b] = await Promise.all([inspectRemote({ ssh: target(plain) }), inspectRemote({ ssh: target(hardened) })]);
    expect(a.remote).toBe('ssh://root@127.0.0.2:2322');
    expect(b.remote).toBe('ssh://root@127.0.0.3:2322');
    for (const [facts, host] of [
      [a, plain],
      [b, hardened],
    ] as const) {
      expect(facts.probes.engine?.status).toBe('ok');
      expect(facts.daemonJson.parsed).toEqual(host.config.daemonJson);
      expect(facts.files['/etc/docker/daemon.json'].mode).toBe(host.config.daemonJsonMode);
      expect(facts.files['/etc/default/docker'].mode).toBe(host.config.defaultDockerMode);
      expect(facts.dockerd?.identifiedBy).toBe('socket-inode');
      expect(facts.dockerd?.argv).toEqual(['dockerd']);
    }
    // Two daemons, not one seen twice: each made its own key (the engine ID) in its own /etc/docker.
    expect(a.engine?.info.ID).toMatch(/^[A-Z0-9:]{20,}$/);
    expect(b.engine?.info.ID).toMatch(/^[A-Z0-9:]{20,}$/);
    expect(a.engine?.info.ID).not.toBe(b.engine?.info.ID);
    expect([a.engine?.info.LiveRestoreEnabled, b.engine?.info.LiveRestoreEnabled]).toEqual([false, true]);
    expect([defaultBridgeIcc(a), defaultBridgeIcc(b)]).toEqual(['true', 'false']);
  }, 120_000);

  it('audits them with results that differ exactly in the rules their configurations decide', async () => {
    const a = await auditOverSsh(plain);
    const b = await auditOverSsh(hardened);
    expect(a.err.split('\n')[0]).toBe('2 failing findings at or above severity high.');
    expect([a.code, b.code]).toEqual([1, 0]);
    const ra = (JSON.parse(a.out) as AuditJson).results;
    const rb = (JSON.parse(b.out) as AuditJson).results;
    expect(differences(ra, rb)).toEqual(CONFIGURED.map((id) => [id, 'fail', 'pass']));
    expect(ra.find((r) => r.id === '2.2')?.message).toMatch(/^icc is true \(running engine\)/);
    expect(rb.find((r) => r.id === '2.2')?.message).toMatch(/^icc is false \(daemon\.json\)/);
  }, 180_000);

  it("audits both from an inventory whose connection variables are each host's own, one row and one `host` per result", async () => {
    const dir = mkdtempSync('/tmp/dh-two-hosts-');
    try {
      const file = path.join(dir, 'hosts.ini');
      writeFileSync(file, inventoryIni([plain, hardened], 'web'));
      // No ssh config on PATH: the key and known_hosts come from the inventory alone.
      const r = await cli(['audit', '--inventory', file, '--format', 'json']);
      expect(r.code).toBe(1); // web-1 fails at severity high; --fail-on goes over the whole fleet
      const report = JSON.parse(r.out) as FleetJson;
      expect(report.unreachable).toEqual([]);
      expect(report.hosts.map((h) => [h.host, h.target, h.reachable, h.summary.failingBySeverity.high])).toEqual([
        ['web-1', 'ssh://root@127.0.0.2:2322', true, 2],
        ['web-2', 'ssh://root@127.0.0.3:2322', true, 0],
      ]);
      expect(report.hosts[0].worstFailing).toBe('high');
      expect(report.hosts[1].worstFailing).not.toBe('high');
      const of = (host: string) => report.results.filter((x) => x.host === host);
      expect(of('web-1').length + of('web-2').length).toBe(report.results.length);
      expect(differences(of('web-1'), of('web-2'))).toEqual(CONFIGURED.map((id) => [id, 'fail', 'pass']));
      // What fails on web-1 alone is just what its configuration decides.
      const onlyWeb1 = report.mostFailing.filter((f) => f.hosts.join() === 'web-1').map((f) => f.id);
      expect(onlyWeb1.sort()).toEqual(CONFIGURED);
      expect(report.mostFailing.some((f) => f.hosts.join() === 'web-2')).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
