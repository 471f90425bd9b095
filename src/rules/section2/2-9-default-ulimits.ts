// CIS 2.9: daemon-wide default ulimits. The daemon.json shape is {name: {Name, Hard, Soft}}; the
// "name": "soft:hard" shape some guides show makes dockerd refuse to start, and a hard limit above
// what the daemon itself may grant stops every container.
import type { HostFacts } from '../../facts/host-facts.js';
import type { Contribution } from '../contribution.js';
import type { HardeningParams } from '../params.js';
import type { CheckResult } from '../rule.js';
import { fileEvidence, readOption, type Reading } from './support.js';
import { manual } from './remedy.js';
import { daemonSettingRule } from './setting-rule.js';
import { fitUlimits, ulimitCeiling } from '../../facts/daemon-limits.js';

type Ulimit = { Name: string; Hard: number; Soft: number };

/** Names of the configured ulimits: from the flag ("nofile=1024:2048") or the file object's keys. */
function names(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v).split('=')[0]);
  return value && typeof value === 'object' ? Object.keys(value) : [];
}

function badShape(value: unknown): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, any>)
    .filter(([, u]) => !u || typeof u !== 'object' || typeof u.Name !== 'string' || !Number.isInteger(u.Hard) || !Number.isInteger(u.Soft))
    .map(([name]) => name);
}

/** An entry in dockerd's shape, from the "soft:hard" string or lower-case object some guides use; null if unreadable. */
function reshape(name: string, u: unknown): Ulimit | null {
  if (typeof u === 'string' || typeof u === 'number') {
    const m = /^\s*(\d+)(?::(\d+))?\s*$/.exec(String(u));
    return m ? { Name: name, Soft: Number(m[1]), Hard: Number(m[2] ?? m[1]) } : null;
  }
  const o = (u ?? {}) as Record<string, unknown>;
  const soft = Number(o.Soft ?? o.soft);
  const hard = Number(o.Hard ?? o.hard ?? soft);
  return Number.isInteger(soft) && Number.isInteger(hard) ? { Name: name, Soft: soft, Hard: hard } : null;
}

/** Configured entries whose hard limit is above what the daemon behind the endpoint may grant. */
function aboveCeiling(facts: HostFacts, value: unknown): { name: string; hard: number; ceiling: number; why: string }[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const out: { name: string; hard: number; ceiling: number; why: string }[] = [];
  for (const [name, u] of Object.entries(value as Record<string, unknown>)) {
    const hard = (u as { Hard?: unknown } | null)?.Hard;
    const ceiling = ulimitCeiling(facts, name);
    if (ceiling && typeof hard === 'number' && hard > ceiling.hard) out.push({ name, hard, ceiling: ceiling.hard, why: ceiling.why });
  }
  return out;
}

/** A daemon.json value dockerd cannot use: entries of the wrong shape, or above the daemon's limits. */
function unusable(facts: HostFacts, configured: Reading | undefined): CheckResult | null {
  const bad = configured?.origin === 'file' ? badShape(configured.value) : [];
  const above = configured?.origin === 'file' ? aboveCeiling(facts, configured.value) : [];
  const message =
    bad.length > 0
      ? `daemon.json "default-ulimits" entries ${bad.join(', ')} are not {"Name", "Hard", "Soft"} objects, so dockerd refuses to start.`
      : above.length > 0
        ? `daemon.json "default-ulimits" asks for more than the daemon may grant (${above.map((a) => `${a.name} hard ${a.hard}: ${a.why}`).join('; ')}), so containers fail to start with "error setting rlimit".`
        : null;
  return message ? { status: 'fail', message, evidence: [fileEvidence(facts, 'default-ulimits')] } : null;
}

/** The user's own entries, lowered to what the daemon may grant or rewritten in dockerd's shape; null when they are fine. */
function repair(facts: HostFacts): Contribution[] | null {
  const configured = readOption(facts, 'default-ulimits');
  if (configured?.origin !== 'file') return null;
  const bad = badShape(configured.value);
  const above = bad.length === 0 ? aboveCeiling(facts, configured.value) : [];
  if (above.length > 0) {
    const current = configured.value as Record<string, Ulimit>;
    const lowered = Object.fromEntries(
      Object.entries(current).map(([n, u]) => {
        const cap = above.find((a) => a.name === n);
        return [n, cap ? { ...u, Hard: cap.ceiling, Soft: Math.min(u.Soft, cap.ceiling) } : u];
      }),
    );
    return [
      {
        kind: 'daemon-json-set',
        key: 'default-ulimits',
        value: lowered,
        impact: above.map((a) => `default-ulimits ${a.name} hard ${a.hard} is lowered to ${a.ceiling}: ${a.why}.`).join(' '),
      },
    ];
  }
  if (bad.length === 0) return null;
  const current = configured.value as Record<string, unknown>;
  const fixed = Object.fromEntries(Object.entries(current).map(([n, u]) => [n, bad.includes(n) ? reshape(n, u) : u]));
  const unreadable = Object.entries(fixed)
    .filter(([, u]) => u === null)
    .map(([n]) => n);
  return unreadable.length > 0
    ? [
        manual(
          `Rewrite "default-ulimits" entries ${unreadable.join(', ')} in ${facts.daemonJson.path} as {"Name": name, "Hard": n, "Soft": n} objects; dockerd refuses to start with them as they are.`,
        ),
      ]
    : [{ kind: 'daemon-json-set', key: 'default-ulimits', value: fixed }];
}

/** The profile's ulimits, within the daemon's own hard limits unless it may raise them: above them no container starts. */
function profileUlimits(facts: HostFacts, params: HardeningParams): Contribution[] {
  const fitted = fitUlimits(facts, params.defaultUlimits);
  const value = Object.fromEntries(Object.entries(fitted.value).map(([name, u]) => [name, { Name: name, Hard: u.hard, Soft: u.soft }]));
  if (Object.keys(value).length === 0)
    return [manual('The profile sets no defaultUlimits; choose site-appropriate values (e.g. nofile) and set "default-ulimits".')];
  return [
    {
      kind: 'daemon-json-set',
      key: 'default-ulimits',
      value,
      impact: [
        `New containers start with ${Object.entries(fitted.value)
          .map(([n, u]) => `${n}=${u.soft}:${u.hard}`)
          .join(', ')} unless they pass --ulimit; nproc counts every process of the same user ID across all containers.`,
        ...fitted.notes,
      ].join(' '),
    },
  ];
}

export const defaultUlimitsRule = daemonSettingRule(
  {
    id: '2.9',
    aliases: { '1.7.0': '2.8', '1.6.0': '2.8' },
    title: 'Ensure the default ulimit is configured appropriately',
    level: 1,
    automated: false,
    severity: 'low',
    rationale:
      "Without default ulimits containers inherit the daemon's very high limits, so a runaway or hostile container can exhaust file descriptors or processes for the whole host.",
    impact:
      'Containers that need more open files or processes than the defaults must ask with --ulimit; nproc is counted per user ID across all containers, so a low value breaks containers that share a UID.',
    remediation:
      'Set "default-ulimits" in daemon.json to site-appropriate values, e.g. {"nofile": {"Name": "nofile", "Hard": 65536, "Soft": 65536}}, and restart dockerd; override per container with --ulimit where needed.',
    references: ['https://docs.docker.com/reference/cli/dockerd/#default-ulimit-settings', 'CIS Docker Benchmark v1.8.0, 2.9'],
  },
  {
    key: 'default-ulimits',
    subject: 'the default ulimits',
    decide: (facts, configured) => unusable(facts, configured),
    ok: (v) => names(v).length > 0,
    pass: (r) => `Default ulimits are set for ${names(r.value).join(', ')} (${r.where})`,
    fail: (r) =>
      `No default ulimits are set (${r.where}), so containers inherit dockerd's own limits and one container can exhaust file descriptors or processes`,
    fix: (_r, facts, params) => profileUlimits(facts, params),
    remedy: (facts, _params, usual) => repair(facts) ?? usual(),
  },
);
