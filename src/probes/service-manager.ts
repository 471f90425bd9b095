// What starts and stops one dockerd, told by evidence about that pid rather than by what is
// installed: systemd only when pid 1 is systemd and the pid sits in a docker unit's cgroup, OpenRC
// or sysvinit only when their pidfile names this very pid. Anything else was started by hand.
import path from 'node:path';
import { localHostReader, type HostReader } from './host-reader.js';
import type { ServiceManagerFacts } from '../facts/host-facts.js';

const SBIN = ['/sbin', '/usr/sbin', '/bin', '/usr/bin'];
/** Where Debian's and Alpine's init scripts have dockerd write its pid. */
const SERVICE_PIDFILES = ['/var/run/docker.pid', '/run/docker.pid'];

export interface ManagerEvidence {
  pid: number;
  /** Contents of /proc/<pid>/cgroup. */
  cgroup: string;
  /** Name of the executable of pid 1 ("systemd", "init", "process_api"). */
  pid1: string;
  openrc: boolean;
  rcService: boolean;
  initScript: boolean;
  /** Pid written in the service pidfile, when there is one. */
  servicePid: number | null;
}

export async function detectServiceManager(pid: number, host: HostReader = localHostReader('/')): Promise<ServiceManagerFacts> {
  return classifyManager(await gatherEvidence(pid, host));
}

/** Pure: the manager that the evidence shows, with the reason in one clause. */
export function classifyManager(e: ManagerEvidence): ServiceManagerFacts {
  const unit = systemdUnit(e.cgroup);
  if (e.pid1 === 'systemd' && unit && /docker/i.test(unit.name)) {
    return unit.user
      ? { kind: 'systemd-user', name: unit.name, evidence: `pid 1 is systemd and pid ${e.pid} is in ${unit.name} of a user manager (${unit.path})` }
      : { kind: 'systemd', name: unit.name, evidence: `pid 1 is systemd and pid ${e.pid} is in ${unit.name} (${unit.path})` };
  }
  const pidfileNamesIt = e.servicePid === e.pid;
  if (e.openrc && e.rcService && e.initScript && (pidfileNamesIt || /openrc\.docker\b/.test(e.cgroup))) {
    return {
      kind: 'openrc',
      name: 'docker',
      evidence: `/run/openrc exists and the docker service ${pidfileNamesIt ? 'pidfile' : 'cgroup'} names pid ${e.pid}`,
    };
  }
  if (e.pid1 !== 'systemd' && e.initScript && pidfileNamesIt) {
    return { kind: 'sysvinit', name: 'docker', evidence: `pid 1 is ${e.pid1}, /etc/init.d/docker exists and its pidfile names pid ${e.pid}` };
  }
  const why =
    e.pid1 === 'systemd'
      ? `pid ${e.pid} is in no docker unit (${unit?.path ?? 'no unit cgroup'})`
      : `pid 1 is ${e.pid1}, not systemd, and no service pidfile names pid ${e.pid}`;
  return { kind: 'manual', evidence: `${why}: started by hand` };
}

/** The .service unit in a cgroup path ("0::/system.slice/docker.service"), and whether a user manager runs it. */
function systemdUnit(cgroup: string): { name: string; path: string; user: boolean } | null {
  const lines = cgroup.split('\n');
  const line = lines.find((l) => l.startsWith('0::')) ?? lines.find((l) => l.includes(':name=systemd:'));
  const cgPath = line?.split(':').slice(2).join(':') ?? '';
  const units = cgPath.split('/').filter((s) => s.endsWith('.service'));
  const name = units.at(-1);
  if (!name) return null;
  return { name, path: cgPath, user: units.some((u) => /^user@\d+\.service$/.test(u)) && !/^user@\d+\.service$/.test(name) };
}

async function gatherEvidence(pid: number, host: HostReader): Promise<ManagerEvidence> {
  const exists = (p: string) =>
    host.stat(p).then(
      () => true,
      () => false,
    );
  const pid1 = await host.readlink('/proc/1/exe').then(
    (e) => path.basename(e.replace(/ \(deleted\)$/, '')),
    () =>
      host.readProc('/proc/1/comm').then(
        (c) => c.trim(),
        () => 'unknown',
      ),
  );
  let servicePid: number | null = null;
  for (const file of SERVICE_PIDFILES) {
    const n = Number((await host.readProc(file).catch(() => '')).trim());
    if (Number.isInteger(n) && n > 0) {
      servicePid = n;
      break;
    }
  }
  return {
    pid,
    cgroup: await host.readProc(`/proc/${pid}/cgroup`).catch(() => ''),
    pid1,
    openrc: await exists('/run/openrc'),
    rcService: (await Promise.all(SBIN.map((d) => exists(path.join(d, 'rc-service'))))).some(Boolean),
    initScript: await exists('/etc/init.d/docker'),
    servicePid,
  };
}
