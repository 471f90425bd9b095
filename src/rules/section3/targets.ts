// The files each section 3 item talks about, located from the facts: unit paths from systemd, TLS
// files from the effective daemon config, sockets from -H / docker.socket, certs from the files probe.
import type { HostFacts } from '../../facts/host-facts.js';
import { effectiveConfig } from '../../facts/effective-config.js';
import { effectiveValues } from '../../facts/systemd-unit.js';
import type { Contribution } from '../contribution.js';
import type { CheckResult } from '../rule.js';
import { normalizeAuditPath } from '../../facts/audit-rule-parser.js';
import { socketUnitPaths } from '../section1/docker-paths.js';
import { unitAbsent } from '../section1/unit-absent.js';
import type { FileTarget } from './support.js';

export const CERTS_DIR = '/etc/docker/certs.d';

/** A unit file and its drop-ins (a drop-in can replace ExecStart, so it needs the same protection). */
export function unitFiles(facts: HostFacts, unit: 'docker.service' | 'docker.socket'): FileTarget[] | CheckResult {
  const found = unit === 'docker.service' ? facts.systemd.service : facts.systemd.socket;
  if (!found) return unitAbsent(facts, unit);
  return [{ path: found.path, source: `${unit} FragmentPath` }, ...found.dropIns.map((d) => ({ path: d.path, source: `${unit} drop-in` }))];
}

/** Every file under /etc/docker/certs.d/ that the files probe saw. */
export function registryCertFiles(facts: HostFacts): FileTarget[] | CheckResult {
  const dir = facts.files[CERTS_DIR];
  const files = Object.entries(facts.files)
    .filter(([p, s]) => p.startsWith(`${CERTS_DIR}/`) && s.exists && s.type !== 'directory')
    .map(([p]) => p)
    .sort();
  if (files.length > 0) return files.map((path) => ({ path, source: `files under ${CERTS_DIR}` }));
  if (!dir) {
    return {
      status: 'warn',
      message: `${CERTS_DIR} was not examined by the files probe.`,
      evidence: [{ kind: 'probe', detail: `no stat for ${CERTS_DIR}`, path: CERTS_DIR }],
    };
  }
  const why = dir.exists ? `${CERTS_DIR} holds no files` : `${CERTS_DIR} does not exist`;
  return { status: 'not-applicable', message: `There are no registry certificates: ${why}.`, evidence: [{ kind: 'file', detail: why, path: CERTS_DIR }] };
}

const TLS_DEFAULTS = { tlscacert: 'ca.pem', tlscert: 'cert.pem', tlskey: 'key.pem' } as const;

/** The TLS file dockerd uses for `key`: the configured path, else its default when TLS is on. */
export function tlsFile(facts: HostFacts, key: keyof typeof TLS_DEFAULTS): FileTarget[] | CheckResult {
  const cfg = effectiveConfig(facts);
  const opt = cfg.get(key);
  if (opt && typeof opt.value === 'string' && opt.value !== '') return [{ path: opt.value, source: opt.evidence, missing: 'warn' }];
  const tls = [cfg.get('tlsverify'), cfg.get('tls')].find((o) => o?.value === true);
  if (tls) {
    // dockerd falls back to ~/.docker (root's, as it runs as root) when TLS is on and the path is unset.
    const path = `/root/.docker/${TLS_DEFAULTS[key]}`;
    return [{ path, source: `dockerd's default for ${key} with ${tls.evidence}`, missing: 'warn' }];
  }
  return {
    status: 'not-applicable',
    message: `The daemon is not configured with TLS, so there is no ${key} file.`,
    evidence: [{ kind: 'config', detail: `${key}, tls and tlsverify are not set (flags or ${facts.daemonJson.path})` }],
  };
}

/** Why a chown/chmod of containerd's socket does not last, and where to make it last. */
export const CONTAINERD_SOCKET_FIX_IMPACT =
  'containerd recreates its socket when it starts: set uid/gid under [grpc] in /etc/containerd/config.toml for the change to last. The containerd dockerd starts itself gets a config written by dockerd at every start, so repeat the fix after a daemon restart.';

/** One path for each socket; absent sockets (daemon stopped) are not applicable. */
export function socketTargets(paths: { path: string; source: string }[]): FileTarget[] {
  return paths.map((p) => ({ ...p, missing: 'not-applicable' }));
}

/**
 * chown/chmod on a socket lasts until the socket is recreated; when docker.socket creates it, the
 * same values go into a docker.socket drop-in. Only settings whose effective value differs.
 */
export function socketUnitSettings(facts: HostFacts, socketPath: string, want: Record<string, string>): Contribution[] {
  const unit = facts.systemd.socket;
  if (!unit || !socketUnitPaths(facts).some((p) => normalizeAuditPath(p) === normalizeAuditPath(socketPath))) return [];
  const out: Contribution[] = [];
  for (const [key, value] of Object.entries(want)) {
    const current = effectiveValues(unit, 'Socket', key).at(-1) ?? SOCKET_DEFAULTS[key];
    if (current !== undefined && sameSetting(key, current, value)) continue;
    out.push({ kind: 'systemd-dropin', unit: 'docker.socket', section: 'Socket', key, value });
  }
  return out;
}

/** systemd's values when the unit does not set them (systemd.socket(5)). */
const SOCKET_DEFAULTS: Record<string, string> = { SocketUser: 'root', SocketGroup: 'root', SocketMode: '0666' };

function sameSetting(key: string, current: string, value: string): boolean {
  return key === 'SocketMode' ? parseInt(current, 8) === parseInt(value, 8) : current === value;
}
