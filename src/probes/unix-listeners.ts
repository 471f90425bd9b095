// Every unix socket a process listens on, as the kernel sees it: listening entries of its network
// namespace's /proc/<pid>/net/unix whose inode is among the sockets in /proc/<pid>/fd. A config
// file says where a daemon was told to listen; this says where it does. (socket-owner.ts asks the
// reverse: who listens on one given path.)
import { socketInodesHeldBy } from './socket-owner.js';
import { localHostReader, type HostReader } from './host-reader.js';

/** __SO_ACCEPTCON in the Flags column: the socket is listening. */
const ACCEPTING = 0x10000;

export interface UnixSocketEntry {
  inode: number;
  /** The bound path; abstract sockets ("@name") and unbound ones are left out. */
  path: string;
  listening: boolean;
}

/** Rows of /proc/net/unix ("Num RefCount Protocol Flags Type St Inode Path") that have a path. */
export function parseProcNetUnix(text: string): UnixSocketEntry[] {
  const out: UnixSocketEntry[] = [];
  for (const line of text.split('\n').slice(1)) {
    const m = /^\s*[0-9a-f]+:\s+[0-9a-f]+\s+[0-9a-f]+\s+([0-9a-f]+)\s+[0-9a-f]+\s+[0-9a-f]+\s+(\d+)\s(.+)$/i.exec(line);
    if (!m?.[3].startsWith('/')) continue;
    out.push({ inode: Number(m[2]), path: m[3], listening: (parseInt(m[1], 16) & ACCEPTING) !== 0 });
  }
  return out;
}

/** Paths of the unix sockets a process listens on, sorted. Throws when /proc cannot be read for it. */
export async function listeningUnixSockets(pid: number, host: HostReader = localHostReader('/')): Promise<string[]> {
  const [table, inodes] = await Promise.all([host.readProc(`/proc/${pid}/net/unix`), socketInodesHeldBy(pid, host)]);
  const paths = parseProcNetUnix(table)
    .filter((e) => e.listening && inodes.has(e.inode))
    .map((e) => e.path);
  return [...new Set(paths)].sort();
}
