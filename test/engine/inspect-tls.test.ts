// A dockerd on tcp:// with --tlsverify, read the way the docker CLI reads it: DOCKER_TLS_VERIFY
// and DOCKER_CERT_PATH with ca.pem, cert.pem and key.pem. Certificates are made with openssl.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { describeEngine } from '../support/engine.js';
import { startPrivateEngine, stopPrivateEngine, type PrivateEngine } from '../support/private-engine.js';
import { inspectHost } from '../../src/probes/inspect-host.js';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

function openssl(dir: string, ...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
}

/** A CA, a server certificate for 127.0.0.1 and a client certificate, as dockerd's TLS docs lay them out. */
function makeCertificates(): string {
  const dir = mkdtempSync('/tmp/dh-tls-');
  openssl(dir, 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=dh-test-ca', '-keyout', 'ca-key.pem', '-out', 'ca.pem');
  writeFileSync(path.join(dir, 'server.ext'), 'subjectAltName = IP:127.0.0.1\nextendedKeyUsage = serverAuth\n');
  writeFileSync(path.join(dir, 'client.ext'), 'extendedKeyUsage = clientAuth\n');
  for (const [name, ext] of [
    ['server', 'server.ext'],
    ['', 'client.ext'],
  ] as const) {
    const base = name || 'client';
    openssl(dir, 'req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${base}`, '-keyout', `${name ? 'server-' : ''}key.pem`, '-out', `${base}.csr`);
    openssl(
      dir,
      'x509',
      '-req',
      '-in',
      `${base}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca-key.pem',
      '-CAcreateserial',
      '-days',
      '1',
      '-extfile',
      ext,
      '-out',
      name ? 'server-cert.pem' : 'cert.pem',
    );
  }
  return dir;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describeEngine('an engine on tcp:// with TLS', () => {
  let tlsEngine: PrivateEngine | null = null;
  let certs = '';
  let url = '';

  beforeAll(async () => {
    if (!hasOpenssl) return;
    certs = makeCertificates();
    const port = await freePort();
    url = `tcp://127.0.0.1:${port}`;
    tlsEngine = await startPrivateEngine({
      importImage: false,
      extraArgs: [
        '-H',
        url,
        '--tlsverify',
        '--tlscacert',
        path.join(certs, 'ca.pem'),
        '--tlscert',
        path.join(certs, 'server-cert.pem'),
        '--tlskey',
        path.join(certs, 'server-key.pem'),
      ],
    });
  }, 120_000);
  afterAll(async () => {
    if (tlsEngine) await stopPrivateEngine(tlsEngine);
  });

  it.skipIf(!hasOpenssl)('is read with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH, and not without them', async () => {
    const root = mkdtempSync('/tmp/dh-tls-root-');
    const withTls = await inspectHost({ root, dockerHost: url, env: { ...process.env, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs } });
    expect(withTls.probes.engine?.status).toBe('ok');
    expect(withTls.engine?.version.Version).toMatch(/^20\.10/);
    expect(withTls.engine?.host).toBe(url);

    const plain = await inspectHost({ root, dockerHost: url, env: { ...process.env, DOCKER_TLS_VERIFY: '' } });
    expect(plain.engine).toBeNull();
    expect(plain.probes.engine?.status).not.toBe('ok');
  });

  it('names the missing certificate file in one sentence', async () => {
    const root = mkdtempSync('/tmp/dh-tls-root-');
    await expect(
      inspectHost({ root, dockerHost: 'tcp://127.0.0.1:1', env: { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/nonexistent/certs' } }),
    ).rejects.toThrow(/^DOCKER_TLS_VERIFY is set, but \/nonexistent\/certs\/ca\.pem does not exist\.$/);
  });
});
