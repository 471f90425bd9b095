import { describe, expect, it } from 'vitest';
import { renderOverride } from '../../src/compose/render-override.js';
import type { OverrideEntry } from '../../src/compose/placement.js';

const entry = (path: string[], value: unknown, rules: string[], extra: Partial<OverrideEntry> = {}): OverrideEntry => ({ path, value, rules, ...extra });
const text = (r: ReturnType<typeof renderOverride>) => {
  if ('error' in r) throw new Error(r.error);
  return r.text;
};

describe('renderOverride', () => {
  it('writes a new file with a header, items named per key, and quotes what YAML 1.1 would misread', () => {
    const out = text(
      renderOverride({
        existing: null,
        header: ' Header line.',
        services: [
          {
            name: 'web',
            entries: [
              entry(['cap_drop'], ['ALL'], ['5.4']),
              entry(['cap_add'], ['NET_BIND_SERVICE'], ['5.4'], { tag: '!override', replace: true }),
              entry(['restart'], 'on-failure:5', ['5.15'], { replace: true }),
              entry(['deploy', 'resources', 'limits', 'memory'], '512m', ['5.11'], { replace: true }),
              entry(['deploy', 'resources', 'limits', 'pids'], 256, ['5.29'], { replace: true }),
              entry(['healthcheck', 'test'], ['CMD', 'true'], ['5.27'], { replace: true }),
              entry(['ports'], ['127.0.0.1:8080:50'], ['5.14'], { tag: '!override', replace: true }),
              entry(['network_mode'], null, ['5.10'], { tag: '!reset', replace: true }),
            ],
          },
        ],
      }),
    );
    expect(out).toBe(`# Header line.

services:
  web:
    # CIS 5.4
    cap_drop:
      - ALL
    # CIS 5.4
    cap_add: !override
      - NET_BIND_SERVICE
    # CIS 5.15
    restart: on-failure:5
    # CIS 5.11, 5.29
    deploy:
      resources:
        limits:
          memory: 512m
          pids: 256
    # CIS 5.27
    healthcheck:
      test:
        - CMD
        - "true"
    # CIS 5.14
    ports: !override
      - "127.0.0.1:8080:50"
    # CIS 5.10
    network_mode: !reset null
`);
  });

  it('updates an earlier override in place: user keys and comments stay, lists grow, the same input changes nothing', () => {
    const existing = `# Hardening (edited by hand)
services:
  web:
    # CIS 5.4
    cap_drop:
      - ALL
    cap_add:
      - NET_BIND_SERVICE
    environment:
      DEBUG: "0" # added by the operator
  other:
    read_only: true
`;
    const services = [{ name: 'web', entries: [entry(['cap_add'], ['CHOWN'], ['5.4']), entry(['pids_limit'], 100, ['5.29'], { replace: true })] }];
    const once = text(renderOverride({ existing, header: 'unused', services }));
    expect(once).toContain('cap_add:\n      - NET_BIND_SERVICE\n      - CHOWN\n');
    expect(once).toContain('DEBUG: "0" # added by the operator');
    expect(once).toContain('  other:\n    read_only: true\n');
    expect(once).toContain('    # CIS 5.29\n    pids_limit: 100\n');
    expect(once.startsWith('# Hardening (edited by hand)\n')).toBe(true);
    expect(text(renderOverride({ existing: once, header: 'unused', services }))).toBe(once);
  });

  it('keeps an existing file byte for byte when nothing in it changes', () => {
    const existing = 'services:\n    web:\n        # CIS 5.13\n        read_only:   true\n';
    expect(
      text(renderOverride({ existing, header: '', services: [{ name: 'web', entries: [entry(['read_only'], true, ['5.13'], { replace: true })] }] })),
    ).toBe(existing);
  });

  it('refuses an override that does not parse', () => {
    expect(renderOverride({ existing: 'services: [\n', header: '', services: [] })).toHaveProperty('error');
  });
});
