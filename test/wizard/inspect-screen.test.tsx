import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { emptyFacts } from '../../src/facts/empty-facts.js';
import type { HostFacts } from '../../src/facts/host-facts.js';
import { InspectScreen } from '../../src/wizard/ui/screens/inspect-screen.js';
import { KEYS, frame, frameSize, renderScreen, type, waitFor } from './support/render-screen.js';

const facts: HostFacts = emptyFacts({
  hostname: 'web-1',
  probes: {
    engine: { status: 'not-running', message: 'no answer at unix:///var/run/docker.sock (ENOENT)' },
    dockerdProcess: { status: 'ok', message: 'pid 812 /usr/bin/dockerd' },
    daemonJson: { status: 'ok', message: '/etc/docker/daemon.json: 1 key' },
    systemd: { status: 'ok', message: 'docker.service, docker.socket' },
    envFiles: { status: 'missing', message: 'none of /etc/default/docker exists' },
    files: { status: 'ok', message: '14 of 30 paths exist' },
    audit: { status: 'missing', message: 'auditctl is not installed; 0 files in /etc/audit/rules.d' },
    compose: { status: 'error', message: 'compose label unreadable' },
    users: { status: 'permission-denied', message: '/etc/group could not be read' },
  },
});

afterEach(cleanup);

describe('Inspect screen', () => {
  it('spins every probe while the facts are being gathered', () => {
    const r = renderScreen(<InspectScreen source="this host (root /)" facts={new Promise(() => {})} onDone={() => {}} />);
    expect(frameSize(r)).toEqual({ rows: 23, widest: expect.any(Number) });
    expect(frame(r)).toMatchInlineSnapshot(`
      "docker-harden · 1/5 Inspect

      Inspecting this host (root /) …

        ⠋ engine
        ⠋ dockerd
        ⠋ daemon.json
        ⠋ systemd units
        ⠋ env files
        ⠋ file modes
        ⠋ auditctl
        ⠋ compose
        ⠋ docker group
        ⠋ mounts

      inspecting…  ctrl+c quit"
    `);
  });

  it('shows each probe with ✓ / ⚠ / ✗ and a short reason once the facts arrive', async () => {
    const r = renderScreen(<InspectScreen source="this host (root /)" facts={Promise.resolve(facts)} onDone={() => {}} />);
    await waitFor(() => frame(r).includes('Inspected host web-1'), 'the facts');
    expect(frame(r)).toMatchInlineSnapshot(`
      "docker-harden · 1/5 Inspect

      Inspected host web-1, this host (root /).

        ⚠ engine         not running: no answer at unix:///var/run/docker.sock (ENOEN…
        ✓ dockerd        pid 812 /usr/bin/dockerd
        ✓ daemon.json    /etc/docker/daemon.json: 1 key
        ✓ systemd units  docker.service, docker.socket
        ⚠ env files      not found: none of /etc/default/docker exists
        ✓ file modes     14 of 30 paths exist
        ⚠ auditctl       not found: auditctl is not installed; 0 files in /etc/audit/…
        ✗ compose        error: compose label unreadable
        ⚠ docker group   permission denied: /etc/group could not be read
        · mounts         not recorded

      Press enter to see the findings.

      enter continue  q quit  ? help"
    `);
  });

  it('continues with enter only after the facts are in, and goes back with q', async () => {
    let release!: (f: HostFacts) => void;
    const onDone = vi.fn();
    const r = renderScreen(<InspectScreen source="this host (root /)" facts={new Promise((res) => (release = res))} onDone={onDone} />);
    await type(r, KEYS.enter);
    expect(onDone).not.toHaveBeenCalled();
    release(facts);
    await waitFor(() => frame(r).includes('Press enter'), 'the facts');
    await type(r, KEYS.enter);
    expect(onDone).toHaveBeenCalledWith({ type: 'next', facts });

    const back = vi.fn();
    const r2 = renderScreen(<InspectScreen source="x" facts={Promise.resolve(facts)} onDone={back} />);
    await type(r2, 'q');
    expect(back).toHaveBeenCalledWith({ type: 'back' });
  });

  it('says why when the facts cannot be had', async () => {
    const r = renderScreen(
      <InspectScreen source="saved facts from /tmp/f.json" facts={Promise.reject(new Error('/tmp/f.json is not JSON'))} onDone={() => {}} />,
    );
    await waitFor(() => frame(r).includes('not JSON'), 'the error');
    expect(frame(r)).toContain('✗ Could not inspect saved facts from /tmp/f.json.');
    expect(frame(r)).toContain('/tmp/f.json is not JSON');
  });

  it('opens the key help with ? and closes it with any key', async () => {
    const r = renderScreen(<InspectScreen source="x" facts={Promise.resolve(facts)} onDone={() => {}} />);
    await waitFor(() => frame(r).includes('Press enter'), 'the facts');
    await type(r, '?');
    expect(frame(r)).toContain('Keys on this screen');
    await type(r, 'x');
    expect(frame(r)).not.toContain('Keys on this screen');
  });
});
