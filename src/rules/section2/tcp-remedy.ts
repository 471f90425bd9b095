// The two fixes for a Docker API on tcp:// (CIS 2.8), chosen by the profile's tcpRemedy: stop
// listening there (remote access then goes over SSH), or mutual TLS with certificates made on the
// host. Each -H value is edited where it is written: daemon.json "hosts", the unit's ExecStart, or
// a variable of its environment file (DOCKER_OPTS in /etc/default/docker).
import type { HostFacts } from '../../facts/host-facts.js';
import { effectiveConfig, unitArgs } from '../../facts/effective-config.js';
import { parseDockerdArgs } from '../../facts/dockerd-flags.js';
import { unitArgOrigins } from '../../facts/flag-origins.js';
import { effectiveValues } from '../../facts/systemd-unit.js';
import type { Contribution } from '../contribution.js';
import type { HardeningParams } from '../params.js';
import { manual } from './remedy.js';

export const TLS_KEYS = ['tls', 'tlsverify', 'tlscacert', 'tlscert', 'tlskey'] as const;
const DEFAULT_SOCKET = '/var/run/docker.sock';
const FD_IMPACT = (unix: string) =>
  `dockerd wraps a socket-activated -H fd:// listener in TLS too, so local docker commands would fail: it listens on ${unix} itself instead (docker.socket still starts first; dockerd replaces the socket file). Every TCP client needs the client certificate; dockerd restarts.`;

/** A dockerd -H value that is a TCP listener: tcp://, or host:port without a scheme. */
export function isTcpHost(host: string): boolean {
  return host.trim() !== '' && !/^(unix|fd|npipe|ssh):\/\//.test(host.trim());
}

/** The server and client files mutual TLS makes under the profile's tlsCertDir. */
export function tlsFiles(dir: string) {
  return { ca: `${dir}/ca.pem`, cert: `${dir}/server-cert.pem`, key: `${dir}/server-key.pem`, client: `${dir}/client` };
}

/** The contributions for tcp:// listeners `tcp`, as the profile asks; `activated` are docker.socket's TCP ListenStream= values. */
export function tcpRemedy(facts: HostFacts, params: HardeningParams, tcp: string[], activated: string[], hostsFromFile = false): Contribution[] {
  const out: Contribution[] = [];
  if (activated.length > 0) {
    out.push(
      manual(
        `docker.socket listens on ${activated.join(', ')} (ListenStream=): remove those lines in a docker.socket drop-in (an empty ListenStream= first, then the unix socket path again) and restart docker.socket.`,
      ),
    );
  }
  const direct = tcp.filter((h) => !h.startsWith('fd://'));
  if (direct.length === 0) return out;
  const hosts = effectiveConfig(facts).get('hosts');
  if (hostsFromFile || hosts?.source === 'file') return [...out, ...fromDaemonJson(facts, params, direct)];
  if (!flagsFromUnit(facts)) {
    return [
      ...out,
      manual(
        `dockerd gets ${direct.map((h) => `-H ${h}`).join(' ')} on a command line that is not docker.service's (started by hand or by another manager): ${params.tcpRemedy === 'mutual-tls' ? 'add --tlsverify --tlscacert --tlscert --tlskey there' : 'remove them there'} and restart it.`,
      ),
    ];
  }
  return [...out, ...fromFlags(facts, params, direct)];
}

function fromDaemonJson(facts: HostFacts, params: HardeningParams, tcp: string[]): Contribution[] {
  const list = effectiveConfig(facts).file?.hosts;
  const all = Array.isArray(list) ? list.map(String) : [];
  if (params.tcpRemedy === 'stop-listening') {
    const rest = all.filter((h) => !tcp.includes(h));
    // No "hosts" at all: dockerd listens on its default unix socket, so a local listener stays.
    return [
      rest.length > 0
        ? { kind: 'daemon-json-set', key: 'hosts', value: rest }
        : { kind: 'daemon-json-remove', key: 'hosts', reason: 'only TCP listeners were set' },
    ];
  }
  const f = tlsFiles(params.tlsCertDir);
  return [
    certificates(facts, params, tcp),
    { kind: 'daemon-json-set', key: 'tlsverify', value: true },
    { kind: 'daemon-json-set', key: 'tlscacert', value: f.ca },
    { kind: 'daemon-json-set', key: 'tlscert', value: f.cert },
    { kind: 'daemon-json-set', key: 'tlskey', value: f.key },
  ];
}

function fromFlags(facts: HostFacts, params: HardeningParams, tcp: string[]): Contribution[] {
  if (params.tcpRemedy === 'stop-listening') return [{ kind: 'dockerd-hosts', drop: tcp, replace: {}, addArgs: [] }];
  const f = tlsFiles(params.tlsCertDir);
  const cfg = effectiveConfig(facts);
  const hosts = cfg.get('hosts')?.value;
  // dockerd wraps a socket-activated fd:// listener in TLS as well: the local socket becomes a plain unix:// one.
  const replace: Record<string, string> = {};
  if (Array.isArray(hosts) && hosts.includes('fd://')) replace['fd://'] = `unix://${activatedSocketPath(facts)}`;
  const inFile = TLS_KEYS.filter((k) => cfg.file && Object.hasOwn(cfg.file, k));
  // A flag next to the same key in daemon.json stops dockerd: where daemon.json has TLS keys, they go there.
  const tlsConfig: Contribution[] =
    inFile.length > 0
      ? [
          { kind: 'daemon-json-set', key: 'tlsverify', value: true },
          { kind: 'daemon-json-set', key: 'tlscacert', value: f.ca },
          { kind: 'daemon-json-set', key: 'tlscert', value: f.cert },
          { kind: 'daemon-json-set', key: 'tlskey', value: f.key },
        ]
      : [];
  const addArgs = inFile.length > 0 ? [] : ['--tlsverify', '--tlscacert', f.ca, '--tlscert', f.cert, '--tlskey', f.key];
  const edit: Contribution[] =
    addArgs.length > 0 || Object.keys(replace).length > 0
      ? [{ kind: 'dockerd-hosts', drop: [], replace, addArgs, ...(replace['fd://'] ? { impact: FD_IMPACT(replace['fd://']) } : {}) }]
      : [];
  return [certificates(facts, params, tcp), ...edit, ...tlsConfig];
}

function certificates(facts: HostFacts, params: HardeningParams, tcp: string[]): Contribution {
  const listenIps = tcp
    .map((h) => /^(?:tcp:\/\/)?\[?([0-9a-fA-F.:]+?)\]?:\d+$/.exec(h)?.[1])
    .filter((ip): ip is string => !!ip && ip !== '0.0.0.0' && ip !== '::');
  const ips = [...new Set(['127.0.0.1', ...listenIps, ...(facts.hostAddresses ?? [])])];
  const dnsNames = [...new Set([facts.hostname, 'localhost'].filter((n) => /^[A-Za-z0-9.-]+$/.test(n)))];
  return { kind: 'tls-certificates', dir: params.tlsCertDir, commonName: dnsNames[0] ?? 'localhost', dnsNames, ips, listen: tcp[0] };
}

/** The unix socket docker.socket creates (its first path ListenStream=), else the packaged default. */
function activatedSocketPath(facts: HostFacts): string {
  const unit = facts.systemd.socket;
  return (unit ? effectiveValues(unit, 'Socket', 'ListenStream') : []).find((v) => v.startsWith('/')) ?? DEFAULT_SOCKET;
}

/** True when docker.service's own command line (ExecStart and its environment files) gives the -H flags in force. */
function flagsFromUnit(facts: HostFacts): boolean {
  const unit = unitArgs(facts);
  if (!unit || !unitArgOrigins(facts, unit.line, unit.args)) return false;
  const fromUnit = parseDockerdArgs(unit.args).get('hosts')?.value;
  const inForce = effectiveConfig(facts).flags.get('hosts')?.value;
  return JSON.stringify(fromUnit) === JSON.stringify(inForce);
}
