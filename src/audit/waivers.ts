// Waivers turn a failing finding into 'waived' with its reason; an expired waiver stops waiving but
// stays attached to the finding, so the report says why the failure is back. When a waiver expires
// is the profile's to say (profiles/waivers.ts).
import type { Finding, Waiver } from './findings.js';
import { isExpired, waiverEnd } from '../profiles/waivers.js';

export interface WaiverOutcome {
  findings: Finding[];
  notes: string[];
}

export function applyWaivers(findings: readonly Finding[], waivers: readonly Waiver[], now: Date): WaiverOutcome {
  const byId = new Map<string, Waiver>();
  for (const waiver of waivers) if (!byId.has(waiver.id)) byId.set(waiver.id, waiver);
  const notes: string[] = [];
  const usedIds = new Set<string>();

  const out = findings.map((finding): Finding => {
    const waiver = byId.get(finding.id);
    if (!waiver || finding.status !== 'fail') return finding;
    usedIds.add(waiver.id);
    const info = { reason: waiver.reason, ...(waiver.expires !== undefined ? { expires: waiver.expires } : {}) };
    if (isExpired(waiver, now)) return { ...finding, waiver: { ...info, expired: true } };
    return { ...finding, status: 'waived', waiver: info };
  });

  for (const waiver of byId.values()) {
    if (isExpired(waiver, now)) {
      const when = Number.isFinite(waiverEnd(waiver.expires!)) ? `expired on ${waiver.expires}` : `has an unreadable expiry "${waiver.expires}"`;
      notes.push(`The waiver for ${waiver.id} ${when} and no longer applies (reason was: ${waiver.reason}).`);
    } else if (!usedIds.has(waiver.id) && !findings.some((f) => f.id === waiver.id)) {
      notes.push(`The waiver for ${waiver.id} matches no audited rule.`);
    }
  }
  return { findings: out, notes };
}
