// The canary: after the daemon reloads or restarts, a throwaway container proves containers still
// start. It runs `true` from an image a container already uses, with no network, a read-only root
// and no capabilities, and is removed afterwards. A setting that stops every container (a
// default-ulimit above the daemon's own limit, a missing runtime) shows up here as the engine's error.
import { randomBytes } from 'node:crypto';
import type { HostFacts } from '../facts/host-facts.js';
import { EngineHttpError } from '../probes/engine-client.js';
import { openEngine } from './engine-endpoint.js';

export type CanaryResult =
  | { status: 'ok'; image: string }
  | { status: 'failed'; image: string; error: string }
  /** Nothing to test with (no image, or none that has `true`): not a failure, but not a proof either. */
  | { status: 'not-run'; reason: string };

/** Images of the containers the facts saw, running ones first, then any other local image. */
export function canaryImages(facts: HostFacts): string[] {
  const containers = [...(facts.engine?.containers ?? [])].sort((a, b) => Number(b.State?.Running === true) - Number(a.State?.Running === true));
  const ids = [...containers.map((c) => c.Image as string), ...(facts.engine?.images ?? []).map((i) => i.Id as string)];
  return [...new Set(ids.filter((i) => typeof i === 'string' && i !== ''))].slice(0, 3);
}

/** The same, asked of the engine now (rollback has no facts): images of its containers, running ones first. */
export async function engineImages(endpoint: string | undefined): Promise<string[]> {
  const engine = openEngine(endpoint);
  try {
    const list = await engine.get<{ ImageID?: string; State?: string }[]>('/containers/json?all=1');
    const sorted = [...list].sort((a, b) => Number(b.State === 'running') - Number(a.State === 'running'));
    return [...new Set(sorted.map((c) => c.ImageID ?? '').filter(Boolean))].slice(0, 3);
  } catch {
    return [];
  } finally {
    engine.close();
  }
}

/** The image itself lacks the command: say so and try another image; this is no daemon failure. */
const NO_COMMAND = /executable file not found|"(?:true|sh)": (?:stat )?[^"]*no such file or directory/i;

export async function runCanary(endpoint: string | undefined, images: string[]): Promise<CanaryResult> {
  if (images.length === 0) return { status: 'not-run', reason: 'no image is in use on this engine to start a canary container from' };
  const skipped: string[] = [];
  for (const image of images) {
    const result = await tryImage(endpoint, image);
    if (result.status !== 'not-run') return result;
    skipped.push(result.reason);
  }
  return { status: 'not-run', reason: skipped.join('; ') };
}

async function tryImage(endpoint: string | undefined, image: string): Promise<CanaryResult> {
  const engine = openEngine(endpoint);
  const name = `docker-harden-canary-${randomBytes(4).toString('hex')}`;
  let id: string | null = null;
  try {
    const created = JSON.parse(
      (
        await engine.send('POST', `/containers/create?name=${name}`, {
          timeoutMs: 30_000,
          body: {
            Image: image,
            Entrypoint: ['true'],
            Cmd: [],
            NetworkDisabled: true,
            Labels: { 'docker-harden.canary': 'true' },
            HostConfig: { NetworkMode: 'none', ReadonlyRootfs: true, CapDrop: ['ALL'], SecurityOpt: ['no-new-privileges'] },
          },
        })
      ).toString('utf8'),
    ) as { Id: string };
    id = created.Id;
    await engine.send('POST', `/containers/${id}/start`, { timeoutMs: 60_000 });
    const waited = JSON.parse((await engine.send('POST', `/containers/${id}/wait?condition=not-running`, { timeoutMs: 60_000 })).toString('utf8')) as {
      StatusCode: number;
      Error?: { Message?: string } | null;
    };
    if (waited.StatusCode === 0) return { status: 'ok', image };
    return { status: 'failed', image, error: waited.Error?.Message || `the canary container exited with code ${waited.StatusCode}` };
  } catch (err) {
    const message = err instanceof EngineHttpError ? err.message.replace(/^[^:]*: HTTP \d+ ?/, '') : (err as Error).message;
    if (err instanceof EngineHttpError && err.statusCode === 404 && /image/i.test(message)) {
      return { status: 'not-run', reason: `image ${short(image)} is not visible to the engine now (${message})` };
    }
    if (NO_COMMAND.test(message)) return { status: 'not-run', reason: `image ${short(image)} has no \`true\` to run` };
    return { status: 'failed', image, error: message };
  } finally {
    if (id) await engine.send('DELETE', `/containers/${id}?force=true`, { timeoutMs: 30_000 }).catch(() => {});
    engine.close();
  }
}

const short = (image: string) => image.replace(/^sha256:/, '').slice(0, 12);
