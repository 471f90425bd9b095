// `audit` through main() with the table options: --only and --verbose as flags, their usage errors,
// and output that is not a terminal (as here) written whole whatever COLUMNS says.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const FACTS = path.join(import.meta.dirname, 'fixtures/seven-containers.json');

async function run(...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, { out: (t) => stdout.push(t), err: (t) => stderr.push(t) });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

describe('audit table options', () => {
  it('--only fail --only warn shows those rows, failures first, and the full summary', async () => {
    const r = await run('--no-color', '--from', FACTS, 'audit', '--only', 'fail', '--only', 'warn');
    expect(r.code).toBe(1);
    const statuses = r.stdout.split('\n').flatMap((l) => /^(FAIL|WARN|WAIVED|MANUAL|N\/A|PASS) /.exec(l)?.[1] ?? []);
    expect(statuses.indexOf('WARN')).toBe(statuses.lastIndexOf('FAIL') + 1);
    expect(new Set(statuses)).toEqual(new Set(['FAIL', 'WARN']));
    expect(r.stdout).toMatch(/^Showing fail, warn rows only \(\d+ of \d+\); the summary counts every finding\.$/m);
    expect(r.stdout.split('\n').at(-1)).toBe('148 pass, 89 fail (4 critical, 12 high, 42 medium, 31 low), 2 warn, 19 manual, 29 not applicable, 0 waived');
  });

  it('--verbose names each failing container with its evidence', async () => {
    const r = await run('--no-color', '--from', FACTS, 'audit', '--only', 'fail', '--include', '5.4', '--verbose');
    expect(r.stdout).toContain(
      '                  cache: Container cache adds ALL, which is equivalent to root on the host.\n                    evidence: HostConfig.CapAdd: ["ALL"], CapDrop: null',
    );
  });

  it('writes whole lines when stdout is not a terminal, whatever COLUMNS says', async () => {
    const saved = process.env.COLUMNS;
    process.env.COLUMNS = '40';
    try {
      const r = await run('--no-color', '--from', FACTS, 'audit', '--include', '1.1.17');
      expect(r.stdout).toContain(
        'FAIL    low       1.1.17  Ensure auditing is configured for Docker files and directories - /usr/bin/containerd-shim-runc-v2\n',
      );
      expect(r.stdout).toContain(
        '                  evidence: no loaded audit rule (auditctl -l) watches /usr/bin/containerd-shim-runc-v2 for writes and attribute changes\n',
      );
    } finally {
      if (saved === undefined) delete process.env.COLUMNS;
      else process.env.COLUMNS = saved;
    }
  });

  it.each([
    [
      ['--only', 'failed'],
      'docker-harden: Unknown status "failed".\nUse --only with one or more of: fail, warn, waived, manual, not-applicable, pass (comma-separated).',
    ],
    [['--only', 'fail', '--format', 'json'], 'docker-harden: --only shapes the table, and --format json reports every finding in full.'],
    [['--verbose', '--format', 'sarif'], 'docker-harden: --verbose shapes the table, and --format sarif reports every finding in full.'],
  ])('%j is a usage error: exit 2, nothing on stdout', async (flags, message) => {
    const r = await run('--from', FACTS, 'audit', ...flags);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });
});
