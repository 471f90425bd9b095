import { Option, type Command } from 'commander';
import type { Output } from '../../services/output.js';
import { resolveGlobalOptions } from '../context.js';
import { failOnOption, type FailOn } from '../fail-on.js';

interface DockerfileFlags {
  format: 'table' | 'json';
  fix?: boolean;
  diff?: boolean;
  script?: string;
  patch?: string;
  yes?: boolean;
  backupDir?: string;
  user?: string;
  healthcheckCmd?: string;
  strict?: boolean;
  failOn: FailOn;
}

export function registerDockerfile(program: Command, output: Output): void {
  program
    .command('dockerfile')
    .description('check Dockerfiles (CIS section 4 and image hygiene) and fix what can be fixed mechanically')
    .argument('[paths...]', 'Dockerfiles or directories holding one (default: ./Dockerfile and Compose build contexts)')
    .addOption(new Option('--format <format>', 'report format').choices(['table', 'json']).default('table'))
    .option('--fix', 'write the mechanical fixes (shows the diff and asks first)')
    .option('--diff', 'show the diff of the mechanical fixes')
    .option('--script <file>', 'write the fixes as a shell script to FILE')
    .option('--patch <file>', 'write the fixes as a unified diff to FILE')
    .option('-y, --yes', 'with --fix: write without asking')
    .option('--backup-dir <dir>', 'with --fix or --script: keep backup sets in DIR, inside the project (default: PROJECT/.docker-harden/backups)')
    .option('--user <name>', 'user for the USER line the 4.1 fix adds (default: app)')
    .option('--healthcheck-cmd <cmd>', 'command for the HEALTHCHECK the 4.6 fix adds')
    .option('--strict', 'also remove setuid/setgid bits (DH-IMG-005)')
    .addOption(failOnOption())
    .action(async (paths: string[], opts: DockerfileFlags, cmd: Command) => {
      const { dockerfileService } = await import('../../services/dockerfile-service.js');
      await dockerfileService(
        {
          ...resolveGlobalOptions(cmd.optsWithGlobals()),
          paths,
          format: opts.format,
          fix: !!opts.fix,
          diff: !!opts.diff,
          script: opts.script,
          patch: opts.patch,
          yes: !!opts.yes,
          backupDir: opts.backupDir,
          user: opts.user,
          healthcheckCmd: opts.healthcheckCmd,
          strict: !!opts.strict,
          failOn: opts.failOn,
        },
        output,
      );
    });
}
