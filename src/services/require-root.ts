// Commands that write root-owned files under / stop before reading anything when not root.
import { UserError } from '../core/errors.js';

export function requireRootFor(command: 'apply' | 'rollback', root: string): void {
  if (root !== '/' || process.getuid?.() === 0) return;
  const verb = command === 'apply' ? 'writes' : 'restores';
  throw new UserError(
    `${command} ${verb} root-owned files under /, and this process is not root.`,
    'Run it as root (sudo), or pass --root DIR to work on a copy of the host files.',
  );
}
