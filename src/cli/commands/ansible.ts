import type { Command } from 'commander';
import type { Output } from '../../services/output.js';
import { resolveGlobalOptions } from '../context.js';
import { checkInventoryUse, concurrencyOption } from '../inventory-option.js';

interface AnsibleFlags {
  profile: string;
  output: string;
  inventory?: string;
  concurrency: number;
  allowUnreachable?: boolean;
}

export function registerAnsible(program: Command, output: Output): void {
  // --from is the program's option, and the program keeps only its last value: this command takes
  // one facts file per host, so it collects every one as the program parses it.
  const fromFiles: string[] = [];
  program.on('option:from', (value: string) => fromFiles.push(value));
  program
    .command('ansible')
    .description('write the plan of each host (--inventory FILE, or --from FILE / NAME=FILE, repeatable) as one Ansible playbook with host_vars')
    .requiredOption('-p, --profile <name|file>', 'baseline, strict, or a profile file')
    .requiredOption('-o, --output <dir>', 'write the playbook, host_vars, inventory and README into DIR')
    .option('--inventory <file>', "inspect every host of this Ansible inventory over SSH; the playbook's inventory keeps its names and variables")
    .addOption(concurrencyOption())
    .option('--allow-unreachable', 'with --inventory: a host that cannot be inspected is left out without making the exit code 1')
    .action(async (opts: AnsibleFlags, cmd: Command) => {
      if (opts.inventory !== undefined) checkInventoryUse({ ...cmd.optsWithGlobals(), from: fromFiles[0] });
      const { ansibleService } = await import('../../services/ansible-service.js');
      const global = resolveGlobalOptions({ ...cmd.optsWithGlobals(), from: undefined });
      await ansibleService(
        {
          ...global,
          profile: opts.profile,
          fromFiles,
          outputDir: opts.output,
          ...(opts.inventory !== undefined ? { inventory: opts.inventory, concurrency: opts.concurrency, allowUnreachable: !!opts.allowUnreachable } : {}),
        },
        output,
      );
    });
}
