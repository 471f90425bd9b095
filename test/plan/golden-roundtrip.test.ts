// Each host fixture rebuilt as a directory tree, then the real thing over it: the probes
// (--root, no engine), `plan --check` (drift), `apply --yes`, and `plan --check` again, which must
// find nothing to change. Facts replayed from a fixture cannot show this; real probes can.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { HostFacts } from '../../src/facts/host-facts.js';
import { inspectHost } from '../../src/probes/inspect-host.js';
import { HOSTS, PROFILES, hostFile } from '../e2e/support/hosts.js';
import { materializeRoot } from '../e2e/support/materialize.js';
import { cli } from '../e2e/support/cli.js';

const isRoot = process.getuid?.() === 0;
const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function hostRoot(host: string): { root: string; fixture: HostFacts } {
  const fixture = JSON.parse(readFileSync(hostFile(host), 'utf8')) as HostFacts;
  const root = mkdtempSync(`/tmp/dh-golden-${host}-`);
  roots.push(root);
  materializeRoot(fixture, root);
  return { root, fixture };
}

// Owners and sockets need root to be made; the tree is only faithful as root.
describe.skipIf(!isRoot).each(HOSTS)('host %s rebuilt on disk', (host) => {
  it('is seen by the real probes as the fixture describes it', async () => {
    const { root, fixture } = hostRoot(host);
    const facts = await inspectHost({ root, dockerHost: `unix://${root}/run/none.sock` });
    expect(facts.systemd).toEqual(fixture.systemd);
    expect(facts.daemonJson).toEqual(fixture.daemonJson);
    expect(facts.audit.rulesFiles).toEqual(fixture.audit.rulesFiles);
    expect(facts.dockerGroupMembers).toEqual(fixture.dockerGroupMembers);
    for (const [p, stat] of Object.entries(fixture.envFiles)) expect(facts.envFiles[p] ?? null, p).toEqual(stat);
    const probed = Object.keys(fixture.files).filter((p) => p in facts.files);
    expect(probed.length).toBeGreaterThan(10);
    for (const p of probed) expect(facts.files[p], p).toEqual(fixture.files[p]);
  });

  it.each(PROFILES)('%s: apply, then plan --check finds nothing to change', async (profile) => {
    const { root } = hostRoot(host);
    const args = ['--root', root, '--docker-host', `unix://${root}/run/none.sock`, '--no-engine', '--no-color'];
    const before = await cli(...args, 'plan', '--profile', profile, '--check');
    expect(before.code, before.stderr).toBe(1);
    const apply = await cli(...args, 'apply', '--profile', profile, '--yes');
    expect(apply.code, apply.stderr).toBe(0);
    expect(apply.stdout).toMatch(/^Backup set (\S+) \(undo with: docker-harden --root \S+ rollback \1\)$/m);
    const after = await cli(...args, 'plan', '--profile', profile, '--check');
    expect(after.stdout).toMatch(/Nothing to change: this host already matches the profile\./);
    expect(after.code, after.stdout).toBe(0);
    const again = await cli(...args, 'apply', '--profile', profile, '--yes');
    expect(again.stdout).toMatch(/Nothing to change: this host already matches the plan\./);
    expect(path.isAbsolute(root)).toBe(true);
  });
});
