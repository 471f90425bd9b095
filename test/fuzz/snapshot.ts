// A record of a directory tree (type, mode, owner, size, mtime, link target, content hash) to
// compare before and after a command: any difference outside the allowed subtrees is a write
// where the tool must not write.
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';

export type Snapshot = Map<string, string>;

export function snapshot(dir: string, skip: readonly string[] = []): Snapshot {
  const out: Snapshot = new Map();
  const walk = (rel: string) => {
    const abs = path.join(dir, rel);
    let st;
    try {
      st = lstatSync(abs);
    } catch {
      return;
    }
    // A directory's size and time change with its entries, which are compared themselves.
    let what = `${st.mode.toString(8)} ${st.uid}:${st.gid}` + (st.isDirectory() ? '' : ` ${st.size} ${st.mtimeMs}`);
    if (st.isSymbolicLink()) what += ` -> ${readlinkSync(abs)}`;
    else if (st.isFile() && st.size < 1024 * 1024) what += ` ${createHash('sha256').update(readFileSync(abs)).digest('hex')}`;
    out.set(rel || '.', what);
    if (st.isDirectory()) {
      for (const name of readdirSync(abs).sort()) {
        const child = rel ? `${rel}/${name}` : name;
        if (!skip.includes(child)) walk(child);
      }
    }
  };
  walk('');
  return out;
}

/** Paths added, removed or changed between two snapshots ("+path", "-path", "~path"). */
export function changes(before: Snapshot, after: Snapshot): string[] {
  const diff: string[] = [];
  for (const [p, v] of before) {
    if (!after.has(p)) diff.push(`-${p}`);
    else if (after.get(p) !== v) diff.push(`~${p}`);
  }
  for (const p of after.keys()) if (!before.has(p)) diff.push(`+${p}`);
  return diff;
}
