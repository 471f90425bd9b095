import type { Command } from 'commander';
import type { Output } from '../../services/output.js';
import { resolveGlobalOptions } from '../context.js';
import { composeOption } from '../compose-option.js';
import { parseRecreate, recreateOption } from '../recreate-option.js';

export function registerApply(program: Command, output: Output): void {
  program
    .command('apply')
    .description('show the plan, ask once, then write it with backups and run the steps')
    .requiredOption('-p, --profile <name|file>', 'baseline, strict, or a profile file')
    .option('-y, --yes', 'apply without asking')
    .option('--no-restart', 'do not reload or restart the Docker daemon afterwards')
    .addOption(composeOption())
    .addOption(recreateOption())
    .action(async (opts: { profile: string; yes?: boolean; restart: boolean; compose?: string[]; recreate?: string | true }, cmd: Command) => {
      const { applyService } = await import('../../services/apply-service.js');
      await applyService(
        {
          ...resolveGlobalOptions(cmd.optsWithGlobals()),
          profile: opts.profile,
          yes: !!opts.yes,
          noRestart: !opts.restart,
          compose: opts.compose ?? [],
          recreate: parseRecreate(opts.recreate),
        },
        output,
      );
    });
}
