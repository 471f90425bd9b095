// The watches remediate() writes, loaded into the real kernel audit subsystem with auditctl: they
// must load, show up in `auditctl -l`, and that listing fed back as facts must satisfy the checks.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyFacts } from '../../facts/empty-facts.js';
import type { FileStat, HostFacts } from '../../facts/host-facts.js';
import { DEFAULT_PARAMS } from '../params.js';
import { parseAuditRules, ruleCoversPath } from '../../facts/audit-rule-parser.js';
import { section1Rules } from './index.js';

function auditctl(args: string[]): { ok: boolean; stdout: string; stderr: string } {
  const r = spawnSync('auditctl', args, { encoding: 'utf8' });
  return { ok: r.status === 0, stdout: r.stdout ?? '', stderr: r.stderr ?? String(r.error ?? '') };
}

const probe = auditctl(['-l']);
const skipReason = probe.ok ? '' : `auditctl -l failed (${probe.stderr.trim() || 'not found'}): needs root and kernel audit support`;
if (skipReason) console.warn(`audit-rules-load.test: skipped, ${skipReason}`);

describe.skipIf(!probe.ok)('remediate() watches load with the real auditctl', () => {
  const key = `dh-test-${randomBytes(4).toString('hex')}`;
  const params = { ...DEFAULT_PARAMS, auditKey: key };
  const root = mkdtempSync(path.join(tmpdir(), 'dh-audit-'));
  const loadedRules: string[] = [];

  afterAll(() => {
    // Remove exactly what this test added: -w becomes -W, -a becomes -d, same arguments.
    for (const rule of loadedRules.reverse()) {
      const args = rule.split(' ');
      args[0] = args[0] === '-w' ? '-W' : '-d';
      auditctl(args);
    }
    rmSync(root, { recursive: true, force: true });
    expect(auditctl(['-l']).stdout).not.toContain(key);
  });

  it('loads 1.1.3, 1.1.5 and 1.1.11 watches for temp paths and then passes on the listing', () => {
    const bin = path.join(root, 'bin');
    const dataRoot = path.join(root, 'data-root');
    const etc = path.join(root, 'etc');
    mkdirSync(bin);
    mkdirSync(dataRoot);
    mkdirSync(etc);
    writeFileSync(path.join(etc, 'daemon.json'), '{}\n');
    const dir: FileStat = { exists: true, type: 'directory', mode: 0o755, uid: 0, gid: 0 };
    const facts: HostFacts = emptyFacts({
      // dockerd itself is absent: the kernel must accept a watch on a missing file in an existing directory.
      dockerd: { pid: 4242, exe: path.join(bin, 'dockerd'), argv: [path.join(bin, 'dockerd')] },
      engine: { host: 'unix:///nonexistent.sock', version: {}, info: { DockerRootDir: dataRoot }, containers: [], images: [], networks: [] },
      daemonJson: { path: path.join(etc, 'daemon.json'), raw: '{}\n', parsed: {} },
      files: {
        [bin]: dir,
        [path.join(bin, 'dockerd')]: { exists: false },
        [dataRoot]: dir,
        [etc]: dir,
        [path.join(etc, 'daemon.json')]: { exists: true, type: 'file', mode: 0o644, uid: 0, gid: 0 },
      },
      audit: { loadedRules: [], rulesFiles: [] },
    });
    const rules = section1Rules.filter((r) => ['1.1.3', '1.1.5', '1.1.11'].includes(r.id));
    const watches = rules.flatMap((r) => r.remediate!(facts, params)).filter((c) => c.kind === 'audit-watch');
    expect(watches.map((w) => w.path)).toEqual([path.join(bin, 'dockerd'), dataRoot, path.join(etc, 'daemon.json')]);

    for (const w of watches) {
      const text = w.rule!;
      const added = auditctl(text.split(' '));
      expect(added.stderr).not.toMatch(/error/i);
      expect(added.ok).toBe(true);
      loadedRules.push(text);
    }

    const listing = auditctl(['-l'])
      .stdout.split('\n')
      .filter((l) => l.includes(key));
    expect(listing).toHaveLength(3);
    const parsed = parseAuditRules(listing);
    for (const w of watches) expect(parsed.some((r) => ruleCoversPath(r, w.path))).toBe(true);

    const after = emptyFacts({ ...facts, audit: { loadedRules: listing, rulesFiles: [] } });
    for (const r of rules) {
      expect(r.check(after).map((c) => c.status)).toEqual(['pass']);
      expect(r.remediate!(after, params)).toEqual([]);
    }
  });
});
