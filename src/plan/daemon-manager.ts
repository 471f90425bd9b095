// Who starts and stops dockerd, and the commands that follow from it. The facts name the manager
// (facts.dockerd.manager); facts without one fall back to what they can still tell: a docker.service
// unit means systemd, anything else is a daemon a person started and restarts.
import type { HostFacts, ServiceManagerFacts } from '../facts/host-facts.js';

export interface DaemonManager {
  kind: ServiceManagerFacts['kind'];
  /** The name the manager knows the daemon by ("docker", "docker.service"). */
  name: string;
}

export function daemonManager(facts: HostFacts): DaemonManager {
  const known = facts.dockerd?.manager;
  if (known) return { kind: known.kind, name: known.name ?? 'docker' };
  return facts.systemd.service ? { kind: 'systemd', name: 'docker' } : { kind: 'manual', name: 'docker' };
}

/**
 * SIGHUP to the daemon's own pid: what `systemctl reload docker` does too (the packaged unit's
 * ExecReload), but it needs no systemd. Where the pid is unknown, systemd's reload still reaches
 * the daemon it runs; anything else is left to a person.
 */
export function reloadCommand(facts: HostFacts, manager: DaemonManager): string[] | null {
  if (facts.dockerd) return ['kill', '-s', 'HUP', String(facts.dockerd.pid)];
  if (manager.kind === 'systemd') return ['systemctl', 'reload', manager.name];
  if (manager.kind === 'systemd-user') return ['systemctl', '--user', 'reload', manager.name];
  return null;
}

/** The manager's restart, or null for a daemon started by hand (a person restarts it). */
export function restartCommand(manager: DaemonManager, withSocket: boolean): string[] | null {
  const unit = manager.name;
  switch (manager.kind) {
    case 'systemd':
    case 'systemd-user': {
      const user = manager.kind === 'systemd-user' ? ['--user'] : [];
      // docker.service holds docker.socket: both restart in one transaction.
      return withSocket
        ? ['systemctl', ...user, 'restart', 'docker.socket', unit.endsWith('.service') ? unit : `${unit}.service`]
        : ['systemctl', ...user, 'restart', unit];
    }
    case 'openrc':
      return ['rc-service', unit, 'restart'];
    case 'sysvinit':
      return ['service', unit, 'restart'];
    default:
      return null;
  }
}
