// The scores the report draws: one stacked bar per CIS section and one for the whole audit. The
// score is the share of decided items that pass: pass / (pass + fail + warn). Waived items are
// accepted risk, and manual or not-applicable items were never decided, so none of them moves the
// score; they still get their own stretch of the bar so nothing is hidden.
import type { AuditSummary, FindingStatus } from '../findings.js';
import { emptyStatusCounts } from '../findings.js';
import type { Section } from '../../rules/rule.js';
import { SECTION_TITLES } from '../../rules/cis-v1.8.0-ids.js';

/** Bar order: what passes, then what needs work, then what nobody decided. */
export const BAR_ORDER: readonly FindingStatus[] = ['pass', 'fail', 'warn', 'waived', 'manual', 'not-applicable'];

export const STATUS_LABELS: Record<FindingStatus, string> = {
  pass: 'Pass',
  fail: 'Fail',
  warn: 'Warn',
  manual: 'Manual',
  'not-applicable': 'Not applicable',
  waived: 'Waived',
};

export interface BarSegment {
  status: FindingStatus;
  label: string;
  count: number;
  /** Left edge and width in percent of the bar, two decimals. */
  x: string;
  width: string;
}

export interface Score {
  /** Whole percent, or null when nothing was decided. */
  percent: number | null;
  /** "80%" or "n/a". */
  text: string;
  /** "8 of 10 pass": of the decided results (pass, fail, warn). */
  caption: string;
  /** 'good' ≥ 90, 'fair' ≥ 60, else 'poor'; 'none' without decided items. */
  grade: 'good' | 'fair' | 'poor' | 'none';
  segments: BarSegment[];
  total: number;
}

export interface SectionScore extends Score {
  section: Section;
  title: string;
}

export function scoreOf(counts: Record<FindingStatus, number>): Score {
  const decided = counts.pass + counts.fail + counts.warn;
  const total = BAR_ORDER.reduce((sum, s) => sum + counts[s], 0);
  const percent = decided === 0 ? null : Math.floor((counts.pass / decided) * 100);
  return {
    percent,
    text: percent === null ? 'n/a' : `${percent}%`,
    caption: decided === 0 ? 'nothing decided automatically' : `${counts.pass} of ${decided} pass`,
    grade: percent === null ? 'none' : percent >= 90 ? 'good' : percent >= 60 ? 'fair' : 'poor',
    segments: segmentsOf(counts, total),
    total,
  };
}

/** Sections in benchmark order, only those the audit touched. */
export function sectionScores(summary: AuditSummary): SectionScore[] {
  return Object.keys(summary.bySection)
    .map(Number)
    .sort((a, b) => a - b)
    .map((n) => {
      const section = n as Section;
      return { section, title: SECTION_TITLES[section] ?? `Section ${n}`, ...scoreOf(summary.bySection[String(n)] ?? emptyStatusCounts()) };
    });
}

function segmentsOf(counts: Record<FindingStatus, number>, total: number): BarSegment[] {
  let x = 0;
  const segments: BarSegment[] = [];
  for (const status of BAR_ORDER) {
    const count = counts[status];
    if (count === 0 || total === 0) continue;
    const width = (count / total) * 100;
    segments.push({ status, label: STATUS_LABELS[status], count, x: x.toFixed(2), width: width.toFixed(2) });
    x += width;
  }
  return segments;
}
