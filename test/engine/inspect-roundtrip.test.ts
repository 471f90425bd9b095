// `inspect --save` then `--from` through the CLI entry point against the private engine, and a
// real Compose project found through the labels docker-compose puts on its containers.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { describeEngine } from '../support/engine.js';
import { main } from '../../src/cli/main.js';
import type { Output } from '../../src/services/output.js';
import type { HostFacts } from '../../src/facts/host-facts.js';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const output: Output = { out: (t) => out.push(t), err: (t) => err.push(t) };
  return { code: await main(argv, output), out: out.join('\n'), err: err.join('\n') };
}

describeEngine('inspect --save / --from and Compose projects', (engine) => {
  let dir: string;
  let project: string;
  let composeFile: string;
  const compose = (...args: string[]) =>
    execFileSync('docker-compose', ['-p', project, '-f', composeFile, ...args], {
      env: { ...process.env, DOCKER_HOST: engine.host },
      stdio: 'pipe',
      encoding: 'utf8',
    });

  beforeAll(() => {
    dir = realpathSync(mkdtempSync('/tmp/dh-roundtrip-'));
    project = `dhrt${path
      .basename(dir)
      .slice(-6)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')}`;
    composeFile = path.join(dir, 'docker-compose.yml');
    writeFileSync(
      composeFile,
      [
        'version: "3.8"',
        'services:',
        '  web:',
        `    image: ${engine.image}`,
        '    command: ["sleep", "300"]',
        '    network_mode: none',
        '    cap_drop: [ALL]',
        '  worker:',
        `    image: ${engine.image}`,
        '    command: ["sleep", "300"]',
        '    network_mode: none',
        '',
      ].join('\n'),
    );
    compose('up', '-d', '--scale', 'worker=2');
  });

  afterAll(() => {
    try {
      compose('down', '--timeout', '1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds the Compose project with its config file and services', async () => {
    const file = path.join(dir, 'facts.json');
    const saved = await run(['--docker-host', engine.host, 'inspect', '--save', file]);
    expect(saved.code).toBe(0);
    expect(saved.err).toBe(`Saved facts to ${file}.`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const facts = JSON.parse(readFileSync(file, 'utf8')) as HostFacts;
    const found = facts.compose.find((p) => p.name === project);
    expect(found).toEqual({
      name: project,
      workingDir: dir,
      configFiles: [{ path: composeFile, content: readFileSync(composeFile, 'utf8') }],
      services: { web: [`${project}_web_1`], worker: [`${project}_worker_1`, `${project}_worker_2`] },
    });
    expect(saved.out).toMatch(new RegExp(`compose\\s+ok\\s+.*${project}`));
  });

  it('replays saved facts unchanged with --from', async () => {
    const file = path.join(dir, 'facts-2.json');
    const first = await run(['--docker-host', engine.host, 'inspect', '--save', file]);
    expect(first.code).toBe(0);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as HostFacts;
    expect(saved.source).toBe('host');
    expect(saved.engine?.containers.length).toBeGreaterThanOrEqual(3);

    const replay = await run(['--from', file, 'inspect', '--json']);
    expect(replay.code).toBe(0);
    expect(JSON.parse(replay.out)).toEqual({ ...saved, source: 'file' });

    // The human summary of the replay shows the same probe lines as the live run.
    const summary = await run(['--from', file, 'inspect']);
    expect(summary.out.split('\n')[0]).toMatch(/from saved facts at /);
    expect(summary.out.split('\n').slice(1)).toEqual(first.out.split('\n').slice(1));
    // A replay never touches the engine: point it at nothing and it still answers the same.
    const elsewhere = await run(['--from', file, '--docker-host', 'unix:///nonexistent.sock', 'inspect', '--json']);
    expect(JSON.parse(elsewhere.out)).toEqual({ ...saved, source: 'file' });
  });
});
