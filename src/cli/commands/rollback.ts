import type { Command } from 'commander';
import type { Output } from '../../services/output.js';
import { resolveGlobalOptions } from '../context.js';

export function registerRollback(program: Command, output: Output): void {
  program
    .command('rollback [id]')
    .description('restore the files of a backup set (default: the latest)')
    .option('--list', 'list the backup sets')
    .option('--no-restart', 'do not reload or restart the Docker daemon afterwards')
    .option(
      '--backup-dir <dir>',
      'the folder holding the backup sets, inside --root (default: ROOT/var/backups/docker-harden; `dockerfile --fix` names its own)',
    )
    .action(async (id: string | undefined, opts: { list?: boolean; restart: boolean; backupDir?: string }, cmd: Command) => {
      const { rollbackService } = await import('../../services/rollback-service.js');
      await rollbackService(
        { ...resolveGlobalOptions(cmd.optsWithGlobals()), id, list: !!opts.list, noRestart: !opts.restart, backupDir: opts.backupDir },
        output,
      );
    });
}
