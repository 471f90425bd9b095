// A minimal Engine API client over node:http: GET + JSON, unix socket or TCP, with keep-alive so
// hundreds of inspect calls reuse a few connections. No `docker` process is ever spawned.
import http from 'node:http';
import https from 'node:https';
import type { Endpoint } from './docker-host.js';

export class EngineHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly path: string,
    message: string,
  ) {
    super(`${path}: HTTP ${statusCode}${message ? ` ${message}` : ''}`);
    this.name = 'EngineHttpError';
  }
}

export interface EngineClient {
  get<T = unknown>(path: string, timeoutMs?: number): Promise<T>;
  /** Any method, optional JSON body; resolves with the raw body of a 2xx answer (logs are not JSON). */
  send(method: string, path: string, opts?: SendOptions): Promise<Buffer>;
  close(): void;
}

export interface SendOptions {
  body?: unknown;
  /** Deadline for the whole exchange, not only for silence on the socket. */
  timeoutMs?: number;
  /** Bytes kept of the answer; the rest is dropped (a container's logs can be endless). */
  maxBytes?: number;
}

export function engineClient(endpoint: Endpoint, opts: { maxSockets?: number; timeoutMs?: number } = {}): EngineClient {
  const tunnel = endpoint.kind === 'unix' ? endpoint.tunnel : undefined;
  const maxSockets = Math.min(opts.maxSockets ?? 16, tunnel?.maxConnections ?? Number.POSITIVE_INFINITY);
  // tcp:// with client certificates (DOCKER_TLS_VERIFY): the server is verified against ca.pem.
  const tls = endpoint.kind === 'tcp' ? endpoint.tls : undefined;
  const agent = tls ? new https.Agent({ keepAlive: true, maxSockets, ...tls }) : new http.Agent({ keepAlive: true, maxSockets });
  // Over a tunnel every connection is a fresh stream to the daemon's socket on the other host.
  if (tunnel) (agent as unknown as { createConnection: () => unknown }).createConnection = () => tunnel.dial();
  const request = tls ? https.request : http.request;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const target = tunnel ? { host: 'localhost' } : endpoint.kind === 'unix' ? { socketPath: endpoint.socketPath } : { host: endpoint.host, port: endpoint.port };
  return {
    get<T>(path: string, timeout = timeoutMs): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const req = request({ ...target, path, method: 'GET', agent, headers: { Accept: 'application/json' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const body = Buffer.concat(chunks).toString('utf8');
            const status = res.statusCode ?? 0;
            if (status < 200 || status >= 300) {
              reject(new EngineHttpError(status, path, errorText(body)));
              return;
            }
            try {
              resolve(JSON.parse(body) as T);
            } catch {
              reject(new EngineHttpError(status, path, 'answered with something that is not JSON'));
            }
          });
        });
        // A socket that accepts but never answers must not hang the whole inspection.
        req.setTimeout(timeout, () => req.destroy(Object.assign(new Error(`no answer within ${timeout} ms`), { code: 'ETIMEDOUT' })));
        req.on('error', reject);
        req.end();
      });
    },
    send(method: string, path: string, opts: SendOptions = {}): Promise<Buffer> {
      const timeout = opts.timeoutMs ?? timeoutMs;
      const maxBytes = opts.maxBytes ?? Number.POSITIVE_INFINITY;
      const payload = opts.body === undefined ? undefined : Buffer.from(JSON.stringify(opts.body));
      const headers: http.OutgoingHttpHeaders = payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {};
      return new Promise<Buffer>((resolve, reject) => {
        const req = request({ ...target, path, method, agent, headers }, (res) => {
          const chunks: Buffer[] = [];
          let kept = 0;
          res.on('data', (c: Buffer) => {
            chunks.push(c.subarray(0, maxBytes - kept));
            kept += c.length;
            if (kept >= maxBytes && (res.statusCode ?? 0) < 300) {
              // Enough: stop the transfer rather than read the rest only to drop it.
              clearTimeout(timer);
              resolve(Buffer.concat(chunks));
              res.destroy();
            }
          });
          res.on('error', (err) => {
            clearTimeout(timer);
            reject(err);
          });
          res.on('end', () => {
            clearTimeout(timer);
            const body = Buffer.concat(chunks);
            const status = res.statusCode ?? 0;
            if (status < 200 || status >= 300) reject(new EngineHttpError(status, path, errorText(body.toString('utf8'))));
            else resolve(body);
          });
        });
        // Rejected here, not through the request: once headers are in, destroy() surfaces as ECONNRESET.
        const timer = setTimeout(() => {
          const err = Object.assign(new Error(`no answer within ${timeout} ms`), { code: 'ETIMEDOUT' });
          reject(err);
          req.destroy(err);
        }, timeout);
        req.on('error', (err) => {
          clearTimeout(timer);
          reject(err);
        });
        req.end(payload);
      });
    },
    close: () => agent.destroy(),
  };
}

function errorText(body: string): string {
  try {
    const message = (JSON.parse(body) as { message?: unknown }).message;
    if (typeof message === 'string') return message;
  } catch {
    /* not JSON */
  }
  return body.trim().split('\n')[0].slice(0, 200);
}
