// Probe 'envFiles': /etc/default/docker (Debian), /etc/sysconfig/docker (RHEL) and any other
// EnvironmentFile= the docker.service unit names, since their variables expand into ExecStart.
import { effectiveValues } from '../facts/systemd-unit.js';
import type { SystemdUnitFacts } from '../facts/host-facts.js';
import { readHostText } from './host-fs.js';
import { probed, type Probed } from './probe.js';
import type { HostAccess } from './host-reader.js';

export const STANDARD_ENV_FILES = ['/etc/default/docker', '/etc/sysconfig/docker'];

export async function probeEnvFiles(root: HostAccess, service: SystemdUnitFacts | null): Promise<Probed<Record<string, string | null>>> {
  const named = service ? effectiveValues(service, 'Service', 'EnvironmentFile').map((spec) => spec.replace(/^-/, '')) : [];
  const paths = [...new Set([...STANDARD_ENV_FILES, ...named.filter((p) => p.startsWith('/'))])];
  const reads = await Promise.all(paths.map(async (p) => [p, await readHostText(root, p)] as const));
  const value: Record<string, string | null> = {};
  const found: string[] = [];
  const denied: string[] = [];
  for (const [p, read] of reads) {
    value[p] = read.content;
    if (read.content !== null) found.push(p);
    else if (read.state === 'permission-denied') denied.push(p);
  }
  if (denied.length > 0) return probed(value, 'permission-denied', `not readable: ${denied.join(', ')}`);
  if (found.length === 0) return probed(value, 'missing', `none of ${paths.join(', ')} exists`);
  return probed(value, 'ok', found.join(', '));
}
