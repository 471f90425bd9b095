// Section 5 against the private engine: real containers, real inspect data from inspectHost, and
// the generated docker update / docker run flags applied for real.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { HostFacts } from '../../facts/host-facts.js';
import { inspectHost } from '../../probes/inspect-host.js';
import type { Contribution } from '../contribution.js';
import { DEFAULT_PARAMS } from '../params.js';
import type { CheckResult, Rule } from '../rule.js';
import { describeEngine } from '../../../test/support/engine.js';
import { docker } from '../../../test/support/private-engine.js';
import { section5Rules } from './index.js';

const rule = (id: string): Rule => section5Rules.find((r) => r.id === id)!;

describeEngine('section 5 rules on a real engine', (engine) => {
  const tag = `s5${Date.now().toString(36)}`;
  const name = (n: string) => `${tag}-${n}`;
  const net = name('net');
  const created: string[] = [];
  const root = mkdtempSync(path.join(os.tmpdir(), 'dh-s5-root-'));
  let facts: HostFacts;

  const run = (n: string, args: string[], cmd: string[] = ['sleep', '300'], verb: 'run' | 'create' = 'run') => {
    created.push(name(n));
    docker(engine, [verb, ...(verb === 'run' ? ['-d'] : []), '--name', name(n), ...args, engine.image, ...cmd]);
  };
  const inspect = () => inspectHost({ root, dockerHost: engine.host });
  const resultFor = (results: CheckResult[], n: string) => {
    const r = results.find((x) => x.subject?.container === name(n));
    if (!r) throw new Error(`no result for ${name(n)}: ${JSON.stringify(results.map((x) => x.subject))}`);
    return r;
  };
  const status = (id: string, n: string, f = facts) => resultFor(rule(id).check(f), n).status;
  const forContainer = (list: Contribution[], n: string) => list.filter((c) => 'container' in c && c.container === name(n));

  beforeAll(async () => {
    docker(engine, ['network', 'create', net]);
    run('priv', ['--privileged', '--network', 'none'], ['sleep', '300'], 'create');
    run('hostnet', ['--network', 'host']);
    run('etc', ['--network', 'none', '-v', '/etc:/host-etc']);
    run('web', ['--network', net, '-p', '0.0.0.0:18090:80', '-p', '[::]:18091:80'], ['httpd', '-f', '-p', '80']);
    run('hard', [
      '--cap-drop',
      'ALL',
      '--read-only',
      '--security-opt',
      'no-new-privileges',
      '--memory',
      '64m',
      '--pids-limit',
      '64',
      '--cpu-shares',
      '512',
      '--restart',
      'on-failure:5',
      '--network',
      'none',
    ]);
    run('plain', ['--network', 'none']);
    facts = await inspect();
    expect(facts.engine, JSON.stringify(facts.probes.engine)).not.toBeNull();
  });

  afterAll(() => {
    for (const c of created) {
      try {
        docker(engine, ['rm', '-f', c]);
      } catch {
        /* already gone */
      }
    }
    try {
      docker(engine, ['network', 'rm', net]);
    } catch {
      /* already gone */
    }
    rmSync(root, { recursive: true, force: true });
  });

  it('fails the created privileged container on 5.5, naming it', () => {
    const r = resultFor(rule('5.5').check(facts), 'priv');
    expect(r.status).toBe('fail');
    expect(r.evidence[0]).toMatchObject({ container: name('priv'), detail: 'HostConfig.Privileged: true' });
  });

  it('fails --network host on 5.10', () => {
    const r = resultFor(rule('5.10').check(facts), 'hostnet');
    expect(r.status).toBe('fail');
    expect(r.evidence[0]).toMatchObject({ container: name('hostnet'), detail: 'HostConfig.NetworkMode: "host"' });
  });

  it('fails the writable /etc bind on 5.6', () => {
    const r = resultFor(rule('5.6').check(facts), 'etc');
    expect(r.status).toBe('fail');
    expect(r.evidence.map((e) => e.detail)).toContain('Mounts: /etc -> /host-etc (rw)');
  });

  it('fails ports published on 0.0.0.0 and [::] on 5.14', () => {
    const r = resultFor(rule('5.14').check(facts), 'web');
    expect(r.status).toBe('fail');
    const details = r.evidence.map((e) => e.detail).join('\n');
    expect(details).toContain('0.0.0.0:18090 -> 80/tcp');
    expect(details).toContain('[::]:18091 -> 80/tcp');
  });

  it('passes the hardened container', () => {
    for (const id of ['5.4', '5.5', '5.6', '5.10', '5.11', '5.12', '5.13', '5.14', '5.15', '5.26', '5.29', '5.32']) {
      expect([id, status(id, 'hard')]).toEqual([id, 'pass']);
    }
  });

  it('closes the live-changeable failures with one docker update call', async () => {
    const ids = ['5.11', '5.12', '5.15', '5.29'];
    const updates = ids.flatMap((id) => forContainer(rule(id).remediate!(facts, DEFAULT_PARAMS), 'plain'));
    expect(updates.every((u) => u.kind === 'docker-update')).toBe(true);
    const flags = updates.flatMap((u) => (u.kind === 'docker-update' ? [u.flag, u.value] : []));
    docker(engine, ['update', ...flags, name('plain')]);
    const after = await inspect();
    for (const id of ids) {
      expect([id, status(id, 'plain', after)]).toEqual([id, 'pass']);
      expect(forContainer(rule(id).remediate!(after, DEFAULT_PARAMS), 'plain')).toEqual([]);
    }
  });

  it('gives docker run flags that recreate the privileged container hardened', async () => {
    const ids = ['5.4', '5.5', '5.13', '5.26'];
    const flags = ids.flatMap((id) =>
      forContainer(rule(id).remediate!(facts, DEFAULT_PARAMS), 'priv').flatMap((c) => (c.kind === 'recreate-advice' ? c.flags : [])),
    );
    run('priv-fixed', [...flags, '--network', 'none']);
    const after = await inspect();
    for (const id of ids) expect([id, status(id, 'priv-fixed', after)]).toEqual([id, 'pass']);
  });
});
