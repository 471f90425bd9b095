// Where a section-2 answer comes from: flags, daemon.json, defaults, the live engine, or nowhere.
import { describe, expect, it } from 'vitest';
import { emptyFacts } from '../../facts/empty-facts.js';
import type { Rule } from '../rule.js';
import { section2Rules } from './index.js';
import { daemonFacts } from './testing/daemon-facts.js';

const rule = (id: string): Rule => section2Rules.find((r) => r.id === id)!;

describe('2.1 rootless', () => {
  it('passes a rootless daemon and never fails a rootful one', () => {
    expect(rule('2.1').check(daemonFacts({ info: { SecurityOptions: ['name=seccomp,profile=default', 'name=rootless'] } }))[0].status).toBe('pass');
    const rootful = rule('2.1').check(daemonFacts({ info: { SecurityOptions: ['name=seccomp,profile=default'] } }));
    expect(rootful.map((r) => r.status)).toEqual(['manual']);
    expect(
      rule('2.1')
        .check(emptyFacts())
        .map((r) => r.status),
    ).toEqual(['manual']);
  });
});

describe('live engine values against the configuration', () => {
  it('fails a fix that is configured but not yet in force, and says so', () => {
    const [res] = rule('2.16').check(daemonFacts({ file: { 'live-restore': true }, argv: ['-H', 'fd://'], info: { LiveRestoreEnabled: false } }));
    expect(res.status).toBe('fail');
    expect(res.message).toContain('the engine runs with false until dockerd restarts with the configured true');
    expect(res.evidence.map((e) => e.kind)).toEqual(['engine', 'daemon.json']);
  });

  it('fails a weakening that is configured and will apply at the next restart', () => {
    const [res] = rule('2.19').check(daemonFacts({ file: { experimental: true }, argv: [], info: { ExperimentalBuild: false } }));
    expect(res.status).toBe('fail');
    expect(res.evidence[0]).toMatchObject({ kind: 'daemon.json' });
    expect(rule('2.19').remediate!(daemonFacts({ file: { experimental: true }, argv: [] }), {} as never)).toEqual([
      expect.objectContaining({ kind: 'daemon-json-remove', key: 'experimental' }),
    ]);
  });

  it('trusts the engine over an unset option it cannot explain', () => {
    const [res] = rule('2.16').check(daemonFacts({ argv: [], info: { LiveRestoreEnabled: true } }));
    expect(res.status).toBe('pass');
    expect(res.message).toContain('no flag or daemon.json setting explains the live true');
  });

  it('reads icc from the default bridge network', () => {
    const facts = daemonFacts({ argv: ['-H', 'fd://'], info: {} });
    const bridge = { Name: 'bridge', Options: { 'com.docker.network.bridge.default_bridge': 'true', 'com.docker.network.bridge.enable_icc': 'false' } };
    const [res] = rule('2.2').check({ ...facts, engine: { ...facts.engine!, networks: [bridge] } });
    expect(res.status).toBe('pass');
    expect(res.evidence[0].detail).toContain('com.docker.network.bridge.enable_icc=false');
  });
});

describe('what could not be read', () => {
  const unreadable = emptyFacts({
    probes: { daemonJson: { status: 'permission-denied', message: 'EACCES' }, engine: { status: 'not-running' } },
    daemonJson: { path: '/etc/docker/daemon.json', raw: null, parsed: null },
  });

  it('warns, naming the probe, when neither daemon.json nor the engine answered', () => {
    for (const id of ['2.2', '2.4', '2.15', '2.16', '2.17', '2.19', '2.8']) {
      const [res] = rule(id).check(unreadable);
      expect(res.status, id).toBe('warn');
      expect(res.message, id).toContain('probe daemonJson: permission-denied');
    }
    expect(rule('2.6').check(unreadable)[0]).toMatchObject({ status: 'warn', message: expect.stringContaining('probe engine: not-running') });
  });

  it('still decides from a flag when daemon.json is unreadable', () => {
    const facts = { ...unreadable, dockerd: { pid: 7, exe: '/usr/bin/dockerd', argv: ['dockerd', '--icc=false', '--no-new-privileges'] } };
    expect(rule('2.2').check(facts)[0].status).toBe('pass');
    expect(rule('2.15').check(facts)[0].status).toBe('pass');
    expect(rule('2.15').check(facts)[0].evidence[0]).toMatchObject({ kind: 'flag', path: '/proc/7/cmdline' });
  });

  it('says when only daemon.json was read because no dockerd command line was seen', () => {
    const [res] = rule('2.15').check(daemonFacts({ file: { 'no-new-privileges': true } }));
    expect(res.status).toBe('pass');
    expect(res.message).toContain('dockerd flags were not seen');
    // With a command line known the note is not added.
    expect(rule('2.15').check(daemonFacts({ file: { 'no-new-privileges': true }, argv: [] }))[0].message).not.toContain('flags were not seen');
  });

  it('treats a host without Docker as dockerd defaults, so provisioning can fix them up front', () => {
    const bare = emptyFacts({ probes: { engine: { status: 'missing' }, daemonJson: { status: 'missing' } } });
    expect(rule('2.2').check(bare)[0].status).toBe('fail');
    expect(rule('2.4').check(bare)[0].status).toBe('pass');
    expect(rule('2.6').check(bare)[0].status).toBe('pass');
    expect(rule('2.16').remediate!(bare, { usernsRemap: 'default' } as never)).toEqual([
      expect.objectContaining({ kind: 'daemon-json-set', key: 'live-restore', value: true }),
    ]);
  });
});
