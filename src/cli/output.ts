// The only place commands write to the terminal, so tests can capture it. Standard error carries
// only messages for people, so control characters in it are always shown escaped; standard output
// also carries scripts, patches and JSON, which must stay byte-exact, so text views escape their own.
import { terminalText } from '../core/terminal-text.js';
import type { Output } from '../services/output.js';

export const processOutput: Output = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: (text) => {
    const safe = terminalText(text);
    process.stderr.write(safe.endsWith('\n') ? safe : safe + '\n');
  },
};
