// Shared reading of raw container inspect data for the runtime rules (also used by sections 4, 6
// and 7 for the engine gate). Everything here is pure: it reads HostFacts only.
import type { EngineObject, HostFacts } from '../../facts/host-facts.js';
import { parseContainerInspect, type ContainerInspect } from '../../facts/container-inspect.js';
import type { CheckResult, CheckStatus, Evidence } from '../rule.js';
import { containerSpec, parseSecurityOpt, type WorkloadSpec } from '../workload/workload-spec.js';

export interface ContainerView {
  raw: EngineObject;
  /** Name without the leading "/". */
  name: string;
  subject: { container: string; service?: string; project?: string };
  running: boolean;
  /** The image reference the container was created from (Config.Image). */
  image: string;
  hostConfig: EngineObject;
  config: EngineObject;
  /** The inspect fields the rules read, typed. */
  inspect: ContainerInspect;
  /** What the container asks for, as the workload items judge it. */
  spec: WorkloadSpec;
}

const COMPOSE_SERVICE = 'com.docker.compose.service';
const COMPOSE_PROJECT = 'com.docker.compose.project';

/**
 * Results for a host whose engine data is absent, or null when engine data is there. A host
 * without Docker has nothing to audit; a probe that failed must not read as a clean host.
 */
export function engineGate(facts: HostFacts, what = 'containers'): CheckResult[] | null {
  if (facts.engine) return null;
  const probe = facts.probes.engine;
  if (probe?.status === 'missing') {
    return [
      {
        status: 'not-applicable',
        message: `No engine on this host, so there are no ${what} to audit.`,
        evidence: [{ kind: 'probe', detail: 'engine: missing' }],
      },
    ];
  }
  const status = probe?.status ?? 'not collected';
  const detail = `engine: ${status}${probe?.message ? ` (${probe.message})` : ''}`;
  return [
    { status: 'warn', message: `The engine probe returned no data (${status}), so ${what} could not be audited.`, evidence: [{ kind: 'probe', detail }] },
  ];
}

export function containerView(raw: EngineObject): ContainerView {
  const inspect = parseContainerInspect(raw);
  const subject: ContainerView['subject'] = { container: inspect.name };
  if (inspect.labels[COMPOSE_SERVICE]) subject.service = inspect.labels[COMPOSE_SERVICE];
  if (inspect.labels[COMPOSE_PROJECT]) subject.project = inspect.labels[COMPOSE_PROJECT];
  return {
    raw,
    name: inspect.name,
    subject,
    running: inspect.running,
    image: inspect.image,
    hostConfig: raw.HostConfig ?? {},
    config: raw.Config ?? {},
    inspect,
    spec: containerSpec(inspect),
  };
}

/**
 * Views are built once per container list, not once per rule: some forty rules read them, and
 * parsing every container again for each made the audit of a large host mostly parsing.
 */
const viewsOf = new WeakMap<EngineObject[], ContainerView[]>();

export function containerViews(facts: HostFacts): ContainerView[] {
  const containers = facts.engine?.containers;
  if (!containers) return [];
  let views = viewsOf.get(containers);
  // A list changed in place (a container added, removed or replaced) is viewed again.
  if (!views || views.length !== containers.length || views.some((v, i) => v.raw !== containers[i])) {
    views = containers.map(containerView);
    viewsOf.set(containers, views);
  }
  // A copy of the list, so a caller that sorts or filters in place cannot change what others see.
  return views.slice();
}

export interface Verdict {
  status: CheckStatus;
  message: string;
  /** Details naming the key or setting that decided it; each becomes container evidence. */
  details: string[];
}

export const verdict = (status: CheckStatus, message: string, ...details: string[]): Verdict => ({ status, message, details });

export function containerEvidence(c: ContainerView, detail: string): Evidence {
  return { kind: 'container', detail, ...c.subject };
}

/** One result per container (running and stopped), or the engine gate's result. */
export function perContainer(facts: HostFacts, judge: (c: ContainerView) => Verdict): CheckResult[] {
  const gate = engineGate(facts);
  if (gate) return gate;
  const views = containerViews(facts);
  if (views.length === 0) {
    return [{ status: 'not-applicable', message: 'No containers exist on this host.', evidence: [{ kind: 'engine', detail: 'containers: []' }] }];
  }
  return views.map((c) => {
    const v = judge(c);
    return { status: v.status, message: v.message, evidence: v.details.map((d) => containerEvidence(c, d)), subject: c.subject };
  });
}

/** The engine's security options by name ("name=apparmor" and the older bare "apparmor"). */
export function hostSecurityOptions(facts: HostFacts): Set<string> {
  const opts: unknown[] = facts.engine?.info?.SecurityOptions ?? [];
  return new Set(
    opts.map((o) => {
      const s = String(o);
      const named = /(?:^|,)name=([^,]+)/.exec(s);
      return (named ? named[1] : s.split(',')[0]).toLowerCase();
    }),
  );
}

/** HostConfig.SecurityOpt split as dockerd parses it: "key=value", the deprecated "key:value", or a bare key. */
export function securityOpts(c: ContainerView): { key: string; value: string | null; raw: string }[] {
  return c.inspect.securityOpt.map((raw) => ({ ...parseSecurityOpt(raw), raw }));
}

/** dockerd's boolean parsing (Go strconv.ParseBool); null when the text is not a boolean. */
export function parseBool(text: unknown): boolean | null {
  if (typeof text === 'boolean') return text;
  const s = String(text);
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(s)) return false;
  return null;
}

/** "a, b and c", capped so evidence stays readable on hosts with many items. */
export function listText(items: readonly string[], max = 10): string {
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  return shown.join(', ') + (rest > 0 ? ` and ${rest} more` : '');
}

/** The single result of an item the facts cannot decide: guidance plus the exact commands to run. */
export function manualResult(message: string, ...commands: string[]): CheckResult[] {
  return [{ status: 'manual', message, evidence: commands.map((detail) => ({ kind: 'command', detail })) }];
}

/** The usual two-way judgement: pass or fail on one condition, with the same evidence either way. */
export const passIf = (ok: boolean, pass: string, fail: string, ...details: string[]): Verdict => verdict(ok ? 'pass' : 'fail', ok ? pass : fail, ...details);

/**
 * The single not-applicable result of an item that needs an LSM the engine does not report
 * (AppArmor for 5.2, SELinux for 5.3), or null where it is there or there is no engine to ask.
 */
export function securityModuleGate(facts: HostFacts, name: string, message: string): CheckResult[] | null {
  if (!facts.engine || hostSecurityOptions(facts).has(name)) return null;
  const opts = JSON.stringify(facts.engine.info?.SecurityOptions ?? []);
  return [{ status: 'not-applicable', message, evidence: [{ kind: 'engine', detail: `docker info: SecurityOptions: ${opts}` }] }];
}

/** Exec sessions leave no trace in inspect data (5.23, 5.24): the daemon's events list them. */
export const EXEC_EVENTS_COMMAND =
  "docker events --since 24h --filter event=exec_create --format '{{.Time}} {{.Actor.Attributes.name}} {{.Actor.Attributes.execID}}'";
