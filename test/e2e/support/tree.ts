// Everything under a root as one comparable value: each entry's type, mode, owner and content
// hash (or link target), so "restored byte-identical" is one equality.
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from '../../../src/core/sha256.js';

/** Relative path -> "type mode uid:gid sha256|target", skipping the given relative directories. */
export function snapshotTree(root: string, skip: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(root, rel)).sort()) {
      const child = rel ? `${rel}/${name}` : name;
      if (skip.includes(child)) continue;
      const abs = path.join(root, child);
      const st = lstatSync(abs);
      const head = `${(st.mode & 0o7777).toString(8).padStart(4, '0')} ${st.uid}:${st.gid}`;
      if (st.isSymbolicLink()) out[child] = `link ${head} -> ${readlinkSync(abs)}`;
      else if (st.isDirectory()) {
        out[child] = `dir ${head}`;
        walk(child);
      } else if (st.isSocket()) out[child] = `socket ${head}`;
      else out[child] = `file ${head} ${sha256(readFileSync(abs))}`;
    }
  };
  walk('');
  return out;
}

/** The backup sets apply and the emitted script keep under the root. */
export const BACKUPS = 'var/backups';
