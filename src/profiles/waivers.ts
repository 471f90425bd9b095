// Waivers accept a finding for a reason, optionally until a date; an expired one no longer waives
// (reports still show it, so the lapse is visible). Expiry is decided in one place, the audit's.
import type { Waiver } from './types.js';
import { isExpired } from '../audit/waivers.js';

/** Active through the whole `expires` day in UTC, so the result does not depend on the host's zone. */
export function isWaiverActive(w: Waiver, now: Date = new Date()): boolean {
  return !isExpired(w, now);
}

/** The waiver that applies to a rule (by v1.8.0 id) now, if any. */
export function activeWaiverFor(waivers: readonly Waiver[], ruleId: string, now: Date = new Date()): Waiver | undefined {
  return waivers.find((w) => w.id === ruleId && isWaiverActive(w, now));
}
