// The waivers table: every waiver of the profile with its reason, its expiry and what it covers on
// this host, so an auditor sees accepted risk next to its justification, including a waiver that
// has lapsed (its failures are back) or that matches nothing here.
import type { Finding, RuleInfo, Waiver } from '../findings.js';
import { subjectLabel } from '../findings.js';
import { isExpired, waiverEnd } from '../../profiles/waivers.js';
import { terminalLine, terminalText } from '../../core/terminal-text.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface WaiverRow {
  id: string;
  title: string;
  reason: string;
  expires: string;
  state: 'active' | 'expired' | 'unused';
  /** "expires in 12 days", "expired on 2025-01-31", "matches nothing on this host". */
  stateText: string;
  /** The containers or services it waives (or would, when expired); "host" for host-wide items. */
  targets: string;
}

export function waiverRows(waivers: readonly Waiver[], findings: readonly Finding[], rules: readonly RuleInfo[], now: Date): WaiverRow[] {
  const seen = new Set<string>();
  const rows: WaiverRow[] = [];
  for (const waiver of waivers) {
    // The audit applies the first waiver of an id; later ones never take effect.
    if (seen.has(waiver.id)) continue;
    seen.add(waiver.id);
    const covered = findings.filter((f) => f.id === waiver.id && f.waiver);
    const expired = isExpired(waiver, now);
    const state = expired ? 'expired' : covered.length === 0 ? 'unused' : 'active';
    rows.push({
      id: waiver.id,
      title: terminalLine(rules.find((r) => r.id === waiver.id)?.title ?? ''),
      reason: terminalText(waiver.reason),
      expires: terminalLine(waiver.expires ?? 'never'),
      state,
      stateText: stateText(waiver, state, now),
      targets: covered.length === 0 ? '' : [...new Set(covered.map((f) => terminalLine(subjectLabel(f)) || 'host'))].join(', '),
    });
  }
  return rows;
}

function stateText(waiver: Waiver, state: WaiverRow['state'], now: Date): string {
  if (state === 'unused') return 'matches no failing result on this host';
  if (waiver.expires === undefined) return 'does not expire';
  const end = waiverEnd(waiver.expires);
  if (!Number.isFinite(end)) return 'unreadable expiry: treated as expired';
  if (state === 'expired') return 'expired: its failures count again';
  const days = Math.ceil((end - now.getTime()) / DAY_MS);
  return days <= 1 ? 'expires within a day' : `expires in ${days} days`;
}
