// `dockerfile`: find Dockerfiles (PATHs, ./Dockerfile, Compose build contexts from the facts),
// report findings, show or emit the mechanical fixes, and apply them after asking.
import path from 'node:path';
import { existsSync } from 'node:fs';
import type { GlobalOptions } from '../services/options.js';
import type { Output } from '../services/output.js';
import { ExitCodeError, UserError } from '../core/errors.js';
import { checkOutputPath, writeOutputFiles } from './output-file.js';
import { planHasChanges } from '../plan-model/plan.js';
import { renderPatch, renderPatchSidecar } from '../patch/render-patch.js';
import { renderScript } from '../script/render-script.js';
import { planDockerfiles, type DockerfilePlan, type DockerfileReport } from '../dockerfile/plan-dockerfiles.js';
import { readInput, targetFromPath, type Target } from '../dockerfile/read-inputs.js';
import { composeBuildTargets } from '../dockerfile/compose-contexts.js';
import { colorDiff, formatFindingsJson, formatFindingsTable } from '../dockerfile/format-findings.js';
import { severityAtLeast, type FindingSeverity } from '../dockerfile/types.js';
import { askYesNo } from './confirm.js';
import { projectBackupBase, projectBackups, projectPlan } from './dockerfile-fix.js';
import { PROJECT_BACKUP_BASE, resolveBackupBase } from '../apply/backup-base.js';
import { describeEvent, executePlan } from './execute-plan.js';
import { terminalText } from '../core/terminal-text.js';

export interface DockerfileServiceOptions extends GlobalOptions {
  paths: string[];
  format: 'table' | 'json';
  fix: boolean;
  diff: boolean;
  script?: string;
  patch?: string;
  yes: boolean;
  /** --backup-dir: where --fix and the script keep backup sets, inside the project. */
  backupDir?: string;
  user?: string;
  healthcheckCmd?: string;
  strict: boolean;
  failOn: FindingSeverity | 'none';
  cwd?: string;
}

const CANNOT_ASK = 'dockerfile --fix asks before writing and there is no terminal to ask on, so pass --yes to write without asking.';

export async function dockerfileService(opts: DockerfileServiceOptions, output: Output): Promise<DockerfilePlan> {
  validateOptions(opts);
  if (opts.script) checkOutputPath(opts.script, '--script');
  if (opts.patch) checkOutputPath(opts.patch, '--patch');
  const targets = await findTargets(opts, output);
  const inputs = await Promise.all(targets.map(readInput));
  const result = planDockerfiles(inputs, { user: opts.user, healthcheckCmd: opts.healthcheckCmd, strict: opts.strict });
  const { plan } = result;
  const diff = renderPatch(plan);
  // Settled before anything is written: a --backup-dir outside the project stops the whole run.
  const backups = (opts.fix || opts.script) && planHasChanges(plan) ? projectBackupsOf(plan, opts) : undefined;
  // Likewise a --fix that cannot ask: refused after --script and --patch were written, it would leave them behind.
  if (opts.fix && !opts.yes && !process.stdin.isTTY && planHasChanges(plan)) throw new UserError(CANNOT_ASK);

  if (opts.format === 'json') output.out(formatFindingsJson(result.reports, plan, opts.diff || opts.fix ? diff : undefined));
  else output.out(formatFindingsTable(result.reports, plan, opts.color));
  if (opts.format === 'table' && (opts.diff || opts.fix)) {
    output.out(diff ? colorDiff(terminalText(diff), opts.color) : 'No mechanical fixes to show.');
    for (const w of plan.warnings) output.out(terminalText(`impact (${w.ruleId}): ${w.text}`));
  }
  if (opts.script) {
    await writeOutputFiles(
      [
        {
          file: opts.script,
          content: renderScript(plan, { scriptName: path.basename(opts.script), host: 'Dockerfiles', backupDir: backups?.onDisk, needsRoot: false }),
          mode: 0o700,
        },
      ],
      '--script',
    );
    output.err(`Wrote ${opts.script}: review it, then run it with bash ${opts.script}.`);
  }
  if (opts.patch) {
    await writeOutputFiles(
      [
        { file: opts.patch, content: diff, mode: 0o644 },
        { file: `${opts.patch}.json`, content: JSON.stringify(renderPatchSidecar(plan), null, 2) + '\n', mode: 0o644 },
      ],
      '--patch',
    );
    output.err(`Wrote ${opts.patch} (apply with: patch -p1 -d / < ${opts.patch}) and ${opts.patch}.json.`);
  }
  if (opts.fix) await applyFixes(result, opts, output, backups?.base);
  failOnThreshold(opts.fix ? result.remaining : result.reports, opts.failOn);
  return result;
}

async function applyFixes(result: DockerfilePlan, opts: DockerfileServiceOptions, output: Output, base = PROJECT_BACKUP_BASE): Promise<void> {
  if (!planHasChanges(result.plan)) {
    output.err('Nothing to fix mechanically; the findings left need the advice above.');
    return;
  }
  if (!opts.yes) {
    if (!process.stdin.isTTY) throw new UserError(CANNOT_ASK);
    if (!(await askYesNo('Write these changes?'))) {
      output.out('No changes made.');
      return;
    }
  }
  const { projectDir, plan } = projectPlan(result.plan, opts.root);
  // The same path as `apply` and the wizard, so the backup set and its undo hint are made alike;
  // paths are shown as they are on this machine, and the backup set with its folder.
  const done = await executePlan(plan, null, { root: projectDir, noRestart: true, backupBase: base }, (e) => {
    if (e.kind === 'backup-set') output.err(`Backup set ${e.id} in ${projectBackups(projectDir, base)} (undo with: ${e.undo})`);
    else output.err(describeEvent('path' in e ? { ...e, path: path.join(projectDir, e.path) } : e));
  });
  if (done.failure) throw new ExitCodeError(1, done.failure);
}

/**
 * The backup folder of --fix and of the script: in the project, never the host's /var/backups, so
 * editing files the user owns asks for no root. `base` is under the project, `onDisk` its full path.
 */
function projectBackupsOf(plan: DockerfilePlan['plan'], opts: DockerfileServiceOptions): { base: string; onDisk: string } {
  const { projectDir } = projectPlan(plan, opts.fix ? opts.root : '/');
  const base = projectBackupBase(projectDir, opts.backupDir, opts.cwd);
  resolveBackupBase(projectDir, base); // a link on the way that leads out is refused now, before any write
  return { base, onDisk: projectBackups(projectDir, base) };
}

function failOnThreshold(reports: DockerfileReport[], failOn: FindingSeverity | 'none'): void {
  if (failOn === 'none') return;
  const over = reports.flatMap((r) => r.findings).filter((f) => severityAtLeast(f.severity, failOn));
  if (over.length > 0) throw new ExitCodeError(1);
}

async function findTargets(opts: DockerfileServiceOptions, output: Output): Promise<Target[]> {
  const cwd = opts.cwd ?? process.cwd();
  if (opts.paths.length > 0) return unique(await Promise.all(opts.paths.map((p) => targetFromPath(cwd, p))));
  const targets: Target[] = [];
  if (existsSync(path.join(cwd, 'Dockerfile'))) targets.push(await targetFromPath(cwd, 'Dockerfile'));
  for (const t of await composeTargets(opts)) {
    const local = { dockerfile: path.join(opts.root, t.dockerfile), context: path.join(opts.root, t.context) };
    if (existsSync(local.dockerfile)) targets.push(local);
    else output.err(`skipped ${t.dockerfile} (Compose project ${t.project}, service ${t.service}): not found on this machine`);
  }
  if (targets.length === 0) throw new UserError(`There is no Dockerfile in ${cwd} and no Compose build context was found; pass a Dockerfile or a directory.`);
  return unique(targets);
}

async function composeTargets(opts: DockerfileServiceOptions) {
  const { loadFacts } = await import('./facts-source.js');
  try {
    return composeBuildTargets(await loadFacts({ ...opts, allowUnreachableEngine: true }));
  } catch (err) {
    if (opts.from) throw err;
    return []; // no reachable host: only ./Dockerfile
  }
}

function unique(targets: Target[]): Target[] {
  return targets.filter((t, i) => targets.findIndex((u) => u.dockerfile === t.dockerfile) === i);
}

function validateOptions(opts: DockerfileServiceOptions): void {
  if (opts.user !== undefined && !/^([a-z_][a-z0-9_-]{0,31}|\d+(:\d+)?)$/.test(opts.user)) {
    throw new UserError(`--user ${JSON.stringify(opts.user)} is not a valid user name (lower-case letters, digits, _ and -, or a numeric uid[:gid]).`);
  }
  // A trailing escape character (\ or the ` of an escape directive) would continue the line.
  if (opts.healthcheckCmd !== undefined && (/[\r\n]/.test(opts.healthcheckCmd) || opts.healthcheckCmd.trim() === '' || /[\\`]\s*$/.test(opts.healthcheckCmd))) {
    throw new UserError('--healthcheck-cmd must be one non-empty line that does not end in a backslash or backtick.');
  }
  if (opts.backupDir !== undefined && !opts.fix && !opts.script) {
    throw new UserError('--backup-dir names where --fix and --script keep their backups, so it goes with one of them.');
  }
}
