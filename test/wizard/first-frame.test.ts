// The plain first frame answers keys before Ink has loaded: drawn into a captured stream, with keys
// written to a stand-in terminal stdin (raw mode recorded), and facts from a saved host.
import { PassThrough } from 'node:stream';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { showFirstFrame } from '../../src/wizard/first-frame.js';
import { readFactsFile } from '../../src/facts/facts-file.js';
import type { HostFacts } from '../../src/facts/host-facts.js';
import { REPO } from '../support/ensure-build.js';

const FACTS = path.join(REPO, 'test/fixtures/hosts/debian-docker-io.json');
const SIZE = { columns: 100, rows: 30 };

function terminal() {
  const stdin = Object.assign(new PassThrough(), { isTTY: true, raw: [] as boolean[] });
  Object.assign(stdin, { setRawMode: (on: boolean) => stdin.raw.push(on) });
  let written = '';
  const stdout = new PassThrough();
  stdout.on('data', (d: Buffer) => (written += d.toString()));
  // The screen is what the last clear left: each frame starts with cursor home and clear.
  const screen = () => written.slice(written.lastIndexOf('\u001B[J') + 3);
  return { stdin, stdout, screen };
}

const tick = () => new Promise((r) => setTimeout(r, 20));

function start(facts: Promise<HostFacts>) {
  const t = terminal();
  const first = showFirstFrame({
    stdin: t.stdin as unknown as NodeJS.ReadStream,
    stdout: t.stdout as unknown as NodeJS.WriteStream,
    source: 'saved facts from f.json',
    size: SIZE,
    facts,
  });
  const key = async (k: string) => {
    t.stdin.write(k);
    await tick();
  };
  return { ...t, first, key };
}

const never = () => new Promise<HostFacts>(() => {});
const settled = (p: Promise<unknown>) => Promise.race([p.then(() => true), tick().then(() => false)]);

describe('the first frame before Ink', () => {
  it('is drawn at once, in raw mode, and shows and closes the key help', async () => {
    const w = start(never());
    await tick();
    expect(w.stdin.raw).toEqual([true]);
    expect(w.screen()).toContain('1/5 Inspect');
    expect(w.screen()).toContain('Inspecting saved facts from f.json …');
    await w.key('?');
    expect(w.screen()).toContain('Press any key to close this help.');
    expect(w.screen()).toContain('q / esc');
    await w.key('x');
    expect(w.screen()).toContain('Inspecting saved facts from f.json …');
    expect(w.first.handOver()).toBeUndefined();
  });

  it('leaves on q, esc and ctrl+c, and takes an arrow as one key', async () => {
    for (const [k, answer] of [
      ['q', 'back'],
      ['\u001B', 'back'],
      ['\u0003', 'cancel'],
    ] as const) {
      const w = start(never());
      await w.key('\u001B[A'); // an arrow means nothing here, and is not read as esc
      expect(await settled(w.first.answered)).toBe(false);
      await w.key(k);
      await expect(w.first.answered).resolves.toBe(answer);
      expect(w.first.handOver()).toBe(answer);
    }
  });

  it('goes on with enter only once the facts are in, and says so on the frame', async () => {
    let resolve: (f: HostFacts) => void = () => {};
    const w = start(new Promise<HostFacts>((r) => (resolve = r)));
    await w.key('\r');
    expect(await settled(w.first.answered)).toBe(false);
    expect(w.screen()).toContain('Inspecting saved facts');
    resolve(await readFactsFile(FACTS));
    await tick();
    await w.key('\r');
    await expect(w.first.answered).resolves.toBe('next');
    expect(w.screen()).toContain('Inspected saved facts from f.json.');
    expect(w.screen()).toContain('Opening the findings…');
    expect(w.screen()).not.toContain('Press enter to see the findings.');
  });

  it('says why the inspection failed as soon as it has', async () => {
    const w = start(Promise.reject(new Error('no such file')));
    await tick();
    expect(w.screen()).toContain('Could not inspect saved facts from f.json.');
    expect(w.screen()).toContain('Press q to leave.');
  });

  it('hands an open help over to Ink as the "?" that opened it', async () => {
    const w = start(never());
    await w.key('?');
    expect(w.first.handOver()).toBeUndefined();
    expect(w.stdin.read()?.toString()).toBe('?');
  });

  it('draws nothing once Ink has taken over, not even a failed inspection', async () => {
    let reject: (err: Error) => void = () => {};
    const w = start(new Promise<HostFacts>((_, r) => (reject = r)));
    await tick();
    w.first.handOver();
    const before = w.screen();
    reject(new Error('no such file'));
    await tick();
    expect(w.screen()).toBe(before);
  });

  it('leaves keys typed after the hand-over in stdin for Ink', async () => {
    const w = start(never());
    expect(w.first.handOver()).toBeUndefined();
    await w.key('q');
    expect(w.stdin.read()?.toString()).toBe('q');
    expect(await settled(w.first.answered)).toBe(false);
  });
});
