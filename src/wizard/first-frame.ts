// The Inspect screen as plain text, answering keys while Ink and React are still loading (the slow
// part of startup): "?" shows the keys, q / esc and ctrl+c leave, enter / c goes on once the facts
// are in. It draws with the same pure frame functions as the Ink screen; Ink takes over the
// terminal when it has loaded, and what was answered here decides the Inspect step.
import type { HostFacts } from '../facts/host-facts.js';
import { describeError } from '../core/errors.js';
import { frameLines, helpBody, type TerminalSize } from './model/frame.js';
import { INSPECT_KEYS, inspectFrame } from './model/inspect-view.js';
import { line, plainText, type Line } from './model/lines.js';
import { HOME_AND_CLEAR } from './terminal.js';

/** What a key answered before Ink took over: go on to the findings, leave, or stop (ctrl+c). */
export type EarlyAnswer = 'next' | 'back' | 'cancel';

export interface FirstFrame {
  /** Settles with the first answer given here: 'back' and 'cancel' need no Ink at all. */
  readonly answered: Promise<EarlyAnswer>;
  /** Stop reading keys and drawing; keys typed from now on wait in stdin's buffer for Ink. */
  handOver(): EarlyAnswer | undefined;
}

type Settled = { facts: HostFacts } | { error: unknown } | null;

export function showFirstFrame(opts: {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  source: string;
  size: TerminalSize;
  facts: Promise<HostFacts>;
}): FirstFrame {
  const { stdin, stdout, source, size } = opts;
  let settled: Settled = null;
  /** Drawing and reading keys, until Ink takes over or a key has answered. */
  let active = true;
  let helpOpen = false;
  let answer: EarlyAnswer | undefined;
  let resolveAnswer: (a: EarlyAnswer) => void = () => {};
  const answered = new Promise<EarlyAnswer>((resolve) => (resolveAnswer = resolve));

  const draw = (lines: Line[]) => stdout.write(HOME_AND_CLEAR + plainText(lines));
  const running = () => inspectFrame({ state: { phase: 'running', tick: 0 }, source, size });
  const give = (a: EarlyAnswer) => {
    answer = a;
    stop();
    resolveAnswer(a);
  };

  const onKey = (key: string) => {
    if (answer) return;
    if (key === '\u0003') return give('cancel');
    if (helpOpen) {
      helpOpen = false;
      return draw(running());
    }
    if (key === '?') {
      helpOpen = true;
      return draw(frameLines({ step: 'Inspect', body: helpBody(INSPECT_KEYS), footer: 'any key closes the help', size }));
    }
    if (key === 'q' || key === '\u001B') return give('back');
    // As on the Ink screen, going on waits for the facts; the frame says the key was taken.
    if ((key === '\r' || key === '\n' || key === 'c') && settled && 'facts' in settled) {
      const { facts } = settled;
      const done = inspectFrame({
        state: { phase: 'done', probes: facts.probes, hostname: facts.hostname, fromFile: facts.source === 'file' },
        source,
        size,
      });
      draw(done.map((l) => (l.some((s) => s.text === 'Press enter to see the findings.') ? line('Opening the findings…') : l)));
      give('next');
    }
  };
  const onData = (data: Buffer | string) => {
    const text = data.toString();
    // An escape sequence (an arrow, a function key) is one key; plain keys typed fast arrive together.
    for (const key of text.startsWith('\u001B') && text.length > 1 ? [text] : [...text]) onKey(key);
  };

  opts.facts.then(
    (facts) => (settled = { facts }),
    (error: unknown) => {
      settled = { error };
      // A failed inspection says why at once, as the Ink screen would.
      if (active && !helpOpen) draw(inspectFrame({ state: { phase: 'failed', message: describeError(error) }, source, size }));
    },
  );

  // Read as Ink reads ('readable', not 'data'): when this listener goes, what is typed next stays
  // in the stream's buffer for Ink, and stdin keeps reading (a pause would stop it under Ink).
  const onReadable = () => {
    let chunk: Buffer | string | null;
    while (reading && (chunk = stdin.read() as Buffer | string | null) !== null) onData(chunk);
  };
  let reading = false;
  if (stdin.isTTY) {
    stdin.setRawMode(true);
    stdin.on('readable', onReadable);
    reading = true;
  }
  function stop() {
    active = false;
    if (!reading) return;
    reading = false;
    stdin.off('readable', onReadable);
  }
  draw(running());
  return {
    answered,
    handOver() {
      // The help open here stays open under Ink: Ink reads the "?" that opened it first.
      if (active && helpOpen && !answer) stdin.unshift(Buffer.from('?'));
      stop();
      return answer;
    },
  };
}
