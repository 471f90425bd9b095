// The engine a plan was made for, opened through the Engine API (TLS where the environment asks
// for it, as the docker CLI does), and waiting for it to answer after a reload or restart.
import { engineClient, type EngineClient } from '../probes/engine-client.js';
import { parseDockerHost, withClientTls } from '../probes/docker-host.js';
import { DEFAULT_ENDPOINT } from '../plan/docker-cli.js';

export function openEngine(endpoint: string | undefined): EngineClient {
  return engineClient(withClientTls(parseDockerHost(endpoint ?? DEFAULT_ENDPOINT), process.env), { maxSockets: 2 });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Wait until the engine answers /_ping. `settleMs` first: dockerd handles SIGHUP in the
 * background, and a restart by a manager may return before the new daemon listens.
 */
export async function waitForEngine(endpoint: string | undefined, opts: { settleMs?: number; timeoutMs?: number } = {}): Promise<string | null> {
  await sleep(opts.settleMs ?? 0);
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  let last = '';
  for (;;) {
    const engine = openEngine(endpoint);
    try {
      await engine.send('GET', '/_ping', { timeoutMs: 5_000 });
      return null;
    } catch (err) {
      last = (err as Error).message;
    } finally {
      engine.close();
    }
    if (Date.now() > deadline) return `the engine at ${endpoint ?? DEFAULT_ENDPOINT} did not answer (${last})`;
    await sleep(250);
  }
}
