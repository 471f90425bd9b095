// A dockerd flag is attributed to where it is written: `--icc=true` in DOCKER_OPTS of
// /etc/default/docker (an EnvironmentFile of Debian's docker.service) is named as that file and
// variable, in the audit's evidence and in the plan's advice, not as the unit's ExecStart.
// Fixture: test/fixtures/plan-review/default-docker-opts.json (docker.io 20.10 with
// DOCKER_OPTS="--icc=true --log-level=info" and a running dockerd started from it).
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import type { HostFacts } from '../../src/facts/host-facts.js';
import { readFactsFile } from '../../src/facts/facts-file.js';
import { effectiveConfig } from '../../src/facts/effective-config.js';
import { findRule } from '../../src/rules/catalog.js';
import { configBlocker } from '../../src/rules/section2/config-blocker.js';
import { makePlan } from '../../src/services/plan-source.js';
import { FIXTURES_DIR } from '../support/fixtures.js';

const FIXTURE = path.join(FIXTURES_DIR, 'plan-review', 'default-docker-opts.json');
const facts = () => readFactsFile(FIXTURE);
/** The same host read without the process (--root, or dockerd not readable): flags from the unit. */
const fromUnit = (f: HostFacts, daemonJson?: Record<string, unknown>): HostFacts => ({
  ...f,
  dockerd: null,
  ...(daemonJson ? { daemonJson: { path: '/etc/docker/daemon.json', raw: JSON.stringify(daemonJson), parsed: daemonJson } } : {}),
});
const check = (id: string, f: HostFacts) => findRule(id)!.check(f);

describe('where a dockerd flag comes from', () => {
  it('names DOCKER_OPTS in /etc/default/docker for --icc=true, and the ExecStart for -H fd://', async () => {
    const f = await facts();
    const cfg = effectiveConfig(fromUnit(f));
    expect(cfg.origin('icc')).toEqual({ text: 'DOCKER_OPTS in /etc/default/docker', path: '/etc/default/docker', variable: 'DOCKER_OPTS' });
    expect(cfg.origin('hosts')).toEqual({ text: 'the ExecStart of /lib/systemd/system/docker.service', path: '/lib/systemd/system/docker.service' });
  });

  it('says it in the evidence of 2.2, whether the flags were read from the process or the unit', async () => {
    const f = await facts();
    const [running] = check('2.2', f);
    expect(running.status).toBe('fail');
    expect(running.evidence).toContainEqual({
      kind: 'flag',
      detail: '--icc=true in the running dockerd command line (pid 731), from DOCKER_OPTS in /etc/default/docker',
      path: '/etc/default/docker',
    });
    const [unit] = check('2.2', fromUnit(f));
    expect(unit.evidence).toContainEqual({ kind: 'flag', detail: '--icc=true in DOCKER_OPTS in /etc/default/docker', path: '/etc/default/docker' });
    expect(JSON.stringify(unit.evidence)).not.toContain('ExecStart');
  });

  it('names no variable where the running dockerd has another value than the unit gives', async () => {
    const f = await facts();
    const edited = { ...f, dockerd: { ...f.dockerd!, argv: f.dockerd!.argv.map((a) => (a === '--icc=true' ? '--icc=false' : a)) } };
    expect(effectiveConfig(edited).origin('icc')).toBeUndefined();
    expect(JSON.stringify(check('2.2', edited))).not.toContain('DOCKER_OPTS');
  });

  it('tells where to remove the flag when daemon.json sets the same key', async () => {
    const f = fromUnit(await facts(), { icc: false });
    expect(configBlocker(f, ['icc'])?.message).toBe(
      '"icc" (--icc=true from DOCKER_OPTS in /etc/default/docker) is set both as a dockerd flag and in daemon.json, so dockerd refuses to start.',
    );
    const { plan } = await makePlan({ from: FIXTURE, root: '/', dockerHost: 'unix:///nonexistent/docker.sock', profile: 'strict' }, f);
    const refused = plan.refused.filter((r) => r.key === 'icc');
    expect(refused.map((r) => r.text)).toEqual([
      'daemon.json sets "icc", which dockerd also gets as the flag --icc=true from DOCKER_OPTS in /etc/default/docker; remove it there or from daemon.json.',
    ]);
  });

  it('names the variable in the advice of a plan made while dockerd runs', async () => {
    const { plan } = await makePlan({ from: FIXTURE, root: '/', dockerHost: 'unix:///nonexistent/docker.sock', profile: 'strict' });
    const about = [...plan.manual, ...plan.refused].filter((n) => n.text.includes('--icc=true'));
    expect(about.length).toBeGreaterThan(0);
    for (const n of about) expect(n.text).toContain('from DOCKER_OPTS in /etc/default/docker');
  });
});

describe('3.15 on a socket owned by root:root', () => {
  it('says that root:root is stricter than the root:docker the benchmark allows', async () => {
    const f = await facts();
    f.files['/run/docker.sock'] = { ...f.files['/run/docker.sock'], gid: 0, group: 'root' };
    const [r] = check('3.15', f);
    expect(r.status).toBe('pass');
    expect(r.message).toBe('/run/docker.sock is owned by root:root; the benchmark allows root:docker, and group root is stricter.');
  });
});
