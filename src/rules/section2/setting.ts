// Deciding one daemon setting from its configured value and the engine's live value.
//
// The live value wins when nothing explicit is configured: our view of the configuration may be
// incomplete (a flag in a file we could not see). When an explicit setting and the live value
// disagree, a restart is pending, and either side being bad is a failure: a bad live value is
// in force now, a bad configured value will be in force after the next restart.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult, Evidence } from '../rule.js';
import { daemonJsonProbeText, flagsUnknownNote, show, type Reading } from './support.js';

export interface SettingSpec {
  /** undefined when daemon.json could not be read and no flag sets the option. */
  configured: Reading | undefined;
  live?: Reading;
  ok(value: unknown): boolean;
  /** Clauses (no final period) describing a good or bad value and where it came from. */
  pass(reading: Reading): string;
  fail(reading: Reading): string;
  /** How a value reads in the "pending restart" note; JSON by default. */
  show?(value: unknown): string;
  /** Whether two values mean the same for this rule; JSON equality by default. */
  same?(a: unknown, b: unknown): boolean;
  /** What the option is, for the 'warn' message ("the icc setting"). */
  subject: string;
}

export function settingResult(facts: HostFacts, spec: SettingSpec): CheckResult {
  const { configured: c, live: l } = spec;
  const fmt = spec.show ?? show;
  const same = spec.same ?? ((a, b) => JSON.stringify(a) === JSON.stringify(b));
  if (!c && !l) {
    const engine = facts.probes.engine?.status;
    const engineText = engine && engine !== 'ok' ? ` (probe engine: ${engine})` : '';
    return {
      status: 'warn',
      message: `daemon.json could not be read (${daemonJsonProbeText(facts)}) and the engine did not report ${spec.subject}${engineText}, so it is unknown.`,
      evidence: [
        { kind: 'probe', detail: daemonJsonProbeText(facts), path: facts.daemonJson.path },
        ...(engineText ? [{ kind: 'probe', detail: `engine: ${engine}` }] : []),
      ],
    };
  }
  if (!c) return verdict(spec, l!, [l!.evidence], `daemon.json could not be read (${daemonJsonProbeText(facts)})`);
  if (!l) return verdict(spec, c, [c.evidence], c.origin === 'flag' ? null : flagsUnknownNote(facts));
  if (c.origin === 'default') {
    const note = same(c.value, l.value) ? null : `no flag or daemon.json setting explains the live ${fmt(l.value)}`;
    return verdict(spec, l, [l.evidence, c.evidence], note);
  }
  const cOk = spec.ok(c.value);
  const lOk = spec.ok(l.value);
  // Live first when it is bad (in force now); the explicit setting when only it is bad (in force
  // after a restart) or when both are good and agree (it names the key the user wrote).
  const decisive = !lOk ? l : !cOk ? c : same(c.value, l.value) ? c : l;
  const other = decisive === l ? c : l;
  const note = same(c.value, l.value) ? null : `the engine runs with ${fmt(l.value)} until dockerd restarts with the configured ${fmt(c.value)}`;
  return verdict(spec, decisive, [decisive.evidence, other.evidence], note, cOk && lOk);
}

function verdict(spec: SettingSpec, r: Reading, evidence: Evidence[], note: string | null, good = spec.ok(r.value)): CheckResult {
  const base = good ? spec.pass(r) : spec.fail(r);
  return { status: good ? 'pass' : 'fail', message: note ? `${base}; ${note}.` : `${base}.`, evidence };
}
