// Probe 'tlsCertificates': when each certificate dockerd's TLS options name (tlscacert, tlscert)
// expires, so the audit can warn before clients are locked out (CIS 2.8, 3.9–3.12). Parsed with
// node:crypto's X509Certificate: no openssl process, and keys are never read.
import { X509Certificate } from 'node:crypto';
import type { TlsCertificateFacts } from '../facts/host-facts.js';
import { readHostText } from './host-fs.js';
import type { HostAccess } from './host-reader.js';
import { probed, type Probed } from './probe.js';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

export async function probeTlsCertificates(host: HostAccess, paths: readonly string[]): Promise<Probed<Record<string, TlsCertificateFacts>>> {
  const out: Record<string, TlsCertificateFacts> = {};
  for (const p of [...new Set(paths)].sort()) out[p] = await readCertificate(host, p);
  const read = Object.values(out).filter((c) => 'notAfter' in c).length;
  if (paths.length === 0) return probed(out, 'ok', 'no TLS certificate is configured');
  return probed(out, 'ok', `${read} of ${Object.keys(out).length} TLS certificates read`);
}

async function readCertificate(host: HostAccess, p: string): Promise<TlsCertificateFacts> {
  const text = await readHostText(host, p);
  if (text.content === null) return { error: text.message };
  // A bundle holds the certificate first; a key file or garbage has no certificate block.
  const pem = PEM_BLOCK.exec(text.content)?.[0];
  if (!pem) return { error: `${p} holds no PEM certificate` };
  try {
    const cert = new X509Certificate(pem);
    return { notAfter: new Date(cert.validTo).toISOString(), subject: cert.subject.replace(/\n/g, ', ') };
  } catch (err) {
    return { error: `${p} is not a valid certificate (${(err as Error).message})` };
  }
}
