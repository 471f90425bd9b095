// The undo of a `docker update`, from the values the engine reported before it: exact values go
// back as they were, "no limit" in the engine's own words, and what dockerd cannot take back is named.
import { describe, expect, it } from 'vitest';
import { containerUndo, manifestEntry, restoreNotes } from '../../src/apply/container-undo.js';
import { checkManifest } from '../../src/apply/manifest-check.js';

const ID = 'a'.repeat(64);
const STRICT = ['memory', 'memory-swap', 'cpu-shares', 'restart', 'pids-limit'];

describe('containerUndo', () => {
  it('puts recorded limits back exactly', () => {
    const before = { Memory: 67108864, MemorySwap: 134217728, CpuShares: 256, PidsLimit: 50, RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 } };
    const u = containerUndo('web', ID, STRICT, before);
    expect(u.restoreArgs).toEqual([
      'update',
      '--memory',
      '67108864',
      '--memory-swap',
      '134217728',
      '--cpu-shares',
      '256',
      '--restart',
      'on-failure:3',
      '--pids-limit',
      '50',
      ID,
    ]);
    expect(u.unrestorable).toEqual([]);
    expect(u.notes).toEqual([]);
  });

  it('says "no limit" the way dockerd accepts it, and names the memory limit it cannot remove', () => {
    const before = { Memory: 0, MemorySwap: 0, CpuShares: 0, PidsLimit: null, RestartPolicy: { Name: 'no', MaximumRetryCount: 0 } };
    const u = containerUndo('plain', ID, STRICT, before);
    expect(u.restoreArgs).toEqual(['update', '--memory-swap', '-1', '--cpu-shares', '1024', '--restart', 'no', '--pids-limit', '-1', ID]);
    expect(u.unrestorable).toEqual([expect.stringMatching(/^--memory stays as the update set it: .*dockerd cannot remove one/)]);
    expect(u.notes).toEqual([expect.stringMatching(/^cpu-shares back to the default weight 1024/), expect.stringMatching(/^pids-limit back to unlimited/)]);
    expect(restoreNotes(manifestEntry(u))).toEqual(u.notes);
  });

  it('restart policies: unset, always, unless-stopped, on-failure without a count', () => {
    const arg = (RestartPolicy: unknown) => containerUndo('x', ID, ['restart'], { RestartPolicy }).restoreArgs[2];
    expect([arg({ Name: '' }), arg({ Name: 'always' }), arg({ Name: 'unless-stopped' }), arg({ Name: 'on-failure', MaximumRetryCount: 0 })]).toEqual([
      'no',
      'always',
      'unless-stopped',
      'on-failure',
    ]);
  });

  it('an unknown flag is reported, never silently dropped; a flag with nothing to restore keeps the manifest shape', () => {
    const u = containerUndo('x', ID, ['device-write-bps'], {});
    expect(u.restoreArgs).toEqual(['update', ID]);
    expect(u.unrestorable[0]).toMatch(/^--device-write-bps stays as the update set it/);
  });

  it('the manifest entry passes the manifest schema rollback checks', () => {
    const u = containerUndo('web', ID, STRICT, { Memory: 0, MemorySwap: 0, CpuShares: 0, PidsLimit: null, RestartPolicy: { Name: 'always' } });
    const manifest = {
      version: 1,
      id: 'set1',
      createdAt: new Date(0).toISOString(),
      profile: 'strict',
      state: 'applied',
      files: [],
      permissions: [],
      steps: [],
      endpoint: 'unix:///tmp/x/docker.sock',
      containers: [manifestEntry(u)],
    };
    expect(checkManifest(manifest, 'set1').containers![0].restoreArgs.at(-1)).toBe(ID);
  });
});
