// The wizard's answer to keys, as a person at a terminal meets it: the command starts in a tmux
// pane (a private tmux server, killed afterwards) and the screen is read as tmux shows it.
//   firstKey: "?" is pressed as soon as the first frame is up; the clock stops when the key help
//             is on the screen. This is how soon the wizard reads keys after it starts.
//   findings: enter is pressed as soon as the Inspect screen asks for it; the clock stops when the
//             findings are on the screen (the facts, Ink and the audit all had to be ready).
import { execFileSync, spawnSync } from 'node:child_process';

const FIRST_FRAME = '1/5 Inspect';
const HELP = 'Press any key to close this help.';
const PROMPT = 'Press enter to see the findings.';
const ANSWERED = '2/5 Findings';

export interface WizardKeyTimes {
  /** Start until the first frame was on the screen. */
  firstFrame: number;
  /** Start until "?", pressed at the first frame, had changed the screen. */
  firstKey: number;
}

export async function timeWizardFirstKey(command: string, timeoutMs = 30_000): Promise<WizardKeyTimes> {
  return inTmux(command, timeoutMs, async (until, send, start) => {
    await until(FIRST_FRAME);
    const firstFrame = performance.now() - start;
    send('?');
    await until(HELP);
    return { firstFrame, firstKey: performance.now() - start };
  });
}

/** Start until enter, pressed when the Inspect screen asks for it, has brought up the findings. */
export async function timeWizardFindings(command: string, timeoutMs = 30_000): Promise<number> {
  return inTmux(command, timeoutMs, async (until, send, start) => {
    await until(PROMPT);
    send('Enter');
    await until(ANSWERED);
    return performance.now() - start;
  });
}

type Until = (text: string) => Promise<void>;

async function inTmux<T>(command: string, timeoutMs: number, drive: (until: Until, send: (key: string) => void, start: number) => Promise<T>): Promise<T> {
  const server = `dh-bench-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', server, ...args], { encoding: 'utf8' });
  const env = { ...process.env };
  for (const k of ['CI', 'CONTINUOUS_INTEGRATION', 'NO_COLOR', 'FORCE_COLOR']) delete env[k];
  const start = performance.now();
  execFileSync('tmux', ['-L', server, 'new-session', '-d', '-s', 'w', '-x', '100', '-y', '30', `${command}; sleep 600`], { env });
  try {
    const until = async (text: string) => {
      for (;;) {
        const screen = tmux('capture-pane', '-p', '-t', 'w');
        if (screen.includes(text)) return;
        if (performance.now() - start > timeoutMs) throw new Error(`no "${text}" within ${timeoutMs} ms:\n${screen}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    return await drive(until, (key) => tmux('send-keys', '-t', 'w', key), start);
  } finally {
    spawnSync('tmux', ['-L', server, 'kill-server']);
  }
}
