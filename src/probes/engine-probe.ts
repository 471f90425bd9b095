// Probe 'engine': version, info, every container (running and stopped), images with their
// history, and networks, exactly as the Engine API returns them so evidence matches `docker inspect`.
import type { EngineFacts, EngineObject } from '../facts/host-facts.js';
import type { Endpoint } from './docker-host.js';
import { engineClient, EngineHttpError, type EngineClient } from './engine-client.js';
import { mapLimit, oneLine, probed, type Probed } from './probe.js';

/** Inspect calls in flight at once: enough to hide latency, few enough not to load the daemon. */
const CONCURRENCY = 16;

export async function probeEngine(endpoint: Endpoint): Promise<Probed<EngineFacts | null>> {
  const client = engineClient(endpoint, { maxSockets: CONCURRENCY });
  try {
    // Over SSH the first request also starts a session on the target, whose login shell may take
    // seconds to read its rc files: that is not the daemon hanging, so it gets longer.
    const tunnelled = endpoint.kind === 'unix' && endpoint.tunnel !== undefined;
    // Unversioned: every engine answers it. A live daemon answers at once; waiting long only
    // delays the report on a host where it hangs.
    const versionAnswer = client.get<EngineObject>('/version', tunnelled ? 20_000 : 5_000);
    // A daemon serves an unversioned path at its own maximum API version, the ApiVersion /version
    // announces, so the rest need not wait for it (dockerd runs runc and docker-init to answer
    // /version). Over SSH each request is a new session: the first one goes alone, as before.
    const rest = tunnelled ? null : settled(fetchRest(client, ''));
    let version: EngineObject;
    try {
      version = await versionAnswer;
    } catch (err) {
      return unreachable(endpoint, err);
    }
    const api = typeof version.ApiVersion === 'string' ? `/v${version.ApiVersion}` : '';
    const [info, containers, images, networks] = await (rest ? rest.then(unsettled) : fetchRest(client, api));
    const facts: EngineFacts = { host: endpoint.url, version, info, containers, images, networks };
    return probed(facts, 'ok', describeEngine(facts));
  } catch (err) {
    return probed(null, 'error', `${endpoint.url}: ${oneLine(err)}`);
  } finally {
    client.close();
  }
}

function fetchRest(client: EngineClient, api: string): Promise<[EngineObject, EngineObject[], EngineObject[], EngineObject[]]> {
  return Promise.all([
    client.get<EngineObject>(`${api}/info`),
    listContainers(client, api),
    listImages(client, api),
    client.get<EngineObject[]>(`${api}/networks`),
  ]);
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Holds a failure until it is asked for, so one left behind by an unreachable daemon is never unhandled. */
function settled<T>(p: Promise<T>): Promise<Settled<T>> {
  return p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

function unsettled<T>(s: Settled<T>): T {
  if (s.ok) return s.value;
  throw s.error;
}

async function listContainers(client: EngineClient, api: string): Promise<EngineObject[]> {
  const list = await client.get<{ Id: string }[]>(`${api}/containers/json?all=1`);
  const inspected = await mapLimit(list, CONCURRENCY, (c) => gone404(client.get<EngineObject>(`${api}/containers/${c.Id}/json`)));
  return inspected.filter((c): c is EngineObject => c !== null);
}

async function listImages(client: EngineClient, api: string): Promise<EngineObject[]> {
  const list = await client.get<{ Id: string }[]>(`${api}/images/json`);
  const inspected = await mapLimit(list, CONCURRENCY, async (img): Promise<EngineObject | null> => {
    const [image, history] = await Promise.all([
      gone404(client.get<EngineObject>(`${api}/images/${img.Id}/json`)),
      gone404(client.get<EngineObject[]>(`${api}/images/${img.Id}/history`)),
    ]);
    return image ? { ...image, History: history ?? [] } : null;
  });
  return inspected.filter((i): i is EngineObject => i !== null);
}

/** An object removed between the list and the inspect call is simply no longer there. */
async function gone404<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (err) {
    if (err instanceof EngineHttpError && err.statusCode === 404) return null;
    throw err;
  }
}

function unreachable(endpoint: Endpoint, err: unknown): Probed<null> {
  const code = (err as NodeJS.ErrnoException).code;
  const where = endpoint.kind === 'unix' ? endpoint.socketPath : endpoint.url;
  if (code === 'EACCES' || code === 'EPERM') {
    return probed(null, 'permission-denied', `permission denied on ${where} (run as root or as a member of the socket's group)`);
  }
  if (err instanceof EngineHttpError) return probed(null, 'error', `${endpoint.url} answered ${oneLine(err)}`);
  return probed(null, 'not-running', `no answer at ${endpoint.url}${code ? ` (${code})` : ''}`);
}

function describeEngine(e: EngineFacts): string {
  const running = e.containers.filter((c) => c.State?.Running).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return (
    `Docker ${e.version.Version ?? '?'} (API ${e.version.ApiVersion ?? '?'}) at ${e.host}: ` +
    `${plural(e.containers.length, 'container')} (${running} running), ${plural(e.images.length, 'image')}, ${plural(e.networks.length, 'network')}`
  );
}
