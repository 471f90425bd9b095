import type { Command } from 'commander';
import type { Output } from '../../services/output.js';
import { resolveGlobalOptions } from '../context.js';

export function registerArtifacts(program: Command, output: Output): void {
  program
    .command('script')
    .description('emit a self-contained bash script that performs the plan (with --rollback)')
    .requiredOption('-p, --profile <name|file>', 'baseline, strict, or a profile file')
    .option('-o, --output <file>', 'write the script to FILE instead of standard output')
    .option(
      '--compose <file>',
      'also plan for this Compose file (repeatable; files in one directory form one project)',
      (f: string, all: string[]) => [...all, f],
      [] as string[],
    )
    .action(async (opts: { profile: string; output?: string; compose: string[] }, cmd: Command) => {
      const { scriptService } = await import('../../services/artifact-service.js');
      await scriptService({ ...resolveGlobalOptions(cmd.optsWithGlobals()), profile: opts.profile, output: opts.output, compose: opts.compose }, output);
    });
  program
    .command('patch')
    .description('emit a unified diff of the plan (patch -p1 -d /) and a sidecar of modes, owners and steps')
    .requiredOption('-p, --profile <name|file>', 'baseline, strict, or a profile file')
    .option('-o, --output <file>', 'write the patch to FILE (and FILE.json) instead of standard output')
    .option(
      '--compose <file>',
      'also plan for this Compose file (repeatable; files in one directory form one project)',
      (f: string, all: string[]) => [...all, f],
      [] as string[],
    )
    .action(async (opts: { profile: string; output?: string; compose: string[] }, cmd: Command) => {
      const { patchService } = await import('../../services/artifact-service.js');
      await patchService({ ...resolveGlobalOptions(cmd.optsWithGlobals()), profile: opts.profile, output: opts.output, compose: opts.compose }, output);
    });
}
