// The non-interactive commands must never load Ink or React: they are slow to load and only the
// wizard needs them. Nor should a command run Handlebars when it renders nothing, or load the
// schema validator (ajv) when it reads no facts or profile file. The binary runs the bundle (dist/bundle,
// scripts/build.mjs), whose chunks.json lists the sources in each chunk; a module hook (node:module
// register) logs every file node resolves, so each command's log says which sources it loaded.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, REPO, ensureBuilt } from '../support/ensure-build.js';

const FACTS = path.join(REPO, 'test/fixtures/hosts/debian-docker-io.json');
const BUNDLE = path.join(REPO, 'dist/bundle');
const UI = /^node_modules\/(ink|react|react-reconciler|scheduler|yoga-layout)\/|^src\/wizard\//;
const HANDLEBARS = /^node_modules\/handlebars\//;
const AJV = /^node_modules\/ajv\//;

let dir: string;
let register: string;
let chunks: Record<string, string[]>;

beforeAll(async () => {
  await ensureBuilt();
  chunks = JSON.parse(readFileSync(path.join(BUNDLE, 'chunks.json'), 'utf8')) as Record<string, string[]>;
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

/** Runs node with the hook and returns the sources (repo-relative) in the bundle files it loaded. */
function sourcesLoaded(name: string, args: string[]): { sources: string[]; files: string[]; status: number | null; stderr: string } {
  const log = path.join(dir, `${name}.log`);
  writeFileSync(log, '');
  const run = spawnSync(process.execPath, ['--import', register, ...args], {
    cwd: REPO,
    env: { ...process.env, DH_MODULE_LOG: log, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 60_000,
  });
  const prefix = `${pathToFileURL(BUNDLE).href}/`;
  const files = [
    ...new Set(
      readFileSync(log, 'utf8')
        .split('\n')
        .filter((u) => u.startsWith(prefix)),
    ),
  ].map((u) => u.slice(prefix.length));
  for (const f of files) expect(chunks, `${f} is listed in chunks.json`).toHaveProperty([f]);
  return { sources: files.flatMap((f) => chunks[f] ?? []), files, status: run.status, stderr: run.stderr };
}

/**
 * Runs one command through the bundle in a fresh node and says whether Handlebars ran. Its module
 * may sit in a loaded chunk (the HTML report requires it on first use), so the test looks for what
 * running it leaves behind: Handlebars registers a require() handler for .hbs files as it loads.
 */
function runInProcess(args: string[]): { code: number; handlebarsRan: boolean } {
  const script = [
    "import module from 'node:module';",
    `const { main } = await import(${JSON.stringify(pathToFileURL(path.join(BUNDLE, 'main.js')).href)});`,
    `const code = await main(${JSON.stringify(args)}, { out() {}, err() {} });`,
    "console.log(JSON.stringify({ code, handlebarsRan: '.hbs' in module.createRequire(import.meta.url).extensions }));",
  ].join('\n');
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return JSON.parse(run.stdout) as { code: number; handlebarsRan: boolean };
}

describe('lazy loading', () => {
  it.each([
    ['audit', ['audit', '--from', FACTS]],
    ['plan', ['plan', '--profile', 'baseline', '--from', FACTS]],
    ['inspect', ['inspect', '--from', FACTS]],
    ['profiles', ['profiles']],
  ])('`docker-harden %s` loads neither Ink nor React', (name, args) => {
    const { sources, files, status, stderr } = sourcesLoaded(name, [BIN, ...args]);
    expect([0, 1], stderr).toContain(status);
    // The log is real: the entry and the command's own sources are in it.
    expect(files).toContain('main.js');
    expect(sources).toContain(`src/cli/commands/${name}.ts`);
    expect(sources).toContain(`src/services/${name === 'profiles' ? 'profiles' : name}-service.ts`);
    expect(sources.filter((s) => UI.test(s))).toEqual([]);
  });

  it('`docker-harden` without a terminal says so without loading the wizard', () => {
    const { sources, files, status } = sourcesLoaded('no-terminal', [BIN]);
    expect(status).toBe(2);
    expect(files).toContain('main.js');
    expect(sources.filter((s) => UI.test(s))).toEqual([]);
  });

  it('sees Ink and React where the wizard is loaded (the check can fail)', () => {
    const wizardChunk = Object.keys(chunks).find((f) => chunks[f]!.includes('src/wizard/run-wizard.ts'))!;
    expect(wizardChunk).toBeDefined();
    const { sources } = sourcesLoaded('wizard', [
      '--input-type=module',
      '-e',
      `await import(${JSON.stringify(pathToFileURL(path.join(BUNDLE, wizardChunk)).href)})`,
    ]);
    expect(sources.some((s) => /^node_modules\/ink\//.test(s))).toBe(true);
    expect(sources.some((s) => /^node_modules\/react\//.test(s))).toBe(true);
  });
});

describe('deferred dependencies', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'dh-lazy-root-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each([
    ['audit of the live host', () => ['audit', '--no-engine', '--root', root, '--format', 'json']],
    ['audit --from', () => ['audit', '--from', FACTS, '--format', 'json']],
    ['inspect --from', () => ['inspect', '--from', FACTS]],
    ['profiles', () => ['profiles']],
    ['--help', () => ['--help']],
  ])('`%s` renders no template, so Handlebars never runs', (_name, args) => {
    const { code, handlebarsRan } = runInProcess(args());
    expect([0, 1]).toContain(code);
    expect(handlebarsRan).toBe(false);
  });

  it('`audit` of the live host reads no facts or profile file, so the schema validator is not loaded', () => {
    const { sources, status, stderr } = sourcesLoaded('audit-live-no-ajv', [BIN, 'audit', '--no-engine', '--root', root, '--format', 'json']);
    expect([0, 1], stderr).toContain(status);
    // It did inspect: the probes are among what it loaded.
    expect(sources).toContain('src/probes/inspect-host.ts');
    expect(sources.filter((s) => AJV.test(s))).toEqual([]);
  });

  it('loads and runs both where a plan is rendered from a saved facts file (the checks can fail)', () => {
    const { sources } = sourcesLoaded('plan-both', [BIN, 'plan', '--profile', 'strict', '--from', FACTS]);
    expect(sources.some((s) => HANDLEBARS.test(s))).toBe(true);
    expect(sources.some((s) => AJV.test(s))).toBe(true);
    expect(runInProcess(['plan', '--profile', 'strict', '--from', FACTS])).toEqual({ code: 0, handlebarsRan: true });
  });
});
