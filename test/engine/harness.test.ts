import { expect, it } from 'vitest';
import { describeEngine } from '../support/engine.js';
import { docker } from '../support/private-engine.js';

describeEngine('private engine harness', (engine) => {
  it('runs a container from the imported busybox image', () => {
    const out = docker(engine, ['run', '--rm', '--cap-drop', 'ALL', '--read-only', '--network', 'none', engine.image, 'echo', 'hello']);
    expect(out).toBe('hello');
  });
});
