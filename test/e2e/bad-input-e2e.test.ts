// Bad input through the real entry points: a daemon.json that does not parse is shown as refused
// and stops apply (exit 2, naming the line) before anything is written; apply without root and
// without --root stops at once (exit 2, naming --root), checked with the built CLI run as nobody.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cli } from './support/cli.js';
import { makeInsecureRoot } from './support/insecure-root.js';
import { snapshotTree } from './support/tree.js';
import { readableCopy, type ReadableCopy } from '../support/readable-copy.js';

const work = mkdtempSync('/tmp/dh-e2e-bad-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a daemon.json that is not valid JSON', () => {
  const root = path.join(work, 'root');
  beforeAll(() => {
    makeInsecureRoot(root, '/usr/sbin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock');
    writeFileSync(path.join(root, 'etc/docker/daemon.json'), '{\n  "log-level": "info",\n  "icc": false,\n}\n');
  });
  const args = ['--root', root, '--docker-host', `unix://${root}/run/none.sock`, '--no-engine', '--no-color'];

  it('plan shows it refused, then exits 2 naming the broken line (with or without --check)', async () => {
    const plan = await cli(...args, 'plan', '--profile', 'strict');
    expect(plan.code).toBe(2);
    expect(plan.stdout).toMatch(/^  x \/etc\/docker\/daemon.json does not parse \(line 4: [^)]+\); fix it first/m);
    expect(plan.stdout).not.toMatch(/^  (modify|create) +\/etc\/docker\/daemon.json/m);
    expect(plan.stderr).toMatch(/^docker-harden: \/etc\/docker\/daemon.json does not parse \(line 4: /);
    expect((await cli(...args, 'plan', '--profile', 'strict', '--check')).code).toBe(2);
  });

  it('apply --yes exits 2 naming the broken line, and writes nothing', async () => {
    const before = snapshotTree(root);
    const run = await cli(...args, 'apply', '--profile', 'strict', '--yes');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^docker-harden: \/etc\/docker\/daemon.json does not parse \(line 4: /);
    expect(run.stderr).toMatch(/Nothing was written/);
    expect(run.stdout).toBe('');
    expect(snapshotTree(root)).toEqual(before);
    expect(existsSync(path.join(root, 'var/backups'))).toBe(false);
  });
});

const BUILT = path.resolve(import.meta.dirname, '../../dist/cli/main.js');
const hasSetpriv = spawnSync('sh', ['-c', 'command -v setpriv']).status === 0;

// The built CLI (`npm run build`, which `npm test` runs first), as an unprivileged user, from a
// copy that user can read: the checkout may sit under a 0700 directory such as /root.
describe.skipIf(!hasSetpriv || !existsSync(BUILT) || process.getuid?.() !== 0)('apply as a user who is not root', () => {
  let code: ReadableCopy;
  let BIN: string;
  beforeAll(() => {
    code = readableCopy(['package.json', 'bin', 'dist', 'templates', 'profiles', 'schemas', 'node_modules']);
    BIN = code.at('bin/docker-harden.js');
  });
  afterAll(() => code?.remove());

  it('without --root exits 2 and names --root, before reading anything', () => {
    const run = spawnSync(
      'setpriv',
      [
        '--reuid',
        'nobody',
        '--regid',
        'nogroup',
        '--clear-groups',
        process.execPath,
        BIN,
        '--docker-host',
        'unix:///nonexistent/docker.sock',
        'apply',
        '--profile',
        'baseline',
        '--yes',
      ],
      { encoding: 'utf8', cwd: '/tmp', env: { PATH: process.env.PATH, HOME: '/nonexistent' } },
    );
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^docker-harden: apply writes root-owned files under \/, and this process is not root\./);
    expect(run.stderr).toMatch(/--root DIR/);
    expect(run.status).toBe(2);
  });

  it('rollback without --root exits 2 and names --root, before touching anything', () => {
    const run = spawnSync('setpriv', ['--reuid', 'nobody', '--regid', 'nogroup', '--clear-groups', process.execPath, BIN, 'rollback'], {
      encoding: 'utf8',
      cwd: '/tmp',
      env: { PATH: process.env.PATH, HOME: '/nonexistent' },
    });
    expect(run.stderr).toMatch(/^docker-harden: rollback restores root-owned files under \/, and this process is not root\./);
    expect(run.stderr).toMatch(/--root DIR/);
    expect(run.status).toBe(2);
  });
});
