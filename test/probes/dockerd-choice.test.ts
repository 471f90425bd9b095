// Telling the daemon behind the endpoint apart from other dockerd processes: the kernel first,
// then flags and defaults, else "ambiguous" — with the tables the kernel really writes.
import { describe, expect, it } from 'vitest';
import { probeDockerdProcess } from '../../src/probes/dockerd-process-probe.js';
import { identifyDockerd, type DockerdCandidate } from '../../src/probes/dockerd-identify.js';
import { parseDockerHost } from '../../src/probes/docker-host.js';
import { listeningTcpInodes, listeningUnixInodes } from '../../src/probes/socket-owner.js';
import { parseLimits } from '../../src/probes/dockerd-details.js';
import { classifyManager, type ManagerEvidence } from '../../src/probes/service-manager.js';

const proc = (pid: number, ...args: string[]) => ({ pid, exe: '/usr/sbin/dockerd', argv: ['/usr/sbin/dockerd', ...args] });
const cand = (pid: number, holding: DockerdCandidate['holding'], hosts: string[] | null, defaultHost = 'unix:///var/run/docker.sock'): DockerdCandidate => ({
  process: proc(pid),
  holding,
  hosts,
  defaultHost,
});
const ep = parseDockerHost;

describe('identifyDockerd', () => {
  it('takes the pid that holds the listening socket, whatever the flags say', () => {
    const r = identifyDockerd([cand(100, 'not-held', null), cand(200, 'holds', ['unix:///tmp/x/sock'])], ep('unix:///var/run/docker.sock'));
    expect(r.chosen?.process).toMatchObject({ pid: 200, identifiedBy: 'socket-inode' });
    expect(r.identity.status).toBe('identified');
  });

  it('never takes a dockerd the kernel shows not to hold the endpoint, even the only one', () => {
    // The case: a default daemon and one with -H unix:///tmp/x/sock; the endpoint is served by neither.
    const two = identifyDockerd([cand(100, 'not-held', null), cand(200, 'not-held', ['unix:///tmp/x/sock'])], ep('unix:///var/run/docker.sock'));
    expect(two).toEqual({
      chosen: null,
      identity: { status: 'ambiguous', reason: 'None of the 2 dockerd processes (pids 100, 200) holds a socket listening on unix:///var/run/docker.sock.' },
    });
    const one = identifyDockerd([cand(100, 'not-held', null)], ep('unix:///nope.sock'));
    expect(one.chosen).toBeNull();
    expect(one.identity.reason).toBe('The only dockerd (pid 100) does not hold a socket listening on unix:///nope.sock, so it is not the daemon behind it.');
  });

  it('falls back to -H / "hosts" where the kernel cannot be asked (not root)', () => {
    const r = identifyDockerd([cand(100, 'unknown', null), cand(200, 'unknown', ['unix:///tmp/x/sock'])], ep('unix:///tmp/x/sock'));
    expect(r.chosen?.process).toMatchObject({ pid: 200, identifiedBy: 'host-flag' });
    const tcp = identifyDockerd([cand(100, 'unknown', null), cand(300, 'unknown', ['tcp://0.0.0.0:2376'])], ep('tcp://127.0.0.1:2376'));
    expect(tcp.chosen?.process).toMatchObject({ pid: 300, identifiedBy: 'host-flag' });
  });

  it('gives a dockerd with no -H and no "hosts" the default socket (rootless: its XDG_RUNTIME_DIR)', () => {
    const rootless = cand(300, 'unknown', null, 'unix:///run/user/1000/docker.sock');
    const r = identifyDockerd([cand(100, 'unknown', null), cand(200, 'unknown', ['unix:///tmp/x/sock']), rootless], ep('unix:///var/run/docker.sock'));
    expect(r.chosen?.process).toMatchObject({ pid: 100, identifiedBy: 'default-socket' });
    const user = identifyDockerd([cand(100, 'unknown', null), rootless], ep('unix:///run/user/1000/docker.sock'));
    expect(user.chosen?.process).toMatchObject({ pid: 300, identifiedBy: 'default-socket' });
  });

  it('accepts the only dockerd when its socket came from systemd (fd://) and cannot be compared', () => {
    const r = identifyDockerd([cand(100, 'unknown', ['fd://'])], ep('unix:///run/docker.sock'));
    expect(r.chosen?.process).toMatchObject({ pid: 100, identifiedBy: 'only-one' });
  });

  it('says "ambiguous" rather than guess among several', () => {
    const none = identifyDockerd([cand(100, 'unknown', ['fd://']), cand(200, 'unknown', ['unix:///tmp/x/sock'])], ep('unix:///elsewhere.sock'));
    expect(none.chosen).toBeNull();
    expect(none.identity.status).toBe('ambiguous');
    expect(none.identity.reason).toMatch(/^None of the 2 dockerd processes \(pids 100, 200\) names unix:\/\/\/elsewhere\.sock .*needs root\)\.$/);
    const both = identifyDockerd([cand(100, 'unknown', ['unix:///s']), cand(200, 'unknown', ['unix:///s'])], ep('unix:///s'));
    expect(both.identity.reason).toMatch(/^The dockerd processes 100, 200 all name unix:\/\/\/s/);
    expect(identifyDockerd([], ep('unix:///s')).identity.status).toBe('not-running');
  });
});

describe('the kernel tables', () => {
  it('finds the listening unix socket by path, not its accepted connections', async () => {
    const table = [
      'Num       RefCount Protocol Flags    Type St Inode Path',
      '00000000e3f05293: 00000002 00000000 00010000 0001 01 51366 /tmp/dh x/docker.sock',
      '00000000ca811026: 00000002 00000000 00000000 0001 03 18750 /tmp/dh x/docker.sock',
      '00000000eca086be: 00000002 00000000 00010000 0001 01 12508 /tmp/other.sock',
    ].join('\n');
    expect([...(await listeningUnixInodes(table, '/tmp/dh x/docker.sock'))]).toEqual([51366]);
  });

  it('finds LISTEN tcp sockets on the port, wildcard or the same address, IPv4 and IPv6', () => {
    const tcp = [
      '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
      '   0: 00000000:0948 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4711 1 0',
      '   1: 0100007F:0949 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4712 1 0',
      '   2: 0100007F:0948 0100007F:9134 01 00000000:00000000 03:00000000 00000000     0        0 4713 3 0',
    ].join('\n');
    expect([...listeningTcpInodes(tcp, '127.0.0.1', 2376)]).toEqual([4711]);
    expect([...listeningTcpInodes(tcp, '127.0.0.1', 2377)]).toEqual([4712]);
    expect([...listeningTcpInodes(tcp, '10.0.0.5', 2377)]).toEqual([]);
    const tcp6 = 'head\n   0: 00000000000000000000000001000000:0948 00000000000000000000000000000000:0000 0A 0 0 0 0 0 4714 1';
    expect([...listeningTcpInodes(tcp6, '::1', 2376)]).toEqual([4714]);
    expect([...listeningTcpInodes(tcp6, '127.0.0.1', 2376)]).toEqual([]);
  });

  it('reads /proc/<pid>/limits with "unlimited" as null', () => {
    const limits = parseLimits(
      [
        'Limit                     Soft Limit           Hard Limit           Units     ',
        'Max cpu time              unlimited            unlimited            seconds   ',
        'Max processes             96367                96367                processes ',
        'Max open files            20000                20000                files     ',
      ].join('\n'),
    );
    expect(limits).toEqual({ cpu: { soft: null, hard: null }, nproc: { soft: 96367, hard: 96367 }, nofile: { soft: 20000, hard: 20000 } });
  });
});

describe('classifyManager', () => {
  const e = (over: Partial<ManagerEvidence>): ManagerEvidence => ({
    pid: 42,
    cgroup: '0::/\n',
    pid1: 'systemd',
    openrc: false,
    rcService: false,
    initScript: false,
    servicePid: null,
    ...over,
  });
  it.each([
    [{ cgroup: '0::/system.slice/docker.service\n' }, 'systemd', 'docker.service'],
    [{ cgroup: '0::/user.slice/user-1000.slice/user@1000.service/app.slice/docker.service\n' }, 'systemd-user', 'docker.service'],
    [{ cgroup: '0::/user.slice/user-0.slice/session-3.scope\n' }, 'manual', undefined],
    [{ pid1: 'init', openrc: true, rcService: true, initScript: true, servicePid: 42 }, 'openrc', 'docker'],
    [{ pid1: 'init', initScript: true, servicePid: 42 }, 'sysvinit', 'docker'],
    // An init script is installed, but its pidfile names another daemon: this one was started by hand.
    [{ pid1: 'process_api', initScript: true, servicePid: 7 }, 'manual', undefined],
    [{ pid1: 'process_api', cgroup: '0::/system.slice/docker.service\n' }, 'manual', undefined],
  ] as const)('%j -> %s', (over, kind, name) => {
    const m = classifyManager(e(over));
    expect([m.kind, m.name]).toEqual([kind, name]);
    expect(m.evidence).toBeTruthy();
  });
});

describe('probeDockerdProcess', () => {
  it('does not read the process table for another root', async () => {
    const r = await probeDockerdProcess({ root: '/tmp', endpoint: parseDockerHost('unix:///var/run/docker.sock') });
    expect(r.value).toBeNull();
    expect(r.status).toEqual({ status: 'missing', message: 'process table not read for --root' });
    expect(r.identity.status).toBe('unknown');
  });
});
