import type { Command } from 'commander';
import type { Output } from '../../services/output.js';
import { resolveGlobalOptions } from '../context.js';

export function registerAnsible(program: Command, output: Output): void {
  // --from is the program's option, and the program keeps only its last value: this command takes
  // one facts file per host, so it collects every one as the program parses it.
  const fromFiles: string[] = [];
  program.on('option:from', (value: string) => fromFiles.push(value));
  program
    .command('ansible')
    .description('write the plan of each host (--from FILE or NAME=FILE, repeatable) as one Ansible playbook with host_vars')
    .requiredOption('-p, --profile <name|file>', 'baseline, strict, or a profile file')
    .requiredOption('-o, --output <dir>', 'write the playbook, host_vars, inventory and README into DIR')
    .action(async (opts: { profile: string; output: string }, cmd: Command) => {
      const { ansibleService } = await import('../../services/ansible-service.js');
      const global = resolveGlobalOptions({ ...cmd.optsWithGlobals(), from: undefined });
      await ansibleService({ ...global, profile: opts.profile, fromFiles, outputDir: opts.output }, output);
    });
}
