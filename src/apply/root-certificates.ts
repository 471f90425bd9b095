// Under --root, the TLS certificate step (CIS 2.8, tcpRemedy mutual-tls) is not run: it is a shell
// script that runs openssl on the host, and nothing confines what a shell writes to the root. The
// plan's dockerd flags would then name certificates the root does not hold, and a daemon started
// on that tree would not start. So such a plan is refused before anything is written, unless the
// root already holds the certificates (made on an earlier run, or copied from the host).
import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/errors.js';
import type { Plan } from '../plan-model/plan.js';

/** What dockerd reads at start: the CA, its certificate and its key. */
const DAEMON_FILES = ['ca.pem', 'server-cert.pem', 'server-key.pem'];

export function refuseMissingRootCertificates(plan: Plan, root: string): void {
  if (root === '/') return;
  const step = plan.steps.find((s) => s.id === 'tls-certificates');
  if (!step) return;
  // The command is ['sh', '-c', script, name, dir, ...]: the folder is the first positional argument.
  const dir = step.command[4];
  if (typeof dir !== 'string' || !dir.startsWith('/')) return;
  const missing = insideRoot(root, dir) ? DAEMON_FILES.filter((f) => !isRegularFile(path.join(root, dir, f))) : DAEMON_FILES;
  if (missing.length === 0) return;
  throw new UserError(
    `The plan makes dockerd verify TLS with certificates in ${dir}, and the root ${root} does not hold ${missing.join(', ')}; under --root the certificates are not made.`,
    'Nothing was written. Apply on the host itself, copy the certificates into the root first, or choose tcpRemedy: stop-listening.',
  );
}

/** The folder, its symlinks resolved, is still inside the root (a link may lead out of it). */
function insideRoot(root: string, dir: string): boolean {
  try {
    const real = realpathSync(root);
    return realpathSync(path.join(root, dir)).startsWith(`${real}/`);
  } catch {
    return false;
  }
}

/** A regular file (a symlink is not followed: it may point out of the root). */
function isRegularFile(p: string): boolean {
  try {
    return lstatSync(p).isFile();
  } catch {
    return false;
  }
}
