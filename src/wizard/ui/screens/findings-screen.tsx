// Screen 2: the audit per CIS section; enter opens a section to its findings and a finding to its
// evidence; the list scrolls to keep the cursor in view.
import { useRef } from 'react';
import type { AuditReport } from '../../../audit/findings.js';
import { summaryLine } from '../../../audit/summary.js';
import { bodyHeight } from '../../model/frame.js';
import { cursorIndex, findingsHeader, findingsRows, findingsStep, initialFindingsNav, type FindingsNav } from '../../model/findings-view.js';
import type { KeyEvent } from '../../model/key-event.js';
import { line, seg, type Line } from '../../model/lines.js';
import { follow, rangeLabel } from '../../model/scroll.js';
import { ScreenFrame } from '../screen-frame.js';
import { useKeyState, useScreenKeys } from '../use-screen-keys.js';
import { useTerminalSize } from '../use-terminal-size.js';

export type FindingsResult = { type: 'next' } | { type: 'back' };

export const FINDINGS_KEYS = [
  ['↑ ↓ / k j', 'move'],
  ['pgup pgdn', 'move a page'],
  ['enter / space', 'open or close a section or finding'],
  ['c', 'continue to the profile'],
  ['q / esc', 'back to the inspection'],
] as const;

export function FindingsScreen({ report, onDone }: { readonly report: AuditReport; readonly onDone: (r: FindingsResult) => void }) {
  const size = useTerminalSize();
  const [nav, dispatch] = useKeyState(
    (s: FindingsNav, ev: KeyEvent) => findingsStep(report.findings, s, ev),
    () => initialFindingsNav(report.findings),
    (type) => onDone({ type }),
  );
  const listHeight = bodyHeight(size.rows) - 3;
  const helpOpen = useScreenKeys(dispatch, { page: listHeight });

  const rows = findingsRows(report.findings, nav.open, size.columns);
  const at = cursorIndex(rows, nav.cursor);
  const offset = useRef(0);
  offset.current = follow(offset.current, at, listHeight, rows.length);
  const visible = rows
    .slice(offset.current, offset.current + listHeight)
    .map((r, i): Line => [seg(offset.current + i === at ? '› ' : '  ', 'accent'), ...r.line]);
  const body = [line(summaryLine(report.summary)), [], findingsHeader(size.columns), ...visible];
  const where = rangeLabel(offset.current, listHeight, rows.length);
  const footer = `↑↓ move  enter open  c continue  q back  ? help${where ? `   ${where}` : ''}`;
  return <ScreenFrame step="Findings" context={report.facts.hostname} body={body} footer={footer} size={size} keys={FINDINGS_KEYS} helpOpen={helpOpen} />;
}
