// The Inspect screen as lines: one row per probe, a spinner while the facts are being gathered,
// then ✓ / ⚠ / ✗ with a short reason. The same lines make the first frame, written before Ink loads.
import type { ProbeName, ProbeStatus } from '../../facts/host-facts.js';
import { frameLines, type TerminalSize } from './frame.js';
import { line, padEnd, seg, type Line, type Segment } from './lines.js';

/** The probes in the order inspectHost reports them, with the names people know them by. */
export const WIZARD_PROBES: readonly (readonly [ProbeName, string])[] = [
  ['engine', 'engine'],
  ['dockerdProcess', 'dockerd'],
  ['daemonJson', 'daemon.json'],
  ['systemd', 'systemd units'],
  ['envFiles', 'env files'],
  ['files', 'file modes'],
  ['audit', 'auditctl'],
  ['compose', 'compose'],
  ['users', 'docker group'],
  ['mounts', 'mounts'],
];

export const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'] as const;

export type InspectState =
  | { phase: 'running'; tick: number; probes?: Partial<Record<ProbeName, ProbeStatus>> }
  | { phase: 'done'; probes: Partial<Record<ProbeName, ProbeStatus>>; hostname: string; fromFile: boolean }
  | { phase: 'failed'; message: string };

export interface InspectViewInput {
  state: InspectState;
  /** "this host (root /)" or "saved facts from /tmp/f.json". */
  source: string;
  size: TerminalSize;
}

const WORDS: Record<ProbeStatus['status'], string> = {
  ok: 'ok',
  missing: 'not found',
  'not-running': 'not running',
  'permission-denied': 'permission denied',
  error: 'error',
};

/** ✓ for ok, ⚠ for what a host may lack or hide, ✗ for a probe that broke. */
export function probeMark(status: ProbeStatus | undefined): Segment {
  if (!status) return seg('·', 'muted');
  if (status.status === 'ok') return seg('✓', 'ok');
  if (status.status === 'error') return seg('✗', 'bad');
  return seg('⚠', 'warn');
}

export function probeReason(status: ProbeStatus | undefined): string {
  if (!status) return 'not recorded';
  if (status.status === 'ok') return status.message ?? 'ok';
  return status.message ? `${WORDS[status.status]}: ${status.message}` : WORDS[status.status];
}

export function inspectBody(state: InspectState, source: string): Line[] {
  const heading =
    state.phase === 'running'
      ? line(`Inspecting ${source} …`)
      : state.phase === 'failed'
        ? line(seg('✗ ', 'bad'), `Could not inspect ${source}.`)
        : line(`Inspected ${state.fromFile ? source : `host ${state.hostname}, ${source}`}.`);
  const rows = WIZARD_PROBES.map(([name, label]): Line => {
    const finished = state.phase === 'running' ? state.probes?.[name] : undefined;
    if (state.phase === 'running' && !finished) return line('  ', seg(SPINNER[state.tick % SPINNER.length], 'info'), ' ', padEnd(label, 15));
    if (state.phase === 'failed') return line('  ', seg('·', 'muted'), ' ', padEnd(label, 15));
    const status = state.phase === 'running' ? finished : state.probes[name];
    return line('  ', probeMark(status), ' ', padEnd(label, 15), seg(probeReason(status), status?.status === 'ok' ? 'muted' : undefined));
  });
  const tail =
    state.phase === 'running'
      ? []
      : state.phase === 'failed'
        ? [[], line(seg(state.message, 'bad')), [], line('Press q to leave.')]
        : [[], line('Press enter to see the findings.')];
  return [heading, [], ...rows, ...tail];
}

export const INSPECT_KEYS = [
  ['enter / c', 'continue to the findings'],
  ['q / esc', 'leave the wizard'],
] as const;

export function inspectFrame(input: InspectViewInput): Line[] {
  const footer = input.state.phase === 'done' ? 'enter continue  q quit  ? help' : input.state.phase === 'failed' ? 'q quit' : 'inspecting…  ctrl+c quit';
  return frameLines({ step: 'Inspect', body: inspectBody(input.state, input.source), footer, size: input.size });
}

/** Where the facts come from, as the Inspect screen names it. */
export function describeSource(opts: { root: string; from?: string }): string {
  return opts.from ? `saved facts from ${opts.from}` : `this host (root ${opts.root})`;
}
