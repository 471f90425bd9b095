// `docker-harden dockerfile` through main(): exit codes, refusals that write nothing, --fix with
// backups, and the script and patch it emits, checked with the real shellcheck, bash and patch.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { emptyFacts } from '../../src/facts/empty-facts.js';
import { BACKUP_BASE } from '../../src/apply/backup-set.js';

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

describe('dockerfile: refusals exit 2 with one line and write nothing', () => {
  it.each([
    ['FROM alpine:3.19\nFORM x\n', ':2: unknown instruction "FORM", so it does not parse as a Dockerfile; nothing was written.'],
    ['# base\nRUN echo hi\nFROM alpine:3.19\n', ':2: RUN comes before the first FROM (only ARG may), so it does not parse as a Dockerfile; nothing was written.'],
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
    expect([bad.code, bad.stderr]).toEqual([2, 'docker-harden: --user "Root User" is not a valid user name (lower-case letters, digits, _ and -, or a numeric uid[:gid]).']);
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
    expect(r.stderr).toMatch(/Backup set \S+ \(undo with: docker-harden rollback \S+\)/);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(path.join(GOLDEN, 'arg-before-from', 'Dockerfile.patched'), 'utf8'));
    expect(readFileSync(path.join(dir, '.dockerignore'), 'utf8')).toBe(readFileSync(path.join(GOLDEN, 'arg-before-from', 'dockerignore.patched'), 'utf8'));
    const st = statSync(file);
    expect([st.mode & 0o7777, st.uid, st.gid]).toEqual([0o640, 1234, 2345]);
    expect(statSync(path.join(dir, '.dockerignore')).uid).toBe(1234);
    expect(r.code).toBe(0); // what is left is medium and low
    expect(backups().length).toBe(backupsBefore.length + 1);

    const again = await run('dockerfile', file, '--fix', '--yes');
    expect(again.stderr).toContain('Nothing to fix mechanically');
    expect(backups().length).toBe(backupsBefore.length + 1);
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
    const facts = emptyFacts({ compose: [{ name: 'shop', workingDir: project, configFiles: [{ path: path.join(project, 'compose.yaml'), content: compose }], services: {} }] });
    writeFileSync(path.join(dir, 'facts.json'), JSON.stringify(facts));
    process.chdir(dir);
    try {
      const r = await run('--from', path.join(dir, 'facts.json'), 'dockerfile', '--format', 'json', '--fail-on', 'none');
      expect(JSON.parse(r.stdout).dockerfiles.map((d: { path: string }) => d.path)).toEqual([path.join(dir, 'Dockerfile'), path.join(project, 'api', 'Dockerfile.prod')]);
      expect(r.stderr).toContain(`skipped ${path.join(project, 'missing', 'Dockerfile')} (Compose project shop, service gone)`);
    } finally {
      process.chdir(cwd);
    }
  });
});
