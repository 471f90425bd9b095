// One finding as the report shows it: the rule's words (rationale, impact, remediation) joined to
// the result on this host (message, evidence, target, waiver). Every string that came from the host
// has its control characters spelled out here; HTML escaping is the template's job.
import type { Finding, RuleInfo } from '../findings.js';
import { subjectLabel } from '../findings.js';
import { terminalLine, terminalText } from '../../core/terminal-text.js';
import { STATUS_LABELS } from './section-scores.js';

export interface FindingView {
  /** Anchor for links to this finding: "f-12". */
  anchor: string;
  id: string;
  title: string;
  section: number;
  level: 1 | 2;
  status: Finding['status'];
  statusLabel: string;
  severity: Finding['severity'];
  /** The container, service or image this result is about; empty for host-wide items. */
  target: string;
  message: string;
  evidence: { kind: string; detail: string }[];
  remediation: string;
  impact: string;
  rationale: string;
  references: string[];
  waiver: { reason: string; expires: string; expired: boolean } | null;
  /** Shown expanded: results that need someone to act. */
  open: boolean;
}

export function findingView(finding: Finding, index: number, rule: RuleInfo | undefined): FindingView {
  const target = terminalLine(subjectLabel(finding));
  const message = terminalText(finding.message);
  const evidence = finding.evidence.map((e) => ({ kind: terminalLine(e.kind), detail: terminalText(e.detail) }));
  const remediation = terminalText(finding.remediation || rule?.remediation || '');
  return {
    anchor: `f-${index + 1}`,
    id: finding.id,
    title: terminalLine(finding.title),
    section: finding.section,
    level: finding.level,
    status: finding.status,
    statusLabel: STATUS_LABELS[finding.status],
    severity: finding.severity,
    target,
    message,
    evidence,
    remediation,
    impact: terminalText(rule?.impact ?? ''),
    rationale: terminalText(rule?.rationale ?? ''),
    references: (rule?.references ?? []).map(terminalLine),
    // null rather than absent: the templates compile in strict mode, where a missing field is an error.
    waiver: finding.waiver
      ? { reason: terminalText(finding.waiver.reason), expires: terminalLine(finding.waiver.expires ?? 'never'), expired: !!finding.waiver.expired }
      : null,
    open: finding.status === 'fail' || finding.status === 'warn',
  };
}

/** Within a section: failures first, then warnings, waived, manual, pass; each group keeps benchmark order (the sort is stable). */
export function reviewOrder(a: FindingView, b: FindingView): number {
  return statusRank(a) - statusRank(b);
}

const STATUS_ORDER: readonly Finding['status'][] = ['fail', 'warn', 'waived', 'manual', 'pass', 'not-applicable'];

function statusRank(f: FindingView): number {
  return STATUS_ORDER.indexOf(f.status);
}
