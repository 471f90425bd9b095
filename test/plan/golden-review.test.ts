// What a reviewer checks in every golden plan, as code: a daemon.json the host's engine accepts
// (known keys, right JSON types, no option also given as a flag once the plan is in place, no
// live-restore on a swarm node), audit rules that auditctl loads to the end (no watch under a
// missing directory or under /run, no duplicates), and drop-ins that `systemd-analyze verify` accepts.
import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { HostFacts } from '../../src/facts/host-facts.js';
import type { Plan } from '../../src/plan-model/plan.js';
import { effectiveConfig } from '../../src/facts/effective-config.js';
import { effectiveExecStart } from '../../src/facts/systemd-unit.js';
import { splitCommandLine } from '../../src/facts/dockerd-flags.js';
import { engineVersion } from '../../src/artifacts/engine-version.js';
import { keyKnownTo, keyType } from '../../src/artifacts/daemon-keys.js';
import { checkJsonType } from '../../src/artifacts/json-types.js';
import { auditRuleIdentity } from '../../src/artifacts/audit-rule-identity.js';
import { parseAuditRule } from '../../src/facts/audit-rule-parser.js';
import { parentDir, pathExists } from '../../src/rules/section1/docker-paths.js';
import { withCreatedFiles } from '../../src/plan/planned-facts.js';
import { HOSTS, PROFILES, planForHost } from '../e2e/support/hosts.js';
import { applyPlanToFacts } from './support/apply-to-facts.js';

const written = (plan: Plan, artifact: string) => plan.files.filter((f) => f.artifact === artifact && f.after !== null && f.kind !== 'unchanged');
const SWARM = ['active', 'pending', 'locked'];

function daemonJsonProblems(facts: HostFacts, plan: Plan): string[] {
  const problems: string[] = [];
  // After the restart dockerd runs with the unit's command line and the plan's drop-in.
  const after = applyPlanToFacts(facts, plan);
  const restarted: HostFacts = facts.systemd.service ? { ...after, dockerd: null } : after;
  for (const key of effectiveConfig(restarted).conflicts) problems.push(`"${key}" is both a flag and in daemon.json`);
  for (const f of written(plan, 'daemon-json')) {
    const config = JSON.parse(f.after!) as Record<string, unknown>;
    for (const [key, value] of Object.entries(config)) {
      if (!keyKnownTo(key, engineVersion(facts))) problems.push(`"${key}" is unknown to ${facts.engine?.version?.Version ?? 'the newest engine'}`);
      else if (checkJsonType(keyType(key)!, value)) problems.push(`"${key}" ${checkJsonType(keyType(key)!, value)}`);
    }
    if (SWARM.includes(facts.engine?.info?.Swarm?.LocalNodeState) && config['live-restore'] === true) problems.push('live-restore on a swarm node');
    // A storage-driver the user did not choose switches image stores on new engines.
    if (config['storage-driver'] !== undefined && facts.daemonJson.parsed?.['storage-driver'] === undefined) problems.push('storage-driver added');
  }
  return problems;
}

function auditProblems(facts: HostFacts, plan: Plan): string[] {
  const problems: string[] = [];
  const planned = withCreatedFiles(facts, plan.files);
  for (const f of written(plan, 'audit-rules')) {
    const lines = f.after!.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    const elsewhere = new Set(facts.audit.rulesFiles.filter((r) => r.path !== f.path).flatMap((r) => r.content.split('\n').map(auditRuleIdentity)));
    const seen = new Set<string | null>();
    for (const line of lines) {
      const id = auditRuleIdentity(line);
      if (seen.has(id)) problems.push(`${line}: duplicate`);
      if (elsewhere.has(id)) problems.push(`${line}: also in another rules file`);
      seen.add(id);
      const target = parseAuditRule(line)?.path;
      if (!target) continue;
      if (pathExists(planned, target) !== true && pathExists(planned, parentDir(target)) !== true)
        problems.push(`${line}: neither ${target} nor its directory exists`);
      if (parentDir(target).startsWith('/run/')) problems.push(`${line}: its directory is created after the rules load at boot`);
    }
  }
  return problems;
}

const SYSTEM_UNITS = '/lib/systemd/system';
const hasVerify = spawnSync('systemd-analyze', ['--version']).status === 0;
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** `systemd-analyze verify --root` over the host's units plus the plan's drop-ins; any output names a problem. */
function verifyUnits(facts: HostFacts, plan: Plan): { status: number | null; output: string } {
  const root = mkdtempSync('/tmp/dh-golden-units-');
  dirs.push(root);
  const put = (p: string, content: string, mode = 0o644) => {
    mkdirSync(path.join(root, path.dirname(p)), { recursive: true });
    writeFileSync(path.join(root, p), content);
    chmodSync(path.join(root, p), mode);
  };
  // Targets and slices the units depend on by default (sysinit.target, ...), from this machine.
  for (const name of readdirSync(SYSTEM_UNITS).filter((n) => /\.(target|slice)$/.test(n)))
    put(`/usr/lib/systemd/system/${name}`, readFileSync(path.join(SYSTEM_UNITS, name), 'utf8'));
  for (const unit of [facts.systemd.service, facts.systemd.socket]) if (unit) put(unit.path, unit.content);
  const dropIns = written(plan, 'systemd-dropin');
  for (const f of dropIns) put(f.path, f.after!);
  // The programs the units run must exist under the root, as they do on the host.
  const service = { ...facts.systemd.service!, dropIns: dropIns.map((f) => ({ path: f.path, content: f.after! })) };
  const exec = effectiveExecStart(service);
  for (const exe of [exec ? splitCommandLine(exec)[0] : '/usr/bin/dockerd', '/bin/kill']) put(exe, '#!/bin/sh\n', 0o755);
  const units = [facts.systemd.service && 'docker.service', facts.systemd.socket && 'docker.socket'].filter((u): u is string => !!u);
  const run = spawnSync('systemd-analyze', ['verify', `--root=${root}`, ...units], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe.each(HOSTS)('golden plan of host %s', (host) => {
  describe.each(PROFILES)('profile %s', (profileName) => {
    it('writes a daemon.json this engine starts with', async () => {
      const { facts, plan } = await planForHost(host, profileName);
      expect(daemonJsonProblems(facts, plan)).toEqual([]);
    });

    it('writes audit rules auditctl loads to the end, each once', async () => {
      const { facts, plan } = await planForHost(host, profileName);
      expect(auditProblems(facts, plan)).toEqual([]);
    });

    it.skipIf(!hasVerify)('writes drop-ins systemd accepts, reloaded before the restart', async () => {
      const { facts, plan } = await planForHost(host, profileName);
      if (written(plan, 'systemd-dropin').length === 0) return;
      expect(verifyUnits(facts, plan)).toEqual({ status: 0, output: '' });
      const ids = plan.steps.map((s) => s.id);
      const reload = ids.indexOf('systemd-daemon-reload');
      const firstRestart = ids.findIndex((id) => /restart/.test(id));
      expect(reload).toBeGreaterThanOrEqual(0);
      expect(firstRestart).toBeGreaterThan(reload);
      // Only live `docker update` steps may come before the reload.
      expect(ids.slice(0, reload).every((id) => id.startsWith('docker-update'))).toBe(true);
    });
  });
});

describe('the fd:// host whose daemon.json sets "hosts"', () => {
  it.each(PROFILES)('%s: runs dockerd without -H fd:// so the next restart does not fail', async (profileName) => {
    const { plan } = await planForHost('fd-host-user-daemon-json', profileName);
    const dropIn = plan.files.find((f) => f.path === '/etc/systemd/system/docker.service.d/50-docker-harden.conf');
    expect(dropIn?.after).toMatch(/^ExecStart=\nExecStart=\/usr\/bin\/dockerd --containerd=\/run\/containerd\/containerd.sock$/m);
    expect(plan.warnings.map((w) => w.text)).toContainEqual(expect.stringMatching(/both set "hosts"/));
  });
});

describe('the review checks themselves fail on bad plans', () => {
  it('flags a flag duplicate, an unknown key, a wrong type and live-restore on a swarm node', async () => {
    const { facts, plan } = await planForHost('ubuntu-docker-ce-swarm', 'baseline');
    const bad = structuredClone(plan);
    const dj = bad.files.find((f) => f.artifact === 'daemon-json')!;
    dj.after = JSON.stringify({ hosts: ['unix:///x.sock'], 'disable-legacy-registry': true, 'max-concurrent-downloads': '3', 'live-restore': true });
    expect(daemonJsonProblems(facts, bad)).toEqual([
      '"hosts" is both a flag and in daemon.json',
      '"disable-legacy-registry" is unknown to 27.3.1',
      '"max-concurrent-downloads" must be a JSON integer, not the string "3"',
      'live-restore on a swarm node',
    ]);
  });

  it('flags a watch under a missing or volatile directory and a duplicate', async () => {
    const { facts, plan } = await planForHost('docker-20-10', 'baseline');
    const bad = structuredClone(plan);
    const rules = bad.files.find((f) => f.artifact === 'audit-rules')!;
    rules.after += '-w /etc/sysconfig/docker -p rwxa -k docker\n-w /run/containerd/containerd.sock -p rwxa -k docker\n-w /usr/sbin/dockerd -k docker\n';
    expect(auditProblems(facts, bad)).toEqual([
      '-w /etc/sysconfig/docker -p rwxa -k docker: neither /etc/sysconfig/docker nor its directory exists',
      '-w /run/containerd/containerd.sock -p rwxa -k docker: its directory is created after the rules load at boot',
      '-w /usr/sbin/dockerd -k docker: duplicate',
    ]);
  });

  it.skipIf(!hasVerify)('flags a drop-in systemd rejects', async () => {
    const { facts, plan } = await planForHost('fd-host-user-daemon-json', 'baseline');
    const bad = structuredClone(plan);
    bad.files.push({
      ...bad.files.find((f) => f.artifact === 'systemd-dropin')!,
      path: '/etc/systemd/system/docker.socket.d/50-docker-harden.conf',
      after: '[Socket]\nSocketMode=rw\n',
    });
    expect(verifyUnits(facts, bad).output).toMatch(/50-docker-harden.conf.*Failed to parse mode/);
  });
});
