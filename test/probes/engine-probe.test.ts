// The engine probe's handling of what a real daemon rarely does on cue: a socket that never
// answers, something that is not Docker, a container removed between list and inspect. A small
// HTTP server on a unix socket plays the engine; the real engine is covered in test/engine.
import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { probeEngine } from '../../src/probes/engine-probe.js';
import { parseDockerHost } from '../../src/probes/docker-host.js';
import { tempRoot, type TempRoot } from './temp-root.js';

let root: TempRoot;
let server: http.Server | null = null;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => (server ? server.close(r) : r(null)));
  server = null;
  root?.remove();
});

async function fakeEngine(handler: http.RequestListener): Promise<{ host: string; paths: string[] }> {
  root = tempRoot();
  const socket = path.join(root.dir, 'engine.sock');
  const paths: string[] = [];
  server = http
    .createServer((req, res) => {
      paths.push(req.url ?? '');
      handler(req, res);
    })
    .listen(socket);
  await new Promise((r) => server!.once('listening', r));
  return { host: `unix://${socket}`, paths };
}

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
};

describe('probeEngine', () => {
  // A daemon serves an unversioned path at its maximum API version, which is the ApiVersion that
  // /version announces: the probe asks without a version so it need not wait for /version first.
  // The fake serves both spellings; the probe must never use a version other than the announced one.
  const routes: Record<string, unknown> = {
    '/version': { Version: '99.0.0', ApiVersion: '1.99' },
    '/info': { DockerRootDir: '/srv/docker' },
    '/containers/json?all=1': [{ Id: 'aaa' }, { Id: 'gone' }],
    '/containers/aaa/json': { Id: 'aaa', Name: '/web', State: { Running: true } },
    '/images/json': [{ Id: 'sha256:1' }],
    '/images/sha256:1/json': { Id: 'sha256:1', Config: { User: 'app' } },
    '/images/sha256:1/history': [{ Id: 'sha256:1', CreatedBy: 'USER app' }],
    '/networks': [{ Name: 'bridge' }],
  };
  const route = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = (req.url ?? '').replace(/^\/v1\.99\//, '/');
    if (url !== '/version' && url in routes) json(res, 200, routes[url]);
    else if (req.url === '/version') json(res, 200, routes['/version']);
    else json(res, 404, { message: `No such container: ${req.url}` });
  };
  const expected = (host: string) => ({
    host,
    version: { Version: '99.0.0', ApiVersion: '1.99' },
    info: { DockerRootDir: '/srv/docker' },
    containers: [{ Id: 'aaa', Name: '/web', State: { Running: true } }],
    images: [{ Id: 'sha256:1', Config: { User: 'app' }, History: [{ Id: 'sha256:1', CreatedBy: 'USER app' }] }],
    networks: [{ Name: 'bridge' }],
  });

  it('reads everything at the version the engine announces and skips a container removed meanwhile', async () => {
    const { host, paths } = await fakeEngine(route);
    const { value, status } = await probeEngine(parseDockerHost(host));
    expect(status).toEqual({ status: 'ok', message: `Docker 99.0.0 (API 1.99) at ${host}: 1 container (1 running), 1 image, 1 network` });
    expect(value).toEqual(expected(host));
    expect(paths.filter((p) => /^\/v\d/.test(p) && !p.startsWith('/v1.99/'))).toEqual([]);
  });

  it('asks for the rest while /version is still being answered', async () => {
    // /version answers only once /info has been asked: a probe that waited for it would time out.
    let infoAsked: () => void = () => {};
    const info = new Promise<void>((r) => (infoAsked = r));
    const { host } = await fakeEngine((req, res) => {
      if (req.url === '/version') void info.then(() => route(req, res));
      else {
        if (req.url?.endsWith('/info')) infoAsked();
        route(req, res);
      }
    });
    const started = Date.now();
    const { value } = await probeEngine(parseDockerHost(host));
    expect(value).toEqual(expected(host));
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('over a tunnel, asks /version alone first and then speaks its version', async () => {
    // Each request over SSH opens a session on the target: the first goes alone, as it always did.
    const { host, paths } = await fakeEngine(route);
    const endpoint = parseDockerHost(host);
    if (endpoint.kind !== 'unix') throw new Error('unix endpoint expected');
    const tunnelled = { ...endpoint, tunnel: { dial: () => net.connect(endpoint.socketPath), maxConnections: 4 } };
    const { value } = await probeEngine(tunnelled);
    expect(value).toEqual(expected(host));
    expect(paths[0]).toBe('/version');
    expect(paths.slice(1).every((p) => p.startsWith('/v1.99/'))).toBe(true);
  });

  it('says error, not a crash, when the engine fails midway', async () => {
    const { host } = await fakeEngine((req, res) => {
      if (req.url === '/version') json(res, 200, { ApiVersion: '1.41' });
      else json(res, 500, { message: 'daemon is shutting down' });
    });
    const { value, status } = await probeEngine(parseDockerHost(host));
    expect(value).toBeNull();
    expect(status.status).toBe('error');
    expect(status.message).toMatch(/HTTP 500 daemon is shutting down$/);
  });

  it('says error when something that is not Docker answers', async () => {
    const { host } = await fakeEngine((_req, res) => {
      res.writeHead(404);
      res.end('<html>not found</html>');
    });
    expect((await probeEngine(parseDockerHost(host))).status).toEqual({
      status: 'error',
      message: `${host} answered /version: HTTP 404 <html>not found</html>`,
    });
  });

  it('gives up on a socket that accepts but never answers', async () => {
    const { host } = await fakeEngine(() => {
      /* never answers */
    });
    const started = Date.now();
    const { value, status } = await probeEngine(parseDockerHost(host));
    expect(value).toBeNull();
    expect(status).toEqual({ status: 'not-running', message: `no answer at ${host} (ETIMEDOUT)` });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
