import { describe, expect, it } from 'vitest';
import { emptyFacts } from '../../src/facts/empty-facts.js';
import type { HostFacts } from '../../src/facts/host-facts.js';
import { planSteps } from '../../src/plan/plan-steps.js';
import { fileChange } from '../../src/plan-model/file-change.js';
import type { FileChange } from '../../src/plan-model/plan.js';

const unit = { path: '/lib/systemd/system/docker.service', content: '[Service]\nExecStart=/usr/sbin/dockerd -H fd://\n', dropIns: [] };
const daemonJson = (before: string | null = '{}\n', after = '{"x": 1}\n'): FileChange =>
  fileChange({ path: '/etc/docker/daemon.json', before, after, mode: 0o644, closes: ['2.1'], artifact: 'daemon-json' });
const dropIn = (u: 'docker.service' | 'docker.socket'): FileChange =>
  fileChange({ path: `/etc/systemd/system/${u}.d/50-docker-harden.conf`, before: null, after: '[X]\n', mode: 0o644, closes: [], artifact: 'systemd-dropin' });
const withUnit = (over: Partial<HostFacts> = {}) => emptyFacts({ systemd: { service: unit, socket: null }, ...over });
const ids = (facts: HostFacts, files: FileChange[], keys: string[]) =>
  planSteps({ facts, files, daemonJsonChangedKeys: keys }).steps.map((s) => s.command.join(' '));

describe('plan steps', () => {
  it('reloads (SIGHUP) when every changed key is reloadable', () => {
    const r = planSteps({ facts: withUnit(), files: [daemonJson()], daemonJsonChangedKeys: ['insecure-registries', 'debug'] });
    expect(r.steps.map((s) => s.command.join(' '))).toEqual(['systemctl reload docker']);
    expect(r.warnings).toEqual([]);
  });

  it('restarts for other keys, warning that containers stop unless live-restore was already on', () => {
    const running = withUnit({
      engine: { host: '', version: {}, info: {}, containers: [{ State: { Running: true } }, { State: { Running: false } }], images: [], networks: [] },
    });
    const r = planSteps({ facts: running, files: [daemonJson()], daemonJsonChangedKeys: ['icc', 'debug'] });
    expect(r.steps.map((s) => s.command.join(' '))).toEqual(['systemctl restart docker']);
    expect(r.steps[0].reason).toMatch(/\(icc\)/);
    expect(r.warnings[0].text).toMatch(/stops every running container \(1 running now\)/);

    const live = withUnit({ daemonJson: { path: '/etc/docker/daemon.json', raw: '{"live-restore": true}', parsed: { 'live-restore': true } } });
    expect(planSteps({ facts: live, files: [daemonJson()], daemonJsonChangedKeys: ['icc'] }).warnings).toEqual([]);
  });

  it('turns live-restore on by SIGHUP before a restart that it then survives', () => {
    expect(ids(withUnit(), [daemonJson()], ['icc', 'live-restore'])).toEqual(['systemctl reload docker', 'systemctl restart docker']);
    expect(planSteps({ facts: withUnit(), files: [daemonJson()], daemonJsonChangedKeys: ['icc', 'live-restore'] }).warnings).toEqual([]);
  });

  it('daemon-reloads for drop-ins, restarts socket and service together for a socket drop-in, loads audit rules', () => {
    const audit = fileChange({
      path: '/etc/audit/rules.d/docker.rules',
      before: null,
      after: '-w /x\n',
      mode: 0o640,
      closes: ['1.1.3'],
      artifact: 'audit-rules',
    });
    expect(ids(withUnit(), [dropIn('docker.socket'), audit], [])).toEqual([
      'systemctl daemon-reload',
      'augenrules --load',
      'systemctl restart docker.socket docker.service',
    ]);
    expect(ids(withUnit(), [dropIn('docker.service')], [])).toEqual(['systemctl daemon-reload', 'systemctl restart docker']);
  });

  it('has no steps for unchanged files', () => {
    const same = fileChange({ path: '/etc/docker/daemon.json', before: '{}', after: '{}', mode: 0o644, closes: [], artifact: 'daemon-json' });
    expect(ids(withUnit(), [same], [])).toEqual([]);
  });

  it('without systemd: SIGHUP to the running dockerd, and for a restart started by hand an instruction with its pid', () => {
    const proc = emptyFacts({ dockerd: { pid: 321, exe: '/usr/bin/dockerd', argv: ['/usr/bin/dockerd'] } });
    expect(ids(proc, [daemonJson()], ['debug'])).toEqual(['kill -s HUP 321']);
    const r = planSteps({ facts: proc, files: [daemonJson()], daemonJsonChangedKeys: ['icc'] });
    expect(r.steps).toEqual([]);
    expect(r.manual[0].text).toMatch(
      /^dockerd \(pid 321\) was started by hand, not by a service manager: restart it the way it was started \(stop it with `kill -s TERM 321`/,
    );
  });

  it('reloads by SIGHUP to the pid even where systemd runs dockerd, and by systemd where the pid is unknown', () => {
    const withPid = withUnit({ dockerd: { pid: 77, exe: '/usr/bin/dockerd', argv: ['/usr/bin/dockerd'] } });
    expect(ids(withPid, [daemonJson()], ['debug'])).toEqual(['kill -s HUP 77']);
    expect(ids(withPid, [daemonJson()], ['icc', 'live-restore'])).toEqual(['kill -s HUP 77', 'systemctl restart docker']);
    expect(ids(withUnit(), [daemonJson()], ['debug'])).toEqual(['systemctl reload docker']);
  });

  it.each([
    [{ kind: 'openrc', name: 'docker' }, 'rc-service docker restart'],
    [{ kind: 'sysvinit', name: 'docker' }, 'service docker restart'],
    [{ kind: 'systemd', name: 'docker.service' }, 'systemctl restart docker.service'],
    [{ kind: 'systemd-user', name: 'docker.service' }, 'systemctl --user restart docker.service'],
  ] as const)('restarts through the manager the facts name: %o', (manager, command) => {
    const facts = emptyFacts({ dockerd: { pid: 5, exe: '/usr/bin/dockerd', argv: ['/usr/bin/dockerd'], manager: { ...manager } } });
    expect(ids(facts, [daemonJson()], ['icc'])).toEqual([command]);
  });

  it('a daemon the facts say was started by hand gets no systemctl, even where a docker.service exists', () => {
    const facts = withUnit({ dockerd: { pid: 9, exe: '/usr/bin/dockerd', argv: ['/usr/bin/dockerd'], manager: { kind: 'manual' } } });
    const r = planSteps({ facts, files: [daemonJson(), dropIn('docker.service')], daemonJsonChangedKeys: ['icc'] });
    expect(r.steps).toEqual([]);
    expect(r.manual.map((m) => m.text).join('\n')).toMatch(/pid 9\) was started by hand/);
  });

  it('systemd --user daemon-reloads as the user for drop-ins', () => {
    const facts = emptyFacts({
      dockerd: { pid: 5, exe: '/usr/bin/dockerd', argv: ['/usr/bin/dockerd'], manager: { kind: 'systemd-user', name: 'docker.service' } },
    });
    expect(ids(facts, [dropIn('docker.service')], [])).toEqual(['systemctl --user daemon-reload', 'systemctl --user restart docker.service']);
  });
});
