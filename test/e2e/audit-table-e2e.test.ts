// The built CLI's audit table on a real terminal (a pty from `script`, 80 columns) and into a pipe:
// fitted to the terminal in the one case, every line whole in the other, whatever COLUMNS says.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { BIN, ensureBuilt } from '../support/ensure-build.js';
import { shellQuote } from '../../src/core/shell-quote.js';

const FACTS = path.resolve(import.meta.dirname, '../audit/fixtures/seven-containers.json');
beforeAll(ensureBuilt, 200_000);

const audit = (...flags: string[]) => `node ${shellQuote(BIN)} --from ${shellQuote(FACTS)} audit ${flags.join(' ')}`;

/** Runs `command` with stdout on a pty of `cols` columns; returns what the terminal received. */
function onTerminal(command: string, cols: number): string {
  const r = spawnSync('script', ['-qec', `stty cols ${cols} rows 50; ${command}`, '/dev/null'], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, COLUMNS: '' },
  });
  expect(r.status).toBe(1);
  return r.stdout.replace(/\r\n/g, '\n');
}

describe('audit table at its edges', () => {
  it('on an 80-column terminal: fitted, with the failing containers and their evidence on screen', () => {
    const out = onTerminal(`NO_COLOR=1 ${audit('--only', 'fail')}`, 80);
    const lines = out.trimEnd().split('\n');
    expect(Math.max(...lines.map((l) => stringWidth(l)))).toBeLessThanOrEqual(80);
    expect(out).toContain(
      'FAIL    high      5.4     Ensure that Linux kernel ca…stricted within containers\n                  containers: web, worker, cache, debug-shell\n',
    );
    expect(out).toContain(
      '                  containers: debug-shell\n                  Container debug-shell is privileged (not running now, but will\n                    be when started).\n                  evidence: HostConfig.Privileged: true\n',
    );
  });

  it('on a terminal, the status words are coloured unless NO_COLOR', () => {
    expect(onTerminal(audit('--only', 'fail', '--include', '5.5'), 80)).toContain('\u001B[31mFAIL\u001B[39m');
  });

  it('into a pipe: no colour, nothing cut or wrapped, even with COLUMNS=40', () => {
    const r = spawnSync('bash', ['-c', `${audit('--include', '1.1.17,5.4')} | cat`], {
      encoding: 'utf8',
      env: { ...process.env, COLUMNS: '40', FORCE_COLOR: '' },
    });
    expect(r.stdout).not.toContain('\u001B');
    expect(r.stdout).not.toContain('…');
    expect(r.stdout).toContain('FAIL    low       1.1.17  Ensure auditing is configured for Docker files and directories - /usr/bin/containerd-shim-runc-v2\n');
    expect(r.stdout).toContain('FAIL    high      5.4     Ensure that Linux kernel capabilities are restricted within containers\n');
  });
});
