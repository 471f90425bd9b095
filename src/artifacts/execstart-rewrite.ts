// When daemon.json already sets an option the unit also passes as a flag, dockerd refuses to start
// at its next restart. The fix that keeps the user's daemon.json is a docker.service drop-in that
// resets ExecStart and repeats it without the duplicated flags.
import type { HostFacts } from '../facts/host-facts.js';
import { parseDockerdArgs, splitCommandLine } from '../facts/dockerd-flags.js';
import { effectiveExecStart, parseUnitFile } from '../facts/systemd-unit.js';
import { effectiveConfig } from '../facts/effective-config.js';
import { emptyNotes, type PlanNotes } from '../plan-model/plan.js';
import { DROPIN_NAME } from './systemd-paths.js';

export interface ExecStartRewrite {
  /** Words of the new ExecStart, in unit syntax ($VARS and %% kept as written). */
  words: string[];
  /** Flags dropped, as written in the unit. */
  removed: string[];
  keys: string[];
}

export interface ExecStartResult extends PlanNotes {
  rewrite: ExecStartRewrite | null;
}

export function rewriteExecStart(facts: HostFacts, conflictKeys: readonly string[]): ExecStartResult {
  const notes = emptyNotes();
  if (conflictKeys.length === 0) return { ...notes, rewrite: null };
  const list = conflictKeys.map((k) => `"${k}"`).join(', ');
  const unit = facts.systemd.service;
  const line = unit ? effectiveExecStart(unit) : null;
  if (!unit || !line) {
    notes.refused.push({
      key: conflictKeys.join(','),
      text: `daemon.json sets ${list}, which dockerd also gets as flags, and there is no docker.service to fix: dockerd will refuse to start; remove the keys from daemon.json or the flags from its command line.`,
    });
    return { ...notes, rewrite: null };
  }
  const later = laterExecStartDropIn(unit.dropIns);
  if (later) {
    notes.refused.push({
      key: conflictKeys.join(','),
      text: `daemon.json sets ${list}, which docker.service also passes as flags, and ExecStart is set in ${later}, which overrides a docker-harden drop-in; remove the flags there.`,
    });
    return { ...notes, rewrite: null };
  }
  const words = splitCommandLine(line);
  const kept = [words[0]];
  const removed: string[] = [];
  const removedKeys = new Set<string>();
  for (let i = 1; i < words.length; i++) {
    const word = words[i];
    const parsed = word.startsWith('-') ? [...parseDockerdArgs(words.slice(i, i + 2)).values()].find((f) => f.raw[0] === word) : undefined;
    const n = parsed?.raw.length ?? 1;
    if (parsed && conflictKeys.includes(parsed.key)) {
      removed.push(words.slice(i, i + n).join(' '));
      removedKeys.add(parsed.key);
    } else {
      kept.push(...words.slice(i, i + n));
    }
    i += n - 1;
  }
  for (const key of conflictKeys.filter((k) => !removedKeys.has(k))) {
    // The flag comes from an environment variable (EnvironmentFile such as /etc/default/docker): name the one.
    const origin = effectiveConfig(facts).origin(key);
    const flag = effectiveConfig(facts).flags.get(key)?.raw.join(' ');
    notes.refused.push({
      key,
      text: origin?.variable
        ? `daemon.json sets "${key}", which dockerd also gets as the flag ${flag} from ${origin.text}; remove it there or from daemon.json.`
        : `daemon.json sets "${key}", which dockerd also gets as a flag through an environment variable of docker.service; remove it from that environment file (e.g. DOCKER_OPTS in /etc/default/docker) or from daemon.json.`,
    });
  }
  if (removed.length === 0) return { ...notes, rewrite: null };
  notes.warnings.push({
    text:
      `daemon.json and docker.service both set ${[...removedKeys].map((k) => `"${k}"`).join(', ')}: dockerd refuses to start that way, so a drop-in ` +
      `runs dockerd without ${removed.map((r) => `\`${r}\``).join(', ')}; daemon.json's value applies after a restart` +
      (removedKeys.has('hosts') ? ' (keep "fd://" in "hosts" if docker.socket activation is wanted)' : '') +
      '.',
  });
  return { ...notes, rewrite: { words: kept, removed, keys: [...removedKeys] } };
}

/** A drop-in that sorts after ours and sets ExecStart would win over our rewrite. */
export function laterExecStartDropIn(dropIns: { path: string; content: string }[]): string | null {
  for (const d of dropIns) {
    const name = d.path.slice(d.path.lastIndexOf('/') + 1);
    if (name.localeCompare(DROPIN_NAME) > 0 && parseUnitFile(d.content).some((e) => e.section === 'Service' && e.key === 'ExecStart')) return d.path;
  }
  return null;
}
