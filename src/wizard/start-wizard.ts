// The wizard's entry from the CLI. Deliberately light: it draws the first frame as plain text at
// once, starts inspecting the host, and only then loads Ink and React (the slow part of startup),
// which take over the same frame.
import type { GlobalOptions } from '../services/options.js';
import type { HostFacts, ProbeName, ProbeStatus } from '../facts/host-facts.js';
import { inspectFrame, describeSource } from './model/inspect-view.js';
import { plainText } from './model/lines.js';
import { HOME_AND_CLEAR, enterFullScreen, importInteractive } from './terminal.js';
import { terminalText } from '../core/terminal-text.js';

export async function startWizard(opts: GlobalOptions, stdout: NodeJS.WriteStream = process.stdout): Promise<number> {
  const screen = enterFullScreen(stdout);
  try {
    const size = { columns: stdout.columns || 80, rows: stdout.rows || 24 };
    stdout.write(plainText(inspectFrame({ state: { phase: 'running', tick: 0 }, source: describeSource(opts), size })));
    const progress: Partial<Record<ProbeName, ProbeStatus>> = {};
    const facts = loadFacts(opts, (name, status) => {
      progress[name] = status;
    });
    facts.catch(() => {}); // the Inspect screen reports a failure; it must not end the process first
    const { launch } = await importInteractive(() => import('./run-wizard.js'));
    stdout.write(HOME_AND_CLEAR);
    const outcome = await launch(opts, facts, progress);
    screen.leave();
    // Summaries name written paths and errors, which may hold anything the inputs held.
    for (const line of outcome.summary) stdout.write(`${terminalText(line)}\n`);
    return outcome.exitCode;
  } finally {
    screen.leave();
  }
}

async function loadFacts(opts: GlobalOptions, onProbe: (name: ProbeName, status: ProbeStatus) => void): Promise<HostFacts> {
  const { loadFacts: load } = await import('../services/facts-source.js');
  return load({ ...opts, onProbe });
}
