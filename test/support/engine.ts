// Access to the private engine from a test file. Engine suites use describeEngine so they are
// reported as skipped (not passed) where dockerd is absent.
import { describe, inject } from 'vitest';
import type { PrivateEngine } from './private-engine.js';

export function getEngine(): PrivateEngine | null {
  return inject('engine');
}

export const describeEngine = (name: string, fn: (engine: PrivateEngine) => void) =>
  describe.skipIf(!getEngine())(name, () => {
    const engine = getEngine();
    if (engine) fn(engine);
  });
