// As a Docker CLI plugin: linked into a cli-plugins folder, `docker harden ...` runs the tool.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureBuilt, BIN } from '../support/ensure-build.js';
import { emptyFacts } from '../../src/facts/empty-facts.js';

const hasDocker = spawnSync('docker', ['--version']).status === 0;

describe.skipIf(!hasDocker)('docker CLI plugin', () => {
  beforeAll(ensureBuilt, 180_000);

  it('is listed by docker and runs `docker harden audit --from FILE`', () => {
    const config = mkdtempSync('/tmp/dh-docker-config-');
    mkdirSync(path.join(config, 'cli-plugins'));
    symlinkSync(BIN, path.join(config, 'cli-plugins', 'docker-harden'));
    const facts = path.join(config, 'facts.json');
    writeFileSync(
      facts,
      JSON.stringify(emptyFacts({ daemonJson: { path: '/etc/docker/daemon.json', raw: '{"log-level": "debug"}', parsed: { 'log-level': 'debug' } } })),
    );
    const env = { ...process.env, DOCKER_CONFIG: config };

    const help = spawnSync('docker', ['--help'], { env, encoding: 'utf8' });
    expect(help.stdout).toMatch(/harden\*?\s+Audit and harden this Docker host/);

    const audit = spawnSync('docker', ['harden', '--from', facts, 'audit', '--format', 'json', '--include', '2.3'], { env, encoding: 'utf8' });
    expect(audit.stderr).not.toMatch(/unknown command/);
    const report = JSON.parse(audit.stdout);
    expect(report.results).toEqual([expect.objectContaining({ id: '2.3', status: 'fail' })]);
  });
});
