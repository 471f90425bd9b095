import { describe, expect, it } from 'vitest';
import { healthWindowMs, stateFault } from './gate.js';
import type { LiveContainer } from './engine-calls.js';

const live = (state: Partial<LiveContainer['State']>, more: Partial<LiveContainer> = {}): LiveContainer => ({
  Id: 'a'.repeat(64),
  Name: '/web',
  Image: 'sha256:b',
  RestartCount: 0,
  State: { Running: true, Restarting: false, ExitCode: 0, OOMKilled: false, ...state },
  Config: {},
  HostConfig: {},
  ...more,
});

describe('the gate judges a container by its state', () => {
  it.each([
    [live({}), null],
    [live({ Running: false, ExitCode: 1 }), 'exited 1 after 2 s'],
    [live({ Running: false, ExitCode: 137, OOMKilled: true }), 'killed for exceeding its memory limit (OOMKilled) after 2 s'],
    [live({ Restarting: true, ExitCode: 2 }), 'restarted (exit code 2) after 2 s'],
    [live({}, { RestartCount: 1 }), 'restarted (exit code 0) after 2 s'],
    [live({ Health: { Status: 'unhealthy' } }), 'turned unhealthy after 2 s'],
    [live({ Health: { Status: 'starting' } }), null],
  ])('%#', (c, why) => {
    expect(stateFault(c, 2_000)?.why ?? null).toBe(why);
  });

  it('waits for a healthcheck until its first probe could have answered, within a bound', () => {
    const hc = (h: NonNullable<LiveContainer['Config']['Healthcheck']>) => ({ Config: { Healthcheck: h } });
    expect(healthWindowMs({ Config: {} }, 3_000)).toBeNull();
    expect(healthWindowMs(hc({ Test: ['NONE'] }), 3_000)).toBeNull();
    // Docker's defaults: 30 s interval and 30 s timeout, plus 5 s slack.
    expect(healthWindowMs(hc({ Test: ['CMD', 'true'] }), 3_000)).toBe(65_000);
    expect(healthWindowMs(hc({ Test: ['CMD', 'true'], Interval: 1e9, Timeout: 1e9, StartPeriod: 2e9 }), 3_000)).toBe(9_000);
    expect(healthWindowMs(hc({ Test: ['CMD', 'true'], Interval: 1e9, Timeout: 1e9 }), 20_000)).toBe(20_000);
    expect(healthWindowMs(hc({ Test: ['CMD', 'true'], StartPeriod: 3600e9 }), 3_000)).toBe(600_000);
  });
});
