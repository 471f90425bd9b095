// A manifest may name a file whose folder is gone by the time of the rollback: one sentence and
// exit 2, not an unexpected error (found by the fuzz suite's manifest generator).
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from '../../src/core/sha256.js';
import { BIN, ensureBuilt } from '../support/ensure-build.js';

beforeAll(async () => {
  await ensureBuilt();
}, 180_000);

describe('rollback of a file whose folder no longer exists', () => {
  it('exits 2 with one sentence naming the folder, and creates nothing', () => {
    const root = mkdtempSync('/tmp/dh-rollback-missing-');
    const id = '20260101T000000Z-abcd';
    const set = path.join(root, 'var/backups/docker-harden', id);
    mkdirSync(path.join(set, 'files'), { recursive: true });
    chmodSync(set, 0o700);
    writeFileSync(path.join(set, 'files/0000'), 'x');
    const file = {
      path: '/missing/dir/secret',
      existed: true,
      backupFile: '0000',
      mode: 0o644,
      uid: 0,
      gid: 0,
      sha256Before: sha256('x'),
      sha256After: null,
      createdDirs: [],
    };
    const manifest = { version: 1, id, createdAt: '2026-01-01T00:00:00.000Z', profile: 'strict', state: 'applied', files: [file], permissions: [], steps: [] };
    writeFileSync(path.join(set, 'manifest.json'), JSON.stringify(manifest), { mode: 0o600 });
    const r = spawnSync(process.execPath, [BIN, '--root', root, 'rollback', id], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^docker-harden: Cannot write .*\/missing\/dir\/secret: its folder .*\/missing\/dir does not exist; nothing was written there\./);
    expect(r.stderr).not.toMatch(/unexpected error/);
    expect(existsSync(path.join(root, 'missing'))).toBe(false);
  });
});
