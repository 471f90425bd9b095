// Typed errors with one exit point: only src/cli/main.ts turns them into an exit code.

/** A problem with the user's input or environment: one sentence, what to do, exit 2. */
export class UserError extends Error {
  readonly exitCode = 2;
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** A deliberate non-zero exit that is not an error: findings over threshold, drift under --check. */
export class ExitCodeError extends Error {
  constructor(
    readonly exitCode: number,
    message = '',
  ) {
    super(message);
    this.name = 'ExitCodeError';
  }
}

export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
