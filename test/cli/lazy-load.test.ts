// The non-interactive commands must never load Ink or React: they are slow to load and only the
// wizard needs them. A module hook (node:module register) logs every module the built binary
// resolves; the log of each command must name neither.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, REPO, ensureBuilt } from '../support/ensure-build.js';

const FACTS = path.join(REPO, 'test/fixtures/hosts/debian-docker-io.json');
const UI_MODULE = /\/node_modules\/(ink|react|react-reconciler|yoga-layout|ink-testing-library)\/|\/dist\/wizard\/ui\//;

let dir: string;
let register: string;

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(path.join(tmpdir(), 'dh-lazy-'));
  writeFileSync(
    path.join(dir, 'hooks.mjs'),
    [
      "import { appendFileSync } from 'node:fs';",
      'let log;',
      'export function initialize(data) { log = data.log; }',
      'export async function resolve(specifier, context, next) {',
      '  const result = await next(specifier, context);',
      "  appendFileSync(log, result.url + '\\n');",
      '  return result;',
      '}',
    ].join('\n'),
  );
  register = path.join(dir, 'register.mjs');
  writeFileSync(register, "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url, { data: { log: process.env.DH_MODULE_LOG } });\n");
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs node with the hook and returns the module URLs it resolved. */
function modulesLoaded(name: string, args: string[]): { urls: string[]; status: number | null; stderr: string } {
  const log = path.join(dir, `${name}.log`);
  writeFileSync(log, '');
  const run = spawnSync(process.execPath, ['--import', register, ...args], {
    cwd: REPO,
    env: { ...process.env, DH_MODULE_LOG: log, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { urls: readFileSync(log, 'utf8').split('\n').filter(Boolean), status: run.status, stderr: run.stderr };
}

describe('lazy loading', () => {
  it.each([
    ['audit', ['audit', '--from', FACTS]],
    ['plan', ['plan', '--profile', 'baseline', '--from', FACTS]],
    ['inspect', ['inspect', '--from', FACTS]],
    ['profiles', ['profiles']],
  ])('`docker-harden %s` loads neither Ink nor React', (name, args) => {
    const { urls, status, stderr } = modulesLoaded(name, [BIN, ...args]);
    expect([0, 1], stderr).toContain(status);
    // The log is real: the command's own modules are in it.
    expect(urls.some((u) => u.endsWith('/dist/cli/main.js'))).toBe(true);
    expect(urls.some((u) => u.includes(`/dist/cli/commands/${name}.js`))).toBe(true);
    expect(urls.filter((u) => UI_MODULE.test(u))).toEqual([]);
  });

  it('`docker-harden` without a terminal says so without loading the wizard', () => {
    const { urls, status } = modulesLoaded('no-terminal', [BIN]);
    expect(status).toBe(2);
    expect(urls.some((u) => u.endsWith('/dist/cli/main.js'))).toBe(true);
    expect(urls.filter((u) => UI_MODULE.test(u) || u.includes('/dist/wizard/'))).toEqual([]);
  });

  it('sees Ink and React where the wizard is loaded (the check can fail)', () => {
    const { urls } = modulesLoaded('wizard', ['--input-type=module', '-e', "await import('./dist/wizard/run-wizard.js')"]);
    expect(urls.some((u) => /\/node_modules\/ink\//.test(u))).toBe(true);
    expect(urls.some((u) => /\/node_modules\/react\//.test(u))).toBe(true);
  });
});
