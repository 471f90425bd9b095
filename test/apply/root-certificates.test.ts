// apply --root with tcpRemedy mutual-tls: the certificate step does not run under a root, so a plan
// whose dockerd flags name certificates the root lacks is refused before anything is written.
import { afterEach, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderTlsCertificates } from '../../src/artifacts/tls-certificates.js';
import { refuseMissingRootCertificates } from '../../src/apply/root-certificates.js';
import type { Plan } from '../../src/plan-model/plan.js';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

function planWithCertificates(dir: string): Plan {
  const { steps } = renderTlsCertificates([
    {
      kind: 'tls-certificates',
      ruleId: '2.8',
      dir,
      commonName: 'web1',
      dnsNames: ['web1', 'localhost'],
      ips: ['127.0.0.1'],
      listen: 'tcp://0.0.0.0:2376',
    } as never,
  ]);
  return { steps, files: [] } as unknown as Plan;
}

function root(): string {
  const r = mkdtempSync('/tmp/dh-root-certs-');
  roots.push(r);
  return r;
}

it('refuses under --root when the root lacks the certificates, and names them', () => {
  const r = root();
  expect(() => refuseMissingRootCertificates(planWithCertificates('/etc/docker/tls'), r)).toThrow(
    /certificates in \/etc\/docker\/tls, and the root .* does not hold ca\.pem, server-cert\.pem, server-key\.pem; under --root the certificates are not made/,
  );
});

it('goes on when the root holds them, and on the host itself', () => {
  const r = root();
  mkdirSync(path.join(r, 'etc/docker/tls'), { recursive: true });
  for (const f of ['ca.pem', 'server-cert.pem', 'server-key.pem']) writeFileSync(path.join(r, 'etc/docker/tls', f), 'x');
  expect(() => refuseMissingRootCertificates(planWithCertificates('/etc/docker/tls'), r)).not.toThrow();
  expect(() => refuseMissingRootCertificates(planWithCertificates('/nowhere/tls'), '/')).not.toThrow();
});

it('does not count certificates reached through a link out of the root', () => {
  const r = root();
  const outside = root();
  for (const f of ['ca.pem', 'server-cert.pem', 'server-key.pem']) writeFileSync(path.join(outside, f), 'x');
  mkdirSync(path.join(r, 'etc/docker'), { recursive: true });
  symlinkSync(outside, path.join(r, 'etc/docker/tls'));
  expect(() => refuseMissingRootCertificates(planWithCertificates('/etc/docker/tls'), r)).toThrow(/does not hold ca\.pem/);
});

it('a plan without the certificate step is never refused', () => {
  expect(() => refuseMissingRootCertificates({ steps: [], files: [] } as unknown as Plan, root())).not.toThrow();
});
