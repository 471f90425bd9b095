// The emitted script, for real: shellcheck, bash -n, then run as root against a copy of a root.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, existsSync, statSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { renderScript } from '../../src/script/render-script.js';
import { sha256 } from '../../src/core/sha256.js';
import { makeRoot, samplePlan, DAEMON_AFTER, DAEMON_BEFORE, DROPIN_AFTER } from '../support/sample-plan.js';

const HOSTILE = "/etc/docker/we ird 'quote' $(touch PWNED) `touch PWNED2`\nline.conf";
const HOSTILE_CONTENT = "no newline at end, $(touch PWNED3) and 'quotes' and \\ backslash\nDOCKER_HARDEN_EOF_0\nEOF";

function hostilePlan() {
  return samplePlan([
    {
      path: HOSTILE,
      kind: 'create',
      before: null,
      after: HOSTILE_CONTENT,
      mode: 0o600,
      owner: 'root',
      group: 'root',
      beforeSha256: null,
      closes: ['3.6'],
      artifact: 'daemon-json',
    },
  ]);
}

const isRoot = process.getuid?.() === 0;
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

function run(script: string, ...args: string[]) {
  return spawnSync('bash', [script, ...args], { encoding: 'utf8', cwd: '/tmp' });
}

describe('emitted script', () => {
  it('is shellcheck-clean and parses with bash -n, hostile paths included', () => {
    const file = path.join(makeRoot(), 'harden.sh');
    writeFileSync(file, renderScript(hostilePlan()));
    expect(spawnSync('bash', ['-n', file]).status).toBe(0);
    if (has('shellcheck')) {
      const sc = spawnSync('shellcheck', ['-s', 'bash', file], { encoding: 'utf8' });
      expect(sc.stdout).toBe('');
      expect(sc.status).toBe(0);
    }
  });

  it.skipIf(!isRoot)('applies, is idempotent, refuses changed files, and rolls back byte-identical', () => {
    const root = makeRoot();
    const script = path.join(root, '..', `${path.basename(root)}.sh`);
    writeFileSync(script, renderScript(hostilePlan()));
    const daemon = path.join(root, 'etc/docker/daemon.json');

    const first = run(script, '--root', root);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(readFileSync(daemon, 'utf8')).toBe(DAEMON_AFTER);
    expect(statSync(daemon).mode & 0o7777).toBe(0o644);
    expect(readFileSync(path.join(root, 'etc/systemd/system/docker.socket.d/50-docker-harden.conf'), 'utf8')).toBe(DROPIN_AFTER);
    expect(readFileSync(path.join(root, HOSTILE), 'utf8')).toBe(HOSTILE_CONTENT);
    expect(statSync(path.join(root, HOSTILE)).mode & 0o7777).toBe(0o600);
    expect(statSync(path.join(root, 'etc/default-docker')).mode & 0o7777).toBe(0o644);
    for (const pwned of ['PWNED', 'PWNED2', 'PWNED3']) expect(existsSync(path.join('/tmp', pwned))).toBe(false);
    expect(first.stdout).toMatch(/step not run under --root: Reload systemd units/);

    const second = run(script, '--root', root);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/Nothing to change/);

    const rollback = run(script, '--root', root, '--rollback');
    expect(rollback.status).toBe(0);
    expect(sha256(readFileSync(daemon))).toBe(sha256(DAEMON_BEFORE));
    expect(statSync(daemon).mode & 0o7777).toBe(0o666);
    expect(existsSync(path.join(root, HOSTILE))).toBe(false);
    expect(statSync(path.join(root, 'etc/default-docker')).mode & 0o7777).toBe(0o664);
  });

  it.skipIf(!isRoot)('refuses before touching anything when a file changed since planning', () => {
    const root = makeRoot();
    const script = path.join(root, '..', `${path.basename(root)}-b.sh`);
    writeFileSync(script, renderScript(hostilePlan()));
    writeFileSync(path.join(root, 'etc/docker/daemon.json'), '{"edited": true}\n');
    const res = run(script, '--root', root);
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/changed since the plan was made; nothing was written/);
    expect(readdirSync(path.join(root, 'etc/docker'))).toEqual(['daemon.json']);
    expect(existsSync(path.join(root, 'etc/systemd/system/docker.socket.d'))).toBe(false);
    const forced = run(script, '--root', root, '--force');
    expect(forced.status).toBe(0);
    expect(readFileSync(path.join(root, 'etc/docker/daemon.json'), 'utf8')).toBe(DAEMON_AFTER);
  });
});
