// A self-contained bash script that performs a plan on a host without docker-harden: it checks
// every file's sha256 before touching any, backs up, writes through heredocs with quoted
// delimiters (the shell never interprets the content), sets owner and mode, then runs the steps.
import { sha256 } from '../core/sha256.js';
import { formatMode as octal } from '../core/file-mode.js';
import { VERSION } from '../core/version.js';
import { renderTemplate } from '../artifacts/render-template.js';
import { assertPlainHostPath } from '../core/host-path.js';
import type { Plan } from '../plan-model/plan.js';
import { withoutRecreates } from '../plan-model/recreate-refusal.js';
import { updateFlags, updatedContainer } from '../plan/container-advice.js';
import { dockerArgv } from '../plan/docker-cli.js';
import { closedIds } from '../plan/closed-ids.js';

export interface ScriptOptions {
  /** Name shown in the usage line. */
  scriptName?: string;
  host?: string;
  /** Where backups go (before any --root prefix); the host's /var/backups by default. */
  backupDir?: string;
  /** False for files the user owns (Dockerfiles): no root check. */
  needsRoot?: boolean;
}

export function renderScript(planned: Plan, opts: ScriptOptions = {}): string {
  // Recreates are refused here, said among the work left for a person.
  const refusal = withoutRecreates(planned);
  const plan = refusal.notes.length ? { ...refusal.plan, manual: [...refusal.plan.manual, ...refusal.notes] } : planned;
  // "$ROOT"/path only stays inside the root for plain absolute paths; the script also checks
  // each path when it runs (templates/shell/confined-path.sh.hbs), against symlinks.
  for (const f of plan.files) assertPlainHostPath(f.path, 'the file path');
  for (const p of plan.permissions) assertPlainHostPath(p.path, 'the permission target');
  if (opts.backupDir !== undefined) assertPlainHostPath(opts.backupDir, 'the backup folder');
  const files = plan.files
    .filter((f) => f.kind !== 'unchanged')
    .map((f, index) => {
      const content = f.after ?? '';
      // The heredoc adds one newline after the content: drop the content's own, or strip the extra.
      const endsWithNewline = content.endsWith('\n');
      return {
        index,
        path: f.path,
        delete: f.kind === 'delete' || f.after === null,
        beforeSha: f.beforeSha256 ?? 'absent',
        afterSha: f.after === null ? 'absent' : sha256(f.after),
        mode: octal(f.mode),
        ownerGroup: `${f.owner}:${f.group}`,
        content: endsWithNewline ? content.slice(0, -1) : content,
        stripNewline: endsWithNewline ? 0 : 1,
        delimiter: heredocDelimiter(content),
      };
    });
  const permissions = plan.permissions
    .filter((p) => p.mode !== undefined || p.owner !== undefined)
    .map((p, index) => {
      const owner = p.owner ?? p.fromOwner;
      const group = p.group ?? p.fromGroup;
      return { index, path: p.path, mode: octal(p.mode ?? 0o7777), ownerGroup: owner && group ? `${owner}:${group}` : '' };
    });
  // Container updates are part of what the backups belong to (a plan of updates only has no files).
  const updates = plan.steps.filter((s) => updatedContainer(s) !== null).map((s) => s.command);
  const planId = sha256(
    JSON.stringify({ files: plan.files.map((f) => [f.path, f.beforeSha256, f.after]), permissions: plan.permissions, ...(updates.length ? { updates } : {}) }),
  ).slice(0, 12);
  return renderTemplate('script/harden.sh.hbs', {
    version: VERSION,
    profile: oneLine(plan.profile),
    host: oneLine(opts.host ?? plan.facts.source),
    collectedAt: oneLine(plan.facts.collectedAt),
    scriptName: oneLine(opts.scriptName ?? 'docker-harden.sh'),
    confinedPath: renderTemplate('shell/confined-path.sh.hbs', {}),
    backupDir: `${opts.backupDir ?? '/var/backups/docker-harden'}/script-${planId}`,
    needsRoot: opts.needsRoot ?? true,
    headerLines: headerLines(plan),
    files,
    filesReversed: [...files].reverse(),
    permissions,
    ...scriptSteps(plan),
  });
}

/** What `docker inspect` records before an update: the fields restore_container reads, in its order. */
const INSPECT_FORMAT =
  '{{.Id}} {{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} {{.HostConfig.CpuShares}} {{json .HostConfig.PidsLimit}} {{json .HostConfig.RestartPolicy.Name}} {{.HostConfig.RestartPolicy.MaximumRetryCount}}';
const RESTORABLE = new Set(['memory', 'memory-swap', 'cpu-shares', 'pids-limit', 'restart']);

/**
 * Steps split the way the script runs them: container updates (recorded first, restored on
 * --rollback, never re-run by it) and the rest (daemon reload or restart, rules load).
 */
function scriptSteps(plan: Plan) {
  const view = (s: Plan['steps'][number]) => ({ description: oneLine(s.description), command: s.command });
  const updateSteps = plan.steps.flatMap((s, i) => {
    const container = updatedContainer(s);
    if (container === null) return [];
    const flags = Object.keys(updateFlags(s));
    return [
      {
        ...view(s),
        key: `c${i}`,
        container,
        docker: dockerArgv(plan.endpoint),
        flags: flags.filter((f) => RESTORABLE.has(f)).join(','),
        unknown: flags
          .filter((f) => !RESTORABLE.has(f))
          .map((f) => oneLine(`container ${container}: not restored: --${f} (its earlier value is not recorded)`)),
      },
    ];
  });
  return {
    containerUndo: renderTemplate('shell/container-undo.sh.hbs', { inspectFormat: INSPECT_FORMAT }),
    updateSteps,
    steps: plan.steps.filter((s) => updatedContainer(s) === null).map(view),
  };
}

function headerLines(plan: Plan): string[] {
  const closes = closedIds(plan);
  const lines = [`Closes CIS Docker Benchmark findings: ${closes.join(', ') || 'none'}`];
  if (plan.warnings.length) lines.push('Impact warnings:', ...plan.warnings.map((w) => `  - ${w.ruleId ? `${w.ruleId}: ` : ''}${oneLine(w.text)}`));
  if (plan.manual.length) lines.push('Left for a person to do:', ...plan.manual.map((m) => `  - ${m.ruleId ? `${m.ruleId}: ` : ''}${oneLine(m.text)}`));
  return lines;
}

/** Comment text must not end the comment: no control characters. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}

function heredocDelimiter(content: string): string {
  const lines = new Set(content.split('\n'));
  let n = 0;
  while (lines.has(`DOCKER_HARDEN_EOF_${n}`)) n++;
  return `DOCKER_HARDEN_EOF_${n}`;
}
