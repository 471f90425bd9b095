import type { Command } from 'commander';
import type { Output } from '../../services/output.js';
import { resolveGlobalOptions } from '../context.js';
import { auditThreshold, failOnOption, type FailOn } from '../fail-on.js';

interface AuditFlags {
  format: string;
  failOn: FailOn;
  output?: string;
  include?: string[];
  exclude?: string[];
  level?: string;
  profile?: string;
  deep?: boolean;
  only?: string[];
  verbose?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerAudit(program: Command, output: Output): void {
  program
    .command('audit')
    .description('audit this host against the CIS Docker Benchmark v1.8.0; exit 1 when a failure reaches --fail-on')
    .option('--format <format>', 'table, json, sarif, junit or html', 'table')
    .addOption(failOnOption())
    .option('-o, --output <file>', 'write the report to FILE instead of standard output')
    .option('--include <ids>', 'audit only these ids, prefixes or sections (comma-separated, repeatable)', collect)
    .option('--exclude <ids>', 'skip these ids, prefixes or sections (comma-separated, repeatable)', collect)
    .option('--level <n>', 'CIS profile level: 1 = Level 1 items only, 2 = both levels')
    .option('-p, --profile <name|file>', "audit the profile's rules and show its waivers as waived")
    .option('--only <statuses>', 'table: show only rows with these statuses (fail, warn, waived, manual, not-applicable, pass; comma-separated)', collect)
    .option('--verbose', "table: under a row naming several targets, show each target's reason and evidence")
    .option('--deep', 'also scan the images containers use for setuid/setgid files (4.8; one throwaway container per image)')
    .action(async (flags: AuditFlags, cmd: Command) => {
      const { parseReportFormat, parseLevel, parseIdList, parseStatusList } = await import('../../audit/options.js');
      const { auditService } = await import('../../services/audit-service.js');
      const profiled = flags.profile ? await profileScope(flags.profile) : {};
      await auditService(
        {
          ...profiled,
          ...resolveGlobalOptions(cmd.optsWithGlobals()),
          format: parseReportFormat(flags.format),
          failOn: auditThreshold(flags.failOn),
          output: flags.output,
          deep: !!flags.deep,
          // Fitted to a terminal only: piped or redirected, every line is written whole.
          width: process.stdout.isTTY ? process.stdout.columns || 80 : undefined,
          ...(flags.only ? { only: parseStatusList(flags.only) } : {}),
          verbose: !!flags.verbose,
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

/** A profile narrows the audit to its rules and brings its waivers (expired ones are shown, not applied). */
async function profileScope(ref: string) {
  const { loadProfile, selectRules } = await import('../../profiles/index.js');
  const { allRules } = await import('../../rules/catalog.js');
  const profile = await loadProfile(ref);
  return { rules: selectRules(profile, allRules), waivers: profile.waivers, profileName: profile.name };
}
