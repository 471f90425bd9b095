import { describe, expect, it } from 'vitest';
import { emptyFacts } from '../../src/facts/empty-facts.js';
import type { HostFacts } from '../../src/facts/host-facts.js';
import { renderDaemonJson } from '../../src/artifacts/daemon-json.js';
import type { Tagged } from '../../src/rules/contribution.js';

const DEBIAN_UNIT = '[Service]\nExecStart=/usr/sbin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock\n';

function host(raw: string | null, extra: Partial<HostFacts> = {}, version = '20.10.24+dfsg1'): HostFacts {
  let parsed: Record<string, unknown> | null = null;
  try {
    parsed = raw === null ? null : JSON.parse(raw);
  } catch {
    /* left null, like the probe */
  }
  return emptyFacts({
    engine: {
      host: 'unix:///run/docker.sock',
      version: { Version: version },
      info: { Swarm: { LocalNodeState: 'inactive' } },
      containers: [],
      images: [],
      networks: [],
    },
    daemonJson: {
      path: '/etc/docker/daemon.json',
      raw,
      parsed,
      ...(raw !== null && parsed === null ? { parseError: { message: 'Unexpected token', line: 3, column: 5 } } : {}),
    },
    ...extra,
  });
}

const set = (key: string, value: unknown, ruleId = '2.99'): Tagged<'daemon-json-set'> => ({ kind: 'daemon-json-set', key, value, ruleId });

describe('daemon.json merge', () => {
  it('keeps every user key in its order, appends new keys, and lays out a one-line file in 2-space JSON', () => {
    const facts = host('{"debug": true, "log-level": "debug", "labels": ["a=b"]}\n');
    const r = renderDaemonJson(facts, [set('live-restore', true, '2.16'), set('log-level', 'info', '2.3')]);
    expect(r.file?.kind).toBe('modify');
    expect(r.file?.after).toBe('{\n  "debug": true,\n  "log-level": "info",\n  "labels": [\n    "a=b"\n  ],\n  "live-restore": true\n}\n');
    expect(r.file?.closes).toEqual(['2.3', '2.16']);
    expect(r.changedKeys).toEqual(['live-restore', 'log-level']);
    expect(r.file?.mode).toBe(0o644);
  });

  it('is byte-identical ("unchanged") when the file already says everything, whatever its formatting', () => {
    const raw = '{\n\t"live-restore":true,   "log-opts": {"max-size": "10m"}\n}';
    const r = renderDaemonJson(host(raw), [set('live-restore', true), set('log-opts', { 'max-size': '10m' })]);
    expect(r.file?.kind).toBe('unchanged');
    expect(r.file?.after).toBe(raw);
    expect(r.changedKeys).toEqual([]);
  });

  it('creates the file where there is none, and writes nothing when nothing is asked', () => {
    expect(renderDaemonJson(host(null), [set('icc', false)]).file).toMatchObject({ kind: 'create', before: null, after: '{\n  "icc": false\n}\n' });
    expect(renderDaemonJson(host(null), []).file).toBeNull();
  });

  it('merges object keys one level deep and writes dockerd types (log-opts strings, ulimit shape)', () => {
    const r = renderDaemonJson(host('{"log-opts": {"labels": "app", "max-size": "50m"}}'), [
      set('log-opts', { 'max-size': '10m', 'max-file': 3 }),
      set('default-ulimits', { nofile: { soft: 1024, hard: 2048 } }),
    ]);
    expect(JSON.parse(r.file!.after!)).toEqual({
      'log-opts': { labels: 'app', 'max-size': '10m', 'max-file': '3' },
      'default-ulimits': { nofile: { Name: 'nofile', Hard: 2048, Soft: 1024 } },
    });
    expect(Object.keys(JSON.parse(r.file!.after!)['log-opts'])).toEqual(['labels', 'max-size', 'max-file']);
  });

  it('refuses a value of the wrong JSON type instead of writing it', () => {
    const r = renderDaemonJson(host('{}'), [set('live-restore', 'true', '2.16'), set('default-ulimits', { nofile: '100:200' }, '2.9')]);
    expect(r.refused.map((x) => [x.ruleId, x.key])).toEqual([
      ['2.16', 'live-restore'],
      ['2.9', 'default-ulimits'],
    ]);
    expect(r.refused[0].text).toMatch(/must be a JSON boolean/);
    expect(r.file?.kind).toBe('unchanged');
  });

  it('keeps existing log-opts numbers from stopping dockerd by rewriting them as strings', () => {
    const r = renderDaemonJson(host('{"log-opts": {"max-file": 3}}'), []);
    expect(JSON.parse(r.file!.after!)).toEqual({ 'log-opts': { 'max-file': '3' } });
    expect(r.warnings[0].text).toMatch(/strings/);
  });

  it('does not touch a daemon.json that does not parse, and says so as a blocking refusal', () => {
    const r = renderDaemonJson(host('{\n  "icc": false,\n  oops\n}'), [set('live-restore', true)]);
    expect(r.file).toBeNull();
    expect(r.refused).toEqual([
      { key: '/etc/docker/daemon.json', blocking: true, text: expect.stringMatching(/does not parse \(line 3: Unexpected token\); fix it first/) },
    ]);
  });

  it('never loosens an existing stricter mode', () => {
    const facts = host('{}', { files: { '/etc/docker/daemon.json': { exists: true, mode: 0o600 } } });
    expect(renderDaemonJson(facts, [set('icc', false)]).file?.mode).toBe(0o600);
    const loose = host('{}', { files: { '/etc/docker/daemon.json': { exists: true, mode: 0o666 } } });
    expect(renderDaemonJson(loose, [set('icc', false)]).file?.mode).toBe(0o644);
  });
});

describe('daemon.json keys against the engine version', () => {
  it.each([
    ['20.10.24', '{"graph": "/srv/docker"}', { graph: '/srv/docker' }, false],
    ['23.0.6', '{"graph": "/srv/docker", "debug": true}', { 'data-root': '/srv/docker', debug: true }, true],
    ['23.0.6', '{"graph": "/a", "data-root": "/b"}', { 'data-root': '/b' }, true],
    ['20.10.24', '{"disable-legacy-registry": true, "debug": true}', { debug: true }, true],
    ['24.0.9', '{"oom-score-adjust": -500}', { 'oom-score-adjust': -500 }, false],
    ['25.0.3', '{"oom-score-adjust": -500}', {}, true],
    ['27.5.1', '{"api-cors-header": "*"}', { 'api-cors-header': '*' }, false],
    ['28.0.0', '{"api-cors-header": "*"}', {}, true],
    [
      '22.06.0',
      '{"cluster-store": "consul://x", "cluster-advertise": "eth0:2376"}',
      { 'cluster-store': 'consul://x', 'cluster-advertise': 'eth0:2376' },
      false,
    ],
    ['23.0.0', '{"cluster-store": "consul://x", "cluster-advertise": "eth0:2376"}', {}, true],
    ['23.0.0', '{"storage-driver": "aufs"}', { 'storage-driver': 'aufs' }, false],
    ['24.0.0', '{"storage-driver": "aufs"}', {}, true],
    ['24.0.0', '{"storage-driver": "devicemapper"}', { 'storage-driver': 'devicemapper' }, false],
    ['25.0.0', '{"storage-driver": "devicemapper"}', {}, true],
  ])('dockerd %s with %s keeps %j (warning: %s)', (version, raw, expected, warned) => {
    const r = renderDaemonJson(host(raw, {}, version), []);
    // No file entry means the file stays as it is.
    expect(r.file === null).toBe(!warned);
    expect(JSON.parse(r.file?.after ?? raw)).toEqual(expected);
    expect(r.warnings.some((w) => /refuses to start/.test(w.text))).toBe(warned);
  });

  it('removes a removed key with a warning naming the engine, and treats an unknown engine as the newest', () => {
    const r = renderDaemonJson(host('{"graph": "/srv/docker"}', { engine: null }), []);
    expect(JSON.parse(r.file!.after!)).toEqual({ 'data-root': '/srv/docker' });
    expect(r.warnings[0].text).toMatch(/a current dockerd \(engine version unknown\) refuses to start with "graph"/);
  });

  it('never writes a key the engine has not got yet or has removed', () => {
    const r = renderDaemonJson(host('{}', {}, '20.10.24'), [
      set('proxies', { 'http-proxy': 'http://p:3128' }, '9.1'),
      set('disable-legacy-registry', true, '9.2'),
    ]);
    expect(r.refused.map((x) => x.key)).toEqual(['proxies', 'disable-legacy-registry']);
    expect(r.refused[0].text).toMatch(/does not know the daemon.json key "proxies" \(added in 23.0\)/);
    expect(renderDaemonJson(host('{}', {}, '23.0.1'), [set('proxies', { 'http-proxy': 'http://p:3128' })]).refused).toEqual([]);
  });

  it('refuses the whole file on an engine without --validate when it holds a key dockerd does not know', () => {
    const r = renderDaemonJson(host('{"swarm-raft-heartbeat-tick": 1}', {}, '20.10.24'), [set('icc', false)]);
    expect(r.file).toBeNull();
    expect(r.refused[0]).toMatchObject({ key: 'swarm-raft-heartbeat-tick', text: expect.stringMatching(/left as it is/) });
    // From 23.0 dockerd --validate decides; the key table only warns.
    const newer = renderDaemonJson(host('{"swarm-raft-heartbeat-tick": 1}', {}, '26.1.0'), [set('icc', false)]);
    expect(newer.file?.kind).toBe('modify');
    expect(newer.warnings[0].text).toMatch(/dockerd --validate/);
  });
});

describe('daemon.json against the daemon flags and workloads', () => {
  const unit = { path: '/lib/systemd/system/docker.service', content: DEBIAN_UNIT.replace('fd://', 'fd:// --log-level=warn'), dropIns: [] };

  it('refuses a key the unit already passes as a flag, naming the flag and where it comes from', () => {
    const r = renderDaemonJson(host('{}', { systemd: { service: unit, socket: null } }), [set('log-level', 'info', '2.3')]);
    expect(r.refused).toEqual([
      { ruleId: '2.3', key: 'log-level', text: expect.stringContaining('`--log-level=warn` (ExecStart of /lib/systemd/system/docker.service') },
    ]);
    expect(r.file?.kind).toBe('unchanged');
  });

  it('reads the running process first', () => {
    const facts = host('{}', { dockerd: { pid: 4242, exe: '/usr/bin/dockerd', argv: ['/usr/bin/dockerd', '--live-restore'] } });
    expect(renderDaemonJson(facts, [set('live-restore', true)]).refused[0].text).toMatch(/`--live-restore` \(command line of the running dockerd, pid 4242\)/);
  });

  it('rewrites ExecStart without the flag where daemon.json already duplicates it', () => {
    const facts = host('{"hosts": ["fd://", "tcp://127.0.0.1:2376"]}', { systemd: { service: { ...unit, content: DEBIAN_UNIT }, socket: null } });
    const r = renderDaemonJson(facts, []);
    expect(r.execStart).toEqual({ words: ['/usr/sbin/dockerd', '--containerd=/run/containerd/containerd.sock'], removed: ['-H fd://'], keys: ['hosts'] });
    expect(r.warnings[0].text).toMatch(/refuses to start that way/);
    expect(r.file).toBeNull();
  });

  it('refuses live-restore on a swarm node', () => {
    for (const state of ['active', 'locked']) {
      const facts = host('{}');
      facts.engine!.info.Swarm.LocalNodeState = state;
      const r = renderDaemonJson(facts, [set('live-restore', true, '2.16')]);
      expect(r.refused).toEqual([{ ruleId: '2.16', key: 'live-restore', text: expect.stringMatching(/incompatible with swarm mode/) }]);
    }
    expect(renderDaemonJson(host('{}'), [set('live-restore', true)]).refused).toEqual([]);
  });

  it('refuses userns-remap while containers are privileged or share host namespaces', () => {
    const facts = host('{}');
    facts.engine!.containers = [
      { Name: '/ok', HostConfig: { NetworkMode: 'bridge' } },
      { Name: '/priv', HostConfig: { Privileged: true } },
      { Name: '/hostpid', HostConfig: { PidMode: 'host' } },
      { Name: '/hostuts', HostConfig: { UTSMode: 'host' } },
    ];
    const r = renderDaemonJson(facts, [set('userns-remap', 'default', '2.10')]);
    expect(r.refused[0].text).toMatch(/\(hostpid, hostuts, priv\)/);
    facts.engine!.containers = [{ Name: '/ok', HostConfig: { NetworkMode: 'bridge' } }];
    expect(renderDaemonJson(facts, [set('userns-remap', 'default')]).refused).toEqual([]);
  });

  it('refuses icc: false where iptables is off, and warns about br_netfilter from 28.0', () => {
    const off = host('{}', { dockerd: { pid: 1, exe: '/usr/bin/dockerd', argv: ['/usr/bin/dockerd', '--iptables=false'] } });
    expect(renderDaemonJson(off, [set('icc', false)]).refused[0].text).toMatch(/icc: false needs iptables.*--iptables=false/);
    expect(renderDaemonJson(host('{}', {}, '28.1.1'), [set('icc', false)]).warnings[0].text).toMatch(/br_netfilter/);
    expect(renderDaemonJson(host('{}', {}, '27.5.1'), [set('icc', false)]).warnings).toEqual([]);
  });
});
