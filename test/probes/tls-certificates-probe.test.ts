// The expiry probe reads certificates with node:crypto, under --root, and says why where it cannot.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { probeTlsCertificates } from '../../src/probes/tls-certificates-probe.js';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

describe.skipIf(!hasOpenssl)('probeTlsCertificates', () => {
  it('records notAfter and subject, and an error for a missing file or one without a certificate', async () => {
    const root = mkdtempSync('/tmp/dh-certs-root-');
    const dir = path.join(root, 'etc/docker/tls');
    mkdirSync(dir, { recursive: true });
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '10',
        '-subj',
        '/CN=ten-days',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'ca.pem'),
      ],
      { stdio: 'ignore' },
    );
    writeFileSync(path.join(dir, 'garbage.pem'), 'not a certificate\n');
    const { value, status } = await probeTlsCertificates(root, ['/etc/docker/tls/ca.pem', '/etc/docker/tls/garbage.pem', '/etc/docker/tls/none.pem']);
    expect(status.status).toBe('ok');
    const ca = value['/etc/docker/tls/ca.pem'];
    expect(ca).toMatchObject({ subject: 'CN=ten-days' });
    const days = (Date.parse((ca as { notAfter: string }).notAfter) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(9.9);
    expect(days).toBeLessThan(10.1);
    expect(value['/etc/docker/tls/garbage.pem']).toEqual({ error: '/etc/docker/tls/garbage.pem holds no PEM certificate' });
    expect(value['/etc/docker/tls/none.pem']).toEqual({ error: '/etc/docker/tls/none.pem does not exist' });
  });
});
