// The wizard's entry from the CLI. Deliberately light: it draws the first frame as plain text at
// once (or carries on with the one bin/docker-harden.js drew before the program loaded,
// early-frame.ts), answers keys on it (first-frame.ts), starts inspecting the host, and only then
// loads Ink and React (the slow part of startup), which take over the same frame.
import type { GlobalOptions } from '../services/options.js';
import type { HostFacts, ProbeName, ProbeStatus } from '../facts/host-facts.js';
import { describeSource } from './model/inspect-view.js';
import { enterFullScreen, importInteractive } from './terminal.js';
import { terminalText } from '../core/terminal-text.js';
import { showFirstFrame } from './first-frame.js';
import { takeEarlyFrame } from './early-frame.js';
import { cancelled, noChanges, type WizardOutcome } from './outcome.js';

export async function startWizard(opts: GlobalOptions, stdout: NodeJS.WriteStream = process.stdout, stdin: NodeJS.ReadStream = process.stdin): Promise<number> {
  const early = stdin === process.stdin && stdout === process.stdout ? takeEarlyFrame() : undefined;
  const screen = early?.screen ?? enterFullScreen(stdout);
  let first: ReturnType<typeof showFirstFrame> | undefined;
  try {
    const size = early?.size ?? { columns: stdout.columns || 80, rows: stdout.rows || 24 };
    const progress: Partial<Record<ProbeName, ProbeStatus>> = {};
    const facts = loadFacts(opts, (name, status) => {
      progress[name] = status;
    });
    // The Inspect screen reports a failure; it must not end the process first.
    let failed = false;
    facts.catch(() => {
      failed = true;
    });
    const source = describeSource(opts);
    if (early?.source === source) {
      early.supplyFacts(facts);
      first = early.frame;
    } else {
      early?.frame.handOver();
      first = showFirstFrame({ stdin, stdout, source, size, facts });
    }
    const interactive = loadInteractive();
    interactive.catch(() => {}); // awaited below unless a key ends the wizard first
    // Leaving from the first frame needs no Ink, unless the failed inspection must be explained.
    const answer = (await Promise.race([first.answered, interactive.then(() => undefined)])) ?? first.handOver();
    if (answer === 'cancel' || (answer === 'back' && !failed)) return finish(screen, stdout, answer === 'cancel' ? cancelled() : noChanges());
    const { launch } = await interactive;
    const outcome = await launch(opts, facts, progress, answer);
    return finish(screen, stdout, outcome);
  } finally {
    first?.handOver();
    // Ink, when it ran, has let go of stdin already; otherwise its reading would keep the process alive.
    if (stdin.isTTY) stdin.setRawMode(false);
    stdin.pause();
    screen.leave();
  }
}

function finish(screen: { leave(): void }, stdout: NodeJS.WriteStream, outcome: WizardOutcome): number {
  screen.leave();
  // Summaries name written paths and errors, which may hold anything the inputs held.
  for (const line of outcome.summary) stdout.write(`${terminalText(line)}\n`);
  return outcome.exitCode;
}

/**
 * React, then Ink, then the screens, each in its own step: keys typed meanwhile are answered
 * between the steps instead of after all of them.
 */
async function loadInteractive(): Promise<typeof import('./run-wizard.js')> {
  return importInteractive(async () => {
    await import('react');
    await import('ink');
    return import('./run-wizard.js');
  });
}

async function loadFacts(opts: GlobalOptions, onProbe: (name: ProbeName, status: ProbeStatus) => void): Promise<HostFacts> {
  const { loadFacts: load } = await import('../services/facts-source.js');
  return load({ ...opts, onProbe });
}
