// Mutual TLS for dockerd (CIS 2.8): a CA, a server certificate and a client certificate, made by
// openssl on the host as one plan step, so no private key is ever in the plan, a script or a patch.
// Each file is made only when it is missing (a second run changes nothing), then given the owner
// and mode of CIS 3.9–3.14: root:root, 0444 for certificates, 0400 for keys.
import type { PlanNote, PlanStep } from '../plan-model/plan.js';
import type { Tagged } from '../rules/contribution.js';

export interface TlsCertificatesResult {
  steps: PlanStep[];
  manual: PlanNote[];
}

const CA_DAYS = 3650;
const LEAF_DAYS = 825;

export function renderTlsCertificates(contributions: Tagged<'tls-certificates'>[]): TlsCertificatesResult {
  const c = contributions[0];
  if (!c) return { steps: [], manual: [] };
  const p = paths(c.dir);
  const steps: PlanStep[] = [
    {
      id: 'tls-certificates',
      description: `Make the TLS CA, server and client certificates in ${c.dir}`,
      command: certificateCommand(c),
      when: 'after-files',
      reason: 'dockerd reads tlscacert, tlscert and tlskey when it starts, so they must exist before the restart; keys are made here and never leave the host.',
    },
  ];
  const manual: PlanNote[] = [
    {
      ruleId: c.ruleId,
      paths: [],
      text: `The client configuration is in ${p.client} (ca.pem, cert.pem, key.pem): copy it to a client over SSH and run \`DOCKER_HOST=${clientUrl(c)} DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH=<that folder> docker version\`. The CA key ${p.caKey} signs further client certificates; keep it on the host.`,
    },
  ];
  return { steps, manual };
}

/** The address a client dials: the listener's port on the host's name (dockerd listens on every address for 0.0.0.0). */
function clientUrl(c: Tagged<'tls-certificates'>): string {
  const port = /:(\d+)$/.exec(c.listen)?.[1] ?? '2376';
  return `tcp://${c.commonName}:${port}`;
}

function paths(dir: string) {
  const client = `${dir}/client`;
  return {
    ca: `${dir}/ca.pem`,
    caKey: `${dir}/ca-key.pem`,
    cert: `${dir}/server-cert.pem`,
    key: `${dir}/server-key.pem`,
    client,
    clientCa: `${client}/ca.pem`,
    clientCert: `${client}/cert.pem`,
    clientKey: `${client}/key.pem`,
  };
}

/**
 * The step's argv: a constant POSIX sh script, with the folder, the common name and the SAN line as
 * its positional parameters ($1, $2, $3), so no path is ever spliced into shell text; every
 * expansion in it is double-quoted.
 */
export function certificateCommand(c: Pick<Tagged<'tls-certificates'>, 'dir' | 'commonName' | 'dnsNames' | 'ips'>): string[] {
  const sans = [...c.dnsNames.map((n) => `DNS:${n}`), ...c.ips.map((ip) => `IP:${ip}`)].join(',');
  return ['sh', '-c', CERTIFICATE_SCRIPT, 'docker-harden-tls', c.dir, c.commonName, `subjectAltName = ${sans}`];
}

const KEY = `-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes`;
const SIGN = `openssl x509 -req -days ${LEAF_DAYS} -CA "$d/ca.pem" -CAkey "$d/ca-key.pem" -CAcreateserial`;

const CERTIFICATE_SCRIPT = `set -eu
umask 077
d=$1
mkdir -p "$d/client"
if ! test -e "$d/ca.pem"; then
  openssl req -x509 ${KEY} -days ${CA_DAYS} -subj "/CN=docker-harden CA for $2" -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign -keyout "$d/ca-key.pem" -out "$d/ca.pem"
fi
if ! test -e "$d/server-cert.pem"; then
  openssl req ${KEY} -subj "/CN=$2" -keyout "$d/server-key.pem" -out "$d/server.csr"
  printf '%s\n' "$3" 'extendedKeyUsage = serverAuth' > "$d/server.ext"
  ${SIGN} -in "$d/server.csr" -extfile "$d/server.ext" -out "$d/server-cert.pem"
  rm -f "$d/server.csr" "$d/server.ext"
fi
if ! test -e "$d/client/cert.pem"; then
  openssl req ${KEY} -subj /CN=docker-client -keyout "$d/client/key.pem" -out "$d/client.csr"
  printf '%s\n' 'extendedKeyUsage = clientAuth' > "$d/client.ext"
  ${SIGN} -in "$d/client.csr" -extfile "$d/client.ext" -out "$d/client/cert.pem"
  rm -f "$d/client.csr" "$d/client.ext"
fi
test -e "$d/client/ca.pem" || cp "$d/ca.pem" "$d/client/ca.pem"
chown root:root "$d/ca.pem" "$d/ca-key.pem" "$d/server-cert.pem" "$d/server-key.pem" "$d/client/ca.pem" "$d/client/cert.pem" "$d/client/key.pem"
chmod 0444 "$d/ca.pem" "$d/server-cert.pem" "$d/client/ca.pem" "$d/client/cert.pem"
chmod 0400 "$d/ca-key.pem" "$d/server-key.pem" "$d/client/key.pem"
chmod 0755 "$d"
chmod 0700 "$d/client"
`;
