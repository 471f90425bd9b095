// Waivers accept a finding for a reason, optionally until a date; an expired one no longer waives
// (reports still show it, so the lapse is visible).
import type { Waiver } from './types.js';

/** Active through the whole `expires` day in UTC, so the result does not depend on the host's zone. */
export function isWaiverActive(w: Waiver, now: Date = new Date()): boolean {
  if (w.expires === undefined) return true;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(w.expires);
  if (!m) return false;
  const endOfDay = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1);
  return now.getTime() < endOfDay;
}

/** The waiver that applies to a rule (by v1.8.0 id) now, if any. */
export function activeWaiverFor(waivers: readonly Waiver[], ruleId: string, now: Date = new Date()): Waiver | undefined {
  return waivers.find((w) => w.id === ruleId && isWaiverActive(w, now));
}
