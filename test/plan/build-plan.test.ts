import { describe, expect, it } from 'vitest';
import { emptyFacts } from '../../src/facts/empty-facts.js';
import { buildPlan } from '../../src/plan/build-plan.js';
import { planBlockers, planHasChanges } from '../../src/plan-model/plan.js';
import { DEFAULT_PARAMS } from '../../src/rules/params.js';
import type { Rule } from '../../src/rules/rule.js';
import { daemonKeyRule, sampleRule } from './support/sample-rules.js';
import { applyPlanToFacts } from './support/apply-to-facts.js';

const unit = { path: '/lib/systemd/system/docker.service', content: '[Service]\nExecStart=/usr/sbin/dockerd -H fd://\n', dropIns: [] };
const socket = { path: '/lib/systemd/system/docker.socket', content: '[Socket]\nListenStream=/run/docker.sock\n', dropIns: [] };
const facts = () =>
  emptyFacts({
    daemonJson: { path: '/etc/docker/daemon.json', raw: '{\n  "debug": false\n}\n', parsed: { debug: false } },
    systemd: { service: unit, socket },
    files: {
      '/etc/docker': { exists: true, type: 'directory', mode: 0o775, owner: 'root', group: 'root' },
      '/usr/sbin/dockerd': { exists: true, type: 'file', mode: 0o755 },
      '/run/docker.sock': { exists: true, type: 'socket', mode: 0o666, owner: 'root', group: 'docker' },
    },
    audit: { loadedRules: [], rulesFiles: [] },
  });

const rules: Rule[] = [
  daemonKeyRule('2.16', 'live-restore', true, 'live-restore: containers keep running across daemon restarts.'),
  daemonKeyRule('2.2', 'icc', false),
  sampleRule(
    '3.6',
    (f) => (f.files['/etc/docker'].mode! & ~0o755) !== 0,
    () => [{ kind: 'file-permission', path: '/etc/docker', mode: 0o755 }],
  ),
  sampleRule(
    '3.16',
    (f) => !f.systemd.socket!.dropIns.length,
    () => [
      { kind: 'systemd-dropin', unit: 'docker.socket', section: 'Socket', key: 'SocketMode', value: '0660' },
      { kind: 'file-permission', path: '/run/docker.sock', mode: 0o660 },
    ],
  ),
  sampleRule(
    '1.1.3',
    (f) => !f.audit.rulesFiles.length,
    () => [{ kind: 'audit-watch', path: '/usr/sbin/dockerd' }],
  ),
  sampleRule(
    '5.29',
    () => true,
    () => [
      { kind: 'docker-update', container: 'web', flag: '--pids-limit', value: '256' },
      { kind: 'recreate-advice', container: 'db', flags: ['--read-only'] },
      { kind: 'manual', text: 'Talk to the database team.' },
    ],
  ),
  sampleRule(
    '2.99',
    () => true,
    () => {
      throw new Error('boom');
    },
  ),
];

describe('buildPlan', () => {
  const plan = buildPlan({ facts: facts(), rules, params: DEFAULT_PARAMS, profileName: 'test' });

  it('groups contributions per artifact, tags what each file closes, and sorts by path', () => {
    expect(plan.files.map((f) => [f.path, f.kind, f.closes])).toEqual([
      ['/etc/audit/rules.d/docker.rules', 'create', ['1.1.3']],
      ['/etc/docker/daemon.json', 'modify', ['2.2', '2.16']],
      ['/etc/systemd/system/docker.socket.d/50-docker-harden.conf', 'create', ['3.16']],
    ]);
    expect(plan.files[1].after).toBe('{\n  "debug": false,\n  "icc": false,\n  "live-restore": true\n}\n');
    expect(plan.permissions).toEqual([
      { path: '/etc/docker', mode: 0o755, fromMode: 0o775, closes: ['3.6'] },
      { path: '/run/docker.sock', mode: 0o660, fromMode: 0o666, closes: ['3.16'] },
    ]);
    expect(plan.facts).toEqual({ source: 'host', collectedAt: '1970-01-01T00:00:00.000Z', root: '/' });
  });

  it('orders the steps and turns container contributions into steps and advice', () => {
    expect(plan.steps.map((s) => s.command.join(' '))).toEqual([
      'docker update --pids-limit=256 web',
      'systemctl daemon-reload',
      'augenrules --load',
      'systemctl reload docker',
      'systemctl restart docker.socket docker.service',
    ]);
    expect(plan.manual.map((m) => [m.ruleId, m.text])).toEqual([
      ['5.29', 'Talk to the database team.'],
      ['5.29', 'Recreate container db with --read-only (these cannot change on a running container).'],
    ]);
  });

  it('collects impact notes, each naming the files it is about, and a rule that throws becomes a warning', () => {
    expect(plan.warnings).toContainEqual({
      ruleId: '2.16',
      paths: ['/etc/docker/daemon.json'],
      text: 'live-restore: containers keep running across daemon restarts.',
    });
    expect(plan.warnings).toContainEqual({ ruleId: '2.99', text: expect.stringMatching(/could not be evaluated \(boom\)/) });
  });

  it('a second run after applying changes nothing but what concerns containers', () => {
    const again = buildPlan({
      facts: applyPlanToFacts(facts(), plan),
      rules: rules.filter((r) => r.id !== '5.29'),
      params: DEFAULT_PARAMS,
      profileName: 'test',
    });
    expect(planHasChanges(again)).toBe(false);
  });

  it('turns a validation veto into a refusal and drops the daemon.json change and its reload', () => {
    const vetoed = buildPlan({ facts: facts(), rules, params: DEFAULT_PARAMS, profileName: 'test', daemonJsonVeto: 'unable to configure the Docker daemon' });
    expect(vetoed.files.map((f) => f.artifact)).not.toContain('daemon-json');
    expect(vetoed.refused).toContainEqual({ key: '/etc/docker/daemon.json', text: expect.stringMatching(/--validate rejects .*unable to configure/) });
    expect(vetoed.steps.map((s) => s.id)).not.toContain('docker-reload-live-restore');
  });

  it('reports an unparsable daemon.json as a blocker, and still plans everything else', () => {
    const broken = facts();
    broken.daemonJson = {
      path: '/etc/docker/daemon.json',
      raw: '{ "icc": false,, }',
      parsed: null,
      parseError: { message: 'Expected double-quoted property name', line: 1, column: 16 },
    };
    const p = buildPlan({ facts: broken, rules, params: DEFAULT_PARAMS, profileName: 'test' });
    expect(planBlockers(p)).toEqual([
      { key: '/etc/docker/daemon.json', blocking: true, text: expect.stringMatching(/^\/etc\/docker\/daemon.json does not parse \(line 1: Expected/) },
    ]);
    expect(p.files.map((f) => f.artifact)).toEqual(['audit-rules', 'systemd-dropin']);
  });
});

describe('mergeNotes', () => {
  it('says a note once, naming every rule that gave it', async () => {
    const { mergeNotes } = await import('../../src/plan/build-plan.js');
    expect(
      mergeNotes([
        { ruleId: '2.2', text: 'needs br_netfilter' },
        { ruleId: '2.17', text: 'needs br_netfilter' },
        { ruleId: '2.2', text: 'needs br_netfilter' },
        { text: 'other' },
      ]),
    ).toEqual([{ ruleId: '2.2, 2.17', text: 'needs br_netfilter' }, { text: 'other' }]);
  });
});
