import type { Command } from 'commander';
import type { Output } from '../../services/output.js';
import { resolveGlobalOptions } from '../context.js';
import { composeOption } from '../compose-option.js';

export function registerArtifacts(program: Command, output: Output): void {
  artifactCommand(program, output, 'script', {
    description: 'emit a self-contained bash script that performs the plan (with --rollback)',
    outputHelp: 'write the script to FILE instead of standard output',
  });
  artifactCommand(program, output, 'patch', {
    description: 'emit a unified diff of the plan (patch -p1 -d /) and a sidecar of modes, owners and steps',
    outputHelp: 'write the patch to FILE (and FILE.json) instead of standard output',
  });
}

/** script and patch take the same options; they differ in their help and the service they call. */
function artifactCommand(program: Command, output: Output, name: 'script' | 'patch', help: { description: string; outputHelp: string }): void {
  program
    .command(name)
    .description(help.description)
    .requiredOption('-p, --profile <name|file>', 'baseline, strict, or a profile file')
    .option('-o, --output <file>', help.outputHelp)
    .addOption(composeOption())
    .action(async (opts: { profile: string; output?: string; compose?: string[] }, cmd: Command) => {
      const { scriptService, patchService } = await import('../../services/artifact-service.js');
      const service = name === 'script' ? scriptService : patchService;
      await service({ ...resolveGlobalOptions(cmd.optsWithGlobals()), profile: opts.profile, output: opts.output, compose: opts.compose ?? [] }, output);
    });
}
