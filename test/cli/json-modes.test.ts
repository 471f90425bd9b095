// Every JSON the tool writes carries a mode as "0644": plan JSON, inspect JSON and saved facts,
// the patch sidecar and the backup manifest. Facts and manifests written with numbers still read.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';

const HOST = 'test/fixtures/hosts/debian-docker-io.json';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** Every value of a `mode` or `fromMode` key, anywhere in the document. */
function modes(data: unknown): unknown[] {
  if (Array.isArray(data)) return data.flatMap(modes);
  if (data === null || typeof data !== 'object') return [];
  return Object.entries(data).flatMap(([k, v]) => (k === 'mode' || k === 'fromMode' ? [v] : modes(v)));
}

function expectTextModes(json: string, atLeast = 1) {
  const found = modes(JSON.parse(json));
  expect(found.length).toBeGreaterThanOrEqual(atLeast);
  for (const m of found) expect(m).toMatch(/^0[0-7]{3,4}$/);
}

const tmp = () => mkdtempSync(path.join(tmpdir(), 'dh-modes-'));

describe('modes in JSON output', () => {
  it('the fixture itself holds numbers (facts saved before), so the tests below read both', () => {
    expect(modes(JSON.parse(readFileSync(HOST, 'utf8'))).every((m) => typeof m === 'number')).toBe(true);
  });

  it('plan --format json', async () => {
    const r = await run('--from', HOST, 'plan', '-p', 'strict', '--format', 'json');
    expect(r.code).toBe(0);
    expectTextModes(r.stdout, 3);
  });

  it('inspect --json and inspect --save; the saved facts plan exactly as the numeric ones', async () => {
    const json = await run('--from', HOST, 'inspect', '--json');
    expect(json.code).toBe(0);
    expectTextModes(json.stdout, 5);
    const saved = path.join(tmp(), 'facts.json');
    expect((await run('--from', HOST, 'inspect', '--save', saved)).code).toBe(0);
    expectTextModes(readFileSync(saved, 'utf8'), 5);
    const fromNumbers = await run('--from', HOST, 'plan', '-p', 'strict', '--format', 'json');
    const fromText = await run('--from', saved, 'plan', '-p', 'strict', '--format', 'json');
    expect(fromText.stdout).toBe(fromNumbers.stdout);
  });

  it('a facts file with a mode that is neither a number nor octal text is refused', async () => {
    const facts = JSON.parse(readFileSync(HOST, 'utf8'));
    facts.files[Object.keys(facts.files)[0]].mode = 'rw-r--r--';
    const file = path.join(tmp(), 'facts.json');
    writeFileSync(file, JSON.stringify(facts));
    const r = await run('--from', file, 'inspect');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not valid: .*mode/);
  });

  it('the patch sidecar', async () => {
    const file = path.join(tmp(), 'harden.patch');
    expect((await run('--from', HOST, 'patch', '-p', 'strict', '-o', file)).code).toBe(0);
    expectTextModes(readFileSync(`${file}.json`, 'utf8'));
  });

  it('audit --format json has no numeric mode anywhere', async () => {
    const r = await run('--from', HOST, 'audit', '--format', 'json', '--fail-on', 'none');
    expect(r.code).toBe(0);
    expect(modes(JSON.parse(r.stdout)).filter((m) => typeof m !== 'string')).toEqual([]);
  });

  it('the backup manifest, and rollback reads manifests with text or numeric modes', async () => {
    for (const numeric of [false, true]) {
      const root = tmp();
      mkdirSync(path.join(root, 'etc/docker'), { recursive: true });
      writeFileSync(path.join(root, 'etc/docker/daemon.json'), '{"icc": true}\n');
      const applied = await run('--root', root, '--no-engine', 'apply', '-p', 'strict', '--yes', '--no-restart');
      expect(applied.code, applied.stderr).toBe(0);
      const base = path.join(root, 'var/backups/docker-harden');
      const manifest = path.join(base, readdirSync(base)[0]!, 'manifest.json');
      const text = readFileSync(manifest, 'utf8');
      expectTextModes(text);
      if (numeric)
        writeFileSync(
          manifest,
          text.replace(/"mode": "(0[0-7]+)"/g, (_m, octal: string) => `"mode": ${Number.parseInt(octal, 8)}`),
        );
      const rolled = await run('--root', root, '--no-engine', 'rollback', '--no-restart');
      expect(rolled.code, rolled.stderr).toBe(0);
      expect(readFileSync(path.join(root, 'etc/docker/daemon.json'), 'utf8')).toBe('{"icc": true}\n');
    }
  });
});
