// When dockerd's CA or server certificate runs out, every TLS client is locked out at once: warn
// a month ahead. Measured from when the facts were collected, so an audit of saved facts says the
// same thing every time.
import type { HostFacts } from '../../facts/host-facts.js';
import { effectiveConfig } from '../../facts/effective-config.js';
import type { CheckResult, Evidence } from '../rule.js';

export const EXPIRY_WARN_DAYS = 30;
const DAY_MS = 86_400_000;

/** A 'warn' naming each configured certificate that expires within EXPIRY_WARN_DAYS (or has expired), else null. */
export function certificateExpiry(facts: HostFacts, where: string): CheckResult | null {
  const now = Date.parse(facts.collectedAt);
  if (Number.isNaN(now)) return null;
  const cfg = effectiveConfig(facts);
  const soon: { text: string; evidence: Evidence }[] = [];
  for (const key of ['tlscacert', 'tlscert'] as const) {
    const path = cfg.get(key)?.value;
    const cert = typeof path === 'string' ? facts.tlsCertificates?.[path] : undefined;
    if (!cert || !('notAfter' in cert)) continue;
    const days = Math.floor((Date.parse(cert.notAfter) - now) / DAY_MS);
    if (days >= EXPIRY_WARN_DAYS) continue;
    const when = days < 0 ? `expired on ${cert.notAfter.slice(0, 10)}` : `expires in ${days} day${days === 1 ? '' : 's'} (${cert.notAfter.slice(0, 10)})`;
    soon.push({
      text: `${key} ${path} ${when}`,
      evidence: { kind: 'file', detail: `notAfter ${cert.notAfter}, subject ${cert.subject}`, path: path as string },
    });
  }
  if (soon.length === 0) return null;
  return {
    status: 'warn',
    message: `The Docker API listens on ${where} with tlsverify, but ${soon.map((s) => s.text).join('; ')}: renew it before clients are refused.`,
    evidence: soon.map((s) => s.evidence),
  };
}
