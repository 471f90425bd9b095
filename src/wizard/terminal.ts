// The wizard takes the whole terminal (the alternate screen, as pagers and editors do) and gives
// it back on every way out, so the shell's scrollback is left as it was.
const ENTER = '\u001B[?1049h\u001B[H\u001B[2J';
const LEAVE = '\u001B[?25h\u001B[?1049l';
/** Cursor home and clear, so Ink's first frame starts where the first frame was drawn. */
export const HOME_AND_CLEAR = '\u001B[H\u001B[J';

export interface FullScreen {
  leave(): void;
}

export function enterFullScreen(stdout: NodeJS.WriteStream): FullScreen {
  stdout.write(ENTER);
  let left = false;
  const leave = () => {
    if (left) return;
    left = true;
    process.off('exit', leave);
    stdout.write(LEAVE);
  };
  // An uncaught error ends the process without our finally blocks having run.
  process.on('exit', leave);
  return { leave };
}

/**
 * Import a module with the CI variables hidden: Ink reads them once, at load, and in CI mode it
 * draws nothing until exit, which would leave an interactive wizard blank. The global fetch is
 * hidden too: Ink's layout engine (yoga, WebAssembly inlined as base64) fetches its own data: URL
 * when fetch exists, and the first fetch loads node's whole HTTP client, a fifth of a second of
 * startup; without fetch it decodes the same bytes itself.
 */
export async function importInteractive<T>(load: () => Promise<T>): Promise<T> {
  const saved = { CI: process.env.CI, CONTINUOUS_INTEGRATION: process.env.CONTINUOUS_INTEGRATION };
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  const fetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (fetch?.configurable) delete (globalThis as { fetch?: unknown }).fetch;
  try {
    return await load();
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v !== undefined) process.env[k] = v;
    if (fetch?.configurable) Object.defineProperty(globalThis, 'fetch', fetch);
  }
}
