// A HostReader for a host reached over SSH. It answers from the records the collector brought
// back; a read they do not hold (a path only the facts named, such as a data root or a Compose
// file) is asked of the target in one batch with the other reads made at the same moment.
import { InputFileError, formatBytes } from '../../core/read-input.js';
import type { HostDirEntry, HostExecResult, HostFileType, HostReader, HostStat } from '../host-reader.js';
import { recordKey, type CollectorRecord, type RecordKey } from './collector-records.js';
import type { CollectorOp } from './collector-script.js';

export interface RecordSource {
  /** Runs the collector for `ops` and hands back its records (one round trip). */
  fetch(ops: [CollectorOp, string][]): Promise<Map<RecordKey, CollectorRecord>>;
}

const KINDS: Record<string, string> = { fifo: 'a FIFO (named pipe)', socket: 'a socket', chardev: 'a character device', blockdev: 'a block device' };

export class RemoteHostReader implements HostReader {
  readonly root = '/';
  readonly env: NodeJS.ProcessEnv = {};
  private readonly records = new Map<RecordKey, CollectorRecord>();
  private pending = new Map<RecordKey, [CollectorOp, string]>();
  private flushing: Promise<void> | null = null;
  private uidValue: number | undefined;
  /** Collector runs so far: the first brings nearly everything; later ones only what it could not know. */
  roundTrips = 0;

  constructor(
    readonly remote: string,
    private readonly source: RecordSource,
  ) {}

  /** The first round trip: everything a typical host's inspection reads. */
  async prefetch(ops: [CollectorOp, string][]): Promise<void> {
    this.add(await this.fetchCounted(ops));
    const info = (name: string) => this.records.get(recordKey('I', name))?.data.toString('utf8');
    const uid = Number(info('uid')?.trim());
    this.uidValue = Number.isInteger(uid) ? uid : undefined;
    for (const name of ['PATH', 'DOCKER_CONTENT_TRUST']) if (info(name) !== undefined) this.env[name] = info(name);
  }

  async readText(p: string, maxBytes: number): Promise<string> {
    const r = await this.ok('T', p);
    if (r.data.length > maxBytes) throw new InputFileError('EFBIG', `is larger than the ${formatBytes(maxBytes)} limit for this kind of input`);
    return r.data.toString('utf8');
  }

  async readProc(p: string): Promise<string> {
    return (await this.ok('P', p)).data.toString('utf8');
  }

  async lstat(p: string): Promise<HostStat> {
    return parseStat(p, await this.ok('L', p));
  }

  async stat(p: string): Promise<HostStat> {
    return parseStat(p, await this.ok('S', p));
  }

  async isSymlink(p: string): Promise<boolean> {
    const full = this.records.get(recordKey('L', p));
    if (full?.status === 'ok') return parseStat(p, full).type === 'symlink';
    return (await this.ok('Y', p)).data.toString('utf8') === 'l';
  }

  async readlink(p: string): Promise<string> {
    return (await this.ok('K', p)).data.toString('utf8');
  }

  async realpath(p: string): Promise<string> {
    return (await this.ok('R', p)).data.toString('utf8');
  }

  async readdir(p: string): Promise<HostDirEntry[]> {
    const r = await this.ok('D', p);
    return r.data
      .toString('utf8')
      .split('\0')
      .filter((e) => e.length > 1)
      .map((e) => ({ name: e.slice(1), directory: e[0] === 'd' }));
  }

  async auditctlList(auditctl: string): Promise<HostExecResult | null> {
    const r = await this.get('A', auditctl);
    if (r.status === 'ENOENT') return null;
    return { exitCode: Number(r.status), stdout: r.data.toString('utf8'), stderr: '' };
  }

  uid(): number | undefined {
    return this.uidValue;
  }

  async hostname(): Promise<string> {
    return (await this.readProc('/proc/sys/kernel/hostname')).trim();
  }

  private async ok(op: CollectorOp, p: string): Promise<CollectorRecord> {
    const r = await this.get(op, p);
    if (r.status === 'ok') return r;
    if (r.status === 'ENOTREG') throw new InputFileError('ENOTREG', `is ${KINDS[r.data.toString('utf8')] ?? 'not a regular file'}, not a regular file`);
    throw Object.assign(new Error(`${p}: ${r.status}`), { code: r.status });
  }

  private async get(op: CollectorOp, p: string): Promise<CollectorRecord> {
    const key = recordKey(op, p);
    let r = this.records.get(key);
    if (r) return r;
    // A process is seen as the collector's snapshot saw it: one missing there is gone, as if it had exited.
    if (/^\/proc\/\d+\//.test(p) && this.records.has(recordKey('D', '/proc'))) return { status: 'ENOENT', data: Buffer.alloc(0) };
    if (p.includes('\n')) throw Object.assign(new Error(`${JSON.stringify(p)}: a path with a newline is not read`), { code: 'EINVAL' });
    this.pending.set(key, [op, p]);
    // Reads made in the same turn of the event loop go to the target together.
    await (this.flushing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.flush()));
    r = this.records.get(key);
    if (r) return r;
    // Asked for but not answered: the target's tools could not say (a path stat refused).
    return { status: 'EIO', data: Buffer.alloc(0) };
  }

  private async flush(): Promise<void> {
    const ops = [...this.pending.values()];
    this.pending = new Map();
    this.flushing = null;
    this.add(await this.fetchCounted(ops));
  }

  private async fetchCounted(ops: [CollectorOp, string][]): Promise<Map<RecordKey, CollectorRecord>> {
    this.roundTrips++;
    return this.source.fetch(ops);
  }

  private add(records: Map<RecordKey, CollectorRecord>): void {
    for (const [k, v] of records) if (!this.records.has(k)) this.records.set(k, v);
  }
}

function parseStat(p: string, r: CollectorRecord): HostStat {
  const [mode, uid, gid, dev, ino] = r.data.toString('utf8').trim().split(' ');
  const raw = parseInt(mode, 16);
  if (!Number.isFinite(raw)) throw Object.assign(new Error(`${p}: stat gave no answer`), { code: 'EIO' });
  const fmt = raw & 0o170000;
  const type: HostFileType = fmt === 0o100000 ? 'file' : fmt === 0o040000 ? 'directory' : fmt === 0o120000 ? 'symlink' : fmt === 0o140000 ? 'socket' : 'other';
  return { type, mode: raw & 0o7777, uid: Number(uid), gid: Number(gid), id: `${dev}:${ino}` };
}
