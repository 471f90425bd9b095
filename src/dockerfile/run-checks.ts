// Run every check on one Dockerfile: findings for the report, plus the fixes, advice and impact
// notes the plan is built from. Pure.
import type { DockerfileDoc } from './model.js';
import type { DockerfileCheck, DockerfileFinding, Fix, FixOptions } from './types.js';
import { dockerfileChecks } from './checks/index.js';

export interface CheckedFinding extends DockerfileFinding {
  fix?: Fix;
  advice?: string;
}

export function runChecks(doc: DockerfileDoc, options: FixOptions, checks: readonly DockerfileCheck[] = dockerfileChecks): CheckedFinding[] {
  const out: CheckedFinding[] = [];
  for (const check of checks) {
    for (const o of check.check(doc, options)) {
      out.push({
        id: check.meta.id,
        severity: o.severity ?? check.meta.severity,
        line: o.line,
        message: o.message,
        fixable: o.fix !== undefined,
        ...(o.fix ? { fix: o.fix } : {}),
        ...(o.advice ? { advice: o.advice } : {}),
      });
    }
  }
  return out.sort((a, b) => a.line - b.line || checks.findIndex((c) => c.meta.id === a.id) - checks.findIndex((c) => c.meta.id === b.id));
}

/** The finding as reported (no fix internals). */
export function publicFinding(f: CheckedFinding): DockerfileFinding {
  return { id: f.id, severity: f.severity, line: f.line, message: f.message, fixable: f.fixable };
}
