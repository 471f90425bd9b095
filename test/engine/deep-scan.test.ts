// --deep against the private dockerd: images built by the real (classic) builder with setuid,
// setgid, unreadable and missing-find layouts are scanned through the Engine API, 4.8 judges them,
// and no scan container outlives the scan.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngine } from '../support/engine.js';
import { docker } from '../support/private-engine.js';
import { inspectHost } from '../../src/probes/inspect-host.js';
import { NO_FIND, SCAN_LABEL, probeImageScans } from '../../src/probes/deep-image-probe.js';
import { parseDockerHost } from '../../src/probes/docker-host.js';
import { setuidSetgidRemoved } from '../../src/rules/section4/4-8-setuid-setgid-removed.js';
import { main } from '../../src/cli/main.js';
import type { HostFacts } from '../../src/facts/host-facts.js';
import type { JsonReport } from '../../src/audit/format-json.js';

const DOCKERFILES = {
  suid: 'RUN busybox cp /bin/busybox /bin/su-like && chmod 4755 /bin/su-like && busybox cp /bin/busybox /bin/sg-like && chmod 2755 /bin/sg-like',
  nofind: 'RUN rm /bin/find',
  // Root without capabilities cannot enter another user's 0700 directory: the scan is partial.
  locked:
    'RUN busybox cp /bin/busybox /bin/visible && chmod 6755 /bin/visible && mkdir -p /home/app/private && busybox cp /bin/busybox /home/app/private/hidden && chmod 4755 /home/app/private/hidden && busybox chown -R 1000 /home/app && chmod 700 /home/app/private',
  // The shim is written after removing the applet link, or echo would write through it into busybox.
  slow: "RUN rm /bin/find && echo '#!/bin/sh' > /bin/find && echo 'exec sleep 120' >> /bin/find && chmod 755 /bin/find",
} as const;
type Kind = keyof typeof DOCKERFILES;

describeEngine('deep image scan (--deep) and 4.8', (engine) => {
  const run = Date.now().toString(36);
  const tag = (kind: Kind) => `local/dh-deep-${kind}-${run}:1`;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dh-deep-'));
  const root = mkdtempSync(path.join(os.tmpdir(), 'dh-deep-root-'));
  const containers: string[] = [];
  const ids = {} as Record<Kind | 'busybox', string>;
  let facts: HostFacts;
  const resultFor = (ref: string) => setuidSetgidRemoved.check(facts).find((r) => r.subject?.image === ref)!;
  const scanContainers = () => docker(engine, ['ps', '-aq', '--filter', `label=${SCAN_LABEL}=1`]);

  beforeAll(async () => {
    for (const kind of Object.keys(DOCKERFILES) as Kind[]) {
      mkdirSync(path.join(dir, kind));
      writeFileSync(path.join(dir, kind, 'Dockerfile'), `FROM ${engine.image}\n${DOCKERFILES[kind]}\n`);
      docker(engine, ['build', '-q', '-t', tag(kind), path.join(dir, kind)]);
      ids[kind] = docker(engine, ['image', 'inspect', '-f', '{{.Id}}', tag(kind)]);
    }
    ids.busybox = docker(engine, ['image', 'inspect', '-f', '{{.Id}}', engine.image]);
    for (const kind of ['suid', 'nofind', 'locked'] as const) containers.push(docker(engine, ['create', '--network', 'none', tag(kind), 'sleep', '300']));
    containers.push(docker(engine, ['run', '-d', '--network', 'none', '--cap-drop', 'ALL', engine.image, 'sleep', '300']));
    facts = await inspectHost({ root, dockerHost: engine.host, deep: true });
  });

  afterAll(() => {
    if (containers.length) docker(engine, ['rm', '-f', ...containers]);
    for (const kind of Object.keys(DOCKERFILES) as Kind[]) {
      try {
        docker(engine, ['rmi', '-f', tag(kind)]);
      } catch {
        /* never built */
      }
    }
    rmSync(dir, { recursive: true, force: true });
    rmSync(root, { recursive: true, force: true });
  });

  // The engine is shared with other test files running at the same time: their containers (and
  // images) may be in the facts too, so these checks look at this file's own.
  it('scans exactly the images the containers use, once each', () => {
    const used = new Set(facts.engine!.containers.map((c) => c.Image));
    expect(Object.keys(facts.engine!.imageScans!).sort()).toEqual([...used].sort());
    expect(Object.keys(facts.engine!.imageScans!)).toEqual(expect.arrayContaining([ids.suid, ids.nofind, ids.locked, ids.busybox]));
    expect(facts.probes.imageScans).toMatchObject({ status: 'ok', message: expect.stringMatching(/^\d+ images that containers use scanned: /) });
  });

  it('finds the setuid and the setgid file, and 4.8 fails with them as evidence', () => {
    expect(facts.engine!.imageScans![ids.suid]).toEqual({ setuidFiles: ['/bin/sg-like', '/bin/su-like'] });
    const result = resultFor(tag('suid'));
    expect(result.status).toBe('fail');
    expect(result.evidence.map((e) => e.detail)).toEqual([
      `${tag('suid')}: setuid/setgid file /bin/sg-like`,
      `${tag('suid')}: setuid/setgid file /bin/su-like`,
    ]);
  });

  it('scans the plain busybox image clean, and 4.8 passes it', () => {
    expect(facts.engine!.imageScans![ids.busybox]).toEqual({ setuidFiles: [] });
    expect(resultFor(engine.image).status).toBe('pass');
  });

  it('records an image without find, and 4.8 warns instead of passing', () => {
    expect(facts.engine!.imageScans![ids.nofind]).toEqual({ setuidFiles: [], error: NO_FIND });
    expect(resultFor(tag('nofind')).status).toBe('warn');
  });

  it('keeps what a scan without capabilities could see, and says what it could not read', () => {
    const scan = facts.engine!.imageScans![ids.locked];
    expect(scan.setuidFiles).toEqual(['/bin/visible']);
    expect(scan.error).toMatch(/^find exited with 1: .*\/home\/app\/private.*Permission denied/);
    expect(resultFor(tag('locked')).status).toBe('fail');
  });

  it('leaves no scan container behind, and none in the facts', () => {
    expect(scanContainers()).toBe('');
    expect(facts.engine!.containers.filter((c) => c.Config?.Labels?.[SCAN_LABEL])).toEqual([]);
    const ours = facts.engine!.containers.filter((c) => containers.some((id) => id.startsWith(c.Id) || c.Id.startsWith(id)));
    expect(ours).toHaveLength(containers.length);
  });

  it('stops a find that runs too long and removes its container', async () => {
    const started = Date.now();
    const slow = await probeImageScans(parseDockerHost(engine.host), { ...facts.engine!, containers: [{ Image: ids.slow }] }, { timeoutMs: 2_000 });
    expect(slow.value[ids.slow]).toEqual({ setuidFiles: [], error: 'find did not finish within 2 s and was stopped' });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(scanContainers()).toBe('');
  });

  it('reports the scan through `audit --deep --format json`', async () => {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const argv = ['--docker-host', engine.host, '--root', root, 'audit', '--deep', '--format', 'json', '--include', '4.8', '--fail-on', 'medium'];
    const code = await main(argv, { out: (t) => stdout.push(t), err: (t) => stderr.push(t) });
    expect(stderr.join('\n')).toBe('2 failing findings at or above severity medium.');
    expect(code).toBe(1);
    const report = JSON.parse(stdout.join('\n')) as JsonReport;
    const suid = report.results.find((r) => r.subject?.image === tag('suid'))!;
    expect(suid).toMatchObject({ id: '4.8', status: 'fail' });
    expect(suid.evidence.map((e) => e.detail)).toContain(`${tag('suid')}: setuid/setgid file /bin/su-like`);
    expect(report.results.find((r) => r.subject?.image === engine.image)?.status).toBe('pass');
    expect(scanContainers()).toBe('');
  });

  it('shows the scan in the `inspect --deep` summary', async () => {
    const stdout: string[] = [];
    const code = await main(['--docker-host', engine.host, '--root', root, 'inspect', '--deep'], { out: (t) => stdout.push(t), err: () => {} });
    expect(code).toBe(0);
    expect(stdout.join('\n')).toMatch(/^ {2}imageScans +ok +4 images that containers use scanned: 2 with setuid\/setgid files/m);
    expect(scanContainers()).toBe('');
  });

  it('leaves 4.8 manual without --deep', async () => {
    const plain = await inspectHost({ root, dockerHost: engine.host });
    expect(plain.engine!.imageScans).toBeUndefined();
    expect(plain.probes.imageScans).toBeUndefined();
    expect(setuidSetgidRemoved.check(plain).map((r) => r.status)).toEqual(['manual']);
  });
});
