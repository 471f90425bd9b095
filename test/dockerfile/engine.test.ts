// The fixes on a real build: the original busybox Dockerfile builds to an image that runs as root
// with no health check; the patched one builds (so the user-creation line works on busybox) to an
// image with a non-root user and a working health check, and the section 4 audit rules agree.
// The .dockerignore patterns are checked the same way: what the real builder leaves out.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeEngine } from '../support/engine.js';
import { docker, type PrivateEngine } from '../support/private-engine.js';
import { appendIgnores, planDockerfiles } from '../../src/dockerfile/plan-dockerfiles.js';
import { REQUIRED_IGNORES } from '../../src/dockerfile/checks/dh-img-002-dockerignore.js';
import { isExcluded, parseDockerignore } from '../../src/dockerfile/dockerignore.js';
import { inspectHost } from '../../src/probes/inspect-host.js';
import { section4Rules } from '../../src/rules/section4/index.js';
import type { HostFacts } from '../../src/facts/host-facts.js';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/dockerfiles/busybox-httpd/Dockerfile');

/** The classic builder, as the spec's hosts have no BuildKit. */
function build(engine: PrivateEngine, tag: string, dir: string): void {
  execFileSync('docker', ['build', '-q', '-t', tag, dir], { env: { ...process.env, DOCKER_HOST: engine.host, DOCKER_BUILDKIT: '0' }, stdio: 'pipe' });
}

describeEngine('dockerfile fixes on images built by the real builder', (engine) => {
  const suffix = Date.now().toString(36);
  const original = `local/dh-df-original-${suffix}:1`;
  const patched = `local/dh-df-patched-${suffix}:1`;
  const context = `local/dh-df-context-${suffix}:1`;
  const network = `dh-df-${suffix}`;
  const container = `dh-df-web-${suffix}`;
  const work = mkdtempSync(path.join(os.tmpdir(), 'dh-df-engine-'));
  const inspect = (tag: string) => JSON.parse(docker(engine, ['image', 'inspect', tag]))[0];
  let facts: HostFacts;
  let patchedText: string;

  beforeAll(async () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const file = (p: string, t: string | null) => ({ path: p, text: t, mode: 0o644, owner: 'root', group: 'root' });
    const { plan } = planDockerfiles(
      [{ dockerfile: { ...file(path.join(work, 'Dockerfile'), text), text }, dockerignore: file(path.join(work, '.dockerignore'), null) }],
      { strict: false },
    );
    patchedText = plan.files[0].after!;
    for (const [dir, content] of [
      ['original', text],
      ['patched', patchedText],
    ] as const) {
      mkdirSync(path.join(work, dir));
      writeFileSync(path.join(work, dir, 'Dockerfile'), content);
    }
    build(engine, original, path.join(work, 'original'));
    build(engine, patched, path.join(work, 'patched'));
    facts = await inspectHost({ root: mkdtempSync(path.join(work, 'root-')), dockerHost: engine.host });
  });

  afterAll(() => {
    for (const args of [
      ['rm', '-f', container],
      ['network', 'rm', network],
      ['rmi', '-f', original, patched, context],
    ]) {
      try {
        docker(engine, args);
      } catch {
        /* not created */
      }
    }
    rmSync(work, { recursive: true, force: true });
  });

  it('the original runs as root without a health check; the patched one has USER app and the HEALTHCHECK', () => {
    const before = inspect(original).Config;
    expect(before.User).toBe('');
    expect(before.Healthcheck).toBeUndefined();
    const after = inspect(patched).Config;
    expect(after.User).toBe('app');
    expect(after.Healthcheck.Test).toEqual(['CMD-SHELL', 'wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1']);
    expect(after.Healthcheck).toMatchObject({ Interval: 30e9, Timeout: 5e9, Retries: 3 });
  });

  it('the section 4 rules fail the original image and pass the rebuilt one', () => {
    const status = (id: string, ref: string) =>
      section4Rules
        .find((r) => r.id === id)!
        .check(facts)
        .find((r) => r.subject?.image === ref)?.status;
    expect([status('4.1', original), status('4.6', original)]).toEqual(['fail', 'fail']);
    expect([status('4.1', patched), status('4.6', patched)]).toEqual(['pass', 'pass']);
  });

  it('the patched image serves as a non-root user and its health check command succeeds', () => {
    docker(engine, ['network', 'create', network]);
    docker(engine, ['run', '-d', '--name', container, '--network', network, patched]);
    expect(Number(docker(engine, ['exec', container, 'id', '-u']))).toBeGreaterThan(0);
    const test: string[] = inspect(patched).Config.Healthcheck.Test;
    // The server needs a moment to listen; the check itself is the command the engine will run.
    let ok = false;
    for (let i = 0; i < 20 && !ok; i++) {
      try {
        docker(engine, ['exec', container, 'sh', '-c', test[1]]);
        ok = true;
      } catch {
        execFileSync('sleep', ['0.2']);
      }
    }
    expect(ok).toBe(true);
  });

  it('the appended .dockerignore patterns keep exactly what the matcher says out of a real build', () => {
    const ctx = path.join(work, 'context');
    const files = [
      'keep.txt',
      '.env',
      'config/.env',
      'tls.pem',
      'deep/a/b.pem',
      'server.key',
      'config/server.key',
      'id_rsa',
      '.ssh/id_rsa',
      '.git/HEAD',
      'sub/.git/HEAD',
      'app.env',
      'id_rsa.pub',
    ];
    for (const f of files) {
      mkdirSync(path.dirname(path.join(ctx, f)), { recursive: true });
      writeFileSync(path.join(ctx, f), 'x\n');
    }
    // A user's partial file first (".env" only at the top, a re-included key), then what the fix appends.
    const ignore = appendIgnores(
      '.env\n*.pem\n!server.key\n',
      REQUIRED_IGNORES.map((r) => r.pattern),
    );
    writeFileSync(path.join(ctx, '.dockerignore'), ignore);
    writeFileSync(path.join(ctx, 'Dockerfile'), 'FROM local/busybox:1\nCOPY . /ctx\n');
    build(engine, context, ctx);
    const inImage = docker(engine, ['run', '--rm', context, 'find', '/ctx', '-type', 'f'])
      .split('\n')
      .map((p) => p.replace(/^\/ctx\//, ''))
      .sort();
    const rules = parseDockerignore(ignore);
    const expected = [...files, 'Dockerfile', '.dockerignore'].filter((f) => !isExcluded(rules, f)).sort();
    expect(inImage).toEqual(expected);
    expect(inImage).toEqual(['.dockerignore', 'Dockerfile', 'app.env', 'id_rsa.pub', 'keep.txt', 'sub/.git/HEAD']);
  });
});
