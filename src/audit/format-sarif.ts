// SARIF 2.1.0 for code-scanning dashboards: one run, every audited rule described in the driver,
// a result per failure or warning. Waived failures are kept as suppressed results so the waiver
// stays visible where the failure would have been.
import { pathToFileURL } from 'node:url';
import { VERSION } from '../core/version.js';
import type { Evidence, Severity } from '../rules/rule.js';
import type { AuditReport, Finding, RuleInfo } from './findings.js';
import { BENCHMARK_NAME } from './format-json.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
// GitHub code scanning ranks results by this CVSS-like number.
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };
// Evidence of these kinds describes a container or a flag, not a file on the host.
const NON_FILE_KINDS = new Set(['container', 'flag', 'engine', 'image', 'network']);

export function toSarif(report: AuditReport, version = VERSION): Record<string, unknown> {
  const ruleIndex = new Map(report.rules.map((r, i) => [r.id, i]));
  const results = report.findings
    .filter((f) => f.status === 'fail' || f.status === 'warn' || f.status === 'waived')
    .map((f) => sarifResult(f, ruleIndex.get(f.id)));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'docker-harden',
            version,
            semanticVersion: version,
            fullName: `docker-harden (${BENCHMARK_NAME})`,
            rules: report.rules.map(sarifRule),
          },
        },
        results,
        ...(report.engine ? { invocations: [engineInvocation(report.engine)] } : {}),
        properties: { benchmark: BENCHMARK_NAME, facts: report.facts, ...(report.engine ? { engine: report.engine } : {}) },
      },
    ],
  };
}

/** An engine that did not answer (allowed by --no-engine) is a tool notification, not a finding. */
function engineInvocation(engine: NonNullable<AuditReport['engine']>): Record<string, unknown> {
  const notes =
    engine.status === 'ok'
      ? []
      : [
          {
            level: 'warning',
            message: {
              text: `The Docker engine at ${engine.endpoint} was not reached (${engine.message ?? engine.status}); checks that need it could not see containers, images or live settings.`,
            },
          },
        ];
  return { executionSuccessful: true, ...(notes.length ? { toolExecutionNotifications: notes } : {}) };
}

export function formatSarif(report: AuditReport, version = VERSION): string {
  return JSON.stringify(toSarif(report, version), null, 2);
}

function sarifRule(rule: RuleInfo): Record<string, unknown> {
  const helpUri = rule.references.find((r) => /^https?:\/\//.test(r));
  return {
    id: rule.id,
    name: ruleName(rule.title),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale || rule.title },
    help: { text: rule.impact ? `${rule.remediation}\nImpact: ${rule.impact}` : rule.remediation },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: levelFor('fail', rule.severity) },
    properties: {
      tags: ['security', 'cis-docker-benchmark', `section-${rule.section}`, `level-${rule.level}`, rule.severity],
      level: rule.level,
      severity: rule.severity,
      'security-severity': SECURITY_SEVERITY[rule.severity],
      ...(Object.keys(rule.aliases).length > 0 ? { aliases: rule.aliases } : {}),
    },
  };
}

function sarifResult(f: Finding, index: number | undefined): Record<string, unknown> {
  const locations = fileLocations(f.evidence);
  const logical = logicalLocation(f);
  return {
    ruleId: f.id,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: levelFor(f.status === 'warn' ? 'warn' : 'fail', f.severity),
    message: { text: f.message || f.title },
    ...(locations.length > 0 ? { locations } : logical ? { locations: [{ logicalLocations: [logical] }] } : {}),
    ...(f.status === 'waived' && f.waiver ? { suppressions: [{ kind: 'external', status: 'accepted', justification: f.waiver.reason }] } : {}),
    properties: { status: f.status, severity: f.severity, evidence: f.evidence.map((e) => e.detail), ...(f.subject ? { subject: f.subject } : {}) },
  };
}

/** error for critical/high failures, warning for medium/low failures and for warnings. */
export function levelFor(status: 'fail' | 'warn', severity: Severity): 'error' | 'warning' {
  return status === 'fail' && (severity === 'critical' || severity === 'high') ? 'error' : 'warning';
}

/** A host path named by evidence: its `path`, else an absolute path that opens a file-like detail. */
export function evidencePath(ev: Evidence): string | undefined {
  if (ev.path?.startsWith('/')) return ev.path;
  if (NON_FILE_KINDS.has(ev.kind)) return undefined;
  return /^(\/[^\s:]*)/.exec(ev.detail)?.[1];
}

function fileLocations(evidence: readonly Evidence[]): Record<string, unknown>[] {
  const paths = [...new Set(evidence.map(evidencePath).filter((p): p is string => !!p))];
  return paths.map((p) => ({ physicalLocation: { artifactLocation: { uri: pathToFileURL(p).href } } }));
}

function logicalLocation(f: Finding): Record<string, unknown> | undefined {
  const s = f.subject;
  if (s?.container) return { name: s.container, fullyQualifiedName: `container/${s.container}`, kind: 'resource' };
  if (s?.service) {
    const fqn = s.project ? `compose/${s.project}/${s.service}` : `compose/${s.service}`;
    return { name: s.service, fullyQualifiedName: fqn, kind: 'resource' };
  }
  return undefined;
}

/** "Ensure that privileged containers are not used" → "EnsureThatPrivilegedContainersAreNotUsed". */
function ruleName(title: string): string {
  return title
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}
