// The built CLI at its edges: a reader that closes the pipe early ends the run quietly (no stack
// trace), the apply prompt goes to the terminal and never into piped stdout, and `dockerfile --fix`
// run by the user who owns the project keeps its backups in the project and needs no root.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BIN, ensureBuilt } from '../support/ensure-build.js';
import { readableCopy, type ReadableCopy } from '../support/readable-copy.js';
import { BACKUP_BASE } from '../../src/apply/backup-set.js';
import { PROJECT_BACKUP_BASE } from '../../src/apply/backup-base.js';
import { shellQuote } from '../../src/core/shell-quote.js';

const work = mkdtempSync('/tmp/dh-edges-e2e-');
chmodSync(work, 0o755); // the project below must be reachable by its unprivileged owner
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(ensureBuilt, 200_000);

const sh = (script: string, input = '') => spawnSync('bash', ['-c', script], { encoding: 'utf8', input, env: { ...process.env, DOCKER_HOST: '' } });

/** A host tree with something for strict to change, and no Docker installed. */
function hostRoot(name: string): string {
  const root = path.join(work, name);
  mkdirSync(path.join(root, 'etc/docker'), { recursive: true });
  writeFileSync(path.join(root, 'etc/passwd'), 'root:x:0:0::/root:/bin/sh\n');
  writeFileSync(path.join(root, 'etc/group'), 'root:x:0:\ndocker:x:998:\n');
  writeFileSync(path.join(root, 'etc/docker/daemon.json'), '{}\n', { mode: 0o666 });
  return root;
}

describe('a closed pipe', () => {
  it.each([
    ['inspect', '--json'],
    ['audit', '--format', 'sarif', '--fail-on', 'critical'],
  ])('%s into a reader that has already gone ends quietly', (...command) => {
    const root = hostRoot(`pipe-${command[0]}`);
    // `true` exits before the CLI has started, so its first write meets a closed pipe (EPIPE).
    const r = sh(`node ${BIN} --root ${root} --no-engine ${command.join(' ')} | true; echo "rc=\${PIPESTATUS[0]}" >&2`);
    expect(r.stderr).toBe('rc=141\n');
  });
});

describe('the apply prompt', () => {
  it('goes to the terminal, not to stdout piped into a file (apply | tee log does not hang)', () => {
    const root = hostRoot('prompt');
    const log = path.join(work, 'apply.log');
    // `script` gives the command a terminal for stdin and stderr; stdout goes to the log.
    const r = spawnSync('script', ['-qec', `node ${BIN} --root ${root} --no-engine --no-color apply --profile strict > ${log}`, '/dev/null'], {
      encoding: 'utf8',
      input: 'n\n',
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Apply these changes? [y/N]');
    const logged = readFileSync(log, 'utf8');
    expect(logged).toMatch(/^Plan for profile strict/);
    expect(logged).not.toContain('Apply these changes?');
    expect(logged.trimEnd().split('\n').at(-1)).toBe('No changes made.');
  });
});

const canDrop = process.getuid?.() === 0 && existsSync('/usr/bin/setpriv');

describe.skipIf(!canDrop)('dockerfile --fix by the user who owns the project', () => {
  let code: ReadableCopy;
  let project: string;
  const asNobody = (args: string[]) =>
    spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', ...args], {
      encoding: 'utf8',
      cwd: project,
      env: { PATH: process.env.PATH, HOME: project },
    });
  const cliAsNobody = (...args: string[]) => asNobody([process.execPath, code.at('bin/docker-harden.js'), ...args]);
  const original = 'ARG TAG=3.19\nFROM alpine:${TAG}\nRUN apk add curl\nCMD ["x"]\n';

  beforeAll(() => {
    code = readableCopy(['package.json', 'bin', 'dist', 'templates', 'profiles', 'schemas', 'node_modules']);
    // A space in the name: the undo command printed must still work when pasted into a shell.
    project = path.join(work, 'my project');
    mkdirSync(project, { mode: 0o755 });
    writeFileSync(path.join(project, 'Dockerfile'), original);
    for (const p of [project, path.join(project, 'Dockerfile')]) chownSync(p, 65534, 65534);
  });
  afterAll(() => code?.remove());

  /**
   * Sets that appeared in the host's /var/backups since `before` and touch a Dockerfile: other test
   * files (an apply on /) may add sets of their own there meanwhile.
   */
  const newHostSetsForDockerfiles = (before: string[]) =>
    (existsSync(BACKUP_BASE) ? readdirSync(BACKUP_BASE) : [])
      .filter((id) => !before.includes(id))
      .filter((id) => {
        const manifest = path.join(BACKUP_BASE, id, 'manifest.json');
        return !existsSync(manifest) || readFileSync(manifest, 'utf8').includes('Dockerfile');
      });

  it('writes the fix and its backup set in PROJECT/.docker-harden/backups, and the undo it prints works when pasted', () => {
    const hostSets = existsSync(BACKUP_BASE) ? readdirSync(BACKUP_BASE) : [];
    const r = cliAsNobody('dockerfile', 'Dockerfile', '--fix', '--yes', '--fail-on', 'none');
    expect(r.status, r.stderr).toBe(0);
    const sets = path.join(project, PROJECT_BACKUP_BASE);
    const m = /^Backup set (\S+) in (.+) \(undo with: docker-harden (.+)\)$/m.exec(r.stderr);
    expect(m?.[2]).toBe(sets);
    expect(m?.[3]).toBe(`--root ${shellQuote(project)} rollback ${m?.[1]} --backup-dir ${shellQuote(sets)}`);
    expect(readFileSync(path.join(project, 'Dockerfile'), 'utf8')).not.toBe(original);
    // Everything the fix made belongs to the user who ran it; nothing went to the host's /var/backups.
    for (const made of [path.join(project, '.docker-harden'), sets, path.join(sets, m![1]), path.join(sets, m![1], 'manifest.json')]) {
      expect([made, statSync(made).uid, statSync(made).gid]).toEqual([made, 65534, 65534]);
    }
    expect(existsSync(path.join(project, 'var'))).toBe(false);
    expect(newHostSetsForDockerfiles(hostSets)).toEqual([]);

    const list = cliAsNobody('--root', project, 'rollback', '--list', '--backup-dir', sets);
    expect(list.stdout).toMatch(new RegExp(`^${m![1]}  applied `));
    // The printed command, pasted into bash as it stands (only the program name spelled out).
    const undo = asNobody(['bash', '-c', `${shellQuote(process.execPath)} ${shellQuote(code.at('bin/docker-harden.js'))} ${m![3]}`]);
    expect(undo.status, undo.stderr).toBe(0);
    expect(readFileSync(path.join(project, 'Dockerfile'), 'utf8')).toBe(original);
    expect(newHostSetsForDockerfiles(hostSets)).toEqual([]);
  });

  it('--script writes a script that runs without root for the files the user owns', () => {
    const hostSets = existsSync(BACKUP_BASE) ? readdirSync(BACKUP_BASE) : [];
    writeFileSync(path.join(project, 'Dockerfile'), original);
    const made = cliAsNobody('dockerfile', 'Dockerfile', '--script', 'fix.sh', '--fail-on', 'none');
    expect(made.status, made.stderr).toBe(0);
    expect(readFileSync(path.join(project, 'fix.sh'), 'utf8')).not.toContain('run it as root');
    const ran = asNobody(['bash', 'fix.sh']);
    expect(ran.status, ran.stderr).toBe(0);
    expect(readFileSync(path.join(project, 'Dockerfile'), 'utf8')).not.toBe(original);
    expect(readdirSync(path.join(project, PROJECT_BACKUP_BASE)).filter((n) => n.startsWith('script-'))).toHaveLength(1);
    expect(asNobody(['bash', 'fix.sh', '--rollback']).status).toBe(0);
    expect(readFileSync(path.join(project, 'Dockerfile'), 'utf8')).toBe(original);
    expect(newHostSetsForDockerfiles(hostSets)).toEqual([]);
  });
});
