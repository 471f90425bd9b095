import type { Command } from 'commander';
import type { Output } from '../../services/output.js';
import { resolveGlobalOptions } from '../context.js';
import { UserError } from '../../core/errors.js';

export function registerPlan(program: Command, output: Output): void {
  program
    .command('plan')
    .description('show the file changes, permission fixes and steps a profile implies (nothing is written)')
    .requiredOption('-p, --profile <name|file>', 'baseline, strict, or a profile file')
    .option('--format <format>', 'text or json', 'text')
    .option('--check', 'exit 1 when anything would change, 0 when nothing would')
    .option(
      '--compose <file>',
      'also plan for this Compose file (repeatable; files in one directory form one project)',
      (f: string, all: string[]) => [...all, f],
      [] as string[],
    )
    .action(async (opts: { profile: string; format: string; check?: boolean; compose: string[] }, cmd: Command) => {
      if (opts.format !== 'text' && opts.format !== 'json') {
        throw new UserError(`--format must be text or json, not "${opts.format}".`, 'Use --format json for the plan as data.');
      }
      const { planService } = await import('../../services/plan-service.js');
      await planService(
        { ...resolveGlobalOptions(cmd.optsWithGlobals()), profile: opts.profile, format: opts.format, check: !!opts.check, compose: opts.compose },
        output,
      );
    });
}
