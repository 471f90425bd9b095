// The collector's answer, parsed into what a HostReader hands out: one record per (op, path).
// Batch records (the `stat` runs, the `ls -l` of process links and fds) are split into the
// single records the reader looks up.

export interface CollectorRecord {
  status: string;
  data: Buffer;
}

export type RecordKey = `${string} ${string}`;
export const recordKey = (op: string, p: string): RecordKey => `${op} ${p}`;

/** Records from the collector's output; `missing` names a tool the target lacks, `complete` that it ran to the end. */
export function parseCollectorOutput(out: Buffer, mark: string): { records: Map<RecordKey, CollectorRecord>; missing?: string; complete: boolean } {
  const records = new Map<RecordKey, CollectorRecord>();
  const sep = Buffer.from(`\n${mark} `);
  let complete = false;
  let missing: string | undefined;
  let at = out.indexOf(sep);
  while (at >= 0) {
    const start = at + sep.length;
    const next = out.indexOf(sep, start);
    const chunk = out.subarray(start, next < 0 ? out.length : next);
    const nl = chunk.indexOf(0x0a);
    const header = chunk.subarray(0, nl < 0 ? chunk.length : nl).toString('utf8');
    const data = nl < 0 ? Buffer.alloc(0) : chunk.subarray(nl + 1);
    const [op, status, ...rest] = header.split(' ');
    const p = rest.join(' ');
    if (op === 'END') complete = true;
    else if (op === 'MISSING') missing = status;
    else if (op === 'LB' || op === 'SB') addStats(records, op === 'LB' ? 'L' : 'S', data.toString('utf8'));
    else if (op === 'XL') addLinks(records, data.toString('utf8'), /^(\/proc\/\d+\/exe)$/);
    else if (op === 'XF') addLinks(records, data.toString('utf8'), null, p);
    else if (!records.has(recordKey(op, p))) records.set(recordKey(op, p), { status, data });
    at = next;
  }
  return { records, missing, complete };
}

/** "modehex uid gid dev ino name" lines. */
function addStats(records: Map<RecordKey, CollectorRecord>, op: 'L' | 'S', text: string): void {
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]+) (\d+) (\d+) (\d+) (\d+) (.+)$/i.exec(line);
    if (m && !records.has(recordKey(op, m[6]))) records.set(recordKey(op, m[6]), { status: 'ok', data: Buffer.from(m.slice(1, 6).join(' ')) });
  }
}

/** `ls -l` lines "… NAME -> TARGET" (and ls's complaints about links it could not read). */
function addLinks(records: Map<RecordKey, CollectorRecord>, text: string, only: RegExp | null, dir?: string): void {
  for (const line of text.split('\n')) {
    const link = / (\S+) -> (.*)$/.exec(line);
    if (link) {
      const p = dir ? `${dir}/${link[1].replace(/.*\//, '')}` : link[1];
      if (!only || only.test(p)) records.set(recordKey('K', p), { status: 'ok', data: Buffer.from(link[2]) });
      continue;
    }
    const failed = /(\/proc\/\d+\/exe)\b.*?(Permission denied|No such file or directory)/.exec(line);
    if (failed && !dir) records.set(recordKey('K', failed[1]), { status: failed[2] === 'Permission denied' ? 'EACCES' : 'ENOENT', data: Buffer.alloc(0) });
  }
}
