// An engine that should answer and does not stops the run (exit 2, one sentence naming the
// endpoint and the reason) unless --no-engine says so; a host without Docker needs no flag.
// Saved facts taken under another root than the one a run would write under are refused until
// --root settles it, and a file the facts call absent is never overwritten.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { emptyFacts } from '../../src/facts/empty-facts.js';
import { snapshotTree } from '../e2e/support/tree.js';

const work = mkdtempSync('/tmp/dh-engine-roots-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

// The tests say which endpoint they mean; an engine of the test run must not leak in.
let savedHost: string | undefined;
beforeEach(() => {
  savedHost = process.env.DOCKER_HOST;
  delete process.env.DOCKER_HOST;
});
afterEach(() => {
  if (savedHost === undefined) delete process.env.DOCKER_HOST;
  else process.env.DOCKER_HOST = savedHost;
});

const emptyRoot = (name: string) => {
  const root = path.join(work, name);
  mkdirSync(path.join(root, 'etc'), { recursive: true });
  return root;
};

describe('an engine that does not answer', () => {
  const DEAD = 'unix:///nope.sock';

  it.each([
    ['audit', '--fail-on', 'critical'],
    ['plan', '--profile', 'baseline'],
    ['script', '--profile', 'baseline'],
    ['patch', '--profile', 'baseline'],
    ['inspect', '--save', path.join(work, 'never.json')],
  ])('%s with --docker-host naming it exits 2 with one sentence', async (...command) => {
    const root = emptyRoot(`dead-${command[0]}`);
    const r = await run('--root', root, '--docker-host', DEAD, ...command);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(
      'docker-harden: The Docker engine at unix:///nope.sock cannot be reached (no socket at that path), so its containers, images and settings cannot be checked.',
    );
    expect(r.stderr.split('\n')[1]).toMatch(/--no-engine/);
    expect(r.stdout).toBe('');
    expect(existsSync(path.join(work, 'never.json'))).toBe(false);
  });

  it('named by DOCKER_HOST is the same error; apply writes nothing', async () => {
    const root = emptyRoot('dead-env');
    process.env.DOCKER_HOST = 'tcp://127.0.0.1:1';
    const before = snapshotTree(root);
    const r = await run('--root', root, 'apply', '--profile', 'baseline', '--yes');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^docker-harden: The Docker engine at tcp:\/\/127\.0\.0\.1:1 cannot be reached \(connection refused\)/);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('--no-engine runs the host checks, and the JSON and SARIF reports say the engine was not reached', async () => {
    const root = emptyRoot('dead-no-engine');
    const json = await run('--root', root, '--docker-host', DEAD, '--no-engine', 'audit', '--format', 'json', '--fail-on', 'critical');
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).engine).toEqual({ endpoint: DEAD, status: 'not-running', message: `no answer at ${DEAD} (ENOENT)`, required: false });
    const sarif = JSON.parse((await run('--root', root, '--docker-host', DEAD, '--no-engine', 'audit', '--format', 'sarif', '--fail-on', 'critical')).stdout);
    expect(sarif.runs[0].properties.engine).toMatchObject({ endpoint: DEAD, status: 'not-running', required: false });
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toMatch(/^The Docker engine at unix:\/\/\/nope\.sock was not reached/);
  });

  it('a root without Docker and no endpoint named works as before (provisioning)', async () => {
    const root = emptyRoot('no-docker');
    const r = await run('--root', root, '--docker-host', 'unix:///nope.sock', '--no-engine', 'plan', '--profile', 'baseline');
    expect(r.code, r.stderr).toBe(0);
    // No flag and no endpoint: the default socket under a root with no dockerd installed.
    const plain = await run('--root', root, 'audit', '--format', 'json', '--include', '2.5', '--fail-on', 'critical');
    expect(plain.code, plain.stderr).toBe(0);
    expect(JSON.parse(plain.stdout).engine.required).toBe(false);
  });

  it('saved facts from a host whose installed engine did not answer are refused, naming the file', async () => {
    const facts = emptyFacts({ files: { '/usr/bin/dockerd': { exists: true, type: 'file', mode: 0o755 } } });
    facts.probes.engine = { status: 'not-running', message: 'no answer at unix:///var/run/docker.sock (ECONNREFUSED)' };
    const file = path.join(work, 'dead-facts.json');
    writeFileSync(file, JSON.stringify(facts));
    const r = await run('--from', file, 'audit');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(
        `^docker-harden: The facts in ${file} were taken while the Docker engine at unix:///var/run/docker.sock could not be reached \\(connection refused\\)`,
      ),
    );
    expect((await run('--from', file, '--no-engine', 'audit', '--fail-on', 'critical')).code).toBe(0);
  });
});

describe('--from facts taken under another root', () => {
  const taken = path.join(work, 'taken');
  const other = path.join(work, 'other');
  const facts = path.join(work, 'taken.json');

  beforeEach(async () => {
    rmSync(taken, { recursive: true, force: true });
    rmSync(other, { recursive: true, force: true });
    mkdirSync(path.join(taken, 'etc/docker'), { recursive: true });
    writeFileSync(path.join(taken, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
    writeFileSync(path.join(taken, 'etc/group'), 'root:x:0:\ndocker:x:998:\n');
    const saved = await run('--root', taken, '--docker-host', 'unix:///nope.sock', '--no-engine', 'inspect', '--save', facts);
    expect(saved.code, saved.stderr).toBe(0);
    cpSync(taken, other, { recursive: true });
  });

  it('are refused without --root, naming both roots; with --root the header names where it writes', async () => {
    const r = await run('--from', facts, 'plan', '--profile', 'strict');
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`docker-harden: The facts in ${facts} were taken under root ${taken}, but this run would write under root /.`);
    expect(r.stdout).toBe('');
    const same = await run('--from', facts, '--root', taken, '--no-color', 'plan', '--profile', 'strict');
    expect(same.stdout.split('\n')[0]).toMatch(new RegExp(`^Plan for profile strict \\(facts from file at \\S+; writes under root ${taken}\\)$`));
    const moved = await run('--from', facts, '--root', other, '--no-color', 'plan', '--profile', 'strict');
    expect(moved.stdout.split('\n')[0]).toMatch(new RegExp(`\\(facts from file at \\S+ under root ${taken}; writes under root ${other}\\)$`));
    const json = JSON.parse((await run('--from', facts, '--root', other, 'plan', '--profile', 'strict', '--format', 'json')).stdout);
    expect([json.root, json.facts.root]).toEqual([other, taken]);
  });

  it('a plan of new files only does not overwrite a file that exists where it writes (apply and script)', async () => {
    // The facts saw no daemon.json; the other root has one of its own.
    writeFileSync(path.join(other, 'etc/docker/daemon.json'), '{"debug": true}\n');
    const before = snapshotTree(other);
    const applied = await run('--from', facts, '--root', other, 'apply', '--profile', 'strict', '--yes', '--no-restart');
    expect(applied.code).toBe(2);
    expect(applied.stderr).toMatch(
      /^docker-harden: \/etc\/docker\/daemon\.json changed since the plan was made \(its sha256 is now [0-9a-f]{64}, the plan expected absent\); nothing was written\./,
    );
    expect(snapshotTree(other)).toEqual(before);

    const script = path.join(work, 'strict.sh');
    expect((await run('--from', facts, '--root', other, 'script', '--profile', 'strict', '-o', script)).code).toBe(0);
    let status = 0;
    let stderr = '';
    try {
      execFileSync('bash', [script, '--root', other], { stdio: 'pipe' });
    } catch (err) {
      status = (err as { status: number }).status;
      stderr = String((err as { stderr: Buffer }).stderr);
    }
    expect(status).toBe(1);
    expect(stderr).toContain(`${other}/etc/docker/daemon.json changed since the plan was made; nothing was written`);
    expect(snapshotTree(other)).toEqual(before);
    expect(readFileSync(path.join(other, 'etc/docker/daemon.json'), 'utf8')).toBe('{"debug": true}\n');
  });
});
