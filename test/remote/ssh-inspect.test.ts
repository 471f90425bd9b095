// Inspection over SSH against a real sshd on loopback serving this very machine: the facts must
// equal a local inspection's, apart from provenance and the fields that change from one second to
// the next. Host keys are checked against a known_hosts made for the test.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeEngine } from '../support/engine.js';
import { inspectHost } from '../../src/probes/inspect-host.js';
import { inspectRemote } from '../../src/probes/remote/inspect-remote.js';
import { main } from '../../src/cli/main.js';
import type { HostFacts } from '../../src/facts/host-facts.js';
import { haveSshd, startSshd, type LoopbackSshd } from './loopback-sshd.js';

/** What differs between two inspections of one host by design: provenance, time, and live counters. */
export const VOLATILE = ['remote', 'collectedAt', 'engine.info.SystemTime', 'engine.info.NGoroutines', 'engine.info.NFd', 'engine.info.NEventsListener'];

function comparable(facts: HostFacts): unknown {
  const copy = structuredClone(facts) as Record<string, any>;
  for (const dotted of VOLATILE) {
    const keys = dotted.split('.');
    const parent = keys.slice(0, -1).reduce((o, k) => o?.[k], copy);
    if (parent) delete parent[keys.at(-1)!];
  }
  // The Engine API lists networks (and may list other objects) in Go map order, which changes per call.
  for (const list of ['networks', 'containers', 'images']) copy.engine?.[list]?.sort((x: { Id: string }, y: { Id: string }) => x.Id.localeCompare(y.Id));
  // Other test suites start and stop daemons on this machine: the count in this sentence moves.
  if (copy.probes?.dockerdProcess?.message) copy.probes.dockerdProcess.message = copy.probes.dockerdProcess.message.replace(/ \(\d+ dockerd processes\)/, '');
  return copy;
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

describeEngine('inspect over SSH', (engine) => {
  let sshd: LoopbackSshd;
  beforeAll(async () => {
    if (!haveSshd) throw new Error('these tests need openssh-server (/usr/sbin/sshd) and root');
    sshd = await startSshd();
  }, 30_000);
  afterAll(() => sshd?.stop());

  const target = () => ({ destination: `root@${sshd.address}`, port: sshd.port, commonArgs: sshd.commonArgs });

  it('gives the same facts as a local inspection of the same host, in one collector run', async () => {
    const stats = { roundTrips: 0 };
    const remote = await inspectRemote({ ssh: target(), dockerHost: engine.host, stats });
    const local = await inspectHost({ root: '/', dockerHost: engine.host });
    expect(remote.remote).toBe(`ssh://root@${sshd.address}:${sshd.port}`);
    expect(remote.probes.engine?.status).toBe('ok');
    expect(remote.dockerd?.pid).toBe(engine.pid);
    expect(comparable(remote)).toEqual(comparable(local));
    expect(stats.roundTrips).toBe(1);
  }, 120_000);

  it("takes --ssh on the command line, with the user's own ssh config, and records where the facts came from", async () => {
    const r = await cli(['inspect', '--json', '--ssh', `root@${sshd.address}:${sshd.port}`, '--docker-host', engine.host], {
      PATH: `${sshd.binDir}:${process.env.PATH}`,
    });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ remote: `ssh://root@${sshd.address}:${sshd.port}`, dockerd: { pid: engine.pid } });
  }, 120_000);

  it('refuses a wrong host key with one sentence and exit 2', async () => {
    const bin = path.join(sshd.dir, 'wrong-bin');
    const other = path.join(sshd.dir, 'other_host_key');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', other]);
    const kh = path.join(sshd.dir, 'wrong_known_hosts');
    writeFileSync(
      kh,
      `[${sshd.address}]:${sshd.port} ${execFileSync('cat', [`${other}.pub`])
        .toString()
        .split(' ')
        .slice(0, 2)
        .join(' ')}\n`,
    );
    execFileSync('mkdir', ['-p', bin]);
    writeFileSync(path.join(bin, 'ssh'), `#!/bin/sh\nexec /usr/bin/ssh -o UserKnownHostsFile=${kh} -o GlobalKnownHostsFile=/dev/null -i ${sshd.key} "$@"\n`, {
      mode: 0o755,
    });
    const r = await cli(['audit', '--ssh', `root@${sshd.address}:${sshd.port}`], { PATH: `${bin}:${process.env.PATH}` });
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.split('\n')[0]).toBe(
      `docker-harden: The host key of ssh://root@${sshd.address}:${sshd.port} is not the one in known_hosts (or is not there), so docker-harden did not connect.`,
    );
  }, 60_000);

  it('says in one sentence that a host cannot be reached, or refused the login', async () => {
    const unreachable = await cli(['plan', '--profile', 'baseline', '--ssh', `root@${sshd.address}:1`], { PATH: `${sshd.binDir}:${process.env.PATH}` });
    expect(unreachable.code).toBe(2);
    expect(unreachable.err.split('\n')[0]).toBe(`docker-harden: ssh://root@${sshd.address}:1 cannot be reached over SSH (connection refused).`);

    const stranger = path.join(sshd.dir, 'stranger_key');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', stranger]);
    const denied = inspectRemote({
      ssh: { ...target(), commonArgs: ['-o', `UserKnownHostsFile=${sshd.knownHosts}`, '-o', 'IdentitiesOnly=yes', '-o', 'IdentityAgent=none', '-i', stranger] },
    });
    await expect(denied).rejects.toMatchObject({
      reason: 'permission-denied',
      message: `ssh://root@${sshd.address}:${sshd.port} refused the login (permission denied).`,
    });
  }, 60_000);

  it('refuses --ssh for a command that writes', async () => {
    const r = await cli(['apply', '--profile', 'baseline', '--yes'], { DOCKER_HOST: `ssh://root@${sshd.address}:${sshd.port}` });
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toMatch(/^docker-harden: `apply` works on this machine only, not over SSH/);
  });
});
