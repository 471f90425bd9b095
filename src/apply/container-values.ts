// What a `docker update` flag changes in a container's HostConfig, and the flag value that puts a
// recorded value back. dockerd treats 0 in an update as "leave as it is", so "no limit" must be
// said in the engine's own words (-1) where it has them; where it has none, the value cannot go
// back and rollback says so. Checked against dockerd 20.10: --memory 0 is ignored and -1 refused
// ("Minimum memory limit allowed is 6MB"); --pids-limit -1 and --memory-swap -1 mean unlimited;
// --cpu-shares 0 is ignored, and 1024 is the weight a container without cpu-shares gets.

/** One restored value: the flag to pass, a note where the engine will show it differently, or why it cannot be restored. */
export interface ValueUndo {
  args?: string[];
  note?: string;
  cannot?: string;
}

interface Setting {
  /** docker inspect's HostConfig field(s) the flag sets. */
  fields: string[];
  undo(before: Record<string, unknown>): ValueUndo;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** A plain numeric setting where 0 means "unset" and the engine has no way back to unset. */
const plain = (field: string, flag: string, meaning: string): Setting => ({
  fields: [field],
  undo: (b) =>
    num(b[field]) > 0 || num(b[field]) < 0
      ? { args: [`--${flag}`, String(b[field])] }
      : {
          cannot: `--${flag} stays as the update set it: it was unset (${meaning}), and the engine cannot unset it on an existing container; recreate the container to clear it`,
        },
});

export const SETTINGS: Record<string, Setting> = {
  // memory and memory-swap are restored together: the engine checks one against the other.
  memory: {
    fields: ['Memory', 'MemorySwap'],
    undo: (b) => {
      const memory = num(b.Memory);
      const swap = num(b.MemorySwap);
      if (memory > 0) return swap !== 0 ? { args: ['--memory', String(memory), '--memory-swap', String(swap)] } : { args: ['--memory', String(memory)] };
      return {
        args: ['--memory-swap', '-1'],
        cannot:
          '--memory stays as the update set it: the container had no memory limit, and dockerd cannot remove one from an existing container (it ignores 0 and refuses -1); recreate the container without --memory to lift it',
      };
    },
  },
  'cpu-shares': {
    fields: ['CpuShares'],
    undo: (b) =>
      num(b.CpuShares) > 0
        ? { args: ['--cpu-shares', String(b.CpuShares)] }
        : {
            args: ['--cpu-shares', '1024'],
            note: 'cpu-shares back to the default weight 1024 (docker inspect shows 1024 where it showed 0: the engine ignores 0 in an update)',
          },
  },
  'pids-limit': {
    fields: ['PidsLimit'],
    undo: (b) =>
      num(b.PidsLimit) > 0
        ? { args: ['--pids-limit', String(b.PidsLimit)] }
        : { args: ['--pids-limit', '-1'], note: 'pids-limit back to unlimited (docker inspect shows 0 where it showed null)' },
  },
  restart: {
    fields: ['RestartPolicy'],
    undo: (b) => ({ args: ['--restart', restartPolicy(b.RestartPolicy)] }),
  },
  cpus: plain('NanoCpus', 'cpus', 'no CPU limit'),
  'cpu-period': plain('CpuPeriod', 'cpu-period', 'the default period'),
  'cpu-quota': plain('CpuQuota', 'cpu-quota', 'no CPU quota'),
  'cpu-rt-period': plain('CpuRealtimePeriod', 'cpu-rt-period', 'the default'),
  'cpu-rt-runtime': plain('CpuRealtimeRuntime', 'cpu-rt-runtime', 'the default'),
  'memory-reservation': plain('MemoryReservation', 'memory-reservation', 'no soft limit'),
  'kernel-memory': plain('KernelMemory', 'kernel-memory', 'no kernel memory limit'),
  'blkio-weight': plain('BlkioWeight', 'blkio-weight', 'the default weight'),
  'cpuset-cpus': plainText('CpusetCpus', 'cpuset-cpus'),
  'cpuset-mems': plainText('CpusetMems', 'cpuset-mems'),
};
SETTINGS['memory-swap'] = SETTINGS.memory;

function plainText(field: string, flag: string): Setting {
  return {
    fields: [field],
    undo: (b) =>
      typeof b[field] === 'string' && b[field] !== ''
        ? { args: [`--${flag}`, b[field] as string] }
        : { cannot: `--${flag} stays as the update set it: it was unset (any CPU or memory node), and the engine cannot unset it on an existing container` },
  };
}

/** HostConfig.RestartPolicy as the --restart value that sets it again. */
function restartPolicy(value: unknown): string {
  const p = (value ?? {}) as { Name?: string; MaximumRetryCount?: number };
  if (!p.Name || p.Name === 'no') return 'no';
  if (p.Name === 'on-failure' && (p.MaximumRetryCount ?? 0) > 0) return `on-failure:${p.MaximumRetryCount}`;
  return p.Name;
}

/** The HostConfig fields a set of `docker update` flags changes (unknown flags have none). */
export function fieldsFor(flags: Iterable<string>): string[] {
  return [...new Set([...flags].flatMap((f) => SETTINGS[f]?.fields ?? []))];
}
