// `--recreate` through the real binary against the private engine: plan shows the recreate as a
// docker run diff and carries it in JSON; script refuses it in one sentence; a bad name is exit 2.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngine } from '../../support/engine.js';
import { BIN, ensureBuilt } from '../../support/ensure-build.js';
import { docker } from '../../support/private-engine.js';

describeEngine('--recreate on the command line', (engine) => {
  const name = `rcli${Date.now().toString(36)}`;
  const work = mkdtempSync(path.join(os.tmpdir(), 'dh-rcli-'));
  const harden = (...args: string[]) =>
    spawnSync(process.execPath, [BIN, '--no-color', '--docker-host', engine.host, '--root', work, ...args], { encoding: 'utf8', timeout: 120_000 });

  beforeAll(async () => {
    await ensureBuilt();
    docker(engine, ['run', '-d', '--name', name, '--network', 'none', '--cap-add', 'NET_ADMIN', engine.image, 'sleep', '300']);
    writeFileSync(path.join(work, 'recreating.yaml'), 'name: recreating\nextends: strict\nparams:\n  recreate: standalone\n  recreateGateSeconds: 3\n');
  }, 240_000);
  afterAll(() => {
    docker(engine, ['rm', '-f', name]);
    rmSync(work, { recursive: true, force: true });
  });

  it('plan --recreate=NAME shows the docker run diff, and JSON carries the step', () => {
    const text = harden('plan', '--profile', 'strict', `--recreate=${name}`);
    expect(text.stderr).toBe('');
    expect(text.stdout).toContain(`  recreate  ${name} (running, gate 10 s)  closes 5.4,`);
    expect(text.stdout).toContain('    -  --cap-add CAP_NET_ADMIN \\');
    expect(text.stdout).toContain('    +  --cap-drop ALL \\');
    expect(text.stdout).toContain('    +  --cap-add NET_ADMIN \\');
    expect(text.stdout).toContain('    +  --read-only \\');
    const json = JSON.parse(harden('plan', '--profile', 'strict', `--recreate=${name}`, '--format', 'json').stdout);
    expect(json.recreates.map((r: { id: string }) => r.id)).toEqual([`recreate:${name}`]);
    // Without the flag strict leaves containers alone.
    expect(JSON.parse(harden('plan', '--profile', 'strict', '--format', 'json').stdout)).not.toHaveProperty('recreates');
  });

  it('a profile with recreate: standalone sets the gate; script refuses the recreate and says why', () => {
    const json = JSON.parse(harden('plan', '--profile', path.join(work, 'recreating.yaml'), '--format', 'json').stdout);
    expect(json.recreates.find((r: { id: string }) => r.id === `recreate:${name}`).gateSeconds).toBe(3);
    const script = harden('script', '--profile', path.join(work, 'recreating.yaml'));
    expect(script.stdout).toContain(
      `Container ${name} is not recreated here: recreating containers runs only with apply: it needs the health gate and automatic revert (docker-harden apply --recreate=${name}).`,
    );
  });

  it('refuses a name that cannot be a container, and one the engine does not have, with exit 2', () => {
    const bad = harden('plan', '--profile', 'strict', '--recreate=a b');
    expect([bad.status, bad.stderr.split('\n')[0]]).toEqual([2, 'docker-harden: --recreate takes container names separated by commas, and "a b" is not one.']);
    const missing = harden('plan', '--profile', 'strict', '--recreate=no-such-container');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--recreate names container no-such-container, which the engine does not have.');
  });
});
