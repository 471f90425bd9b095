// Tests that drop to an unprivileged user (uid 65534) must not run code from the checkout: a
// checkout under a mode-0700 directory (/root, a private mktemp) is unreadable to that user. They
// run from a copy in a fresh world-readable directory instead.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../..');

export interface ReadableCopy {
  /** The copy's top directory (mode 0755); the same relative paths as in the checkout. */
  dir: string;
  at(relative: string): string;
  remove(): void;
}

/**
 * Copies the given checkout paths (e.g. 'dist', 'bin') into a 0755 directory. node_modules is
 * hard-linked where it can be (95 MB otherwise); its files are installed world-readable.
 */
export function readableCopy(paths: readonly string[]): ReadableCopy {
  const dir = mkdtempSync(path.join(tmpdir(), 'dh-readable-'));
  chmodSync(dir, 0o755);
  for (const p of paths) {
    const from = path.join(REPO, p);
    const to = path.join(dir, p);
    execFileSync('mkdir', ['-p', '-m', '0755', path.dirname(to)]);
    if (p === 'node_modules' && tryRun('cp', ['-al', from, to])) continue;
    rmSync(to, { recursive: true, force: true });
    execFileSync('cp', ['-a', from, to], { stdio: 'pipe' });
    // A copy, not a link: making it readable leaves the checkout as it was, whatever its umask.
    execFileSync('chmod', ['-R', 'a+rX', to]);
  }
  return { dir, at: (relative) => path.join(dir, relative), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function tryRun(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}
