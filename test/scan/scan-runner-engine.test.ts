// `audit --scan` end to end on the private engine, with a stand-in trivy (then grype) on PATH: the
// scanner runs once per image the containers use, reaches the audited engine through DOCKER_HOST
// (the stand-in asks it for the image id), and 4.4 is judged per image from what it printed.
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { describeEngine } from '../support/engine.js';
import { docker } from '../support/private-engine.js';
import { main } from '../../src/cli/main.js';
import { BIN, ensureBuilt } from '../support/ensure-build.js';
import type { JsonReport } from '../../src/audit/format-json.js';
import { makeStandin, type Standin } from './standins/standin.js';

async function run(...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, { out: (t) => stdout.push(t), err: (t) => stderr.push(t) });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

describeEngine('audit --scan on a real engine', (engine) => {
  const tag = randomBytes(3).toString('hex');
  const vulnerable = `local/scan-vuln-${tag}:1`;
  const clean = `local/scan-clean-${tag}:1`;
  const names = { vuln: `dh-scan-vuln-${tag}`, clean: `dh-scan-clean-${tag}`, clean2: `dh-scan-clean2-${tag}`, untagged: `dh-scan-untagged-${tag}` };
  let untaggedId = '';
  let standin: Standin;
  const savedEnv = { ...process.env };

  beforeAll(() => {
    // Three images of their own ids: a label makes a new image config, so a new id.
    const base = `dh-scan-base-${tag}`;
    docker(engine, ['create', '--name', base, engine.image, 'true']);
    docker(engine, ['commit', '--change', `LABEL scan=vuln-${tag}`, base, vulnerable]);
    docker(engine, ['commit', '--change', `LABEL scan=clean-${tag}`, base, clean]);
    untaggedId = docker(engine, ['commit', '--change', `LABEL scan=untagged-${tag}`, base]);
    docker(engine, ['rm', base]);
    docker(engine, ['create', '--name', names.vuln, vulnerable, 'true']);
    docker(engine, ['create', '--name', names.clean, clean, 'true']);
    docker(engine, ['create', '--name', names.clean2, clean, 'true']);
    docker(engine, ['create', '--name', names.untagged, untaggedId, 'true']);
  });
  afterAll(() => {
    docker(engine, ['rm', '-f', ...Object.values(names)]);
    docker(engine, ['rmi', vulnerable, clean, untaggedId]);
  });

  function putStandinOnPath(which: 'trivy' | 'grype') {
    standin = makeStandin([which]);
    standin.fixture(which === 'trivy' ? 'trivy-clean.json' : 'grype-clean.json');
    standin.fixture(which === 'trivy' ? 'trivy-vulnerable.json' : 'grype-vulnerable.json', vulnerable);
    // The CLI runs the scanner with this process's environment: the stand-in first on PATH.
    Object.assign(process.env, standin.env({ STANDIN_INSPECT: '1', PATH: `${standin.bin}:${savedEnv.PATH}` }));
  }
  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
    Object.assign(process.env, savedEnv);
    standin?.remove();
  });

  const mine = (report: JsonReport) =>
    report.results.filter((r) => r.id === '4.4' && [vulnerable, clean, untaggedId.slice(0, 19)].includes(String(r.subject?.image)));

  for (const which of ['trivy', 'grype'] as const) {
    it(`${which}: scans each image in use once through the audited engine, and 4.4 fails the vulnerable one only`, async () => {
      putStandinOnPath(which);
      const audit = await run('--docker-host', engine.host, '--no-color', 'audit', '--scan', '--format', 'json', '--include', '4.4', '--fail-on', 'none');
      expect(audit.stderr).not.toMatch(/could not scan/);
      expect(audit.code).toBe(0);

      const calls = standin.calls();
      const refs = calls.map((c) => c.argv.at(-1)?.replace(/^docker:/, ''));
      // Two containers share the clean image: it is scanned once. The untagged image goes by its id.
      for (const ref of [vulnerable, clean, untaggedId]) expect(refs.filter((r) => r === ref)).toHaveLength(1);
      for (const call of calls) expect(call.dockerHost).toBe(engine.host);

      const report = JSON.parse(audit.stdout) as JsonReport;
      const results = Object.fromEntries(mine(report).map((r) => [String(r.subject?.image), r]));
      expect(Object.keys(results).sort()).toEqual([clean, untaggedId.slice(0, 19), vulnerable].sort());
      expect(results[vulnerable].status).toBe('fail');
      expect(results[vulnerable].evidence.map((e) => e.detail).join(' | ')).toMatch(/CVE-2023-5363.*3\.1\.4-r0/);
      expect(results[clean].status).toBe('pass');
      expect(results[untaggedId.slice(0, 19)].status).toBe('pass');
    });
  }

  it('the built binary, piped: the same per-image verdicts, and no progress line on standard error', async () => {
    await ensureBuilt();
    putStandinOnPath('trivy');
    const audit = spawnSync(
      process.execPath,
      [BIN, '--docker-host', engine.host, 'audit', '--scan', '--format', 'json', '--include', '4.4', '--fail-on', 'high'],
      {
        encoding: 'utf8',
        env: process.env,
      },
    );
    // The vulnerable image's worst finding is high, so its 4.4 failure is high and reaches --fail-on high.
    expect(audit.status).toBe(1);
    expect(audit.stderr).not.toMatch(/scanning|\r/);
    const statuses = Object.fromEntries(mine(JSON.parse(audit.stdout) as JsonReport).map((r) => [String(r.subject?.image), r.status]));
    expect(statuses[vulnerable]).toBe('fail');
    expect(statuses[clean]).toBe('pass');
    const failed = mine(JSON.parse(audit.stdout) as JsonReport).find((r) => r.status === 'fail');
    expect(failed?.severity).toBe('high');
    expect(standin.calls().filter((c) => c.argv.at(-1) === clean)).toHaveLength(1);
  }, 240_000);

  it('a scan that fails for one image is a note naming it; the other images are judged', async () => {
    putStandinOnPath('trivy');
    process.env.STANDIN_FAIL = `scan-vuln-${tag}`;
    const audit = await run('--docker-host', engine.host, '--no-color', 'audit', '--scan', '--format', 'json', '--include', '4.4', '--fail-on', 'none');
    expect(audit.code).toBe(0);
    const report = JSON.parse(audit.stdout) as JsonReport & { notes?: string[] };
    const note = (report.notes ?? []).find((n) => n.includes('could not scan'));
    expect(note).toMatch(
      new RegExp(
        `^trivy could not scan ${vulnerable.replace(/[.:/]/g, '\\$&')} \\(image [0-9a-f]{12}, used by ${names.vuln}\\): FATAL Fatal error image scan error`,
      ),
    );
    // Named once, with the scanner's error: not again as an image that has no report.
    expect((report.notes ?? []).filter((n) => n.includes(vulnerable))).toEqual([note]);
    const results = Object.fromEntries(mine(report).map((r) => [String(r.subject?.image), r.status]));
    expect(results[clean]).toBe('pass');
    expect(results[vulnerable]).toBe('warn');
  });

  it('without a scanner on PATH: exit 2, one sentence naming both, nothing written', async () => {
    const out = path.join(engine.dir, `scan-report-${tag}.json`);
    process.env.PATH = '/usr/bin:/bin';
    const audit = await run('--docker-host', engine.host, 'audit', '--scan', '--format', 'json', '-o', out);
    process.env.PATH = savedEnv.PATH;
    expect(audit.code).toBe(2);
    expect(audit.stderr).toMatch(
      /^docker-harden: --scan needs trivy or grype on PATH; install one \(https:\/\/trivy\.dev or https:\/\/github\.com\/anchore\/grype\) or pass reports with --scan-report\.$/m,
    );
    expect(audit.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    rmSync(out, { force: true });
  });

  it('refuses --scan with --from, and --scanner without --scan', async () => {
    const facts = path.join(engine.dir, `facts-${tag}.json`);
    expect((await run('--docker-host', engine.host, 'inspect', '--save', facts)).code).toBe(0);
    const from = await run('--from', facts, 'audit', '--scan');
    expect(from.code).toBe(2);
    expect(from.stderr).toMatch(/--scan scans the images on a live engine, so it cannot be combined with --from/);
    expect(readFileSync(facts, 'utf8')).toContain('"engine"');
    rmSync(facts, { force: true });
    const alone = await run('--docker-host', engine.host, 'audit', '--scanner', 'grype');
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/--scanner chooses the scanner that --scan runs/);
    const typo = await run('--docker-host', engine.host, 'audit', '--scan', '--scanner', 'clair');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/--scanner takes trivy or grype, not "clair"/);
  });
});
