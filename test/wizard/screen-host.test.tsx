import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { render as inkTestRender, cleanup } from 'ink-testing-library';
import { render as inkRender, Text } from 'ink';
import { createScreenHost, WizardCancelled, type Mount } from '../../src/wizard/ui/screen-host.js';
import { renderFindings, renderReview, whileBusy } from '../../src/wizard/ui/prompts.js';
import { toneProps } from '../../src/wizard/ui/tones.js';
import { KEYS, waitFor } from './support/render-screen.js';
import { samplePlan, sampleReport } from './support/sample.js';

afterEach(cleanup);

/** A host on ink-testing-library, pinned to 80x24, and the stdin/frames to drive and read it. */
function testHost() {
  let r: ReturnType<typeof inkTestRender> | undefined;
  const mount: Mount = (node) => (r = inkTestRender(node));
  const host = createScreenHost({ color: false, size: { columns: 80, rows: 24 }, mount });
  const keys = async (...ks: string[]) => {
    for (const k of ks) {
      r!.stdin.write(k);
      await new Promise((res) => setTimeout(res, 15));
    }
  };
  return { host, keys, frame: () => r?.lastFrame() ?? '' };
}

describe('screens behind promises', () => {
  it('resolves each screen with what was chosen, and mounts the next one fresh', async () => {
    const t = testHost();
    const findings = renderFindings(t.host, { report: sampleReport() });
    await t.keys(KEYS.enter, 'c');
    await expect(findings).resolves.toEqual({ type: 'next' });
    const review = renderReview(t.host, { plan: samplePlan(), excluded: [] });
    await waitFor(() => t.frame().includes('4/5 Review'), 'the review screen');
    await t.keys(KEYS.space, 'c');
    await expect(review).resolves.toEqual({ type: 'next', excluded: ['/etc/audit/rules.d/docker.rules'], cursor: 0, recreate: [] });
    t.host.close();
  });

  it('rejects with WizardCancelled on ctrl+c, except while a screen is not cancellable', async () => {
    const t = testHost();
    const shown = t.host.show<string>((done) => <Text>pick {String(typeof done)}</Text>).catch((err: unknown) => err);
    await t.keys(KEYS.ctrlC);
    expect(await shown).toBeInstanceOf(WizardCancelled);

    let finish!: (v: string) => void;
    const writing = t.host.show<string>((done) => ((finish = done), (<Text>writing</Text>)), { cancellable: false });
    await t.keys(KEYS.ctrlC);
    finish('written');
    await expect(writing).resolves.toBe('written');
    t.host.close();
  });

  it('shows a spinner while work runs and hands back its result', async () => {
    const t = testHost();
    let release!: (v: number) => void;
    const busy = whileBusy(t.host, 'Profile', 'Making a plan for each shipped profile…', new Promise<number>((res) => (release = res)));
    await waitFor(() => t.frame().includes('Making a plan for each shipped profile…'), 'the spinner');
    release(7);
    await expect(busy).resolves.toBe(7);
    t.host.close();
  });
});

describe('terminal', () => {
  it('lays the screen out again for the new width when the terminal is resized', async () => {
    class Stdout extends EventEmitter {
      columns = 100;
      rows = 24;
      frames: string[] = [];
      write = (s: string) => this.frames.push(s);
    }
    // A terminal stdin as far as Ink asks (raw mode, no data).
    const stdin = Object.assign(new EventEmitter(), {
      isTTY: true,
      setRawMode() {},
      setEncoding() {},
      resume() {},
      pause() {},
      ref() {},
      unref() {},
      read: () => null,
    });
    const stdout = new Stdout();
    const mount: Mount = (node) =>
      inkRender(node, {
        stdout: stdout as unknown as NodeJS.WriteStream,
        stdin: stdin as unknown as NodeJS.ReadStream,
        debug: true,
        patchConsole: false,
        exitOnCtrlC: false,
      });
    const host = createScreenHost({ color: false, mount });
    void renderReview(host, { plan: samplePlan(), excluded: [] });
    const widest = () =>
      Math.max(
        ...stdout.frames
          .at(-1)!
          .split('\n')
          .map((l) => [...l].length),
      );
    await waitFor(() => stdout.frames.length > 0, 'a frame');
    expect(stdout.frames.at(-1)).toMatch(/\/etc\/docker\/daemon\.json {20,}/);
    stdout.columns = 60;
    stdout.emit('resize');
    await waitFor(() => widest() <= 60, 'a frame 60 columns wide');
    expect(stdout.frames.at(-1)).toContain('docker-harden · 4/5 Review');
    host.close();
  });

  it('maps tones to colours, and to no styling at all with colour off (NO_COLOR, --no-color)', () => {
    expect(toneProps('add', true)).toEqual({ color: 'green' });
    expect(toneProps('del', true)).toEqual({ color: 'red' });
    expect(toneProps('muted', true)).toEqual({ dimColor: true });
    for (const tone of ['add', 'del', 'hunk', 'strong', 'muted', 'accent', 'bad'] as const) expect(toneProps(tone, false)).toEqual({});
  });
});
