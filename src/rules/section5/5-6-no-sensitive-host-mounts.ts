// 5.6: bind mounts of the host's system directories (or anything below them). Writable ones let
// the container change the host; read-only ones still leak configuration and secrets, so they warn.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult, Rule } from '../rule.js';
import { bindMounts, describeMount } from './host-bindings.js';
import { remediateFailures } from './remediation.js';
import { perContainer, verdict } from './support.js';

export const SENSITIVE_DIRS = ['/boot', '/dev', '/etc', '/lib', '/proc', '/sys', '/usr'];

export function isSensitiveSource(source: string): boolean {
  return source === '/' || SENSITIVE_DIRS.some((d) => source === d || source.startsWith(`${d}/`));
}

function check(facts: HostFacts): CheckResult[] {
  return perContainer(facts, (c) => {
    const hits = bindMounts(c).filter((m) => isSensitiveSource(m.source));
    const rw = hits.filter((m) => m.rw);
    if (rw.length > 0) {
      return verdict(
        'fail',
        `Container ${c.name} mounts sensitive host directories writable: ${rw.map((m) => m.source).join(', ')}.`,
        ...hits.map(describeMount),
      );
    }
    if (hits.length > 0) {
      return verdict(
        'warn',
        `Container ${c.name} mounts sensitive host directories read-only: ${hits.map((m) => m.source).join(', ')}; confirm it needs them.`,
        ...hits.map(describeMount),
      );
    }
    return verdict(
      'pass',
      `Container ${c.name} mounts no sensitive host directory.`,
      `bind mounts: ${
        bindMounts(c)
          .map((m) => m.source)
          .join(', ') || 'none'
      }`,
    );
  });
}

export const noSensitiveHostMounts: Rule = {
  id: '5.6',
  aliases: { '1.7.0': '5.6', '1.6.0': '5.6' },
  title: 'Ensure sensitive host system directories are not mounted on containers',
  section: 5,
  level: 1,
  automated: false,
  checks: 'facts',
  severity: 'high',
  rationale:
    'A writable bind of /, /boot, /dev, /etc, /lib, /proc, /sys or /usr (or a path below them) lets a process in the container rewrite host binaries, users, boot files or kernel settings; read-only binds still expose secrets such as /etc/shadow.',
  impact:
    'Removing or narrowing the mount breaks whatever the container reads or writes there (monitoring agents, log shippers); give it the narrowest path, read-only.',
  remediation:
    'Do not bind-mount these directories; mount only the specific file or subdirectory needed, read-only (`-v /etc/localtime:/etc/localtime:ro`; Compose `read_only: true` on the volume). Writable mounts fail this check, read-only ones warn.',
  references: ['CIS Docker Benchmark v1.8.0, 5.6', 'https://docs.docker.com/engine/storage/bind-mounts/'],
  check,
  remediate: (facts) =>
    remediateFailures(facts, check, (c) => {
      const rw = bindMounts(c).filter((m) => isSensitiveSource(m.source) && m.rw);
      const where = c.subject.service ? ` (compose service ${c.subject.project}/${c.subject.service})` : '';
      return {
        manual: `Container ${c.name}${where}: remove the writable bind mount(s) ${rw.map((m) => `${m.source}:${m.destination}`).join(', ')}, or narrow each to the file it needs and add :ro.`,
        impact: 'The container can no longer change those host paths.',
      };
    }),
};
