// The generated daemon.json against a real dockerd 20.10 (Debian's docker.io): a plan made from
// the facts of a running private engine must start an engine with the same flags, and inputs that
// stop dockerd must be caught by the plan — shown by starting dockerd with them and watching it exit.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { describeEngine } from '../support/engine.js';
import { docker, startPrivateEngine, stopPrivateEngine, EngineExitError, type PrivateEngine } from '../support/private-engine.js';
import { emptyFacts } from '../../src/facts/empty-facts.js';
import type { HostFacts } from '../../src/facts/host-facts.js';
import { buildPlan } from '../../src/plan/build-plan.js';
import type { Plan } from '../../src/plan-model/plan.js';
import { loadProfile, selectRules } from '../../src/profiles/index.js';
import { allRules } from '../../src/rules/catalog.js';
import { sampleRule } from '../plan/support/sample-rules.js';

/** Facts of a private engine as the probes would record them: its real version, info and argv. */
function engineFacts(engine: PrivateEngine, daemonJson: Record<string, unknown>): HostFacts {
  const raw = JSON.stringify(daemonJson, null, 2) + '\n';
  const argv = readFileSync(`/proc/${engine.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  return emptyFacts({
    engine: {
      host: engine.host,
      version: JSON.parse(docker(engine, ['version', '--format', '{{json .Server}}'])),
      info: JSON.parse(docker(engine, ['info', '--format', '{{json .}}'])),
      containers: [],
      images: [],
      networks: [],
    },
    daemonJson: { path: '/etc/docker/daemon.json', raw, parsed: daemonJson },
    dockerd: { pid: engine.pid, exe: engine.dockerdPath, argv },
  });
}

async function strictPlan(facts: HostFacts): Promise<Plan> {
  const profile = await loadProfile('strict');
  // 2.10 userns-remap "default" makes dockerd add a dockremap user to this machine's /etc/passwd.
  const rules = selectRules(profile, allRules).filter((r) => r.section === 2 && r.id !== '2.10');
  // Log rotation as a rule would write it, max-file as a number: the plan must make it a string.
  rules.push(
    sampleRule(
      '9.1',
      (f) => !f.daemonJson.parsed?.['log-opts'],
      () => [
        { kind: 'daemon-json-set', key: 'log-driver', value: 'json-file' },
        { kind: 'daemon-json-set', key: 'log-opts', value: { 'max-size': '10m', 'max-file': 3 } },
      ],
    ),
  );
  // This sandbox caps RLIMIT_NOFILE at 20000 (runc cannot raise it further), so the profile's
  // 65536 would stop every container here; the values below fit and still differ from the default.
  const params = { ...profile.params, defaultUlimits: { nofile: { soft: 4096, hard: 16384 }, nproc: { soft: 4096, hard: 8192 } } };
  return buildPlan({ facts, rules, params, profileName: profile.name });
}

const startRefused = async (daemonJson: Record<string, unknown>) => {
  const err = await startPrivateEngine({ daemonJson, importImage: false }).then(
    async (e) => {
      if (e) await stopPrivateEngine(e);
      return null;
    },
    (x: unknown) => x,
  );
  expect(err).toBeInstanceOf(EngineExitError);
  return err as EngineExitError;
};

describeEngine('generated daemon.json on a real dockerd 20.10', (engine) => {
  let hardened: PrivateEngine | null = null;
  let plan: Plan;
  // The input has a key 20.10 refuses (removed in 19.03) and user keys that must survive.
  const input = { 'disable-legacy-registry': true, debug: false, labels: ['team=infra'] };

  beforeAll(async () => {
    plan = await strictPlan(engineFacts(engine, input));
    const file = plan.files.find((f) => f.artifact === 'daemon-json')!;
    hardened = await startPrivateEngine({ daemonJson: file.after! });
  }, 120_000);
  afterAll(async () => {
    if (hardened) {
      spawnSync('docker', ['rm', '-f', 'dh-dj-probe'], { env: { ...process.env, DOCKER_HOST: hardened.host } });
      await stopPrivateEngine(hardened);
    }
  });

  it('dockerd really refuses the input as it is', async () => {
    const err = await startRefused(input);
    expect(err.exitCode).not.toBe(0);
    expect(err.log).toMatch(/disable-legacy-registry/);
  });

  it('the plan removes the removed key, keeps user keys, writes string log-opts, and leaves out what the flags forbid', () => {
    const after = JSON.parse(plan.files.find((f) => f.artifact === 'daemon-json')!.after!);
    expect(after).not.toHaveProperty('disable-legacy-registry');
    expect(Object.keys(after).slice(0, 2)).toEqual(['debug', 'labels']);
    expect(plan.warnings.some((w) => /refuses to start with "disable-legacy-registry"/.test(w.text))).toBe(true);
    // This engine runs with --iptables=false: icc/userland-proxy false would break it, so neither is written.
    expect(after).not.toHaveProperty('icc');
    expect(after).not.toHaveProperty('userland-proxy');
    expect(after['log-opts']).toEqual({ 'max-size': '10m', 'max-file': '3' });
    expect(plan.manual).toContainEqual(expect.objectContaining({ ruleId: '2.17', text: expect.stringMatching(/iptables is false/) }));
  });

  it('starts, with live-restore, default ulimits, log options and no-new-privileges in effect', () => {
    const e = hardened!;
    const info = JSON.parse(docker(e, ['info', '--format', '{{json .}}']));
    expect(info.LiveRestoreEnabled).toBe(true);
    expect(info.LoggingDriver).toBe('json-file');
    const after = JSON.parse(plan.files.find((f) => f.artifact === 'daemon-json')!.after!);
    expect(after['default-ulimits']).toBeDefined();
    const out = docker(e, [
      'run',
      '--name',
      'dh-dj-probe',
      '--network',
      'none',
      e.image,
      'sh',
      '-c',
      'ulimit -Sn; ulimit -Hn; grep NoNewPrivs /proc/self/status',
    ]);
    const nofile = after['default-ulimits'].nofile;
    expect(out.split('\n')).toEqual([String(nofile.Soft), String(nofile.Hard), 'NoNewPrivs:\t1']);
    const host = JSON.parse(docker(e, ['inspect', '--format', '{{json .HostConfig}}', 'dh-dj-probe']));
    expect(host.LogConfig).toEqual({ Type: 'json-file', Config: { 'max-size': '10m', 'max-file': '3' } });
  });

  it('a key the daemon flags also set stops dockerd, and the plan never writes it', async () => {
    const err = await startRefused({ iptables: false });
    expect(err.log).toMatch(/specified both as a flag and in the configuration file/);
    const facts = engineFacts(engine, {});
    const rules = [
      sampleRule(
        '9.1',
        () => true,
        () => [
          { kind: 'daemon-json-set', key: 'iptables', value: false },
          { kind: 'daemon-json-set', key: 'hosts', value: ['unix:///run/x.sock'] },
        ],
      ),
    ];
    const p = buildPlan({ facts, rules, params: (await loadProfile('baseline')).params, profileName: 't' });
    expect(p.refused.map((r) => r.key)).toEqual(['iptables', 'hosts']);
    expect(p.refused[0].text).toMatch(/`--iptables=false` \(command line of the running dockerd/);
    expect(p.files.map((f) => [f.path, f.kind])).toEqual([['/etc/docker/daemon.json', 'unchanged']]);
  });

  it('dockerd 20.10 has no --validate, which is why the key table stands in for it', () => {
    const run = spawnSync(engine.dockerdPath, ['--validate', '--config-file', '/dev/null'], { encoding: 'utf8', timeout: 20_000 });
    expect(run.status).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toMatch(/unknown flag: --validate/);
  });
});
