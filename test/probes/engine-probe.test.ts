// The engine probe's handling of what a real daemon rarely does on cue: a socket that never
// answers, something that is not Docker, a container removed between list and inspect. A small
// HTTP server on a unix socket plays the engine; the real engine is covered in test/engine.
import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
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
  it('speaks the API version the engine announces and skips a container removed meanwhile', async () => {
    const { host, paths } = await fakeEngine((req, res) => {
      const routes: Record<string, unknown> = {
        '/version': { Version: '99.0.0', ApiVersion: '1.99' },
        '/v1.99/info': { DockerRootDir: '/srv/docker' },
        '/v1.99/containers/json?all=1': [{ Id: 'aaa' }, { Id: 'gone' }],
        '/v1.99/containers/aaa/json': { Id: 'aaa', Name: '/web', State: { Running: true } },
        '/v1.99/images/json': [{ Id: 'sha256:1' }],
        '/v1.99/images/sha256:1/json': { Id: 'sha256:1', Config: { User: 'app' } },
        '/v1.99/images/sha256:1/history': [{ Id: 'sha256:1', CreatedBy: 'USER app' }],
        '/v1.99/networks': [{ Name: 'bridge' }],
      };
      if (req.url && req.url in routes) json(res, 200, routes[req.url]);
      else json(res, 404, { message: `No such container: ${req.url}` });
    });
    const { value, status } = await probeEngine(parseDockerHost(host));
    expect(status).toEqual({ status: 'ok', message: `Docker 99.0.0 (API 1.99) at ${host}: 1 container (1 running), 1 image, 1 network` });
    expect(value).toEqual({
      host,
      version: { Version: '99.0.0', ApiVersion: '1.99' },
      info: { DockerRootDir: '/srv/docker' },
      containers: [{ Id: 'aaa', Name: '/web', State: { Running: true } }],
      images: [{ Id: 'sha256:1', Config: { User: 'app' }, History: [{ Id: 'sha256:1', CreatedBy: 'USER app' }] }],
      networks: [{ Name: 'bridge' }],
    });
    expect(paths.filter((p) => p !== '/version').every((p) => p.startsWith('/v1.99/'))).toBe(true);
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
