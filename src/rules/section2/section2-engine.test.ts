// Section 2 against a real dockerd: the private test engine runs with --bridge=none,
// --iptables=false and its own --config-file, and the real probes read it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { HostFacts } from '../../facts/host-facts.js';
import { inspectHost } from '../../probes/inspect-host.js';
import { probeDaemonJson } from '../../probes/daemon-json-probe.js';
import { DEFAULT_PARAMS } from '../params.js';
import type { Rule } from '../rule.js';
import { describeEngine } from '../../../test/support/engine.js';
import { docker } from '../../../test/support/private-engine.js';
import { section2Rules } from './index.js';

const rule = (id: string): Rule => section2Rules.find((r) => r.id === id)!;
const one = (id: string, facts: HostFacts) => {
  const results = rule(id).check(facts);
  expect(results).toHaveLength(1);
  return results[0];
};

describeEngine('section 2 on the private engine', (engine) => {
  const suffix = path.basename(engine.dir).slice(-6);
  const names = { privileged: `dh-s2-priv-${suffix}`, hostnet: `dh-s2-hostnet-${suffix}` };
  let facts: HostFacts;

  beforeAll(async () => {
    docker(engine, ['create', '--privileged', '--name', names.privileged, engine.image, 'sleep', '60']);
    docker(engine, ['run', '-d', '--network', 'host', '--cap-drop', 'ALL', '--name', names.hostnet, engine.image, 'sleep', '300']);
    facts = await inspectHost({ root: '/', dockerHost: engine.host });
  });

  afterAll(() => {
    for (const name of Object.values(names)) {
      try {
        docker(engine, ['rm', '-f', name]);
      } catch {
        /* already gone */
      }
    }
  });

  it("finds this engine's own dockerd and daemon.json", () => {
    expect(facts.probes.engine?.status).toBe('ok');
    expect(facts.dockerd?.argv).toContain('--iptables=false');
    expect(facts.daemonJson.path).toBe(path.join(engine.dir, 'daemon.json'));
  });

  it('fails 2.4 on the --iptables=false flag and points at the flag instead of writing daemon.json', () => {
    const res = one('2.4', facts);
    expect(res.status).toBe('fail');
    expect(res.evidence[0]).toMatchObject({ kind: 'flag', path: `/proc/${facts.dockerd!.pid}/cmdline` });
    expect(res.evidence[0].detail).toContain('--iptables=false');
    expect(rule('2.4').remediate!(facts, DEFAULT_PARAMS)).toEqual([{ kind: 'manual', text: expect.stringContaining('--iptables=false flag') }]);
  });

  it('passes 2.2 because --bridge=none leaves no default bridge', () => {
    const res = one('2.2', facts);
    expect(res.status).toBe('pass');
    expect(res.evidence[0].detail).toContain('--bridge=none');
  });

  it('reads the live values the engine reports', () => {
    // dockerd 20.10 reports its built-in insecure 127.0.0.0/8, which is not a finding.
    expect(facts.engine!.info.RegistryConfig.InsecureRegistryCIDRs).toContain('127.0.0.0/8');
    expect(one('2.5', facts)).toMatchObject({
      status: 'pass',
      evidence: [expect.objectContaining({ kind: 'engine' }), expect.objectContaining({ kind: 'default' })],
    });
    expect(one('2.3', facts)).toMatchObject({ status: 'pass' });
    expect(one('2.19', facts)).toMatchObject({
      status: 'pass',
      evidence: [expect.objectContaining({ detail: 'docker info: ExperimentalBuild=false' }), expect.anything()],
    });
    expect(one('2.16', facts)).toMatchObject({
      status: 'fail',
      evidence: [expect.objectContaining({ detail: 'docker info: LiveRestoreEnabled=false' }), expect.anything()],
    });
    expect(one('2.14', facts)).toMatchObject({ status: 'fail', message: expect.stringContaining('json-file') });
    const seccomp = (facts.engine!.info.SecurityOptions as string[]).some((o) => o.startsWith('name=seccomp'));
    expect(one('2.18', facts).status).toBe(seccomp ? 'pass' : 'fail');
    expect(one('2.8', facts).status).toBe('pass');
  });

  it('refuses userns-remap while a privileged and a host-network container exist', () => {
    const [advice] = rule('2.10').remediate!(facts, DEFAULT_PARAMS);
    expect(advice.kind).toBe('manual');
    const text = (advice as { text: string }).text;
    expect(text).toContain(`${names.privileged} (privileged)`);
    expect(text).toContain(`${names.hostnet} (host network)`);
  });

  it('sees a daemon.json edit as a pending restart, and a parse error as fatal', async () => {
    // A copy of the engine's config file in a temp dir, so other suites never see the edits.
    const dir = mkdtempSync(path.join(tmpdir(), 'dh-s2-'));
    const file = path.join(dir, 'daemon.json');
    const withFile = async (text: string): Promise<HostFacts> => {
      writeFileSync(file, text);
      const probe = await probeDaemonJson('/', file);
      return { ...facts, daemonJson: probe.value, probes: { ...facts.probes, daemonJson: probe.status } };
    };
    try {
      const pending = await withFile('{ "live-restore": true, "experimental": true }\n');
      expect(one('2.16', pending).message).toContain('until dockerd restarts with the configured true');
      expect(one('2.19', pending)).toMatchObject({
        status: 'fail',
        evidence: [expect.objectContaining({ kind: 'daemon.json', path: file }), expect.anything()],
      });
      const broken = await withFile('{\n  "icc": false,\n}\n');
      expect(one('2.15', broken).message).toMatch(/^daemon\.json does not parse \(line 3: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
