// Waivers accept a finding for a reason, optionally until a date; an expired one no longer waives
// (reports still show it, so the lapse is visible). A waiver belongs to the profile, so when it
// expires is decided here, once, and the audit asks.
import type { Waiver } from './types.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The instant a waiver stops applying. A date without a time is valid through that whole day (UTC);
 * an unreadable expiry counts as already expired, so a typo never waives forever.
 */
export function waiverEnd(expires: string): number {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(expires);
  const at = Date.parse(dateOnly ? `${expires}T00:00:00Z` : expires);
  if (Number.isNaN(at)) return Number.NEGATIVE_INFINITY;
  return dateOnly ? at + DAY_MS : at;
}

export function isExpired(waiver: Waiver, now: Date): boolean {
  return waiver.expires !== undefined && now.getTime() >= waiverEnd(waiver.expires);
}

/** Active through the whole `expires` day in UTC, so the result does not depend on the host's zone. */
export function isWaiverActive(w: Waiver, now: Date = new Date()): boolean {
  return !isExpired(w, now);
}

/** The waiver that applies to a rule (by v1.8.0 id) now, if any. */
export function activeWaiverFor(waivers: readonly Waiver[], ruleId: string, now: Date = new Date()): Waiver | undefined {
  return waivers.find((w) => w.id === ruleId && isWaiverActive(w, now));
}
