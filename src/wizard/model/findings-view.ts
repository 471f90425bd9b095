// The Findings screen as rows: a summary per CIS section, which opens (enter) to its findings,
// each of which opens to its message and evidence. Rows are keyed so the cursor survives a
// section opening or closing above it.
import type { Finding, FindingStatus } from '../../audit/findings.js';
import { SECTION_TITLES } from '../../rules/cis-v1.8.0-ids.js';
import type { Section } from '../../rules/rule.js';
import { line, padEnd, padStart, seg, type Line, type Segment } from './lines.js';
import { findingDetail, findingLine } from './finding-lines.js';
import type { KeyEvent } from './key-event.js';
import { keyAction, leaving } from './keys.js';
import { toggled } from './toggled.js';

export interface FindingsRow {
  /** "s:2" for a section, "f:17" for report.findings[17]; absent on detail rows. */
  key?: string;
  line: Line;
}

export interface FindingsExpansion {
  sections: ReadonlySet<number>;
  findings: ReadonlySet<number>;
}

const COUNTED: readonly FindingStatus[] = ['pass', 'fail', 'manual', 'waived'];
const COLUMN = 7;

/** The column titles over the section rows, right-aligned to the counts. */
export function findingsHeader(width: number): Line {
  const counts = COUNTED.map((s) => padStart(s, COLUMN)).join('');
  return line(seg(padEnd('  CIS section', width - counts.length) + counts, 'muted'));
}

export function findingsRows(findings: readonly Finding[], open: FindingsExpansion, width: number): FindingsRow[] {
  const rows: FindingsRow[] = [];
  const sections = [...new Set(findings.map((f) => f.section))].sort((a, b) => a - b);
  for (const section of sections) {
    const inSection = findings.map((f, i) => [f, i] as const).filter(([f]) => f.section === section);
    const expanded = open.sections.has(section);
    const counts = COUNTED.map((s): Segment => {
      const n = inSection.filter(([f]) => f.status === s).length;
      return seg(padStart(String(n), COLUMN), n > 0 && s === 'fail' ? 'bad' : n > 0 && s === 'pass' ? 'ok' : undefined);
    });
    const titleWidth = width - 2 - COLUMN * COUNTED.length;
    const title = padEnd(`${expanded ? '▾' : '▸'} ${section} ${SECTION_TITLES[section as Section]}`, titleWidth);
    rows.push({ key: `s:${section}`, line: line(seg(title, 'strong'), ...counts) });
    if (!expanded) continue;
    for (const [f, i] of inSection) {
      rows.push({ key: `f:${i}`, line: findingLine(f) });
      if (open.findings.has(i)) rows.push(...findingDetail(f, width).map((l) => ({ line: l })));
    }
  }
  return rows;
}

/** Index of the row the cursor key points at, or of the nearest selectable row. */
export function cursorIndex(rows: readonly FindingsRow[], key: string): number {
  const i = rows.findIndex((r) => r.key === key);
  if (i >= 0) return i;
  // A finding row vanished (its section closed): fall back to that section.
  const idx = rows.findIndex((r) => r.key !== undefined);
  return Math.max(idx, 0);
}

/** The key of the next (dir 1) or previous (dir -1) selectable row, `steps` selectable rows away. */
export function moveKey(rows: readonly FindingsRow[], key: string, dir: 1 | -1, steps = 1): string {
  const keys = rows.filter((r) => r.key !== undefined).map((r) => r.key!);
  const at = Math.max(0, keys.indexOf(key));
  return keys[Math.max(0, Math.min(keys.length - 1, at + dir * steps))] ?? key;
}

export interface FindingsNav {
  open: FindingsExpansion;
  /** Key of the row under the cursor. */
  cursor: string;
  done?: 'next' | 'back';
}

export function initialFindingsNav(findings: readonly Finding[]): FindingsNav {
  const open = { sections: new Set<number>(), findings: new Set<number>() };
  return { open, cursor: findingsRows(findings, open, 80).find((r) => r.key)?.key ?? '' };
}

/** The Findings screen's state after one key. */
export function findingsStep(findings: readonly Finding[], nav: FindingsNav, ev: KeyEvent): FindingsNav {
  if (nav.done) return nav;
  const rows = findingsRows(findings, nav.open, 80);
  const page = Math.max(1, (ev.page ?? 10) - 1);
  const action = keyAction(ev.input, ev.key);
  const done = leaving(action);
  if (done) return { ...nav, done };
  switch (action) {
    case 'up':
      return { ...nav, cursor: moveKey(rows, nav.cursor, -1) };
    case 'down':
      return { ...nav, cursor: moveKey(rows, nav.cursor, 1) };
    case 'pageUp':
      return { ...nav, cursor: moveKey(rows, nav.cursor, -1, page) };
    case 'pageDown':
      return { ...nav, cursor: moveKey(rows, nav.cursor, 1, page) };
    case 'home':
      return { ...nav, cursor: moveKey(rows, nav.cursor, -1, rows.length) };
    case 'end':
      return { ...nav, cursor: moveKey(rows, nav.cursor, 1, rows.length) };
    case 'enter':
    case 'toggle':
      return nav.cursor ? { ...nav, open: toggleOpen(nav.open, nav.cursor) } : nav;
    default:
      return nav;
  }
}

function toggleOpen(open: FindingsExpansion, key: string): FindingsExpansion {
  const id = Number(key.slice(2));
  return key.startsWith('s:') ? { ...open, sections: toggled(open.sections, id) } : { ...open, findings: toggled(open.findings, id) };
}
