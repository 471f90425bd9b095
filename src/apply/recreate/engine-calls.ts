// The Engine API calls a recreate makes, each one small and named for what it does. Containers are
// addressed by full id wherever one is known: a name may change hands between two calls.
import { EngineHttpError, type EngineClient } from '../../probes/engine-client.js';

/** The parts of GET /containers/{id}/json a recreate reads. */
export interface LiveContainer {
  Id: string;
  /** With the engine's leading slash. */
  Name: string;
  Image: string;
  RestartCount: number;
  State: {
    Running: boolean;
    Restarting: boolean;
    ExitCode: number;
    OOMKilled: boolean;
    Error?: string;
    StartedAt?: string;
    FinishedAt?: string;
    Health?: { Status: string };
  };
  Config: {
    Tty?: boolean;
    Labels?: Record<string, string> | null;
    Healthcheck?: { Test?: string[]; Interval?: number; Timeout?: number; StartPeriod?: number; Retries?: number } | null;
  };
  HostConfig: { AutoRemove?: boolean; RestartPolicy?: { Name?: string; MaximumRetryCount?: number } };
}

/** The label a hardened container carries: the id of the container it replaces. Only such a container is ever removed. */
export const REPLACES_LABEL = 'docker-harden.replaces';

const path = (ref: string) => `/containers/${encodeURIComponent(ref)}`;

/** The container by id or name, or null when the engine has none. */
export async function inspectContainer(engine: EngineClient, ref: string): Promise<LiveContainer | null> {
  try {
    return await engine.get<LiveContainer>(`${path(ref)}/json`);
  } catch (err) {
    if (err instanceof EngineHttpError && err.statusCode === 404) return null;
    throw err;
  }
}

export async function imagePresent(engine: EngineClient, image: string): Promise<boolean> {
  try {
    await engine.get(`/images/${encodeURIComponent(image)}/json`);
    return true;
  } catch (err) {
    if (err instanceof EngineHttpError && err.statusCode === 404) return false;
    throw err;
  }
}

export async function renameContainer(engine: EngineClient, id: string, name: string): Promise<void> {
  await engine.send('POST', `${path(id)}/rename?name=${encodeURIComponent(name)}`);
}

/** 304 (already stopped / already started) is success: these calls are repeated by recovery. */
const unlessNotModified = (err: unknown) => {
  if (!(err instanceof EngineHttpError && err.statusCode === 304)) throw err;
};

/** Stop with the container's own stop signal and timeout (10 s unless it was created with another). */
export async function stopContainer(engine: EngineClient, id: string): Promise<void> {
  await engine.send('POST', `${path(id)}/stop`, { timeoutMs: 150_000 }).catch(unlessNotModified);
}

export async function startContainer(engine: EngineClient, id: string): Promise<void> {
  await engine.send('POST', `${path(id)}/start`, { timeoutMs: 60_000 }).catch(unlessNotModified);
}

/** Force-remove, keeping every volume: the hardened container mounts the original's volumes by name. */
export async function removeContainer(engine: EngineClient, id: string): Promise<void> {
  await engine.send('DELETE', `${path(id)}?force=1&v=0`, { timeoutMs: 60_000 }).catch((err: unknown) => {
    if (!(err instanceof EngineHttpError && err.statusCode === 404)) throw err;
  });
}

export async function setRestartPolicy(engine: EngineClient, id: string, policy: { Name: string; MaximumRetryCount?: number }): Promise<void> {
  await engine.send('POST', `${path(id)}/update`, { body: { RestartPolicy: policy } });
}

/** Create a container under `name`; returns its full id. */
export async function createContainer(engine: EngineClient, name: string, body: Record<string, unknown>): Promise<string> {
  const answer = await engine.send('POST', `/containers/create?name=${encodeURIComponent(name)}`, { body, timeoutMs: 60_000 });
  return (JSON.parse(answer.toString('utf8')) as { Id: string }).Id;
}

export async function connectNetwork(engine: EngineClient, network: string, id: string, endpointConfig: unknown): Promise<void> {
  await engine.send('POST', `/networks/${encodeURIComponent(network)}/connect`, { body: { Container: id, EndpointConfig: endpointConfig ?? {} } });
}

export async function networkExists(engine: EngineClient, name: string): Promise<boolean> {
  try {
    await engine.get(`/networks/${encodeURIComponent(name)}`);
    return true;
  } catch (err) {
    if (err instanceof EngineHttpError && err.statusCode === 404) return false;
    throw err;
  }
}

/** A user-defined bridge network of its own for a container that leaves the host network or the default bridge. */
export async function createBridgeNetwork(engine: EngineClient, name: string, forContainer: string): Promise<void> {
  await engine.send('POST', '/networks/create', {
    body: { Name: name, Driver: 'bridge', CheckDuplicate: true, Labels: { 'docker-harden.network-for': forContainer } },
  });
}

export async function removeNetwork(engine: EngineClient, name: string): Promise<void> {
  await engine.send('DELETE', `/networks/${encodeURIComponent(name)}`);
}

/** The engine's own words from a failed call, without the request path and status. */
export function engineMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return err instanceof EngineHttpError ? text.replace(/^[^:]*: HTTP \d+ ?/, '') : text;
}
