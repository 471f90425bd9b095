// The package as users install a CLI: `npm pack`, then `npm install -g` of the tarball into a
// private prefix with production dependencies only. The bundle carries every dependency, so the
// installed package has no node_modules of its own, and the command must still audit, plan (templates,
// profiles, schemas read from the installed package) and name our sources in a debug stack trace.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, ensureBuilt } from '../support/ensure-build.js';

const FACTS = path.join(REPO, 'test/fixtures/hosts/debian-docker-io.json');
const VERSION = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

let work: string;
let prefix: string;
let installed: string;
let tarball: string;

/** npm with the private prefix; the registry is never needed, since the package has no dependencies. */
function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_prefix: prefix, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
  });
}

/** The installed command, run from a directory outside the checkout. */
function dockerHarden(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(path.join(prefix, 'bin/docker-harden'), args, {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
}

beforeAll(async () => {
  await ensureBuilt();
  work = mkdtempSync(path.join(tmpdir(), 'dh-tarball-'));
  prefix = path.join(work, 'prefix');
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', work], REPO)) as { filename: string }[];
  tarball = path.join(work, packed[0]!.filename);
  npm(['install', '-g', '--omit=dev', tarball], work);
  installed = path.join(prefix, 'lib/node_modules/docker-harden');
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the installed tarball', () => {
  it('holds the bundle and the files read at run time, and needs no node_modules', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    expect(files).toContain('package/bin/docker-harden.js');
    expect(files).toContain('package/dist/bundle/main.js');
    expect(files.some((f) => f.startsWith('package/templates/'))).toBe(true);
    expect(files).toContain('package/profiles/strict.yaml');
    expect(files).toContain('package/schemas/facts.schema.json');
    // Only the bundle ships: no per-file build output, no sources.
    expect(files.filter((f) => f.startsWith('package/dist/') && !f.startsWith('package/dist/bundle/'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('package/src/'))).toEqual([]);
    expect(existsSync(path.join(installed, 'node_modules'))).toBe(false);
    expect(readdirSync(path.join(installed, 'dist/bundle')).length).toBeGreaterThan(1);
  });

  it('answers --version', () => {
    const run = dockerHarden(['--version']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`${VERSION}\n`);
    expect(run.status).toBe(0);
  });

  it('audits saved facts', () => {
    const run = dockerHarden(['audit', '--from', FACTS, '--format', 'json']);
    // The fixture host fails high-severity items: exit 1, with the one line that says so.
    expect(run.stderr).toBe('10 failing findings at or above severity high.\n');
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { version: string; results: unknown[] };
    expect(report.version).toBe(VERSION);
    expect(report.results.length).toBeGreaterThan(100);
  });

  it('plans with a shipped profile and renders its templates', () => {
    const run = dockerHarden(['plan', '--profile', 'strict', '--from', FACTS]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('/etc/audit/rules.d/docker.rules');
    expect(run.stdout).toContain('/etc/docker/daemon.json');
  });

  it('writes an HTML report from its own report templates', () => {
    const run = dockerHarden(['audit', '--from', FACTS, '--format', 'html']);
    expect(run.stderr).toBe('10 failing findings at or above severity high.\n');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^<!doctype html>/i);
  });

  it('names our TypeScript sources in a stack trace under DOCKER_HARDEN_DEBUG', () => {
    // An output that breaks is an unexpected error: exit 70 and, when debugging, the stack.
    const script = [
      'if (process.env.DOCKER_HARDEN_DEBUG) process.setSourceMapsEnabled(true);',
      `const { main } = await import(${JSON.stringify(pathToFileURL(path.join(installed, 'dist/bundle/main.js')).href)});`,
      "let said = '';",
      "const code = await main(['profiles'], { out() { throw new Error('the output broke'); }, err(t) { said += t + '\\n'; } });",
      'console.log(JSON.stringify({ code, said }));',
    ].join('\n');
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, DOCKER_HARDEN_DEBUG: '1' },
    });
    const { code, said } = JSON.parse(run.stdout) as { code: number; said: string };
    expect(code).toBe(70);
    expect(said).toContain('unexpected error: the output broke');
    expect(said).toMatch(/src\/services\/profiles-service\.ts:\d+/);
    expect(said).toMatch(/src\/cli\/main\.ts:\d+/);
  });
});
