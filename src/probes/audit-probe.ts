// Probe 'audit': the rules the kernel has loaded (`auditctl -l`, live host only) and the rule files
// under /etc/audit/rules.d that augenrules will load at boot. Both matter: a rule in a file that
// was never loaded, or loaded by hand and lost at reboot, is a half-done fix. Each path a rule
// names is also resolved on the host, so `-w /lib/...` counts for /usr/lib/... where /lib links there.
import path from 'node:path';
import type { AuditFacts, TextFile } from '../facts/host-facts.js';
import { normalizeAuditPath, parseAuditRules } from '../facts/audit-rule-parser.js';
import { readHostDir, readHostText, resolveHostPath, type ResolveError } from './host-fs.js';
import { oneLine, probed, type Probed } from './probe.js';
import type { ProbeState } from '../facts/host-facts.js';
import { hostReader, type HostAccess, type HostReader } from './host-reader.js';

export const RULES_DIR = '/etc/audit/rules.d';

export async function probeAudit(host: HostAccess, opts: { auditctl?: string } = {}): Promise<Probed<AuditFacts>> {
  const root = hostReader(host);
  const [loaded, { rulesFiles, denied }] = await Promise.all([root.root === '/' ? loadedRules(root, opts.auditctl ?? 'auditctl') : null, readRulesFiles(root)]);
  const loadedList = loaded?.rules ?? null;
  const realPaths = await resolveRulePaths(root, [...(loadedList ?? []), ...rulesFiles.map((f) => f.content)]);
  const value: AuditFacts = { loadedRules: loadedList, rulesFiles, realPaths };
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const filesText = denied ? `${RULES_DIR} is not readable` : `${count(rulesFiles.length, 'file')} in ${RULES_DIR}`;
  if (!loaded) {
    const state = denied ? 'permission-denied' : rulesFiles.length > 0 ? 'ok' : 'missing';
    return probed(value, state, `${filesText}; loaded rules not read for --root`);
  }
  if (loaded.rules === null) return probed(value, loaded.state, `${loaded.message}; ${filesText}`);
  return probed(value, denied ? 'permission-denied' : 'ok', `${count(loaded.rules.length, 'loaded rule')}, ${filesText}`);
}

type Loaded = { rules: string[] } | { rules: null; state: ProbeState; message: string };

async function loadedRules(host: HostReader, auditctl: string): Promise<Loaded> {
  const result = await host.auditctlList(auditctl);
  if (result === null) return { rules: null, state: 'missing', message: 'auditctl is not installed' };
  const out = `${result.stdout}\n${result.stderr}`;
  if (result.exitCode !== 0) {
    if (/must be root|Operation not permitted|EPERM|Permission denied/i.test(out)) {
      return { rules: null, state: 'permission-denied', message: 'auditctl -l needs root' };
    }
    return { rules: null, state: 'error', message: `auditctl -l failed: ${oneLine(result.stderr || result.stdout || result.detail)}` };
  }
  return { rules: parseAuditctlList(result.stdout) };
}

/** `auditctl -l` output as rule lines; it prints "No rules" for an empty list. */
export function parseAuditctlList(stdout: string): string[] {
  const lines = stdout
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.length === 1 && lines[0] === 'No rules' ? [] : lines;
}

/**
 * The real path of every path the rules name. The kernel resolves a watch's directory and keeps
 * its last component (a watch on a symlink watches the link), so only the directory is resolved,
 * inside the root; a missing directory resolves as far as it exists.
 */
export async function resolveRulePaths(root: HostAccess, texts: readonly string[]): Promise<Record<string, string>> {
  const named = [...new Set(texts.flatMap((t) => parseAuditRules(t)).flatMap((r) => (r.path?.startsWith('/') ? [r.path] : [])))].sort();
  const reals = await Promise.all(
    named.map(async (p): Promise<[string, string]> => {
      const clean = path.posix.normalize(p);
      const base = path.posix.basename(clean);
      const dir = base === '' || base === '..' ? clean : path.posix.dirname(clean);
      let real: string;
      try {
        real = (await resolveHostPath(root, dir)).path;
      } catch (err) {
        real = (err as ResolveError).resolvedPath ?? dir;
      }
      return [p, normalizeAuditPath(dir === clean ? real : path.posix.join(real, base))];
    }),
  );
  return Object.fromEntries(reals);
}

async function readRulesFiles(root: HostReader): Promise<{ rulesFiles: TextFile[]; denied: boolean }> {
  const dir = await readHostDir(root, RULES_DIR);
  let denied = dir.state === 'permission-denied';
  const files = await Promise.all(
    dir.names
      .filter((n) => n.endsWith('.rules'))
      .map(async (name) => {
        const file = `${RULES_DIR}/${name}`;
        const read = await readHostText(root, file);
        if (read.content === null && read.state === 'permission-denied') denied = true;
        return read.content === null ? null : { path: file, content: read.content };
      }),
  );
  return { rulesFiles: files.filter((f): f is TextFile => f !== null), denied };
}
