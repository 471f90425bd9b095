// 5.6: bind mounts of the host's system directories (or anything below them). Writable ones let
// the container change the host; read-only ones still leak configuration and secrets, so they warn.
import { adviceName } from '../workload/workload-spec.js';
import { describeMount } from './host-bindings.js';
import { verdict } from './support.js';
import { containerRule } from './workload-rule.js';

export const SENSITIVE_DIRS = ['/boot', '/dev', '/etc', '/lib', '/proc', '/sys', '/usr'];

export function isSensitiveSource(source: string): boolean {
  return source === '/' || SENSITIVE_DIRS.some((d) => source === d || source.startsWith(`${d}/`));
}

export const noSensitiveHostMounts = containerRule(
  {
    id: '5.6',
    title: 'Ensure sensitive host system directories are not mounted on containers',
    severity: 'high',
    rationale:
      'A writable bind of /, /boot, /dev, /etc, /lib, /proc, /sys or /usr (or a path below them) lets a process in the container rewrite host binaries, users, boot files or kernel settings; read-only binds still expose secrets such as /etc/shadow.',
    impact:
      'Removing or narrowing the mount breaks whatever the container reads or writes there (monitoring agents, log shippers); give it the narrowest path, read-only.',
    remediation:
      'Do not bind-mount these directories; mount only the specific file or subdirectory needed, read-only (`-v /etc/localtime:/etc/localtime:ro`; Compose `read_only: true` on the volume). Writable mounts fail this check, read-only ones warn.',
    references: ['CIS Docker Benchmark v1.8.0, 5.6', 'https://docs.docker.com/engine/storage/bind-mounts/'],
  },
  (c) => {
    const { binds } = c.inspect;
    const hits = binds.filter((m) => isSensitiveSource(m.source));
    const rw = hits.filter((m) => m.rw);
    if (rw.length > 0)
      return verdict(
        'fail',
        `Container ${c.name} mounts sensitive host directories writable: ${rw.map((m) => m.source).join(', ')}.`,
        ...hits.map(describeMount),
      );
    if (hits.length > 0) {
      const message = `Container ${c.name} mounts sensitive host directories read-only: ${hits.map((m) => m.source).join(', ')}; confirm it needs them.`;
      return verdict('warn', message, ...hits.map(describeMount));
    }
    return verdict('pass', `Container ${c.name} mounts no sensitive host directory.`, `bind mounts: ${binds.map((m) => m.source).join(', ') || 'none'}`);
  },
  {
    fix: (c) => {
      const rw = c.inspect.binds.filter((m) => isSensitiveSource(m.source) && m.rw).map((m) => `${m.source}:${m.destination}`);
      return {
        manual: `${adviceName(c.spec)}: remove the writable bind mount(s) ${rw.join(', ')}, or narrow each to the file it needs and add :ro.`,
        impact: 'The container can no longer change those host paths.',
      };
    },
  },
);
