// Running the generated playbook for real: ansible-playbook (Debian's ansible-core) against
// localhost with a local connection, each inventory host writing under its own private root.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { findExecutable } from '../support/private-engine.js';

export const ANSIBLE_PLAYBOOK = findExecutable('ansible-playbook');

/** CI installs ansible-core: there, its absence is a failure, not a skip. */
export function requireAnsibleInCi(): void {
  if (!ANSIBLE_PLAYBOOK && process.env.CI) throw new Error('ansible-playbook is missing: .ci/run installs ansible-core.');
}

export interface PlaybookRun {
  code: number;
  output: string;
  /** PLAY RECAP counts per host. */
  recap: Record<string, { ok: number; changed: number; failed: number }>;
}

export function writeInventory(file: string, hosts: Record<string, Record<string, unknown>>): void {
  const vars = { ansible_connection: 'local', ansible_python_interpreter: '/usr/bin/python3' };
  writeFileSync(file, stringify({ all: { children: { docker_harden: { vars, hosts } } } }, { version: '1.1' }));
}

export function runPlaybook(work: string, inventory: string, playbook: string, ...args: string[]): PlaybookRun {
  const tmp = path.join(work, 'ansible-tmp');
  mkdirSync(tmp, { recursive: true });
  const env = {
    ...process.env,
    ANSIBLE_NOCOLOR: '1',
    ANSIBLE_FORCE_COLOR: '0',
    ANSIBLE_PIPELINING: '1',
    ANSIBLE_LOCAL_TEMP: tmp,
    ANSIBLE_REMOTE_TEMP: tmp,
    ANSIBLE_RETRY_FILES_ENABLED: '0',
  };
  const run = spawnSync(ANSIBLE_PLAYBOOK!, ['-i', inventory, playbook, ...args], { cwd: work, env, encoding: 'utf8', timeout: 540_000 });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  const recap: PlaybookRun['recap'] = {};
  for (const m of output.matchAll(/^(\S+)\s+: ok=(\d+)\s+changed=(\d+)\s+unreachable=\d+\s+failed=(\d+)/gm)) {
    recap[m[1]] = { ok: Number(m[2]), changed: Number(m[3]), failed: Number(m[4]) };
  }
  return { code: run.status ?? -1, output, recap };
}

/** The lines a unified diff adds or removes (not its ---/+++ headers), as `plan` prints them indented by 4. */
export function planDiffLines(planText: string): string[] {
  return planText
    .split('\n')
    .filter((l) => /^ {4}[+-]/.test(l) && !/^ {4}(\+\+\+|---) /.test(l))
    .map((l) => l.slice(4));
}
