// The wizard's first frame, shown by bin/docker-harden.js before the rest of the program loads
// (its own small entry in the bundle): with no command on a terminal the wizard is what runs, so
// the plain Inspect frame can be up, and reading keys, while the commands, the facts code and Ink
// load. startWizard then carries on with this frame and whatever was answered on it.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { HostFacts } from '../facts/host-facts.js';
import { showFirstFrame, type FirstFrame } from './first-frame.js';
import { describeSource } from './model/inspect-view.js';
import type { TerminalSize } from './model/frame.js';
import { enterFullScreen, type FullScreen } from './terminal.js';

export interface EarlyFrame {
  readonly screen: FullScreen;
  readonly frame: FirstFrame;
  /** What the frame names as inspected ("this host (root /)"); the wizard checks it names the same. */
  readonly source: string;
  readonly size: TerminalSize;
  /** The facts the frame waits for (enter goes on once they are in; a failure is shown). */
  supplyFacts(facts: Promise<HostFacts>): void;
}

let shown: EarlyFrame | undefined;

/**
 * Draws the frame when `argv` asks for the wizard in a way read here exactly as the CLI reads it:
 * nothing, or only --from, --root (an existing directory), --no-color and --no-engine. Anything
 * else (a command, another option, an SSH host) goes the ordinary way. Says whether it drew.
 */
export function showEarlyFrame(argv: readonly string[], stdin: NodeJS.ReadStream = process.stdin, stdout: NodeJS.WriteStream = process.stdout): boolean {
  const source = wizardSource(argv);
  if (source === undefined || !stdin.isTTY || !stdout.isTTY || /^ssh:/.test(process.env.DOCKER_HOST ?? '')) return false;
  const screen = enterFullScreen(stdout);
  const size = { columns: stdout.columns || 80, rows: stdout.rows || 24 };
  let supplyFacts: (facts: Promise<HostFacts>) => void = () => {};
  const facts = new Promise<HostFacts>((resolve) => (supplyFacts = resolve));
  shown = { screen, frame: showFirstFrame({ stdin, stdout, source, size, facts }), source, size, supplyFacts };
  // An error said before the wizard took the frame (none is expected) is said on the shell's screen.
  const write = process.stderr.write;
  restoreStderr = () => {
    process.stderr.write = write;
    restoreStderr = () => {};
  };
  process.stderr.write = function (this: unknown, ...args: Parameters<typeof write>) {
    dropEarlyFrame(stdin);
    return write.apply(process.stderr, args);
  } as typeof write;
  return true;
}

let restoreStderr = () => {};

/** The Inspect screen's source for these arguments, or undefined when they are not only wizard options. */
export function wizardSource(argv: readonly string[]): string | undefined {
  let root = '/';
  let from: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const flag = eq < 0 ? arg : arg.slice(0, eq);
    if ((flag === '--no-color' || flag === '--no-engine') && eq < 0) continue;
    if (flag !== '--root' && flag !== '--from') return undefined;
    const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value.trim() === '' || value.startsWith('-')) return undefined;
    if (flag === '--root') root = value;
    else from = value;
  }
  const resolvedRoot = path.resolve(root);
  if (!statSync(resolvedRoot, { throwIfNoEntry: false })?.isDirectory()) return undefined;
  return describeSource({ root: resolvedRoot, from: from === undefined ? undefined : path.resolve(from) });
}

/** The frame shown before the program loaded, for the wizard to carry on with; once. */
export function takeEarlyFrame(): EarlyFrame | undefined {
  const early = shown;
  shown = undefined;
  restoreStderr();
  return early;
}

/** The program ended without the wizard taking the frame over: give the terminal back as it was. */
export function dropEarlyFrame(stdin: NodeJS.ReadStream = process.stdin): void {
  const early = takeEarlyFrame();
  if (!early) return;
  early.frame.handOver();
  if (stdin.isTTY) stdin.setRawMode(false);
  stdin.pause();
  early.screen.leave();
}
