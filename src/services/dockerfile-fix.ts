// Where `dockerfile --fix` writes: Dockerfiles belong to a project, not to the host. The project
// directory (the deepest one holding every file the fixes change) is the root the plan is applied
// under, and its backup sets go to PROJECT/.docker-harden/backups (or a folder inside the project
// the user names), so a user who owns the files needs no root and /var/backups is never touched.
// Under --root, that directory must lie inside the root: nothing is written outside it.
import path from 'node:path';
import { UserError } from '../core/errors.js';
import { lookupId } from '../apply/host-paths.js';
import { PROJECT_BACKUP_BASE, backupBaseFromDir, backupDirOnDisk } from '../apply/backup-base.js';
import type { Plan } from '../plan-model/plan.js';

export interface ProjectPlan {
  /** The directory the plan is applied under. */
  projectDir: string;
  /** The plan with every path relative to projectDir and owners as numeric ids. */
  plan: Plan;
}

export function projectPlan(plan: Plan, root: string): ProjectPlan {
  const changed = plan.files.filter((f) => f.kind !== 'unchanged').map((f) => f.path);
  const projectDir = commonDir(changed);
  if (root !== '/' && path.relative(root, projectDir).split(path.sep)[0] === '..') {
    throw new UserError(
      `The Dockerfiles to fix lie in ${projectDir}, outside --root ${root}; nothing was written.`,
      'Give Dockerfiles that lie under the root, or leave out --root.',
    );
  }
  const files = plan.files.map((f) => ({
    ...f,
    path: path.posix.join('/', path.relative(projectDir, f.path)),
    // Names were read from this machine's accounts; the project may hold an etc/passwd of its own.
    owner: String(lookupId('/', 'user', f.owner)),
    group: String(lookupId('/', 'group', f.group)),
  }));
  return { projectDir, plan: { ...plan, root: projectDir, facts: { ...plan.facts, root: projectDir }, files } };
}

/** The backup folder under the project: .docker-harden/backups, or --backup-dir (which must lie inside it). */
export function projectBackupBase(projectDir: string, backupDir: string | undefined, cwd?: string): string {
  if (backupDir === undefined) return PROJECT_BACKUP_BASE;
  return backupBaseFromDir(projectDir, backupDir, cwd, `the project ${projectDir} (the folder holding the files the fixes change)`);
}

/** The backup folder of a project on this machine, for the messages and the script. */
export function projectBackups(projectDir: string, base: string): string {
  return backupDirOnDisk(projectDir, base);
}

function commonDir(files: string[]): string {
  const dirs = files.map((f) => path.dirname(f).split(path.sep));
  const first = dirs[0] ?? [''];
  let n = first.length;
  for (const d of dirs) {
    let i = 0;
    while (i < n && i < d.length && d[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join(path.sep) || '/';
}
