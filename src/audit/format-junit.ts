// JUnit XML for CI dashboards: a test suite per benchmark section and a test case per finding.
// Failures fail; manual, not-applicable and waived items are skipped (with the reason); warnings
// pass with the warning in system-out, since the exit threshold never counts them either.
import type { Section } from '../rules/rule.js';
import { SECTION_TITLES } from '../rules/cis-v1.8.0-ids.js';
import { subjectLabel, type AuditReport, type Finding } from './findings.js';
import { BENCHMARK_NAME } from './format-json.js';
import { escapeXmlAttr as attr, escapeXmlText as text } from './xml-escape.js';

export function formatJunit(report: AuditReport): string {
  const sections = new Map<Section, Finding[]>();
  for (const f of report.findings) {
    const list = sections.get(f.section);
    if (list) list.push(f);
    else sections.set(f.section, [f]);
  }
  const ordered = [...sections.entries()].sort(([a], [b]) => a - b);

  const suites = ordered.map(([section, findings]) => {
    const c = counts(findings);
    return [
      `  <testsuite name="${attr(`${section} ${SECTION_TITLES[section]}`)}" tests="${c.tests}" failures="${c.failures}" errors="0" skipped="${c.skipped}" timestamp="${attr(report.facts.collectedAt)}" hostname="${attr(report.facts.hostname)}">`,
      ...findings.map(testCase),
      '  </testsuite>',
    ].join('\n');
  });
  const c = counts(report.findings);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(`docker-harden ${BENCHMARK_NAME}`)}" tests="${c.tests}" failures="${c.failures}" errors="0" skipped="${c.skipped}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function testCase(f: Finding): string {
  const subject = subjectLabel(f);
  const name = `${f.id} ${subject ? `[${subject}] ` : ''}${f.title}`;
  const open = `    <testcase classname="${attr(`cis-docker.section${f.section}`)}" name="${attr(name)}">`;
  const evidence = f.evidence.map((e) => e.detail).join('\n');
  switch (f.status) {
    case 'fail':
      return [
        open,
        `      <failure message="${attr(f.message)}" type="${attr(f.severity)}">${text([evidence, `Remediation: ${f.remediation}`].filter(Boolean).join('\n'))}</failure>`,
        '    </testcase>',
      ].join('\n');
    case 'manual':
    case 'not-applicable':
    case 'waived': {
      const why = f.status === 'waived' ? `waived: ${f.waiver?.reason ?? ''}` : `${f.status}: ${f.message}`;
      return [open, `      <skipped message="${attr(why)}"/>`, '    </testcase>'].join('\n');
    }
    case 'warn':
      return [open, `      <system-out>${text(`warn: ${f.message}${evidence ? `\n${evidence}` : ''}`)}</system-out>`, '    </testcase>'].join('\n');
    default:
      return `${open.slice(0, -1)}/>`;
  }
}

function counts(findings: readonly Finding[]): { tests: number; failures: number; skipped: number } {
  return {
    tests: findings.length,
    failures: findings.filter((f) => f.status === 'fail').length,
    skipped: findings.filter((f) => f.status === 'manual' || f.status === 'not-applicable' || f.status === 'waived').length,
  };
}
