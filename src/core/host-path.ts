// The one check every plan path passes before anything is written, rendered or restored: apply,
// rollback, the emitted scripts and the patch all prefix host paths with a root, so a path that
// is relative, climbs with "..", or carries a NUL would land beside or outside that root.
import { UserError } from './errors.js';

/** True for "/a/b": absolute, no "." or ".." components, no empty components, no NUL, not "/" itself. */
export function isPlainHostPath(hostPath: string): boolean {
  if (typeof hostPath !== 'string' || !hostPath.startsWith('/') || hostPath.includes('\0')) return false;
  const parts = hostPath.slice(1).split('/');
  return parts.every((p) => p !== '' && p !== '.' && p !== '..');
}

/** Throws the one-sentence refusal (exit 2) for a path that is not plain; `what` names its origin. */
export function assertPlainHostPath(hostPath: string, what = 'the path'): void {
  if (isPlainHostPath(hostPath)) return;
  throw new UserError(
    `Refusing ${what} ${JSON.stringify(hostPath)}: it is not a plain absolute path (it must start with "/" and have no "." or ".." parts), so it could land outside the root.`,
    'Fix the facts or the input that named it; nothing was written.',
  );
}

/** True when `ancestor` is a proper ancestor directory of `hostPath` (both plain host paths). */
export function isAncestorPath(ancestor: string, hostPath: string): boolean {
  return hostPath.startsWith(ancestor + '/');
}
