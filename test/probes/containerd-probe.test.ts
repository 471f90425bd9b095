// The pieces of the containerd probe that need no running daemon: reading /proc/net/unix, the
// [grpc] address of containerd's TOML config, and which socket wins when sources disagree.
import { describe, expect, it } from 'vitest';
import { chooseSocket, DEFAULT_CONTAINERD_SOCKET, probeContainerd, tomlString } from '../../src/probes/containerd-probe.js';
import { parseProcNetUnix } from '../../src/probes/unix-listeners.js';
import { emptyFacts } from '../../src/facts/empty-facts.js';

const PROC_NET_UNIX = [
  'Num       RefCount Protocol Flags    Type St Inode Path',
  '00000000c99afb7f: 00000003 00000000 00000000 0001 03 12493 /tmp/e/exec/containerd/containerd.sock',
  '00000000aa: 00000002 00000000 00010000 0001 01 12490 /tmp/e/exec/containerd/containerd.sock',
  '00000000ab: 00000002 00000000 00010000 0001 01 12491 /tmp/e/exec/containerd/containerd.sock.ttrpc',
  '00000000ac: 00000002 00000000 00010000 0001 01 12492 @/containerd-shim/abstract.sock',
  '00000000ad: 00000002 00000000 00010000 0005 01 12494',
  '00000000ae: 00000002 00000000 00010000 0001 01 12495 /run/with space/x.sock',
].join('\n');

describe('parseProcNetUnix', () => {
  it('keeps bound paths (spaces included), marks listeners, drops abstract and unbound sockets', () => {
    expect(parseProcNetUnix(PROC_NET_UNIX)).toEqual([
      { inode: 12493, path: '/tmp/e/exec/containerd/containerd.sock', listening: false },
      { inode: 12490, path: '/tmp/e/exec/containerd/containerd.sock', listening: true },
      { inode: 12491, path: '/tmp/e/exec/containerd/containerd.sock.ttrpc', listening: true },
      { inode: 12495, path: '/run/with space/x.sock', listening: true },
    ]);
  });
});

describe('tomlString', () => {
  // As dockerd 20.10 writes <exec-root>/containerd/containerd.toml.
  const toml = [
    'version = 0',
    'root = "/var/lib/docker/containerd/daemon"',
    '',
    '[grpc]',
    '  address = "/var/run/docker/containerd/containerd.sock"',
    '  uid = 0',
    '',
    '[ttrpc]',
    '  address = ""',
    '',
    '[debug]',
    '  address = "/var/run/docker/containerd/containerd-debug.sock"',
  ].join('\n');

  it('reads a key of one table only', () => {
    expect(tomlString(toml, 'grpc', 'address')).toBe('/var/run/docker/containerd/containerd.sock');
    expect(tomlString(toml, 'debug', 'address')).toBe('/var/run/docker/containerd/containerd-debug.sock');
    expect(tomlString(toml, 'ttrpc', 'address')).toBe('');
    expect(tomlString(toml, 'metrics', 'address')).toBeUndefined();
  });

  it('reads literal strings and escapes, and tells [grpc] from [grpc.tls]', () => {
    expect(tomlString("[grpc]\naddress = '/run/a b.sock'\n", 'grpc', 'address')).toBe('/run/a b.sock');
    expect(tomlString('[grpc]\naddress = "/run/q\\"x.sock"\n', 'grpc', 'address')).toBe('/run/q"x.sock');
    expect(tomlString('[grpc.tls]\naddress = "/x"\n', 'grpc', 'address')).toBeUndefined();
  });
});

describe('chooseSocket', () => {
  const config = { path: '/run/docker/containerd/containerd.sock', source: 'config' as const };

  it('takes the configured socket when the kernel shows it listening, or cannot tell', () => {
    expect(chooseSocket(config, [config.path, `${config.path}.ttrpc`])).toEqual(config);
    expect(chooseSocket(config, null)).toEqual(config);
  });

  it('takes the listening gRPC socket over a configured one nobody listens on', () => {
    const listening = ['/run/elsewhere/containerd-debug.sock', '/run/elsewhere/containerd.sock', '/run/elsewhere/containerd.sock.ttrpc'];
    expect(chooseSocket(config, listening, '/run/elsewhere/containerd-debug.sock')).toEqual({
      path: '/run/elsewhere/containerd.sock',
      source: 'listening-socket',
    });
  });

  it("falls back to the declared socket, then to containerd's default", () => {
    expect(chooseSocket(config, [])).toEqual(config);
    expect(chooseSocket(undefined, [])).toEqual({ path: DEFAULT_CONTAINERD_SOCKET, source: 'default' });
  });
});

describe('probeContainerd without a daemon of its own', () => {
  it('does not read the process table under --root', async () => {
    const { value, status } = await probeContainerd('/tmp/some-root', emptyFacts());
    expect(value).toBeNull();
    expect(status).toEqual({ status: 'missing', message: 'process table not read for --root' });
  });

  it('reports no dockerd as not running', async () => {
    expect((await probeContainerd('/', emptyFacts())).status.status).toBe('not-running');
  });

  it('leaves a dockerd given --containerd to that socket', async () => {
    const dockerd = { pid: process.pid, exe: '/usr/sbin/dockerd', argv: ['/usr/sbin/dockerd', '--containerd=/run/containerd/containerd.sock'] };
    const { value, status } = await probeContainerd('/', emptyFacts({ dockerd }));
    expect(value).toBeNull();
    expect(status).toEqual({ status: 'missing', message: 'dockerd uses the containerd named by --containerd=/run/containerd/containerd.sock' });
  });
});
