// `docker-harden dockerfile` through main(): exit codes, refusals that write nothing, --fix with
// backups, and the script and patch it emits, checked with the real shellcheck, bash and patch.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { emptyFacts } from '../../src/facts/empty-facts.js';
import { BACKUP_BASE } from '../../src/apply/backup-set.js';
import { PROJECT_BACKUP_BASE } from '../../src/apply/backup-base.js';

const CORPUS = path.resolve(import.meta.dirname, '../fixtures/dockerfiles');
const GOLDEN = path.resolve(import.meta.dirname, '../../snapshots/dockerfiles');
const root = mkdtempSync(path.join(tmpdir(), 'dh-dockerfile-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let dir: string;
let backupsBefore: string[];
const backups = () => (existsSync(BACKUP_BASE) ? readdirSync(BACKUP_BASE) : []);
beforeEach(() => {
  dir = mkdtempSync(path.join(root, 'case-'));
  backupsBefore = backups();
});
afterEach(() => {
  // Remove only the backup sets this test's --fix created.
  for (const id of backups().filter((b) => !backupsBefore.includes(b))) rmSync(path.join(BACKUP_BASE, id), { recursive: true, force: true });
});

async function run(...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, { out: (t) => stdout.push(t), err: (t) => stderr.push(t) });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

function copyFixture(name: string): string {
  cpSync(path.join(CORPUS, name), dir, { recursive: true });
  rmSync(path.join(dir, 'expected.json'));
  return path.join(dir, 'Dockerfile');
}

const listing = (d: string) => readdirSync(d).sort();

/** The undo command a fix printed, as argv for main() (the paths here need no quoting). */
function undoHint(stderr: string): { id: string; sets: string; argv: string[] } {
  const m = /Backup set (\S+) in (\S+) \(undo with: docker-harden (.+)\)$/m.exec(stderr);
  if (!m) throw new Error(`no undo hint in: ${stderr}`);
  return { id: m[1], sets: m[2], argv: m[3].split(' ') };
}

describe('dockerfile: refusals exit 2 with one line and write nothing', () => {
  it.each([
    ['FROM alpine:3.19\nFORM x\n', ':2: unknown instruction "FORM", so it does not parse as a Dockerfile; nothing was written.'],
    [
      '# base\nRUN echo hi\nFROM alpine:3.19\n',
      ':2: RUN comes before the first FROM (only ARG may), so it does not parse as a Dockerfile; nothing was written.',
    ],
    ['# just a comment\nLABEL a=b\n', ':2: there is no FROM instruction, so it does not parse as a Dockerfile; nothing was written.'],
    ['', ':1: there is no FROM instruction'],
  ])('%j', async (text, tail) => {
    const file = path.join(dir, 'Dockerfile');
    writeFileSync(file, text);
    const before = listing(dir);
    const r = await run('dockerfile', file, '--fix', '--yes', '--script', path.join(dir, 'fix.sh'), '--patch', path.join(dir, 'fix.patch'));
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`docker-harden: ${file}${tail}`);
    expect(r.stdout).toBe('');
    expect(listing(dir)).toEqual(before);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(backups()).toEqual(backupsBefore);
  });

  it('refuses a missing path, a directory without a Dockerfile and a bad --user', async () => {
    expect((await run('dockerfile', path.join(dir, 'nope'))).stderr).toMatch(/nope does not exist/);
    expect((await run('dockerfile', dir)).stderr).toMatch(/has no Dockerfile/);
    copyFixture('busybox-httpd');
    const bad = await run('dockerfile', dir, '--user', 'Root User');
    expect([bad.code, bad.stderr]).toEqual([
      2,
      'docker-harden: --user "Root User" is not a valid user name (lower-case letters, digits, _ and -, or a numeric uid[:gid]).',
    ]);
    const cmd = await run('dockerfile', dir, '--healthcheck-cmd', 'curl -f http://localhost/ \\');
    expect([cmd.code, cmd.stderr]).toEqual([2, 'docker-harden: --healthcheck-cmd must be one non-empty line that does not end in a backslash or backtick.']);
  });

  it('--fix without a terminal and without --yes names --yes', async () => {
    const file = copyFixture('busybox-httpd');
    const r = await run('dockerfile', file, '--fix');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pass --yes/);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(path.join(CORPUS, 'busybox-httpd', 'Dockerfile'), 'utf8'));
  });
});

describe('dockerfile: reports and exit codes', () => {
  it('exits 1 on a finding at --fail-on or above, 0 below it', async () => {
    copyFixture('busybox-httpd');
    const table = await run('dockerfile', dir);
    expect(table.code).toBe(1);
    expect(table.stdout).toContain('     1  high      4.1         yes  the final stage sets no USER');
    expect((await run('dockerfile', dir, '--fail-on', 'critical')).code).toBe(0);
    expect((await run('dockerfile', dir, '--fail-on', 'none')).code).toBe(0);
    expect((await run('dockerfile', path.join(dir, 'Dockerfile'), '--fail-on', 'bogus')).code).toBe(2);
  });

  it('--format json lists findings and, with --diff, the diff', async () => {
    copyFixture('busybox-httpd');
    const r = await run('dockerfile', dir, '--format', 'json', '--diff', '--fail-on', 'none');
    const json = JSON.parse(r.stdout);
    expect(json.dockerfiles[0].findings.map((f: { id: string }) => f.id)).toEqual(['4.1', '4.6', 'DH-IMG-001', 'DH-IMG-005', 'DH-IMG-006']);
    expect(json.diff).toContain('+USER app');
  });

  it('--diff shows the changes and their impact without writing', async () => {
    const file = copyFixture('dockerignore-partial');
    const r = await run('dockerfile', file, '--diff', '--fail-on', 'none');
    expect(r.stdout).toContain(`+++ b${file}`);
    expect(r.stdout).toContain('+**/.env');
    expect(r.stdout).toMatch(/impact \(4\.1\): .*USER nginx/);
    expect(readFileSync(path.join(dir, '.dockerignore'), 'utf8')).toBe('.git\n*.pem\nnode_modules');
  });
});

describe('dockerfile --fix --yes', () => {
  it('writes the golden result, keeps mode and owner, backs up, and a second run changes nothing', async () => {
    const file = copyFixture('arg-before-from');
    chmodSync(file, 0o640);
    chownSync(file, 1234, 2345);
    const r = await run('dockerfile', file, '--fix', '--yes');
    expect(r.stderr).toContain(`wrote ${file}`);
    // The backup set stays in the project, and its undo names the project as the root and the folder.
    const hint = undoHint(r.stderr);
    const sets = path.join(dir, PROJECT_BACKUP_BASE);
    expect(hint.sets).toBe(sets);
    expect(hint.argv).toEqual(['--root', dir, 'rollback', hint.id, '--backup-dir', sets]);
    expect(readdirSync(sets)).toEqual([hint.id]);
    expect(existsSync(path.join(dir, 'var'))).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(path.join(GOLDEN, 'arg-before-from', 'Dockerfile.patched'), 'utf8'));
    expect(readFileSync(path.join(dir, '.dockerignore'), 'utf8')).toBe(readFileSync(path.join(GOLDEN, 'arg-before-from', 'dockerignore.patched'), 'utf8'));
    const st = statSync(file);
    expect([st.mode & 0o7777, st.uid, st.gid]).toEqual([0o640, 1234, 2345]);
    expect(statSync(path.join(dir, '.dockerignore')).uid).toBe(1234);
    expect(r.code).toBe(0); // what is left is medium and low
    expect(backups()).toEqual(backupsBefore);

    const again = await run('dockerfile', file, '--fix', '--yes');
    expect(again.stderr).toContain('Nothing to fix mechanically');
    expect(readdirSync(sets)).toHaveLength(1);

    // The undo it names restores the Dockerfile byte for byte and removes the .dockerignore it made.
    const undo = await run(...hint.argv);
    expect(undo.code, undo.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(path.join(CORPUS, 'arg-before-from', 'Dockerfile'), 'utf8'));
    expect(backups()).toEqual(backupsBefore);
  });

  it('under --root, writes only inside the root: a project outside it is refused and nothing is written', async () => {
    const file = copyFixture('arg-before-from');
    const before = listing(dir);
    const elsewhere = mkdtempSync(path.join(root, 'other-root-'));
    const refused = await run('--root', elsewhere, 'dockerfile', file, '--fix', '--yes');
    expect(refused.code).toBe(2);
    expect(refused.stderr.split('\n')[0]).toBe(`docker-harden: The Dockerfiles to fix lie in ${dir}, outside --root ${elsewhere}; nothing was written.`);
    expect(listing(dir)).toEqual(before);
    expect(readdirSync(elsewhere)).toEqual([]);
    const inside = await run('--root', root, 'dockerfile', file, '--fix', '--yes');
    expect(inside.code, inside.stderr).toBe(0);
    expect(readdirSync(path.join(dir, PROJECT_BACKUP_BASE))).toHaveLength(1);
    expect(backups()).toEqual(backupsBefore);
  });

  it('--backup-dir keeps the set where the user says, and rollback --list/--backup-dir finds and undoes it', async () => {
    const file = copyFixture('arg-before-from');
    const original = readFileSync(file, 'utf8');
    const chosen = path.join(dir, 'keep', 'sets');
    const r = await run('dockerfile', file, '--fix', '--yes', '--backup-dir', chosen, '--fail-on', 'none');
    expect(r.code, r.stderr).toBe(0);
    const hint = undoHint(r.stderr);
    expect(hint.argv).toEqual(['--root', dir, 'rollback', hint.id, '--backup-dir', chosen]);
    expect(readdirSync(chosen)).toEqual([hint.id]);
    expect(existsSync(path.join(dir, '.docker-harden'))).toBe(false);
    expect(statSync(path.join(chosen, hint.id)).mode & 0o777).toBe(0o700);

    const list = await run('--root', dir, 'rollback', '--list', '--backup-dir', chosen);
    expect(list.stdout).toMatch(new RegExp(`^${hint.id}  applied {6}profile dockerfile, 2 files, 0 permission changes$`));
    // Without the folder, rollback looks in the default place and says where it looked.
    const elsewhere = await run('--root', dir, 'rollback', hint.id);
    expect([elsewhere.code, elsewhere.stderr.split('\n')[0]]).toEqual([
      2,
      `docker-harden: There is no backup set "${hint.id}" under ${path.join(dir, BACKUP_BASE)}.`,
    ]);

    const undo = await run(...hint.argv);
    expect(undo.code, undo.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(existsSync(path.join(dir, '.dockerignore'))).toBe(false);
    expect((await run('--root', dir, 'rollback', '--list', '--backup-dir', chosen)).stdout).toMatch(/ rolled-back /);
    expect(backups()).toEqual(backupsBefore);
  });

  it('refuses a --backup-dir outside the project, or one reached through a link leading out, and writes nothing', async () => {
    const file = copyFixture('arg-before-from');
    const outside = mkdtempSync(path.join(root, 'outside-'));
    symlinkSync(outside, path.join(dir, 'escape'));
    const before = listing(dir);
    const script = path.join(dir, 'fix.sh');
    const away = await run('dockerfile', file, '--fix', '--yes', '--script', script, '--backup-dir', outside);
    expect([away.code, away.stderr.split('\n')[0]]).toEqual([
      2,
      `docker-harden: --backup-dir ${outside} is not inside the project ${dir} (the folder holding the files the fixes change); backup sets are kept inside it, so nothing was written.`,
    ]);
    const viaLink = await run('dockerfile', file, '--fix', '--yes', '--backup-dir', path.join(dir, 'escape', 'sets'));
    expect(viaLink.code).toBe(2);
    expect(viaLink.stderr.split('\n')[0]).toBe(
      `docker-harden: Refusing /escape/sets: ${path.join(dir, 'escape')} is a symbolic link that leads outside the root ${dir}; nothing was changed.`,
    );
    expect(listing(dir)).toEqual(before);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(path.join(CORPUS, 'arg-before-from', 'Dockerfile'), 'utf8'));
    expect(readdirSync(outside)).toEqual([]);
    // rollback refuses the same way, and --backup-dir alone (no --fix, no --script) is a usage error.
    const list = await run('--root', dir, 'rollback', '--list', '--backup-dir', outside);
    expect([list.code, list.stdout]).toEqual([2, '']);
    expect((await run('dockerfile', file, '--backup-dir', path.join(dir, 'bk'))).stderr).toBe(
      'docker-harden: --backup-dir names where --fix and --script keep their backups, so it goes with one of them.',
    );
    expect(backups()).toEqual(backupsBefore);
  });

  it('refuses a backup folder that is a link leading out of the project, even when it is named inside', async () => {
    const file = copyFixture('arg-before-from');
    const outside = mkdtempSync(path.join(root, 'outside-'));
    mkdirSync(path.join(dir, '.docker-harden'));
    symlinkSync(outside, path.join(dir, '.docker-harden', 'backups'));
    const r = await run('dockerfile', file, '--fix', '--yes');
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(
      `docker-harden: Refusing the backup folder /.docker-harden/backups: ${path.join(dir, '.docker-harden', 'backups')} is a symbolic link that leads outside the root ${dir} (or nowhere); nothing was changed.`,
    );
    expect(readdirSync(outside)).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(path.join(CORPUS, 'arg-before-from', 'Dockerfile'), 'utf8'));
    const list = await run('--root', dir, 'rollback', '--list', '--backup-dir', path.join(dir, '.docker-harden', 'backups'));
    expect(list.code).toBe(2);
    expect(list.stderr).toMatch(/symbolic link that leads outside the root/);
  });

  it('exits 1 when a high finding is left that no fix closes', async () => {
    const file = copyFixture('root-and-sudo');
    expect((await run('dockerfile', file, '--fix', '--yes')).code).toBe(1);
  });
});

describe('dockerfile --script and --patch', () => {
  it('emits a script that shellcheck accepts and that writes the golden result under --root', async () => {
    const file = copyFixture('busybox-httpd');
    const script = path.join(dir, 'fix.sh');
    await run('dockerfile', file, '--script', script, '--fail-on', 'none');
    execFileSync('bash', ['-n', script]);
    execFileSync('shellcheck', ['-S', 'warning', script]);
    const copyRoot = path.join(dir, 'root');
    mkdirSync(path.dirname(path.join(copyRoot, file)), { recursive: true });
    cpSync(file, path.join(copyRoot, file));
    execFileSync('bash', [script, '--root', copyRoot], { stdio: 'pipe' });
    expect(readFileSync(path.join(copyRoot, file), 'utf8')).toBe(readFileSync(path.join(GOLDEN, 'busybox-httpd', 'Dockerfile.patched'), 'utf8'));
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(path.join(CORPUS, 'busybox-httpd', 'Dockerfile'), 'utf8'));
    // Its backups sit in the project's .docker-harden/backups (under the script's --root), as --fix's do.
    expect(readdirSync(path.join(copyRoot, dir, PROJECT_BACKUP_BASE))).toEqual([expect.stringMatching(/^script-[0-9a-f]{12}$/)]);
    expect(existsSync(path.join(copyRoot, BACKUP_BASE))).toBe(false);
    // --backup-dir moves the script's backups as it moves --fix's.
    const moved = path.join(dir, 'moved.sh');
    expect((await run('dockerfile', file, '--script', moved, '--backup-dir', path.join(dir, 'bk'), '--fail-on', 'none')).code).toBe(0);
    expect(readFileSync(moved, 'utf8')).toMatch(new RegExp(`^BACKUP_DIR="\\$ROOT"${path.join(dir, 'bk')}/script-[0-9a-f]{12}$`, 'm'));
  });

  it('emits a patch that GNU patch applies to the files it names', async () => {
    const file = copyFixture('escape-directive');
    const patch = path.join(dir, 'fix.patch');
    await run('dockerfile', file, '--patch', patch, '--fail-on', 'none');
    execFileSync('patch', ['-p1', '-d', '/', '-i', patch], { stdio: 'pipe' });
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(path.join(GOLDEN, 'escape-directive', 'Dockerfile.patched'), 'utf8'));
    expect(readFileSync(path.join(dir, '.dockerignore'), 'utf8')).toBe(readFileSync(path.join(GOLDEN, 'escape-directive', 'dockerignore.patched'), 'utf8'));
    expect(JSON.parse(readFileSync(`${patch}.json`, 'utf8')).files.map((f: { path: string }) => f.path)).toEqual([file, path.join(dir, '.dockerignore')]);
  });
});

describe('dockerfile without PATH', () => {
  it('checks ./Dockerfile and the Compose build contexts in the facts', async () => {
    const cwd = process.cwd();
    copyFixture('busybox-httpd');
    const project = path.join(dir, 'shop');
    mkdirSync(path.join(project, 'api'), { recursive: true });
    writeFileSync(path.join(project, 'api', 'Dockerfile.prod'), 'FROM alpine:3.19\nUSER nobody\nHEALTHCHECK CMD true\nCMD ["x"]\n');
    const compose = 'services:\n  api:\n    build:\n      context: api\n      dockerfile: Dockerfile.prod\n  gone:\n    build: ./missing\n';
    const facts = emptyFacts({
      compose: [{ name: 'shop', workingDir: project, configFiles: [{ path: path.join(project, 'compose.yaml'), content: compose }], services: {} }],
    });
    writeFileSync(path.join(dir, 'facts.json'), JSON.stringify(facts));
    process.chdir(dir);
    try {
      const r = await run('--from', path.join(dir, 'facts.json'), 'dockerfile', '--format', 'json', '--fail-on', 'none');
      expect(JSON.parse(r.stdout).dockerfiles.map((d: { path: string }) => d.path)).toEqual([
        path.join(dir, 'Dockerfile'),
        path.join(project, 'api', 'Dockerfile.prod'),
      ]);
      expect(r.stderr).toContain(`skipped ${path.join(project, 'missing', 'Dockerfile')} (Compose project shop, service gone)`);
    } finally {
      process.chdir(cwd);
    }
  });
});
