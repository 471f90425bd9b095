// Hostile daemon.json through `docker-harden plan`: keys named after Object's members, nesting
// 100,000 levels deep, and numbers JavaScript cannot hold. Each ends in a plan or in exit 2 with
// one located sentence, never in a stack overflow or exit 70, and user text survives an edit.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { FIXTURES_DIR } from '../support/fixtures.js';
import { parseDockerdArgs } from '../../src/facts/dockerd-flags.js';
import { effectiveConfig } from '../../src/facts/effective-config.js';
import { emptyFacts } from '../../src/facts/empty-facts.js';
import type { HostFacts } from '../../src/facts/host-facts.js';
import type { Plan } from '../../src/plan-model/plan.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'dh-hostile-json-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, { out: (t) => stdout.push(t), err: (t) => stderr.push(t) });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

/** A host tree whose only file is daemon.json, planned without an engine. */
function planRoot(name: string, daemonJson: string, ...extra: string[]) {
  const root = path.join(scratch, name);
  mkdirSync(path.join(root, 'etc/docker'), { recursive: true });
  writeFileSync(path.join(root, 'etc/docker/daemon.json'), daemonJson);
  return run('--root', root, '--no-engine', 'plan', '--profile', 'baseline', ...extra);
}

/** The docker-20-10 fixture (engine version known, so removed-key and version checks run) with this daemon.json. */
function planFrom(name: string, raw: string) {
  const facts = JSON.parse(readFileSync(path.join(FIXTURES_DIR, 'hosts', 'docker-20-10.json'), 'utf8')) as HostFacts;
  facts.daemonJson = { path: '/etc/docker/daemon.json', raw, parsed: JSON.parse(raw) };
  facts.probes.daemonJson = { status: 'ok', message: '/etc/docker/daemon.json' };
  const file = path.join(scratch, `${name}.json`);
  writeFileSync(file, JSON.stringify(facts));
  return run('--from', file, '--no-color', 'plan', '--profile', 'strict');
}

describe('daemon.json keys named after Object members are data', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])(
    '"%s" is an unknown key that dockerd 20.10 refuses, so the file is left alone',
    async (key) => {
      const r = await planFrom(key, `{"${key}": "#", "icc": true}`);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`"${key}" is not a daemon.json key docker-harden knows`);
      expect(r.stdout).not.toContain('modify    /etc/docker/daemon.json');
    },
  );

  it('a storage driver named "constructor" is a value, not a removed driver', async () => {
    const r = await planFrom('driver', '{"storage-driver": "constructor"}');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/modify {4}\/etc\/docker\/daemon\.json/);
  });

  it('dockerd flags and unit variables named after Object members find nothing', () => {
    expect([...parseDockerdArgs(['--constructor', 'x', '--__proto__=y']).keys()]).toEqual(['constructor', '__proto__']);
    const unit = {
      path: '/lib/systemd/system/docker.service',
      content: '[Service]\nExecStart=/usr/bin/dockerd $constructor ${toString} -H fd://\n',
      dropIns: [],
    };
    expect(effectiveConfig(emptyFacts({ systemd: { service: unit, socket: null } })).args).toEqual(['-H', 'fd://']);
  });
});

describe('daemon.json nested 100,000 levels deep', () => {
  it.each([
    ['arrays', `{"a": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
    ['objects', `{"a": ${'{"b": '.repeat(100_000)}1${'}'.repeat(100_000)}}`],
    ['unbalanced brackets', `{"a": ${'['.repeat(100_000)}`],
  ])('%s: exit 2 with one sentence naming the line, nothing planned', async (_name, text) => {
    const r = await planRoot(`deep-${_name.replace(/ /g, '-')}`, text);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^docker-harden: \/etc\/docker\/daemon\.json does not parse \(line 1: nesting deeper than 1000 levels of arrays and objects\); fix it first/,
    );
    // The sentence, then the usual hint line.
    expect(r.stderr.split('\n')).toEqual([expect.any(String), 'Nothing can be applied until that is fixed.']);
    expect(r.stderr + r.stdout).not.toMatch(/RangeError|call stack|unexpected error/i);
  });
});

describe('numbers as the user wrote them', () => {
  it('12345678901234567890 and 1.0 survive a plan that changes another key, in the file own indentation', async () => {
    const raw =
      '{\n    "log-level": "warn",\n    "max-concurrent-downloads": 12345678901234567890,\n    "builder": {"gc": {"enabled": true}, "ratio": 1.0}\n}\n';
    const r = await planRoot('numbers', raw, '--format', 'json');
    expect(r.code).toBe(0);
    const file = (JSON.parse(r.stdout) as Plan).files.find((f) => f.artifact === 'daemon-json');
    expect(file?.after).toBe(raw.replace('"log-level": "warn"', '"log-level": "info"'));
  });
});
