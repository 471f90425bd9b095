// `dockerd --validate` (engine 23.0 and later) on the daemon.json a plan would write, with the
// daemon's own flags so flag/file duplicates are caught too. An edge: it runs a program.
import { mkdtemp, rm, writeFile, access, constants } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import type { HostFacts } from '../facts/host-facts.js';
import { dockerdArgs } from '../facts/effective-config.js';
import { effectiveExecStart } from '../facts/systemd-unit.js';
import { splitCommandLine } from '../facts/dockerd-flags.js';
import type { Plan } from '../plan-model/plan.js';
import { atLeast, engineVersion } from './engine-version.js';

export interface DaemonValidation {
  ok: boolean;
  message: string;
}

/** dockerd's arguments for validating `configFile`: the daemon's flags minus its own --config-file. */
export function validateArgv(configFile: string, daemonArgs: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < daemonArgs.length; i++) {
    const arg = daemonArgs[i];
    if (arg === '--validate') continue;
    if (arg === '--config-file') {
      i++;
      continue;
    }
    if (arg.startsWith('--config-file=')) continue;
    kept.push(arg);
  }
  return ['--validate', '--config-file', configFile, ...kept];
}

export async function validateDaemonJson(opts: {
  dockerdPath: string;
  daemonArgs: readonly string[];
  content: string;
  timeoutMs?: number;
}): Promise<DaemonValidation> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dh-validate-'));
  try {
    const file = path.join(dir, 'daemon.json');
    await writeFile(file, opts.content, { mode: 0o600 });
    const run = await execa(opts.dockerdPath, validateArgv(file, opts.daemonArgs), { reject: false, timeout: opts.timeoutMs ?? 30_000, stdin: 'ignore' });
    const lines = `${run.stderr ?? ''}\n${run.stdout ?? ''}`
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const ok = run.exitCode === 0 && !run.failed;
    return { ok, message: ok ? 'configuration OK' : (lines.at(-1) ?? run.shortMessage ?? `exit ${run.exitCode}`).replaceAll(file, 'daemon.json') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Why dockerd rejects the plan's daemon.json, or null (accepted, or not checkable here: engine
 * before 23.0, facts from another host, or no dockerd binary on this one).
 */
export async function vetPlanDaemonJson(plan: Plan, facts: HostFacts, opts: { root: string }): Promise<string | null> {
  const file = plan.files.find((f) => f.artifact === 'daemon-json' && f.kind !== 'unchanged' && f.after !== null);
  const version = engineVersion(facts);
  if (!file || !version || !atLeast(version, '23.0') || facts.source !== 'host' || facts.remote || opts.root !== '/') return null;
  const exe = dockerdBinary(facts);
  if (
    !exe ||
    !(await access(exe, constants.X_OK).then(
      () => true,
      () => false,
    ))
  )
    return null;
  const result = await validateDaemonJson({ dockerdPath: exe, daemonArgs: dockerdArgs(facts).args, content: file.after! });
  return result.ok ? null : result.message;
}

export function dockerdBinary(facts: HostFacts): string | null {
  const exe = facts.dockerd?.exe.replace(/ \(deleted\)$/, '');
  if (exe) return exe;
  const line = facts.systemd.service ? effectiveExecStart(facts.systemd.service) : null;
  const first = line ? splitCommandLine(line)[0] : undefined;
  return first?.startsWith('/') ? first : null;
}
