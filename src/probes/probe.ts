// What every probe hands back: the value it saw and how seeing it went. Probes report trouble
// through the status instead of throwing, so one unreadable file never hides the rest of the host.
import type { ProbeState, ProbeStatus } from '../facts/host-facts.js';

export interface Probed<T> {
  value: T;
  status: ProbeStatus;
}

export function probed<T>(value: T, status: ProbeState, message?: string): Probed<T> {
  return { value, status: message === undefined ? { status } : { status, message } };
}

/** The probe state an errno stands for: absence and refusal are expected on real hosts, the rest is an error. */
export function stateForError(err: unknown): ProbeState {
  switch ((err as NodeJS.ErrnoException | null)?.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'missing';
    case 'EACCES':
    case 'EPERM':
      return 'permission-denied';
    default:
      return 'error';
  }
}

/** One line about a failure, without stack or multi-line detail. */
export function oneLine(err: unknown): string {
  const e = err as NodeJS.ErrnoException | null;
  const text = e instanceof Error ? e.message : String(err);
  return text.split('\n')[0].trim();
}

/** Run items through fn with at most `limit` in flight; results keep the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
