// What the first collector run reads: every path a typical host's inspection asks for, named by
// the same constants the probes use. What only the facts can name (a data root elsewhere, a
// Compose file, a rules file) is read in a later, smaller round trip.
import { BINARIES, BINARY_DIRS, FIXED_PATHS } from '../file-paths.js';
import { UNIT_DIRS } from '../systemd-probe.js';
import { STANDARD_ENV_FILES } from '../env-files-probe.js';
import { RULES_DIR } from '../audit-probe.js';
import { CERTS_DIR } from '../files-probe.js';
import { DEFAULT_DAEMON_JSON } from '../daemon-json-probe.js';
import type { CollectorOp } from './collector-script.js';

const INSTALL_DIRS = ['/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin', '/bin', '/sbin'];
const UNITS = ['docker.service', 'docker.socket'];

export function prefetchOps(socketPath: string): [CollectorOp, string][] {
  const texts = [
    '/etc/passwd',
    '/etc/group',
    '/etc/subuid',
    '/etc/subgid',
    '/etc/environment',
    DEFAULT_DAEMON_JSON,
    ...STANDARD_ENV_FILES,
    ...UNIT_DIRS.flatMap((d) => UNITS.map((u) => `${d}/${u}`)),
  ];
  const dirs = ['/etc/profile.d', RULES_DIR, CERTS_DIR, ...UNIT_DIRS.flatMap((d) => UNITS.map((u) => `${d}/${u}.d`))];
  const walks = [
    ...FIXED_PATHS,
    ...[...BINARY_DIRS, ...INSTALL_DIRS].flatMap((d) => BINARIES.map((b) => `${d}/${b}`)),
    '/var/lib/docker',
    socketPath,
    '/etc/init.d/docker',
    '/run/openrc',
  ];
  const procs = [
    '/proc/self/mountinfo',
    '/proc/net/fib_trie',
    '/proc/net/if_inet6',
    '/proc/modules',
    '/proc/sys/kernel/hostname',
    '/proc/1/comm',
    '/var/run/docker.pid',
    '/run/docker.pid',
  ];
  const stats = [
    '/proc/sys/net/bridge',
    '/proc/sys/net',
    '/run/openrc',
    '/etc/init.d/docker',
    ...['/sbin', '/usr/sbin', '/bin', '/usr/bin'].map((d) => `${d}/rc-service`),
    ...INSTALL_DIRS.map((d) => `${d}/dockerd`),
  ];
  return [
    ['I', '-'],
    ['X', '-'],
    ['A', 'auditctl'],
    ...texts.map((p): [CollectorOp, string] => ['WT', p]),
    ...dirs.map((p): [CollectorOp, string] => ['WDT', p]),
    ...walks.map((p): [CollectorOp, string] => ['W', p]),
    ...procs.map((p): [CollectorOp, string] => ['P', p]),
    ...[socketPath.slice(0, socketPath.lastIndexOf('/')) || '/', '/var/run', '/run'].map((p): [CollectorOp, string] => ['R', p]),
    ...stats.map((p): [CollectorOp, string] => ['S', p]),
  ];
}
