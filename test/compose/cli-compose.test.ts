// --compose on the command line: plan shows the override for a project that is not running,
// apply under --root writes it there, and a bad path is a user error (exit 2).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { emptyFacts } from '../../src/facts/empty-facts.js';
import type { Plan } from '../../src/plan-model/plan.js';

const dir = mkdtempSync(path.join(tmpdir(), 'dh-compose-cli-'));
const factsFile = path.join(dir, 'facts.json');
writeFileSync(factsFile, JSON.stringify(emptyFacts({ probes: { engine: { status: 'missing' } } })));
const app = path.join(dir, 'root/srv/app');
mkdirSync(app, { recursive: true });
const composeFile = path.join(app, 'docker-compose.yml');
writeFileSync(composeFile, 'services:\n  web:\n    image: nginx:1.25\n    privileged: true\n    ports: ["8080:80"]\n');

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('--compose', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('plans an override for a project that is not running', async () => {
    const { code, stdout } = await run('--from', factsFile, 'plan', '-p', 'strict', '--format', 'json', '--compose', composeFile);
    expect(code).toBe(0);
    const plan = JSON.parse(stdout) as Plan;
    const files = plan.files.filter((f) => f.artifact === 'compose-override');
    expect(files.map((f) => [f.path, f.kind])).toEqual([
      [path.join(app, 'docker-compose.hardening.yml'), 'create'],
      [composeFile, 'modify'],
    ]);
    expect(files[0].after).toContain('cap_drop:\n      - ALL\n');
    expect(files[1].after).toContain('"127.0.0.1:8080:80"');
  });

  it('writes the files under --root with apply, named by their host paths', async () => {
    const root = path.join(dir, 'root');
    const { code, stderr } = await run('--from', factsFile, '--root', root, 'apply', '-p', 'strict', '--yes', '--compose', composeFile);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(readFileSync(path.join(app, 'docker-compose.hardening.yml'), 'utf8')).toContain('cap_drop:\n      - ALL\n');
    // The Compose version of a file that is not running is unknown: the oldest cannot take false from an override.
    expect(readFileSync(composeFile, 'utf8')).toBe('services:\n  web:\n    image: nginx:1.25\n    privileged: false\n    ports: ["127.0.0.1:8080:80"]\n');
    const again = await run('--from', factsFile, '--root', root, 'plan', '-p', 'strict', '--format', 'json', '--compose', composeFile);
    const plan = JSON.parse(again.stdout) as Plan;
    expect(plan.files.filter((f) => f.artifact === 'compose-override' && f.kind !== 'unchanged')).toEqual([]);
  });

  it('refuses a file it cannot read, or one outside --root', async () => {
    const missing = await run('--from', factsFile, 'plan', '-p', 'strict', '--compose', path.join(dir, 'nope.yml'));
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('Cannot read the compose file')]);
    const outside = await run('--from', factsFile, '--root', path.join(dir, 'root'), 'plan', '-p', 'strict', '--compose', factsFile);
    expect([outside.code, outside.stderr]).toEqual([2, expect.stringContaining('lies outside --root')]);
    expect(existsSync(path.join(dir, 'docker-compose.hardening.yml'))).toBe(false);
  });
});
