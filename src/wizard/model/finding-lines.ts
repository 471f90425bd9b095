// One finding as the Findings screen draws it. A finding about a container, service or image names
// that target first, then what is wrong with it ("✗ 5.4    web: adds ALL"): seven rows of one rule
// then differ where they should, instead of all repeating the rule's title up to the cut.
import type { Finding, FindingStatus } from '../../audit/findings.js';
import { subjectLabel } from '../../audit/findings.js';
import { cells, line, padEnd, seg, truncate, wrap, type Line, type Segment } from './lines.js';

export const MARKS: Record<FindingStatus, Segment> = {
  pass: seg('✓', 'ok'),
  fail: seg('✗', 'bad'),
  warn: seg('⚠', 'warn'),
  manual: seg('?', 'info'),
  'not-applicable': seg('–', 'muted'),
  waived: seg('~', 'muted'),
};

/** A target name longer than this is elided in its middle, so the finding keeps most of the row. */
const TARGET_ROOM = 24;

/** The finding's row (below its section): mark, id, then the target and what is wrong, or the title. */
export function findingLine(f: Finding): Line {
  const lead = ['  ', MARKS[f.status], ' ', padEnd(f.id, 7)];
  const target = subjectLabel(f);
  if (!target) return line(...lead, f.title);
  return line(...lead, seg(truncate(target, TARGET_ROOM, 'middle'), 'strong'), ': ', aboutTarget(f.message, target));
}

/**
 * The message without the target's name at its start ("Container web has no memory limit." →
 * "has no memory limit."), since the row already names it; any other message is kept whole.
 */
export function aboutTarget(message: string, target: string): string {
  const at = message.indexOf(`${target} `);
  if (at < 0 || !/^([A-Z][a-z]*( [a-z]+)? )?$/.test(message.slice(0, at))) return message;
  return message.slice(at + target.length + 1);
}

/** A finding's message and evidence, wrapped to the width under the finding's row. */
export function findingDetail(f: Finding, width: number): Line[] {
  const indent = '        ';
  const room = Math.max(20, width - 2 - indent.length);
  const out: Line[] = [];
  const para = (lead: Segment, text: string) => {
    for (const [i, t] of wrap(text, room - cells(lead.text)).entries()) out.push(line(indent, i === 0 ? lead : seg(' '.repeat(cells(lead.text))), t));
  };
  // A target's row shows what is wrong, not which recommendation says so: the title goes here.
  if (subjectLabel(f)) para(seg('rule: ', 'muted'), f.title);
  para(seg(`${f.status} · ${f.severity} · level ${f.level}: `, 'muted'), f.message);
  for (const e of f.evidence) para(seg('• ', 'muted'), `${e.kind}: ${e.detail}`);
  if (f.waiver)
    para(seg('waived: ', 'muted'), `${f.waiver.reason}${f.waiver.expires ? ` (until ${f.waiver.expires})` : ''}${f.waiver.expired ? ' — expired' : ''}`);
  if (f.status === 'fail' && f.remediation) para(seg('fix: ', 'muted'), f.remediation);
  return out;
}
