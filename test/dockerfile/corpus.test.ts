// The Dockerfile corpus: each fixture's findings match its expected.json, its patched text
// matches the reviewed golden file, and fixing the patched result changes nothing.
import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { planDockerfiles, type DockerfileInput } from '../../src/dockerfile/plan-dockerfiles.js';
import { parseDockerfile } from '../../src/dockerfile/parse-dockerfile.js';
import { dockerfileChecks } from '../../src/dockerfile/checks/index.js';
import type { FixOptions } from '../../src/dockerfile/types.js';

const CORPUS = path.resolve(import.meta.dirname, '../fixtures/dockerfiles');
const GOLDEN = path.resolve(import.meta.dirname, '../../snapshots/dockerfiles');
const names = readdirSync(CORPUS).sort();

function fixture(name: string): { input: DockerfileInput; options: FixOptions; expected: { id: string; line: number }[] } {
  const dir = path.join(CORPUS, name);
  const read = (f: string) => (existsSync(path.join(dir, f)) ? readFileSync(path.join(dir, f), 'utf8') : null);
  const file = (p: string, text: string | null) => ({ path: path.join(dir, p), text, mode: 0o644, owner: 'root', group: 'root' });
  return {
    input: { dockerfile: { ...file('Dockerfile', read('Dockerfile')), text: read('Dockerfile')! }, dockerignore: file('.dockerignore', read('.dockerignore')) },
    options: { strict: false, ...JSON.parse(read('options.json') ?? '{}') },
    expected: JSON.parse(read('expected.json')!),
  };
}

describe('Dockerfile corpus', () => {
  it('has at least 15 Dockerfiles, good and bad', () => {
    expect(names.length).toBeGreaterThanOrEqual(15);
    expect(names.filter((n) => fixture(n).expected.length === 0).length).toBeGreaterThan(0);
  });

  it.each(names)('%s: findings match expected.json', (name) => {
    const { input, options, expected } = fixture(name);
    const { reports } = planDockerfiles([input], options);
    const got = reports[0].findings.map((f) => ({ id: f.id, line: f.line }));
    const order = (a: { id: string; line: number }, b: { id: string; line: number }) => a.line - b.line || a.id.localeCompare(b.id);
    expect(got.sort(order)).toEqual([...expected].sort(order));
  });

  it.each(names)('%s: patched output matches the golden file', async (name) => {
    const { input, options } = fixture(name);
    const { plan } = planDockerfiles([input], options);
    const dockerfile = plan.files.find((f) => f.path === input.dockerfile.path)!;
    await expect(dockerfile.after).toMatchFileSnapshot(path.join(GOLDEN, name, 'Dockerfile.patched'));
    const ignore = plan.files.find((f) => f.path === input.dockerignore.path);
    if (ignore) await expect(ignore.after).toMatchFileSnapshot(path.join(GOLDEN, name, 'dockerignore.patched'));
  });

  it.each(names)('%s: the patched Dockerfile parses and a second fix changes nothing', (name) => {
    const { input, options } = fixture(name);
    const first = planDockerfiles([input], options);
    const after = (p: string, fallback: string | null) => first.plan.files.find((f) => f.path === p)?.after ?? fallback;
    const fixed: DockerfileInput = {
      dockerfile: { ...input.dockerfile, text: after(input.dockerfile.path, input.dockerfile.text)! },
      dockerignore: { ...input.dockerignore, text: after(input.dockerignore.path, input.dockerignore.text) },
    };
    expect(() => parseDockerfile(fixed.dockerfile.text, 'patched')).not.toThrow();
    const second = planDockerfiles([fixed], options);
    expect(second.plan.files.map((f) => f.kind)).toEqual(['unchanged']);
    expect(second.reports[0].findings.filter((f) => f.fixable)).toEqual([]);
    expect(second.reports[0].findings.map((f) => f.id)).toEqual(first.remaining[0].findings.map((f) => f.id));
  });

  it('every check fires in some fixture and every fixable one is fixed in some golden', () => {
    const all = names.flatMap((n) => {
      const { input, options } = fixture(n);
      return planDockerfiles([input], options).reports[0].findings;
    });
    for (const check of dockerfileChecks)
      expect(
        all.some((f) => f.id === check.meta.id && f.severity !== 'info'),
        check.meta.id,
      ).toBe(true);
    for (const id of ['4.1', '4.6', '4.9', 'DH-IMG-002', 'DH-IMG-005'])
      expect(
        all.some((f) => f.id === id && f.fixable),
        id,
      ).toBe(true);
  });

  it('check ids are unique and every check has its metadata', () => {
    const ids = dockerfileChecks.map((c) => c.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of dockerfileChecks) {
      expect(c.meta.title && c.meta.rationale && c.meta.remediation, c.meta.id).toBeTruthy();
      expect(c.meta.id).toMatch(/^(4\.\d+|DH-IMG-\d{3})$/);
    }
  });
});
