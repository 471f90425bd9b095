// The audit service with a fixed rule set: exit threshold, waivers, --output, and facts from a file.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditService, type AuditServiceOptions } from '../../src/services/audit-service.js';
import { ExitCodeError, UserError } from '../../src/core/errors.js';
import { sampleFacts, sampleRules, insecureRegistries, logLevel } from '../../src/audit/testing/sample-rules.js';
import type { Output } from '../../src/services/output.js';

const dir = mkdtempSync(path.join(tmpdir(), 'dh-audit-service-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const factsFile = path.join(dir, 'facts.json');
writeFileSync(factsFile, JSON.stringify(sampleFacts()));

function capture(): Output & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

const base: AuditServiceOptions = {
  root: '/',
  dockerHost: 'unix:///nonexistent.sock',
  from: factsFile,
  color: false,
  format: 'json',
  failOn: 'high',
  rules: sampleRules,
  now: new Date('2025-06-15T00:00:00Z'),
};

async function outcome(opts: Partial<AuditServiceOptions>): Promise<number> {
  try {
    await auditService({ ...base, ...opts }, capture());
    return 0;
  } catch (err) {
    if (err instanceof ExitCodeError) return err.exitCode;
    throw err;
  }
}

describe('audit service', () => {
  it('exits 1 only when a failure reaches the threshold', async () => {
    // The sample facts fail 2.5 (high) and 5.5 (critical); 2.3 only warns.
    expect(await outcome({ failOn: 'high' })).toBe(1);
    expect(await outcome({ failOn: 'critical' })).toBe(1);
    expect(await outcome({ failOn: 'critical', waivers: [{ id: '5.5', reason: 'CI' }] })).toBe(0);
    expect(await outcome({ failOn: 'low', rules: [logLevel] })).toBe(0);
    expect(await outcome({ failOn: 'low', rules: [insecureRegistries], waivers: [{ id: '2.5', reason: 'lab', expires: '2025-01-01' }] })).toBe(1);
  });

  it('says how many failures reached the threshold', async () => {
    const err = await auditService({ ...base }, capture()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExitCodeError);
    expect((err as ExitCodeError).message).toBe('2 failing findings at or above severity high.');
  });

  it('prints the report, reading facts from --from', async () => {
    const out = capture();
    const report = await auditService({ ...base, failOn: 'critical', waivers: [{ id: '5.5', reason: 'CI' }] }, out);
    expect(report.facts.source).toBe('file');
    const json = JSON.parse(out.stdout.join('\n'));
    expect(json.facts).toEqual({ source: 'file', collectedAt: '2025-01-02T03:04:05.000Z' });
    expect(json.results.map((r: { id: string }) => r.id)).toContain('2.5');
  });

  it('writes the report to --output instead, without colour or cutting', async () => {
    const out = capture();
    const file = path.join(dir, 'report.txt');
    await auditService({ ...base, format: 'table', color: true, width: 40, failOn: 'critical', waivers: [{ id: '5.5', reason: 'CI' }], output: file }, out);
    expect(out.stdout).toEqual([]);
    expect(out.stderr).toEqual([`Wrote the table report to ${file}.`]);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('\u001B');
    expect(text).toContain('evidence: /etc/docker/daemon.json: "insecure-registries": ["10.1.2.3:5000"]');
    expect(text.endsWith('waived\n')).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o644);
  });

  it('turns an unwritable --output into a UserError', async () => {
    const err = await auditService(
      { ...base, failOn: 'critical', waivers: [{ id: '5.5', reason: 'CI' }], output: path.join(dir, 'missing', 'r.json') },
      capture(),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toBe(`Cannot write ${path.join(dir, 'missing', 'r.json')}: the directory ${path.join(dir, 'missing')} does not exist.`);
  });

  it('rejects a selection that matches no rule before doing any work', async () => {
    const err = await auditService({ ...base, from: path.join(dir, 'absent.json'), selection: { include: ['2.99'] } }, capture()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toBe('No rule has the id or prefix "2.99".');
  });
});
