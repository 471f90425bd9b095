import type { Command } from 'commander';
import type { Output } from '../output.js';
import { resolveGlobalOptions } from '../context.js';

interface AuditFlags {
  format: string;
  failOn: string;
  output?: string;
  include?: string[];
  exclude?: string[];
  level?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerAudit(program: Command, output: Output): void {
  program
    .command('audit')
    .description('audit this host against the CIS Docker Benchmark v1.8.0; exit 1 when a failure reaches --fail-on')
    .option('--format <format>', 'table, json, sarif or junit', 'table')
    .option('--fail-on <severity>', 'lowest severity of a failure that makes the exit code 1: low, medium, high, critical', 'high')
    .option('--output <file>', 'write the report to FILE instead of standard output')
    .option('--include <ids>', 'audit only these ids, prefixes or sections (comma-separated, repeatable)', collect)
    .option('--exclude <ids>', 'skip these ids, prefixes or sections (comma-separated, repeatable)', collect)
    .option('--level <n>', 'CIS profile level: 1 = Level 1 items only, 2 = both levels')
    .action(async (flags: AuditFlags, cmd: Command) => {
      const { parseReportFormat, parseSeverity, parseLevel, parseIdList } = await import('../../audit/options.js');
      const { auditService } = await import('../../services/audit-service.js');
      await auditService(
        {
          ...resolveGlobalOptions(cmd.optsWithGlobals()),
          format: parseReportFormat(flags.format),
          failOn: parseSeverity(flags.failOn),
          output: flags.output,
          width: process.stdout.columns || undefined,
          selection: {
            include: parseIdList(flags.include),
            exclude: parseIdList(flags.exclude),
            ...(flags.level !== undefined ? { level: parseLevel(flags.level) } : {}),
          },
        },
        output,
      );
    });
}
