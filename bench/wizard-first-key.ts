// The wizard's time to its first answered key, as a person at a terminal meets it: the command starts
// in a tmux pane; Enter is pressed as soon as the first screen asks for it; the clock stops when the
// screen has changed to the findings. A private tmux server, killed afterwards.
import { execFileSync, spawnSync } from 'node:child_process';

const PROMPT = 'Press enter to see the findings.';
const ANSWERED = '2/5 Findings';

export async function timeWizardFirstKey(command: string, timeoutMs = 30_000): Promise<number> {
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
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    await until(PROMPT);
    tmux('send-keys', '-t', 'w', 'Enter');
    await until(ANSWERED);
    return performance.now() - start;
  } finally {
    spawnSync('tmux', ['-L', server, 'kill-server']);
  }
}
