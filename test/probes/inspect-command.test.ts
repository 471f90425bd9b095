// `docker-harden inspect` through the real entry point, with output captured: a host with no Docker
// at all, bad endpoints, bad facts files, a broken daemon.json under --root.
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import type { Output } from '../../src/services/output.js';
import type { HostFacts } from '../../src/facts/host-facts.js';
import { tempRoot, type TempRoot } from './temp-root.js';

let root: TempRoot;
afterEach(() => root?.remove());

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const output: Output = { out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await main(argv, output);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('inspect', () => {
  it('on a root with no Docker at all reports every probe missing or not running, and exits 0', async () => {
    root = tempRoot();
    const socket = `unix://${path.join(root.dir, 'no-docker.sock')}`;
    const { code, out, err } = await run(['--root', root.dir, '--docker-host', socket, '--no-engine', 'inspect']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^Host \\S+ \\(root ${root.dir}\\), from this host at \\d{4}-`));
    const probeLines = lines.slice(1);
    expect(probeLines.map((l) => l.trim().split(/\s+/)[0])).toEqual([
      'engine',
      'dockerdProcess',
      'daemonJson',
      'systemd',
      'envFiles',
      'files',
      'audit',
      'compose',
      'users',
      'mounts',
      'containerd',
      'hostAddresses',
    ]);
    for (const line of probeLines) expect(line.trim().split(/\s+/)[1], line).toMatch(/^(missing|not-running)$/);
    expect(out).toContain(`no answer at ${socket}`);
  });

  it('keeps the line number of a daemon.json syntax error', async () => {
    root = tempRoot();
    root.write('/etc/docker/daemon.json', '{\n  "icc": false,\n  "log-level": "info",\n}\n');
    const socket = `unix://${path.join(root.dir, 'none.sock')}`;
    const summary = await run(['--root', root.dir, '--docker-host', socket, '--no-engine', 'inspect']);
    expect(summary.code).toBe(0);
    expect(summary.out).toMatch(/daemonJson\s+error\s+\/etc\/docker\/daemon\.json line 4, column 1: /);
    const json = await run(['--root', root.dir, '--docker-host', socket, '--no-engine', 'inspect', '--json']);
    const facts = JSON.parse(json.out) as HostFacts;
    expect(facts.daemonJson.parseError).toMatchObject({ line: 4, column: 1 });
    expect(facts.daemonJson.raw).toBe('{\n  "icc": false,\n  "log-level": "info",\n}\n');
  });

  it('treats a TCP endpoint that does not answer as an engine that is not running (shown, then exit 2)', async () => {
    root = tempRoot();
    const { code, out, err } = await run(['--root', root.dir, '--docker-host', 'tcp://127.0.0.1:1', 'inspect']);
    expect(out).toMatch(/engine\s+not-running\s+no answer at tcp:\/\/127\.0\.0\.1:1 \(ECONNREFUSED\)/);
    expect(err).toMatch(/^docker-harden: The Docker engine at tcp:\/\/127\.0\.0\.1:1 cannot be reached \(connection refused\)/);
    expect(code).toBe(2);
  });

  it('rejects a malformed DOCKER_HOST with one sentence and exit 2', async () => {
    const saved = process.env.DOCKER_HOST;
    process.env.DOCKER_HOST = 'ftp://x';
    try {
      const { code, out, err } = await run(['inspect']);
      expect(code).toBe(2);
      expect(out).toBe('');
      const [sentence, hint, ...rest] = err.split('\n');
      expect(sentence).toBe('docker-harden: The Docker host "ftp://x" uses ftp://, which docker-harden cannot connect to.');
      expect(hint).toMatch(/^Pass --docker-host/);
      expect(rest).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.DOCKER_HOST;
      else process.env.DOCKER_HOST = saved;
    }
  });

  it.each([
    ['not JSON', '{ "schemaVersion": 1, ', /^docker-harden: The facts file .* is not valid JSON/],
    [
      'a wrong schema version',
      JSON.stringify({ schemaVersion: 99, probes: {} }),
      /^docker-harden: The facts file .* has schema version 99; this docker-harden reads version 1\.$/,
    ],
  ])('refuses a facts file that is %s with exit 2', async (_what, content, message) => {
    root = tempRoot();
    const file = path.join(root.dir, 'facts.json');
    writeFileSync(file, content);
    const { code, out, err } = await run(['--from', file, 'inspect']);
    expect(code).toBe(2);
    expect(out).toBe('');
    const lines = err.split('\n');
    expect(lines[0]).toMatch(message);
    expect(lines.length).toBeLessThanOrEqual(2); // the sentence and what to do, no stack
  });
});
