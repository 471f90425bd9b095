// `docker-harden ansible` through its entry point: every --from is a host (before or after the
// command name), and bad input is one sentence, exit 2, with nothing written.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cli } from '../e2e/support/cli.js';
import { hostFile } from '../e2e/support/hosts.js';

const work = mkdtempSync('/tmp/dh-ansible-cli-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('docker-harden ansible', () => {
  it('takes every --from as a host, named by the facts or by NAME=FILE', async () => {
    const out = path.join(work, 'ok');
    const run = await cli('--from', hostFile('docker-20-10'), 'ansible', '-p', 'baseline', '--from', `other=${hostFile('debian-docker-io')}`, '-o', out);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^Wrote docker-harden\.yml, inventory\.yml, README\.md and host_vars for deb12-ci, other in /);
    expect(readdirSync(path.join(out, 'host_vars')).sort()).toEqual(['deb12-ci.yml', 'other.yml']);
    expect(readFileSync(path.join(out, 'host_vars/other.yml'), 'utf8')).toMatch(/^# docker-harden plan for profile baseline/);
  });

  it.each([
    [
      'no facts',
      () => ['ansible', '-p', 'baseline', '-o', path.join(work, 'none')],
      /^docker-harden: ansible needs the facts of at least one host\.\n.*--from/,
    ],
    [
      'two facts files for one host',
      () => [
        'ansible',
        '-p',
        'baseline',
        '--from',
        hostFile('docker-20-10'),
        '--from',
        `deb12-ci=${hostFile('debian-docker-io')}`,
        '-o',
        path.join(work, 'twice'),
      ],
      /are both about host deb12-ci\./,
    ],
    [
      'an output path that is a file',
      () => ['ansible', '-p', 'baseline', '--from', hostFile('docker-20-10'), '-o', path.join(work, 'a-file')],
      /it is not a directory\./,
    ],
  ])('%s: one sentence, exit 2, nothing written', async (_what, argv, message) => {
    writeFileSync(path.join(work, 'a-file'), 'x');
    const run = await cli(...argv());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(work, 'none'))).toBe(false);
    expect(existsSync(path.join(work, 'twice'))).toBe(false);
  });

  it('refuses a host name from the facts that could not be a file name, and names the way out', async () => {
    const facts = JSON.parse(readFileSync(hostFile('docker-20-10'), 'utf8'));
    facts.hostname = '../../etc/cron.d/x';
    const file = path.join(work, 'hostile.json');
    writeFileSync(file, JSON.stringify(facts));
    const run = await cli('ansible', '-p', 'baseline', '--from', file, '-o', path.join(work, 'hostile'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot be an inventory name\.\nName it yourself: --from NAME=/);
    expect(existsSync(path.join(work, 'hostile'))).toBe(false);
  });
});
