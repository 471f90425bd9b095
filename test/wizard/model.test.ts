import { describe, expect, it } from 'vitest';
import { cells, fitLine, line, plainText, seg, truncate, wrap } from '../../src/wizard/model/lines.js';
import { keyAction, splitTyped } from '../../src/wizard/model/keys.js';
import { follow, rangeLabel, scrollBy } from '../../src/wizard/model/scroll.js';
import { bodyHeight, frameLines } from '../../src/wizard/model/frame.js';
import { editText, fieldStep } from '../../src/wizard/model/text-edit.js';
import { initialListNav, listStep } from '../../src/wizard/model/list-state.js';
import { press } from '../../src/wizard/model/key-event.js';
import { PROBE_ORDER } from '../../src/probes/inspect-host.js';
import { WIZARD_PROBES, inspectFrame, probeMark, probeReason } from '../../src/wizard/model/inspect-view.js';

describe('lines', () => {
  it('truncates to terminal cells with an ellipsis, counting wide characters twice', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('a\tb', 10)).toBe('a  b');
    expect(cells('日本')).toBe(4);
    expect(truncate('日本語x', 5)).toBe('日本…');
  });

  it('cuts a line of segments at the width instead of wrapping it', () => {
    const cut = fitLine(line(seg('+', 'add'), seg('x'.repeat(100), 'add'), ' tail'), 10);
    expect(plainText([cut])).toBe('+xxxxxxxx…');
    expect(cut.every((s) => s.tone === 'add')).toBe(true);
  });

  it('word-wraps text, breaking words longer than a line', () => {
    expect(wrap('the quick brown fox', 9)).toEqual(['the quick', 'brown fox']);
    expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrap('', 5)).toEqual(['']);
  });

  it('frames a screen one row shorter than the terminal, whatever the body', () => {
    const size = { columns: 40, rows: 12 };
    const many = Array.from({ length: 50 }, (_, i) => line(`row ${i}`));
    for (const body of [[], many]) expect(frameLines({ step: 'Findings', body, footer: 'keys', size })).toHaveLength(11);
    expect(bodyHeight(24)).toBe(19);
    const title = plainText(
      frameLines({ step: 'Review', title: '/etc/docker/daemon.json', context: 'host web-1', body: [], footer: '', size: { columns: 80, rows: 24 } }).slice(
        0,
        1,
      ),
    );
    expect(title).toMatch(/^docker-harden · 4\/5 Review › \/etc\/docker\/daemon\.json +host web-1$/);
    expect(cells(title)).toBe(80);
  });
});

describe('keys', () => {
  it.each([
    ['k', {}, 'up'],
    ['', { upArrow: true }, 'up'],
    ['j', {}, 'down'],
    ['', { downArrow: true }, 'down'],
    ['\r', { return: true }, 'enter'],
    [' ', {}, 'toggle'],
    ['q', {}, 'back'],
    ['', { escape: true }, 'back'],
    ['?', {}, 'help'],
    ['c', {}, 'continue'],
    ['c', { ctrl: true }, 'quit'],
    ['g', {}, 'home'],
    ['G', {}, 'end'],
    ['', { pageDown: true }, 'pageDown'],
    ['y', {}, 'yes'],
    ['x', {}, null],
  ] as const)('%j %j is %s', (input, key, action) => {
    expect(keyAction(input, key)).toBe(action);
  });

  it('splits plain keys typed together, and leaves escape sequences and single keys alone', () => {
    expect(splitTyped('jj\r')).toEqual([
      ['j', {}],
      ['j', {}],
      ['\r', { return: true }],
    ]);
    expect(splitTyped('j')).toBeNull();
    expect(splitTyped('\u001B[B')).toBeNull();
  });
});

describe('scrolling', () => {
  it('moves the window only when the cursor leaves it', () => {
    expect(follow(0, 3, 5, 20)).toBe(0);
    expect(follow(0, 5, 5, 20)).toBe(1);
    expect(follow(10, 4, 5, 20)).toBe(4);
    expect(follow(18, 19, 5, 20)).toBe(15);
  });

  it('scrolls text by lines and pages without passing either end', () => {
    expect(scrollBy(0, 'up', 10, 30)).toBe(0);
    expect(scrollBy(0, 'pageDown', 10, 30)).toBe(10);
    expect(scrollBy(15, 'pageDown', 10, 30)).toBe(20);
    expect(scrollBy(5, 'end', 10, 30)).toBe(20);
    expect(rangeLabel(3, 10, 30)).toBe('4–13 of 30');
    expect(rangeLabel(0, 10, 5)).toBe('');
  });
});

describe('text field and lists', () => {
  it('edits a path: type, backspace (DEL), ctrl+u, enter, esc', () => {
    expect(editText('ab', 'c', {})).toEqual({ type: 'value', value: 'abc' });
    expect(editText('ab', '', { delete: true })).toEqual({ type: 'value', value: 'a' });
    expect(editText('ab', 'u', { ctrl: true })).toEqual({ type: 'value', value: '' });
    expect(editText('ab', '\r', { return: true })).toEqual({ type: 'submit', value: 'ab' });
    expect(editText('ab', '', { escape: true })).toEqual({ type: 'cancel' });
    expect(editText('ab', '', { upArrow: true })).toBeNull();
    expect(fieldStep({ value: '  ' }, '\r', { return: true })).toEqual({ value: '  ' });
    expect(fieldStep({ value: ' ./x.sh ' }, '\r', { return: true }).done).toEqual({ type: 'submit', value: './x.sh' });
  });

  it('moves a list cursor over available rows only', () => {
    const enabled = [false, true, false, true];
    let nav = initialListNav(enabled);
    expect(nav.cursor).toBe(1);
    nav = listStep(enabled, nav, press('j'));
    expect(nav.cursor).toBe(3);
    expect(listStep(enabled, nav, press('j'))).toBe(nav);
    expect(listStep(enabled, nav, press('\r', { return: true })).done).toBe(3);
    expect(listStep(enabled, nav, press('q')).done).toBe('back');
  });
});

describe('inspect view', () => {
  it('lists the probes inspectHost runs, in its order', () => {
    expect(WIZARD_PROBES.map(([name]) => name)).toEqual(PROBE_ORDER);
  });

  it('marks ok ✓, what a host may lack ⚠, a broken probe ✗', () => {
    expect(probeMark({ status: 'ok' }).text).toBe('✓');
    for (const status of ['missing', 'not-running', 'permission-denied'] as const) expect(probeMark({ status }).text).toBe('⚠');
    expect(probeMark({ status: 'error' }).text).toBe('✗');
    expect(probeReason({ status: 'not-running', message: 'no answer at unix:///run/docker.sock' })).toBe('not running: no answer at unix:///run/docker.sock');
    expect(probeReason(undefined)).toBe('not recorded');
  });

  it('draws the same first frame without Ink as the Ink screen does', () => {
    const text = plainText(inspectFrame({ state: { phase: 'running', tick: 0 }, source: 'this host (root /)', size: { columns: 80, rows: 24 } }));
    expect(text.split('\n')).toHaveLength(23);
    expect(text).toContain('Inspecting this host (root /) …');
    expect(text).toContain('  ⠋ auditctl');
  });

  it('shows each probe outcome as it arrives while the others still spin', () => {
    const probes = { engine: { status: 'not-running' as const, message: 'no answer' } };
    const text = plainText(inspectFrame({ state: { phase: 'running', tick: 0, probes }, source: 'this host (root /)', size: { columns: 80, rows: 24 } }));
    expect(text).toMatch(/⚠ engine +not running: no answer/);
    expect(text).toContain('  ⠋ auditctl');
  });
});

describe('inspectHost progress', () => {
  it('reports every probe once, as it finishes', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { inspectHost } = await import('../../src/probes/inspect-host.js');
    const seen: string[] = [];
    const facts = await inspectHost({
      root: mkdtempSync('/tmp/dh-progress-'),
      dockerHost: 'unix:///nonexistent/docker.sock',
      onProbe: (name) => seen.push(name),
    });
    expect([...seen].sort()).toEqual(Object.keys(facts.probes).sort());
    expect(new Set(seen).size).toBe(seen.length);
  });
});
