import type { Command } from 'commander';
import type { Output } from '../../services/output.js';
import { UserError } from '../../core/errors.js';
import { resolveGlobalOptions } from '../context.js';
import { auditThreshold, failOnOption, type FailOn } from '../fail-on.js';
import { checkInventoryUse, concurrencyOption } from '../inventory-option.js';

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
  scanReport?: string[];
  scan?: boolean;
  scanner?: string;
  inventory?: string;
  concurrency: number;
  allowUnreachable?: boolean;
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
    .option('--scan', 'run trivy (else grype) on each image containers use and judge 4.4 from what it finds')
    .option('--scanner <name>', '--scan: the scanner to run, trivy or grype')
    .option('--scan-report <file>', 'judge 4.4 from this image scan report: Trivy JSON, Grype JSON or SARIF (repeatable)', collect)
    .option('--inventory <file>', 'audit every host of this Ansible inventory (INI or YAML) over SSH, as one fleet report')
    .addOption(concurrencyOption())
    .option('--allow-unreachable', 'with --inventory: a host that cannot be audited is reported but does not make the exit code 1')
    .action(async (flags: AuditFlags, cmd: Command) => {
      const { parseReportFormat, parseLevel, parseIdList, parseStatusList } = await import('../../audit/options.js');
      const profiled = flags.profile ? await profileScope(flags.profile) : {};
      const selection = () => ({
        include: parseIdList(flags.include),
        exclude: parseIdList(flags.exclude),
        ...(flags.level !== undefined ? { level: parseLevel(flags.level) } : {}),
      });
      if (flags.inventory !== undefined) {
        const raw = cmd.optsWithGlobals();
        checkInventoryUse(raw);
        const single = [flags.only && '--only', flags.verbose && '--verbose', (flags.scan || flags.scanner || flags.scanReport) && '--scan'].find(Boolean);
        if (single) throw new UserError(`${single} works on one host, not on the fleet report of --inventory.`, 'Leave it out.');
        const { fleetAuditService } = await import('../../services/fleet-audit-service.js');
        await fleetAuditService(
          {
            ...profiled,
            ...resolveGlobalOptions(raw),
            inventory: flags.inventory,
            concurrency: flags.concurrency,
            allowUnreachable: !!flags.allowUnreachable,
            format: parseReportFormat(flags.format),
            failOn: auditThreshold(flags.failOn),
            output: flags.output,
            deep: !!flags.deep,
            selection: selection(),
          },
          output,
        );
        return;
      }
      const { auditService } = await import('../../services/audit-service.js');
      await auditService(
        {
          ...profiled,
          ...resolveGlobalOptions(cmd.optsWithGlobals()),
          format: parseReportFormat(flags.format),
          failOn: auditThreshold(flags.failOn),
          output: flags.output,
          deep: !!flags.deep,
          ...(flags.scanReport ? { scanReportFiles: flags.scanReport } : {}),
          ...(flags.scan || flags.scanner ? { scan: await scanRequest(flags) } : {}),
          // Fitted to a terminal only: piped or redirected, every line is written whole.
          width: process.stdout.isTTY ? process.stdout.columns || 80 : undefined,
          ...(flags.only ? { only: parseStatusList(flags.only) } : {}),
          verbose: !!flags.verbose,
          selection: selection(),
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
  return { rules: selectRules(profile, allRules), waivers: profile.waivers, profileName: profile.name, scanParams: profile.params };
}

/** --scan: which scanner, and progress on standard error when it is a terminal. */
async function scanRequest(flags: AuditFlags) {
  if (!flags.scan) throw new UserError('--scanner chooses the scanner that --scan runs.', 'Pass --scan as well, or leave --scanner out.');
  const { parseScannerName } = await import('../../scan/scanner-choice.js');
  const { terminalScanProgress } = await import('../../scan/run-progress.js');
  return { ...(flags.scanner ? { scanner: parseScannerName(flags.scanner) } : {}), progress: terminalScanProgress(process.stderr) };
}
