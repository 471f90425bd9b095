// The built wizard in a real 80×24 terminal (tmux), replaying a saved host: the findings about
// containers name their target on each row, and every frame fits the terminal. Polls the screen for
// text; no assertion depends on how long anything takes.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, REPO, ensureBuilt } from '../support/ensure-build.js';

const FACTS = path.join(REPO, 'test/fixtures/hosts/debian-docker-io.json');
const SERVER = `dh-80x24-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
const SESSION = 'narrow';

const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', SERVER, ...args], { encoding: 'utf8' });
const screen = (): string => tmux('capture-pane', '-p', '-t', SESSION);

async function until(check: (text: string) => boolean, what: string): Promise<string> {
  const start = Date.now();
  for (;;) {
    const text = screen();
    if (check(text)) return text;
    // A generous limit that only ends a test that is stuck; nothing is asserted about the time.
    if (Date.now() - start > 60_000) throw new Error(`no ${what} on the screen:\n${text}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Send one key and wait until the screen has changed, so the next key meets the screen it is for. */
async function key(k: string): Promise<void> {
  const before = screen();
  tmux('send-keys', '-t', SESSION, k);
  await until((s) => s !== before, `change after ${k}`);
}

const cursorRow = (s: string): string => s.split('\n').find((l) => l.startsWith('› ')) ?? '';

/** Every captured row fits 80 columns, and the frame is the terminal's 24 rows. */
function expectFits(s: string): void {
  const rows = s.replace(/\n$/, '').split('\n');
  expect(rows.length).toBe(24);
  for (const r of rows) expect([...r].length).toBeLessThanOrEqual(80);
}

beforeAll(async () => {
  await ensureBuilt();
  const command = `env -u CI -u CONTINUOUS_INTEGRATION NO_COLOR=1 node ${BIN} --from ${FACTS}; echo "EXIT=$?"; sleep 600`;
  execFileSync('tmux', ['-L', SERVER, 'new-session', '-d', '-s', SESSION, '-x', '80', '-y', '24', command]);
}, 240_000);

afterAll(() => {
  spawnSync('tmux', ['-L', SERVER, 'kill-server']);
});

describe('the wizard at 80×24 in tmux', () => {
  it('shows each container finding with its target first, on rows that fit', async () => {
    await until((s) => s.includes('Press enter to see the findings.'), 'the inspected facts');
    await key('Enter');
    await until((s) => s.includes('2/5 Findings'), 'the Findings screen');
    for (let i = 0; i < 12 && !cursorRow(screen()).includes('5 Container Runtime'); i++) await key('j');
    expect(cursorRow(screen())).toContain('▸ 5 Container Runtime Configuration');
    await key('Enter');
    const open = await until((s) => s.includes('▾ 5 Container Runtime'), 'section 5 open');
    expectFits(open);
    const rows = open.split('\n');
    // Both containers of the host are named on their own rows, each with what is wrong with it.
    expect(rows.some((l) => /^ {4}[✗⚠] 5\.2 +web: has no AppArmor profile/.test(l))).toBe(true);
    expect(rows.some((l) => /^ {4}[✗⚠] 5\.2 +debug-shell: has no AppArmor profile/.test(l))).toBe(true);
    expect(open).not.toContain('Ensure that, if applicable, an AppArmor');

    // Further down, the 5.4 rows differ by target instead of ending in the same cut title.
    for (let i = 0; i < 8 && !screen().includes('5.4 '); i++) await key('PageDown');
    const more = await until((s) => s.includes('5.4 '), 'the 5.4 rows');
    expectFits(more);
    const caps = more.split('\n').filter((l) => / 5\.4 /.test(l));
    expect(caps.map((l) => l.match(/ 5\.4 +([\w-]+):/)?.[1]).sort()).toEqual(['debug-shell', 'web']);
    expect(more).not.toContain('restricted within contai');
  });
});
