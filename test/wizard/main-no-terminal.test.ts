import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { output: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe('docker-harden with no command', () => {
  it('refuses without a terminal in one line naming the commands to use, exit 2', async () => {
    expect(process.stdin.isTTY).toBeFalsy();
    const c = capture();
    expect(await main([], c.output)).toBe(2);
    expect(c.out).toEqual([]);
    expect(c.err).toEqual(['docker-harden: no terminal to run the wizard on; use `docker-harden audit` or `docker-harden apply --profile baseline --yes`']);
  });

  it('takes the global options without a command the same way', async () => {
    const c = capture();
    expect(await main(['--root', '/tmp', '--no-color'], c.output)).toBe(2);
    expect(c.err.join('\n')).toMatch(/^docker-harden: no terminal to run the wizard on/);
  });

  it('names an unknown command instead of starting the wizard', async () => {
    const c = capture();
    expect(await main(['frobnicate'], c.output)).toBe(2);
    expect(c.err.join('\n')).toContain('unknown command "frobnicate"');
  });
});
