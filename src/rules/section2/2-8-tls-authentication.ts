// CIS 2.8: TLS client authentication wherever the API listens on TCP. Listeners come from -H/"hosts"
// and, for fd:// (socket activation), from docker.socket's ListenStream= lines. The fix is the
// profile's tcpRemedy (tcp-remedy.ts); certificates about to expire are a warning (tls-expiry.ts).
import type { HostFacts } from '../../facts/host-facts.js';
import { effectiveValues } from '../../facts/systemd-unit.js';
import { effectiveConfig } from '../../facts/effective-config.js';
import type { Contribution } from '../contribution.js';
import type { HardeningParams } from '../params.js';
import type { CheckResult, Evidence, Rule } from '../rule.js';
import { daemonJsonProbeText, flagsUnknownNote, readOption } from './support.js';
import { configBlocker } from './config-blocker.js';
import { blockerAdvice, hasFailure } from './remedy.js';
import { isTcpHost, tcpRemedy } from './tcp-remedy.js';
import { certificateExpiry } from './tls-expiry.js';

const KEYS = ['hosts', 'tls', 'tlsverify', 'tlscacert', 'tlscert', 'tlskey'];
const CERT_KEYS = ['tlscacert', 'tlscert', 'tlskey'] as const;

/** docker.socket ListenStream= values that are network addresses, not paths or abstract sockets. */
function socketTcpListeners(facts: HostFacts): string[] {
  const unit = facts.systemd.socket;
  if (!unit) return [];
  return effectiveValues(unit, 'Socket', 'ListenStream').filter((v) => !/^[/@%]/.test(v));
}

interface Listeners {
  /** tcp:// -H values, and "fd:// (docker.socket ListenStream=…)" for activated ports. */
  tcp: string[];
  /** docker.socket's TCP ListenStream= values. */
  activated: string[];
  evidence: Evidence[];
}

function listeners(facts: HostFacts): Listeners | undefined {
  const hosts = readOption(facts, 'hosts');
  if (!hosts) return undefined;
  const list = Array.isArray(hosts.value) ? hosts.value.map(String) : [];
  const tcp = list.filter(isTcpHost);
  const evidence = [hosts.evidence];
  const activated = list.some((h) => h.startsWith('fd://')) ? socketTcpListeners(facts) : [];
  tcp.push(...activated.map((a) => `fd:// (docker.socket ListenStream=${a})`));
  if (activated.length) evidence.push({ kind: 'systemd', detail: `ListenStream=${activated.join(', ')}`, path: facts.systemd.socket!.path });
  return { tcp, activated, evidence };
}

function check(facts: HostFacts): CheckResult[] {
  const blocked = configBlocker(facts, KEYS);
  if (blocked) return [blocked];
  const l = listeners(facts);
  if (!l) {
    return [
      {
        status: 'warn',
        message: `daemon.json could not be read (${daemonJsonProbeText(facts)}) and no -H flag was seen, so the API listeners are unknown.`,
        evidence: [{ kind: 'probe', detail: daemonJsonProbeText(facts), path: facts.daemonJson.path }],
      },
    ];
  }
  const note = flagsUnknownNote(facts);
  const tail = note ? `; ${note}.` : '.';
  if (l.tcp.length === 0) {
    return [{ status: 'pass', message: `The Docker API listens only on local sockets, so it is not exposed on the network${tail}`, evidence: l.evidence }];
  }
  const where = l.tcp.join(', ');
  const verify = readOption(facts, 'tlsverify');
  const tls = readOption(facts, 'tls');
  if (!verify) {
    return [
      {
        status: 'warn',
        message: `The Docker API listens on ${where}, but daemon.json could not be read (${daemonJsonProbeText(facts)}), so whether tlsverify is on is unknown.`,
        evidence: [...l.evidence, { kind: 'probe', detail: daemonJsonProbeText(facts), path: facts.daemonJson.path }],
      },
    ];
  }
  const evidence = [...l.evidence, verify.evidence];
  if (verify.value !== true) {
    const how = tls?.value === true ? 'with tls but without tlsverify, so clients are not authenticated' : 'without TLS client verification';
    return [
      {
        status: 'fail',
        message: `The Docker API listens on ${where} ${how}, and anyone who can reach it controls the host as root${tail}`,
        evidence: tls?.value === true ? [...evidence, tls.evidence] : evidence,
      },
    ];
  }
  const certs = CERT_KEYS.map((k) => ({ key: k, r: readOption(facts, k) }));
  const missing = certs.filter((c) => typeof c.r?.value !== 'string' || c.r.value === '').map((c) => c.key);
  const certEvidence = certs.flatMap((c) => (c.r ? [c.r.evidence] : []));
  if (missing.length > 0) {
    return [
      {
        status: 'fail',
        message: `The Docker API listens on ${where} with tlsverify on, but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set, so dockerd falls back to certificates under root's ~/.docker${tail}`,
        evidence: [...evidence, ...certEvidence],
      },
    ];
  }
  const expiry = certificateExpiry(facts, where);
  if (expiry) return [{ ...expiry, evidence: [...evidence, ...certEvidence, ...expiry.evidence] }];
  return [
    {
      status: 'pass',
      message: `The Docker API listens on ${where} with tlsverify and tlscacert, tlscert and tlskey set, so only clients with a certificate from that CA get in${tail}`,
      evidence: [...evidence, ...certEvidence],
    },
  ];
}

function remediate(facts: HostFacts, params: HardeningParams, results = check(facts)): Contribution[] {
  if (!hasFailure(results)) return [];
  const blocked = blockerAdvice(facts, KEYS);
  const clashes = effectiveConfig(facts).conflicts.filter((k) => KEYS.includes(k));
  // "hosts" both as -H and in daemon.json: the planned ExecStart rewrite drops the -H flags, so
  // daemon.json's list is the one to fix (otherwise the next run would change it again).
  const fileHosts = blocked?.flagConflict === true && clashes.length === 1 && clashes[0] === 'hosts';
  if (blocked && !fileHosts) return [blocked];
  const fromFile = effectiveConfig(facts).file?.hosts;
  const l = fileHosts ? { tcp: (Array.isArray(fromFile) ? fromFile.map(String) : []).filter(isTcpHost), activated: [] } : listeners(facts);
  if (!l) return [];
  const fixes = tcpRemedy(facts, params, l.tcp, l.activated, fileHosts).map((c) =>
    c.kind === 'manual' || c.impact ? c : { ...c, impact: IMPACT[params.tcpRemedy] },
  );
  return blocked ? [blocked, ...fixes] : fixes;
}

const IMPACT = {
  'stop-listening': 'Clients that reach the API over TCP stop working; use DOCKER_HOST=ssh://user@host (or docker context) instead. dockerd restarts.',
  'mutual-tls':
    'Every TCP client needs the client certificate (DOCKER_TLS_VERIFY=1, DOCKER_CERT_PATH); plain HTTP clients of the port stop working. dockerd restarts.',
} as const;

export const tlsAuthenticationRule: Rule = {
  id: '2.8',
  aliases: { '1.7.0': '2.7', '1.6.0': '2.7' },
  title: 'Ensure TLS authentication for Docker daemon is configured',
  section: 2,
  level: 1,
  automated: false,
  checks: 'facts',
  severity: 'critical',
  rationale:
    'The Docker API grants root on the host. On a TCP socket without TLS client verification anyone who can reach the port can start a privileged container that mounts the host filesystem.',
  impact:
    'Every client needs a certificate signed by the CA (DOCKER_TLS_VERIFY=1, DOCKER_CERT_PATH) and tools that talk plain HTTP to the port stop working; setting tls on an fd:// socket-activated unix socket also wraps the local socket in TLS.',
  remediation:
    'Prefer no TCP listener at all (use SSH for remote access); where TCP is needed, issue a CA, server and client certificates, configure "tlsverify": true with "tlscacert", "tlscert" and "tlskey", keep the key files mode 0400, and restart dockerd.',
  references: [
    'https://docs.docker.com/engine/security/protect-access/',
    'https://docs.docker.com/engine/daemon/remote-access/',
    'CIS Docker Benchmark v1.8.0, 2.8',
  ],
  check,
  remediate,
};
