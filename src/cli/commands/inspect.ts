import type { Command } from 'commander';
import type { Output } from '../../services/output.js';
import { resolveGlobalOptions } from '../context.js';

export function registerInspect(program: Command, output: Output): void {
  program
    .command('inspect')
    .description('inspect this host and print what was found (or save it as facts)')
    .option('--save <file>', 'write the facts as JSON to FILE')
    .option('--json', 'print the facts as JSON')
    .option('--deep', 'also scan the images containers use for setuid/setgid files (one throwaway container per image)')
    .action(async (opts: { save?: string; json?: boolean; deep?: boolean }, cmd: Command) => {
      const { inspectService } = await import('../../services/inspect-service.js');
      await inspectService({ ...resolveGlobalOptions(cmd.optsWithGlobals()), save: opts.save, json: !!opts.json, deep: !!opts.deep }, output);
    });
}
