// Turning a failed daemon setting into contributions: daemon.json edits where the key lives in the
// file or is unset, advice where a flag or a broken file is in the way (writing the key then would
// stop dockerd from starting).
import type { HostFacts } from '../../facts/host-facts.js';
import { effectiveConfig } from '../../facts/effective-config.js';
import type { Contribution } from '../contribution.js';
import type { CheckResult } from '../rule.js';
import { daemonJsonProbeText, flagSource, show, type Reading } from './support.js';

export function hasFailure(results: CheckResult[]): boolean {
  return results.some((r) => r.status === 'fail');
}

/** Advice when daemon.json cannot take edits for these keys yet, or null. */
export function blockerAdvice(facts: HostFacts, keys: string[]): Contribution | null {
  const dj = facts.daemonJson;
  if (dj.parseError) {
    return manual(
      `Fix the JSON syntax of ${dj.path} first (line ${dj.parseError.line}: ${dj.parseError.message}); dockerd refuses to start with it and no setting can be merged into it.`,
    );
  }
  const cfg = effectiveConfig(facts);
  const clash = keys.find((k) => cfg.conflicts.includes(k));
  if (clash) {
    return {
      ...manual(
        `"${clash}" is given both as the ${cfg.flags.get(clash)!.raw.join(' ')} flag in ${flagSource(facts, clash).text} and in ${dj.path}; remove one of them, dockerd refuses to start with both.`,
      ),
      flagConflict: true,
    };
  }
  return null;
}

/** Advice for an option that a dockerd flag sets: daemon.json cannot override it. */
export function flagAdvice(facts: HostFacts, key: string): Contribution {
  const flag = effectiveConfig(facts).flags.get(key);
  return manual(`"${key}" is set by the ${flag?.raw.join(' ') ?? key} flag in ${flagSource(facts, key).text}; change it there.`);
}

export interface SettingRemedy {
  key: string;
  configured: Reading | undefined;
  ok(value: unknown): boolean;
  /** Contributions that make the configured value good (only called for a file or default value). */
  fix(reading: Reading): Contribution[];
}

/** The contributions for a failed setting, given where its configured value comes from. */
export function remedySetting(facts: HostFacts, r: SettingRemedy): Contribution[] {
  const c = r.configured;
  if (!c) return [manual(`${facts.daemonJson.path} could not be read (${daemonJsonProbeText(facts)}); set "${r.key}" by hand.`)];
  if (!r.ok(c.value)) return c.origin === 'flag' ? [flagAdvice(facts, r.key)] : r.fix(c);
  // The configuration is already right, so the failure is the live value.
  if (c.origin === 'default') {
    return [
      manual(
        `The running engine disagrees with the unset "${r.key}" (default ${show(c.value)}); find where dockerd gets its value (a wrapper script or another config file) and remove it there.`,
      ),
    ];
  }
  return [manual(`Restart dockerd so the configured "${r.key}" (${c.where}) takes effect.`)];
}

export function manual(text: string): Contribution {
  return { kind: 'manual', text };
}
