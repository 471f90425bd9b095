import { Option, type Command } from 'commander';
import type { Output } from '../../services/output.js';
import { resolveGlobalOptions } from '../context.js';
import { composeOption } from '../compose-option.js';
import { parseRecreate, recreateOption } from '../recreate-option.js';

export function registerPlan(program: Command, output: Output): void {
  program
    .command('plan')
    .description('show the file changes, permission fixes and steps a profile implies (nothing is written)')
    .requiredOption('-p, --profile <name|file>', 'baseline, strict, or a profile file')
    .addOption(new Option('--format <format>', 'text, or json for the plan as data').choices(['text', 'json']).default('text'))
    .option('--check', 'exit 1 when anything would change, 0 when nothing would')
    .addOption(composeOption())
    .addOption(recreateOption())
    .option(
      '--scan-report <file>',
      'advise rebuilding the images this scan report fails (4.4): Trivy JSON, Grype JSON or SARIF (repeatable)',
      (v: string, p: string[] = []) => [...p, v],
    )
    .action(
      async (
        opts: { profile: string; format: 'text' | 'json'; check?: boolean; compose?: string[]; recreate?: string | true; scanReport?: string[] },
        cmd: Command,
      ) => {
        const { planService } = await import('../../services/plan-service.js');
        await planService(
          {
            ...resolveGlobalOptions(cmd.optsWithGlobals()),
            profile: opts.profile,
            format: opts.format,
            check: !!opts.check,
            compose: opts.compose ?? [],
            recreate: parseRecreate(opts.recreate),
            ...(opts.scanReport ? { scanReportFiles: opts.scanReport } : {}),
          },
          output,
        );
      },
    );
}
