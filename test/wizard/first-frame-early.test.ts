// The first frame drawn by the bin before the program loads (early-frame.ts): which arguments it is
// drawn for (exactly those the CLI reads as the wizard with the same source), that it answers keys
// on its own, that the wizard takes it over once, and that an error said before that is said on
// the shell's screen, not on the wizard's.
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import { cells, truncate } from '../../src/wizard/model/lines.js';
import { dropEarlyFrame, showEarlyFrame, takeEarlyFrame, wizardSource } from '../../src/wizard/early-frame.js';

function terminal(isTTY = true) {
  const stdin = Object.assign(new PassThrough(), { isTTY, raw: [] as boolean[] });
  Object.assign(stdin, { setRawMode: (on: boolean) => stdin.raw.push(on) });
  let written = '';
  const stdout = Object.assign(new PassThrough(), { isTTY, columns: 100, rows: 30 });
  stdout.on('data', (d: Buffer) => (written += d.toString()));
  const screen = () => written.slice(written.lastIndexOf('\u001B[J') + 3);
  return { stdin, stdout, screen, written: () => written };
}
const tick = () => new Promise((r) => setTimeout(r, 20));

afterEach(() => dropEarlyFrame());

describe('the arguments the early frame is drawn for', () => {
  it('names the source as the wizard will', () => {
    expect(wizardSource([])).toBe('this host (root /)');
    expect(wizardSource(['--no-color', '--no-engine'])).toBe('this host (root /)');
    expect(wizardSource(['--root', '/tmp'])).toBe('this host (root /tmp)');
    expect(wizardSource(['--root=/tmp/'])).toBe('this host (root /tmp)');
    expect(wizardSource(['--from', 'f.json'])).toBe(`saved facts from ${path.resolve('f.json')}`);
    expect(wizardSource(['--from=a.json', '--from', 'b.json'])).toBe(`saved facts from ${path.resolve('b.json')}`);
  });

  it('is not drawn for a command, another option, a missing or empty value, or a root that is no directory', () => {
    for (const argv of [
      ['audit'],
      ['--from', 'f.json', 'audit'],
      ['--help'],
      ['--ssh', 'me@host'],
      ['--docker-host', 'unix:///x.sock'],
      ['--from'],
      ['--from='],
      ['--root', ' '],
      ['--root', '--from'],
      ['--root', '/nonexistent/dir'],
      ['--no-color=yes'],
    ]) {
      expect(wizardSource(argv), argv.join(' ')).toBeUndefined();
    }
  });
});

describe('the early frame', () => {
  it('is drawn only on a terminal', () => {
    const t = terminal(false);
    expect(showEarlyFrame([], t.stdin as never, t.stdout as never)).toBe(false);
    expect(t.written()).toBe('');
    expect(takeEarlyFrame()).toBeUndefined();
  });

  it('answers "?" and q by itself, and is taken over once', async () => {
    const t = terminal();
    expect(showEarlyFrame([], t.stdin as never, t.stdout as never)).toBe(true);
    expect(t.stdin.raw).toEqual([true]);
    expect(t.screen()).toContain('Inspecting this host (root /) …');
    t.stdin.write('?');
    await tick();
    expect(t.screen()).toContain('Press any key to close this help.');
    t.stdin.write('xq');
    await tick();
    const early = takeEarlyFrame();
    expect(early?.source).toBe('this host (root /)');
    await expect(early!.frame.answered).resolves.toBe('back');
    expect(takeEarlyFrame()).toBeUndefined();
    early!.screen.leave();
  });

  it('gives the terminal back before an error is said, when the wizard never took it', () => {
    const t = terminal();
    const original = process.stderr.write;
    const said: string[] = [];
    // A stand-in for the real stderr, recording whether the wizard's screen had been left by then.
    process.stderr.write = ((text: string) => said.push(`${t.written().endsWith('\u001B[?1049l') ? 'shell' : 'wizard'}: ${text}`) > 0) as typeof original;
    try {
      showEarlyFrame([], t.stdin as never, t.stdout as never);
      process.stderr.write('docker-harden: something went wrong\n');
      process.stderr.write('and more\n');
    } finally {
      process.stderr.write = original;
    }
    expect(t.stdin.raw).toEqual([true, false]);
    expect(said).toEqual(['shell: docker-harden: something went wrong\n', 'shell: and more\n']);
    expect(takeEarlyFrame()).toBeUndefined();
  });
});

describe('the frame text measured and cut without string-width', () => {
  it('cuts text of one-cell characters exactly as cli-truncate does', () => {
    const texts = ['saved facts from /work/main/test/fixtures/hosts/debian-docker-io.json', 'a · b › c … d ✓ ⚠ ✗ ⠋', 'ab', 'abc'];
    for (const text of texts)
      for (let width = 1; width <= text.length + 1; width++)
        for (const position of ['end', 'middle', 'start'] as const) {
          expect(truncate(text, width, position), `${text} ${width} ${position}`).toBe(cliTruncate(text, width, { position }));
          expect(cells(text)).toBe(stringWidth(text));
        }
  });
});
