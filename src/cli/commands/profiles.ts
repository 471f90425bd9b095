import type { Command } from 'commander';
import type { Output } from '../../services/output.js';

export function registerProfiles(program: Command, output: Output): void {
  const profiles = program
    .command('profiles')
    .description('list the shipped profiles (name, description, file)')
    .option('--json', 'print the list as JSON')
    .action(async (opts: { json?: boolean }) => {
      const { profilesService } = await import('../../services/profiles-service.js');
      await profilesService({ json: !!opts.json }, output);
    });
  profiles
    .command('show')
    .description('print a profile resolved along its extends chain: selection, parameters, waivers')
    .argument('<profile>', 'a shipped profile name (baseline, strict) or a path to a profile file')
    .option('--json', 'print JSON instead of YAML')
    .action(async (ref: string, opts: { json?: boolean }, cmd: Command) => {
      const { profilesShowService } = await import('../../services/profiles-service.js');
      await profilesShowService({ ref, json: !!(opts.json ?? cmd.optsWithGlobals().json) }, output);
    });
}
