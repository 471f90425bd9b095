import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { main } from '../../src/cli/main.js';
import type { Output } from '../../src/services/output.js';

const PROFILES_DIR = path.resolve(import.meta.dirname, '../../profiles');

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const output: Output = { out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await main(argv, output);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dh-cli-profiles-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('docker-harden profiles', () => {
  it('lists each shipped profile with its description and file', async () => {
    const { code, out, err } = await run(['profiles']);
    expect(code).toBe(0);
    expect(err).toBe('');
    const lines = out.split('\n');
    expect(lines[0]).toBe('NAME      DESCRIPTION');
    expect(lines[1]).toMatch(/^baseline  Safe on hosts with running workloads/);
    expect(lines[2]).toBe(`          ${path.join(PROFILES_DIR, 'baseline.yaml')}`);
    expect(lines[3]).toBe('strict    Everything the benchmark automates; each risky change carries its impact note.');
    expect(lines[4]).toBe(`          ${path.join(PROFILES_DIR, 'strict.yaml')}`);
  });

  it('lists as JSON', async () => {
    const { code, out } = await run(['profiles', '--json']);
    expect(code).toBe(0);
    expect((JSON.parse(out) as { name: string; source: string }[]).map((p) => [p.name, p.source])).toEqual([
      ['baseline', path.join(PROFILES_DIR, 'baseline.yaml')],
      ['strict', path.join(PROFILES_DIR, 'strict.yaml')],
    ]);
  });

  it('shows strict resolved as YAML: chain, select, every param', async () => {
    const { code, out, err } = await run(['profiles', 'show', 'strict']);
    expect(code).toBe(0);
    expect(err).toBe('');
    const shown = parse(out) as Record<string, unknown>;
    expect(shown).toMatchObject({
      name: 'strict',
      source: path.join(PROFILES_DIR, 'strict.yaml'),
      chain: ['baseline', 'strict'],
      select: { sections: [1, 2, 3, 4, 5, 6, 7], levels: [1, 2], include: [], exclude: [] },
      params: { auditKey: 'docker', logMaxFile: '3', contentTrust: true, defaultUlimits: { nofile: { soft: 65536, hard: 65536 } } },
      waivers: [],
    });
    expect(out).toContain('# 118 of 118 benchmark items selected');
  });

  it('shows a user profile as JSON, with --json before or after the name', async () => {
    const file = path.join(dir, 'site.yaml');
    await writeFile(file, 'name: site\nextends: baseline\nwaivers:\n  - id: "1.7.0:2.15"\n    reason: swarm manager\n');
    for (const argv of [
      ['profiles', 'show', file, '--json'],
      ['profiles', 'show', '--json', file],
    ]) {
      const { code, out } = await run(argv);
      expect(code).toBe(0);
      const shown = JSON.parse(out) as { chain: string[]; waivers: unknown[]; rules: string[] };
      expect(shown.chain).toEqual(['baseline', file]);
      expect(shown.waivers).toEqual([{ id: '2.16', reason: 'swarm manager' }]);
      expect(shown.rules).toContain('2.16');
    }
  });

  it('exits 2 with one line for a broken profile', async () => {
    const file = path.join(dir, 'broken.yaml');
    await writeFile(file, 'name: broken\nselect:\n  include: ["2.3", "9.9"]\n');
    const { code, out, err } = await run(['profiles', 'show', file]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(`docker-harden: ${file} line 3: select.include[1] "9.9" is not a CIS Docker Benchmark rule id`);
    expect(err.split('\n')).toHaveLength(1);
  });

  it('exits 2 with one line for an unknown profile name', async () => {
    const { code, err } = await run(['profiles', 'show', 'paranoid']);
    expect(code).toBe(2);
    expect(err).toBe('docker-harden: profile "paranoid" is not a shipped profile (expected baseline, strict or a path to a .yaml file)');
  });
});
