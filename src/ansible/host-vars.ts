// One host's plan as Ansible host vars: the files with their `after` contents, owners and modes,
// the permission fixes, the `docker update` steps with the HostConfig each leaves, and the commands
// behind the handlers. The playbook is the same for every host; only these differ.
import path from 'node:path';
import { UserError } from '../core/errors.js';
import { formatMode } from '../core/file-mode.js';
import { assertPlainHostPath } from '../core/host-path.js';
import { sha256 } from '../core/sha256.js';
import type { HostFacts } from '../facts/host-facts.js';
import type { FileChange, Plan, PlanStep } from '../plan-model/plan.js';
import { updatedContainer } from '../plan/container-advice.js';
import { dockerArgv } from '../plan/docker-cli.js';
import { closedIds } from '../plan/closed-ids.js';
import { containerUpdates, type ContainerUpdate } from './container-limits.js';
import { validateCommand } from './validate-command.js';

/** Which handlers a written file notifies: dockerd's (daemon-reload, reload, restart), auditd's, or none. */
export type Notifies = 'dockerd' | 'audit' | 'nothing';

export interface AnsibleFile {
  path: string;
  content: string;
  mode: string;
  owner: string;
  group: string;
  /** sha256 of the file the facts saw (null: absent); the playbook stops on any other content. */
  before_sha256: string | null;
  after_sha256: string;
  notifies: Notifies;
  /** `copy`'s validate: `dockerd --validate` with the daemon's flags, where the engine has it. */
  validate?: string;
}

export interface AnsiblePermission {
  path: string;
  mode?: string;
  owner?: string;
  group?: string;
}

/** The commands behind the handlers, [] where the plan has no such step. */
export interface HandlerCommands {
  daemon_reload: string[];
  audit_load: string[];
  live_restore: string[];
  reload: string[];
  restart: string[];
}

export interface AnsibleHostPlan {
  profile: string;
  facts: { hostname: string; source: string; collected_at: string };
  closes: string[];
  /** Folders new files go into; made where missing (an existing one is left as it is). */
  directories: string[];
  files: AnsibleFile[];
  permissions: AnsiblePermission[];
  /** The docker CLI aimed at the engine the facts came from (docker -H ... where it is not the default socket). */
  docker: string[];
  updates: ContainerUpdate[];
  handlers: HandlerCommands;
  /** What the plan leaves to a person, and what it warns of: shown at the end of a run. */
  manual: string[];
  warnings: string[];
}

const NOTIFIES: Partial<Record<FileChange['artifact'], Notifies>> = {
  'daemon-json': 'dockerd',
  'systemd-dropin': 'dockerd',
  'dockerd-env': 'dockerd',
  'audit-rules': 'audit',
};

const HANDLER_OF_STEP: Record<string, keyof HandlerCommands> = {
  'systemd-daemon-reload': 'daemon_reload',
  'audit-load': 'audit_load',
  'docker-reload-live-restore': 'live_restore',
  'docker-reload': 'reload',
  'docker-restart': 'restart',
  'docker-socket-restart': 'restart',
};

export function hostPlan(plan: Plan, facts: HostFacts): AnsibleHostPlan {
  const changed = plan.files.filter((f) => f.kind !== 'unchanged');
  // The playbook puts docker_harden_root in front of each path: only plain absolute paths stay under it.
  for (const f of changed) assertPlainHostPath(f.path, 'the file path');
  for (const p of plan.permissions) assertPlainHostPath(p.path, 'the permission target');
  const removed = changed.find((f) => f.after === null);
  if (removed) throw new UserError(`The plan removes ${removed.path}, which the playbook does not do.`, 'Apply this plan with docker-harden apply.');
  return {
    profile: plan.profile,
    facts: { hostname: facts.hostname, source: plan.facts.source, collected_at: plan.facts.collectedAt },
    closes: closedIds(plan),
    directories: [...new Set(changed.filter((f) => f.kind === 'create').map((f) => path.posix.dirname(f.path)))].sort(),
    files: changed.map((f) => ansibleFile(f, facts)),
    permissions: plan.permissions
      .filter((p) => p.mode !== undefined || p.owner !== undefined || p.group !== undefined)
      .map((p) => ({
        path: p.path,
        ...(p.mode !== undefined ? { mode: formatMode(p.mode) } : {}),
        ...(p.owner !== undefined ? { owner: p.owner } : {}),
        ...(p.group !== undefined ? { group: p.group } : {}),
      })),
    docker: dockerArgv(plan.endpoint),
    updates: containerUpdates(plan.steps),
    handlers: handlerCommands(plan.steps),
    manual: [
      ...plan.manual,
      ...(plan.recreates ?? []).map((r) => ({ text: `Recreate container ${r.container.name} hardened (docker-harden apply does it; the playbook does not).` })),
    ].map(noteText),
    warnings: plan.warnings.map(noteText),
  };
}

function ansibleFile(f: FileChange, facts: HostFacts): AnsibleFile {
  const content = f.after ?? '';
  const validate = f.artifact === 'daemon-json' ? validateCommand(facts) : null;
  return {
    path: f.path,
    content,
    mode: formatMode(f.mode),
    owner: f.owner,
    group: f.group,
    before_sha256: f.beforeSha256,
    after_sha256: sha256(content),
    notifies: NOTIFIES[f.artifact] ?? 'nothing',
    ...(validate ? { validate } : {}),
  };
}

function handlerCommands(steps: readonly PlanStep[]): HandlerCommands {
  const out: HandlerCommands = { daemon_reload: [], audit_load: [], live_restore: [], reload: [], restart: [] };
  for (const step of steps) {
    if (updatedContainer(step) !== null) continue;
    const handler = HANDLER_OF_STEP[step.id];
    // A step the playbook has no handler for would silently not happen: say so instead.
    if (!handler)
      throw new UserError(`The plan has a step the playbook cannot carry out: ${step.description}.`, 'Apply this plan with docker-harden apply or script.');
    out[handler] = step.command;
  }
  return out;
}

function noteText(note: { ruleId?: string; text: string }): string {
  return note.ruleId ? `[${note.ruleId}] ${note.text}` : note.text;
}
