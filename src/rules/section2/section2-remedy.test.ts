import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HostFacts } from '../../facts/host-facts.js';
import type { Contribution } from '../contribution.js';
import { DEFAULT_PARAMS } from '../params.js';
import type { Rule } from '../rule.js';
import { loadFacts, ruleFixtures } from '../../../test/support/fixtures.js';
import { section2Rules } from './index.js';
import { daemonFacts } from './testing/daemon-facts.js';

const rule = (id: string): Rule => section2Rules.find((r) => r.id === id)!;
const kinds = (cs: Contribution[]) => cs.map((c) => c.kind);

const LIVE_CONFIG_FIELDS = ['Debug', 'Driver', 'LoggingDriver', 'LiveRestoreEnabled', 'ExperimentalBuild', 'SecurityOptions', 'RegistryConfig', 'Plugins'];

/** daemon.json after the daemon-json contributions, as the artifact layer would write it. */
function applied(facts: HostFacts, contributions: Contribution[]): HostFacts {
  const parsed: Record<string, unknown> = { ...(facts.daemonJson.parsed ?? {}) };
  for (const c of contributions) {
    if (c.kind === 'daemon-json-set') parsed[c.key] = c.value;
    if (c.kind === 'daemon-json-remove') delete parsed[c.key];
  }
  // The restart the plan schedules: live values that mirror the old configuration are gone;
  // what the configuration does not decide (swarm membership, containers) stays.
  const engine = facts.engine && {
    ...facts.engine,
    networks: [],
    info: Object.fromEntries(Object.entries(facts.engine.info).filter(([k]) => !LIVE_CONFIG_FIELDS.includes(k))),
  };
  return { ...facts, engine, daemonJson: { ...facts.daemonJson, raw: JSON.stringify(parsed), parsed } };
}

describe('section 2 remediation closes what it claims to', () => {
  for (const r of section2Rules.filter((x) => x.remediate)) {
    for (const file of ruleFixtures(r.id).fail) {
      it(`${r.id} ${path.basename(file)}: daemon.json edits make the rule pass, and a second run adds nothing`, () => {
        const facts = loadFacts(file);
        const first = r.remediate!(facts, DEFAULT_PARAMS);
        expect(first.length).toBeGreaterThan(0);
        if (first.some((c) => c.kind === 'manual')) return; // advice: nothing for the plan to write
        const after = applied(facts, first);
        expect(r.check(after).map((x) => x.status)).not.toContain('fail');
        expect(r.remediate!(after, DEFAULT_PARAMS)).toEqual([]);
      });
    }
  }

  it('writes the JSON types dockerd wants', () => {
    const bare = daemonFacts({ argv: ['-H', 'fd://'] });
    const set = (id: string) =>
      rule(id).remediate!(bare, DEFAULT_PARAMS).find((c) => c.kind === 'daemon-json-set') as { key: string; value: unknown; impact?: string };
    expect(set('2.2')).toMatchObject({ key: 'icc', value: false });
    expect(set('2.15')).toMatchObject({ key: 'no-new-privileges', value: true });
    expect(set('2.16')).toMatchObject({ key: 'live-restore', value: true });
    expect(set('2.17')).toMatchObject({ key: 'userland-proxy', value: false });
    expect(set('2.9').value).toEqual({
      nofile: { Name: 'nofile', Hard: 65536, Soft: 65536 },
      nproc: { Name: 'nproc', Hard: 8192, Soft: 4096 },
    });
    for (const id of ['2.2', '2.9', '2.10', '2.15', '2.16', '2.17']) expect(set(id).impact, id).toBeTruthy();
  });

  it('turns the "soft:hard" default-ulimits shape into dockerd objects', () => {
    const facts = daemonFacts({ file: { 'default-ulimits': { nofile: '100:200', nproc: { Name: 'nproc', Hard: 10, Soft: 5 } } }, argv: [] });
    expect(rule('2.9').check(facts)[0].status).toBe('fail');
    expect(rule('2.9').remediate!(facts, DEFAULT_PARAMS)).toEqual([
      {
        kind: 'daemon-json-set',
        key: 'default-ulimits',
        value: { nofile: { Name: 'nofile', Soft: 100, Hard: 200 }, nproc: { Name: 'nproc', Hard: 10, Soft: 5 } },
      },
    ]);
  });
});

describe('2.3 remediation', () => {
  it('removes "debug" from daemon.json, sets "log-level" only where it is wrong, and points at -D', () => {
    const r = rule('2.3');
    expect(r.remediate!(daemonFacts({ file: { debug: true, 'log-level': 'info' }, argv: [] }), DEFAULT_PARAMS)).toEqual([
      expect.objectContaining({ kind: 'daemon-json-remove', key: 'debug' }),
    ]);
    expect(kinds(r.remediate!(daemonFacts({ file: { debug: true, 'log-level': 'warn' }, argv: [] }), DEFAULT_PARAMS))).toEqual([
      'daemon-json-remove',
      'daemon-json-set',
    ]);
    expect(r.remediate!(daemonFacts({ argv: ['-H', 'fd://', '-D'] }), DEFAULT_PARAMS)).toEqual([
      { kind: 'manual', text: expect.stringContaining('set by the -D flag in the running dockerd command line (pid 4242)') },
    ]);
  });
});

describe('refusals', () => {
  it('never writes live-restore on a swarm node', () => {
    const facts = daemonFacts({ argv: ['-H', 'fd://'], info: { LiveRestoreEnabled: false, Swarm: { LocalNodeState: 'active' } } });
    const [res] = rule('2.16').check(facts);
    expect(res.status).toBe('not-applicable');
    expect(res.message).toContain('incompatible with swarm');
    expect(rule('2.16').remediate!(facts, DEFAULT_PARAMS)).toEqual([]);
  });

  it('does not enable live-restore when the swarm state cannot be read', () => {
    const facts = daemonFacts({ argv: [], extra: { probes: { daemonJson: { status: 'ok' }, engine: { status: 'permission-denied' } } } });
    const out = rule('2.16').remediate!(facts, DEFAULT_PARAMS);
    expect(kinds(out)).toEqual(['manual']);
    expect((out[0] as { text: string }).text).toContain('permission-denied');
  });

  const container = (name: string, hostConfig: Record<string, unknown>) => ({ Id: name, Name: `/${name}`, HostConfig: hostConfig });
  const withContainers = (containers: Record<string, unknown>[]) => {
    const facts = daemonFacts({ argv: ['-H', 'fd://'], info: { SecurityOptions: ['name=seccomp,profile=default'] } });
    return { ...facts, engine: { ...facts.engine!, containers } };
  };

  for (const [what, hc, shown] of [
    ['privileged', { Privileged: true }, 'web (privileged)'],
    ['host network', { NetworkMode: 'host' }, 'web (host network)'],
    ['host pid', { PidMode: 'host' }, 'web (host PID namespace)'],
  ] as const) {
    it(`refuses userns-remap while a container runs with ${what}`, () => {
      const out = rule('2.10').remediate!(withContainers([container('web', hc), container('db', {})]), DEFAULT_PARAMS);
      expect(kinds(out)).toEqual(['manual']);
      expect((out[0] as { text: string }).text).toContain(shown);
    });
  }

  it('enables userns-remap when such containers opt out with --userns=host', () => {
    const out = rule('2.10').remediate!(withContainers([container('web', { Privileged: true, UsernsMode: 'host' })]), DEFAULT_PARAMS);
    expect(out).toEqual([expect.objectContaining({ kind: 'daemon-json-set', key: 'userns-remap', value: 'default' })]);
  });

  it('refuses icc false and userland-proxy false while iptables is off', () => {
    const facts = daemonFacts({ file: { iptables: false }, argv: [] });
    expect(kinds(rule('2.2').remediate!(facts, DEFAULT_PARAMS))).toEqual(['manual']);
    expect(kinds(rule('2.17').remediate!(facts, DEFAULT_PARAMS))).toEqual(['manual']);
    expect(rule('2.4').remediate!(facts, DEFAULT_PARAMS)).toEqual([expect.objectContaining({ kind: 'daemon-json-remove', key: 'iptables' })]);
  });

  it('points at the flag instead of writing a key dockerd already gets as a flag', () => {
    const unit = {
      path: '/lib/systemd/system/docker.service',
      content: '[Service]\nExecStart=/usr/bin/dockerd -H fd:// --iptables=false --experimental\n',
      dropIns: [],
    };
    const facts = daemonFacts({ extra: { systemd: { service: unit, socket: null } } });
    for (const [id, flag] of [
      ['2.4', '--iptables=false'],
      ['2.19', '--experimental'],
    ]) {
      const [c] = rule(id).remediate!(facts, DEFAULT_PARAMS);
      expect(c).toEqual({ kind: 'manual', text: expect.stringContaining(`set by the ${flag} flag in the docker.service ExecStart`) });
    }
  });

  it('writes seccomp and authorization plugins only from profile parameters', () => {
    const facts = daemonFacts({ file: { 'seccomp-profile': 'unconfined' }, argv: [] });
    expect(rule('2.18').remediate!(facts, DEFAULT_PARAMS)).toEqual([expect.objectContaining({ kind: 'daemon-json-remove', key: 'seccomp-profile' })]);
    const params = { ...DEFAULT_PARAMS, seccompProfile: '/etc/docker/seccomp.json', authorizationPlugin: 'authz-broker' };
    expect(rule('2.18').remediate!(facts, params)).toEqual([
      expect.objectContaining({ kind: 'daemon-json-set', key: 'seccomp-profile', value: '/etc/docker/seccomp.json' }),
    ]);
    expect(kinds(rule('2.13').remediate!(facts, DEFAULT_PARAMS))).toEqual(['manual']);
    expect(rule('2.13').remediate!(facts, params)).toEqual([
      expect.objectContaining({ kind: 'daemon-json-set', key: 'authorization-plugins', value: ['authz-broker'] }),
    ]);
  });
});
