// When the daemon behind the endpoint could not be told apart from other running dockerd
// processes, none of the daemon's own files is known: its daemon.json, its units and environment
// files may be another daemon's. Nothing is planned for them, and the plan says why.
import type { HostFacts } from '../facts/host-facts.js';
import type { Tagged } from '../rules/contribution.js';
import type { RefusedItem } from '../plan-model/plan.js';

export interface GateResult {
  contributions: Tagged[];
  refused: RefusedItem[];
  /** Impact notes of what was left out: they no longer apply. */
  droppedImpacts: Set<string>;
}

/** Contributions without those that touch the daemon's own configuration, when the daemon is ambiguous. */
export function gateAmbiguousDaemon(facts: HostFacts, contributions: Tagged[]): GateResult {
  const identity = facts.daemonIdentity;
  if (identity?.status !== 'ambiguous') return { contributions, refused: [], droppedImpacts: new Set() };
  const daemonFiles = new Set(
    [
      facts.daemonJson.path,
      ...[facts.systemd.service, facts.systemd.socket].flatMap((u) => (u ? [u.path, ...u.dropIns.map((d) => d.path)] : [])),
      ...Object.keys(facts.envFiles),
    ].flatMap((p) => [p, facts.files[p]?.realPath].filter((x): x is string => !!x)),
  );
  const touchesDaemon = (c: Tagged): boolean =>
    c.kind === 'daemon-json-set' ||
    c.kind === 'daemon-json-remove' ||
    c.kind === 'systemd-dropin' ||
    ((c.kind === 'audit-watch' || c.kind === 'file-permission') && daemonFiles.has(c.path));
  // Section 2 advice names a daemon.json that is not known to be this daemon's: the refusal says it all.
  const daemonAdvice = (c: Tagged): boolean => c.kind === 'manual' && /^2\./.test(c.ruleId);
  const dropped = contributions.filter(touchesDaemon);
  const rules = [...new Set(dropped.map((c) => c.ruleId).filter(Boolean))].join(', ');
  const reason = (identity.reason ?? 'The daemon behind the endpoint could not be told apart from the other dockerd processes.').replace(/\.$/, '');
  const text =
    dropped.length > 0
      ? `${reason}; so no daemon.json, drop-in, audit watch or permission change on the daemon's files is planned (rules ${rules}) — pass --docker-host for the daemon you mean, run as root so the kernel can tell which one holds the socket, or stop the others.`
      : `${reason}; no daemon configuration file is planned.`;
  // The user must act only when the profile wanted something of the daemon that is now left out.
  return {
    contributions: contributions.filter((c) => !touchesDaemon(c) && !daemonAdvice(c)),
    refused: [{ key: 'dockerd', blocking: dropped.length > 0, text }],
    droppedImpacts: new Set(dropped.flatMap((c) => (c.impact ? [c.impact] : []))),
  };
}
