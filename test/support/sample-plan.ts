// A small hand-made plan over a temp root: one modified file, one created file in a new
// directory, one permission fix. Used by the apply, rollback, patch and script tests.
import { mkdtempSync, mkdirSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from '../../src/core/sha256.js';
import type { Plan } from '../../src/plan-model/plan.js';

export const DAEMON_BEFORE = '{\n  "log-level": "debug",\n  "my-key": "kept"\n}\n';
export const DAEMON_AFTER = '{\n  "log-level": "info",\n  "my-key": "kept",\n  "live-restore": true\n}\n';
export const DROPIN_AFTER = '[Socket]\nSocketMode=0660\nSocketUser=root\nSocketGroup=docker\n';

export function makeRoot(prefix = 'dh-root-'): string {
  const root = mkdtempSync(path.join('/tmp', prefix));
  mkdirSync(path.join(root, 'etc/docker'), { recursive: true });
  writeFileSync(path.join(root, 'etc/docker/daemon.json'), DAEMON_BEFORE);
  chmodSync(path.join(root, 'etc/docker/daemon.json'), 0o666);
  mkdirSync(path.join(root, 'etc/systemd/system'), { recursive: true });
  writeFileSync(path.join(root, 'etc/default-docker'), 'DOCKER_OPTS=""\n');
  chmodSync(path.join(root, 'etc/default-docker'), 0o664);
  return root;
}

export function samplePlan(extraFiles: Plan['files'] = []): Plan {
  return {
    profile: 'test',
    facts: { source: 'host', collectedAt: '2026-01-01T00:00:00.000Z', root: '/' },
    files: [
      {
        path: '/etc/docker/daemon.json',
        kind: 'modify',
        before: DAEMON_BEFORE,
        after: DAEMON_AFTER,
        mode: 0o644,
        owner: 'root',
        group: 'root',
        beforeSha256: sha256(DAEMON_BEFORE),
        closes: ['2.3', '2.16'],
        artifact: 'daemon-json',
      },
      {
        path: '/etc/systemd/system/docker.socket.d/50-docker-harden.conf',
        kind: 'create',
        before: null,
        after: DROPIN_AFTER,
        mode: 0o644,
        owner: 'root',
        group: 'root',
        beforeSha256: null,
        closes: ['3.16'],
        artifact: 'systemd-dropin',
      },
      ...extraFiles,
    ],
    permissions: [{ path: '/etc/default-docker', mode: 0o644, owner: 'root', group: 'root', fromMode: 0o664, closes: ['3.20'] }],
    steps: [
      { id: 'daemon-reload', description: 'Reload systemd units', command: ['systemctl', 'daemon-reload'], when: 'after-files', reason: 'a drop-in changed' },
    ],
    warnings: [{ ruleId: '2.16', text: 'live-restore is incompatible with swarm mode' }],
    manual: [],
    refused: [],
  };
}
