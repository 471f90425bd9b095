import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import { emptyFacts } from '../../src/facts/empty-facts.js';
import type { HostFacts } from '../../src/facts/host-facts.js';
import { validateArgv, validateDaemonJson, vetPlanDaemonJson } from '../../src/artifacts/validate-daemon-config.js';
import { fileChange } from '../../src/plan-model/file-change.js';
import type { Plan } from '../../src/plan-model/plan.js';

describe('dockerd --validate argv', () => {
  it.each([
    [
      ['-H', 'fd://', '--containerd=/run/containerd/containerd.sock'],
      ['-H', 'fd://', '--containerd=/run/containerd/containerd.sock'],
    ],
    [['--config-file', '/etc/docker/other.json', '--log-level=warn'], ['--log-level=warn']],
    [['--config-file=/etc/docker/other.json', '--validate', '-D'], ['-D']],
    [[], []],
  ])('daemon flags %j are passed on as %j', (daemonArgs, kept) => {
    expect(validateArgv('/tmp/x/daemon.json', daemonArgs)).toEqual(['--validate', '--config-file', '/tmp/x/daemon.json', ...kept]);
  });
});

// A stand-in for dockerd >= 23 (this machine has 20.10, which has no --validate): it records its
// argv and the config it was given, and answers like dockerd does.
describe('running the validator', () => {
  const dir = mkdtempSync('/tmp/dh-fake-dockerd-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const fake = path.join(dir, 'dockerd');
  writeFileSync(
    fake,
    `#!/bin/sh
printf '%s\\n' "$@" > ${dir}/argv
cfg=$3
cp "$cfg" ${dir}/seen.json
if grep -q '"hosts"' "$cfg"; then
  echo "unable to configure the Docker daemon with file $cfg: the following directives are specified both as a flag and in the configuration file: hosts" >&2
  exit 1
fi
echo "configuration OK" >&2
`,
    { mode: 0o755 },
  );

  it("passes the content and flags, and reads dockerd's verdict", async () => {
    const ok = await validateDaemonJson({ dockerdPath: fake, daemonArgs: ['-H', 'fd://'], content: '{"icc": false}\n' });
    expect(ok).toEqual({ ok: true, message: 'configuration OK' });
    expect(readFileSync(path.join(dir, 'argv'), 'utf8').split('\n').slice(0, 2)).toEqual(['--validate', '--config-file']);
    expect(readFileSync(path.join(dir, 'argv'), 'utf8')).toMatch(/-H\nfd:\/\/\n$/);
    expect(readFileSync(path.join(dir, 'seen.json'), 'utf8')).toBe('{"icc": false}\n');
    const bad = await validateDaemonJson({ dockerdPath: fake, daemonArgs: ['-H', 'fd://'], content: '{"hosts": []}\n' });
    expect(bad.ok).toBe(false);
    expect(bad.message).toBe(
      'unable to configure the Docker daemon with file daemon.json: the following directives are specified both as a flag and in the configuration file: hosts',
    );
  });

  const plan = (after: string): Plan => ({
    profile: 't',
    facts: { source: 'host', collectedAt: '', root: '/' },
    permissions: [],
    steps: [],
    warnings: [],
    manual: [],
    refused: [],
    files: [fileChange({ path: '/etc/docker/daemon.json', before: '{}\n', after, mode: 0o644, closes: [], artifact: 'daemon-json' })],
  });
  const facts = (version: string, over: Partial<HostFacts> = {}): HostFacts =>
    emptyFacts({
      engine: { host: '', version: { Version: version }, info: {}, containers: [], images: [], networks: [] },
      dockerd: { pid: 1, exe: fake, argv: [fake, '-H', 'fd://'] },
      ...over,
    });

  it('vets a plan only where dockerd has --validate and the facts are from this host', async () => {
    expect(await vetPlanDaemonJson(plan('{"hosts": []}\n'), facts('24.0.7'), { root: '/' })).toMatch(/specified both as a flag/);
    expect(await vetPlanDaemonJson(plan('{"icc": false}\n'), facts('24.0.7'), { root: '/' })).toBeNull();
    rmSync(path.join(dir, 'argv'), { force: true });
    expect(await vetPlanDaemonJson(plan('{"hosts": []}\n'), facts('20.10.24+dfsg1'), { root: '/' })).toBeNull();
    expect(await vetPlanDaemonJson(plan('{"hosts": []}\n'), { ...facts('24.0.7'), source: 'file' }, { root: '/' })).toBeNull();
    expect(await vetPlanDaemonJson(plan('{"hosts": []}\n'), facts('24.0.7'), { root: '/mnt/host' })).toBeNull();
    expect(existsSync(path.join(dir, 'argv'))).toBe(false);
  });
});
