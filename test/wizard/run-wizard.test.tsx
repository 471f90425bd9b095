// The whole flow on real parts: a temp host root inspected by the real probes (no engine), the
// real catalog and shipped profiles, and real writes; only the terminal is ink-testing-library's.
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { render, cleanup } from 'ink-testing-library';
import { runWizard } from '../../src/wizard/run-wizard.js';
import { createScreenHost, type Mount } from '../../src/wizard/ui/screen-host.js';
import { loadFacts } from '../../src/services/facts-source.js';
import type { GlobalOptions } from '../../src/services/options.js';
import type { HostFacts } from '../../src/facts/host-facts.js';
import { KEYS, waitFor } from './support/render-screen.js';

const dirs: string[] = [];
afterEach(cleanup);
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function hostRoot(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'dh-wizard-root-'));
  dirs.push(root);
  mkdirSync(path.join(root, 'etc/docker'), { recursive: true });
  writeFileSync(path.join(root, 'etc/docker/daemon.json'), '{"log-level":"debug"}\n');
  chmodSync(path.join(root, 'etc/docker/daemon.json'), 0o666);
  mkdirSync(path.join(root, 'etc/systemd/system'), { recursive: true });
  for (const unit of ['docker.service', 'docker.socket']) {
    const from = ['/lib/systemd/system', '/usr/lib/systemd/system'].map((d) => path.join(d, unit)).find(existsSync);
    if (from) copyFileSync(from, path.join(root, 'etc/systemd/system', unit));
  }
  return root;
}

function start(opts: Partial<GlobalOptions> & { root: string }, facts?: Promise<HostFacts>) {
  let r: ReturnType<typeof render> | undefined;
  const mount: Mount = (node) => (r = render(node));
  const host = createScreenHost({ color: false, size: { columns: 100, rows: 30 }, mount });
  const full: GlobalOptions = { dockerHost: 'unix:///nonexistent/docker.sock', color: false, ...opts };
  const cwd = mkdtempSync(path.join(tmpdir(), 'dh-wizard-cwd-'));
  dirs.push(cwd);
  const outcome = runWizard({ opts: full, facts: facts ?? loadFacts(full), host, cwd, uid: 1000 }).finally(() => host.close());
  const screen = () => r?.lastFrame() ?? '';
  const until = (text: string) => waitFor(() => screen().includes(text), `"${text}" on screen`, 20_000);
  const keys = async (...ks: string[]) => {
    for (const k of ks) {
      r!.stdin.write(k);
      await new Promise((res) => setTimeout(res, 20));
    }
  };
  return { outcome, screen, until, keys, cwd };
}

describe('the wizard flow', () => {
  it('inspects, audits, plans strict, leaves a file out, and saves a script and a patch without it', async () => {
    const root = hostRoot();
    const w = start({ root });
    await w.until('Press enter to see the findings.');
    await w.keys(KEYS.enter);
    await w.until('2/5 Findings');
    await w.keys('c');
    await w.until('closes');
    expect(w.screen()).toMatch(/strict +changes \d+ files?, closes \d+ findings/);
    await w.keys('j', KEYS.enter);
    await w.until('4/5 Review');
    const off = '/etc/profile.d/docker-content-trust.sh';
    const row =
      w
        .screen()
        .split('\n')
        .findIndex((l) => l.includes(off)) -
      w
        .screen()
        .split('\n')
        .findIndex((l) => l.startsWith('› '));
    await w.keys(...new Array<string>(row).fill('j'), KEYS.space, 'c');
    await w.until('5/5 Act');
    expect(w.screen()).toContain('(1 file left out)');
    // Back in Review, the cursor is still on the file switched off.
    await w.keys('q');
    await w.until('4/5 Review');
    expect(
      w
        .screen()
        .split('\n')
        .find((l) => l.startsWith('› ')),
    ).toContain(`[ ] create  ${off}`);
    await w.keys('c');
    await w.until('5/5 Act');
    await w.keys('j', KEYS.enter);
    await w.until('Path: ./docker-harden.sh');
    await w.keys(KEYS.enter);
    // Saving comes back to the Act screen, the cursor where it was: a patch can follow, or writing.
    await w.until('✓ Wrote');
    expect(w.screen()).toMatch(/› Save a shell script/);
    await w.keys('j', KEYS.enter);
    await w.until('Path: ./docker-harden.patch');
    await w.keys(KEYS.enter);
    await w.until('docker-harden.patch (apply with');
    expect(w.screen()).toMatch(/› Save a patch/);
    await w.keys('G', KEYS.enter);
    const outcome = await w.outcome;
    const script = path.join(w.cwd, 'docker-harden.sh');
    expect(outcome).toEqual({
      exitCode: 0,
      summary: [
        expect.stringContaining(`Wrote ${script}`),
        expect.stringContaining(`Wrote ${path.join(w.cwd, 'docker-harden.patch')}`),
        'Nothing was written to the host.',
      ],
    });
    expect(readFileSync(path.join(w.cwd, 'docker-harden.patch'), 'utf8')).not.toContain(off);
    const text = readFileSync(script, 'utf8');
    expect(text).not.toContain(off);
    expect(text).toContain('/etc/docker/daemon.json');
    expect(statSync(script).mode & 0o777).toBe(0o700);
  });

  it('writes the plan under --root after a confirmation and reports the backup set', async () => {
    const root = hostRoot();
    const w = start({ root });
    await w.until('Press enter to see the findings.');
    await w.keys(KEYS.enter, 'c');
    await w.until('baseline');
    await w.keys(KEYS.enter);
    await w.until('4/5 Review');
    await w.keys('c');
    await w.until('5/5 Act');
    await w.keys(KEYS.enter);
    await w.until('No, go back');
    await w.keys('y');
    await w.until('Press enter to finish.');
    expect(w.screen()).toContain('✓ wrote /etc/docker/daemon.json');
    expect(w.screen().replace(/\s+/g, ' ')).toMatch(/Backup set (\S+) \(undo with: docker-harden --root \S+ rollback \1\)/);
    await w.keys(KEYS.enter);
    const outcome = await w.outcome;
    expect(outcome.exitCode).toBe(0);
    // Only the changed value is edited; the file keeps its compact layout.
    expect(readFileSync(path.join(root, 'etc/docker/daemon.json'), 'utf8')).toBe('{"log-level":"info"}\n');
  });

  it('goes back a screen with q, and leaves from the first one without changes', async () => {
    const w = start({ root: hostRoot() });
    await w.until('Press enter to see the findings.');
    await w.keys(KEYS.enter);
    await w.until('2/5 Findings');
    await w.keys('q');
    await w.until('1/5 Inspect');
    await w.keys('q');
    expect(await w.outcome).toEqual({ exitCode: 0, summary: ['No changes made.'] });
  });

  it('shows why a profile file does not load, and lets another be chosen', async () => {
    const w = start({ root: hostRoot() });
    await w.until('Press enter to see the findings.');
    await w.keys(KEYS.enter, 'c');
    await w.until('Profile file…');
    await w.keys('G', KEYS.enter, 'missing.yaml', KEYS.enter);
    await w.until('does not exist');
    await w.keys(KEYS.escape, 'g', KEYS.enter);
    await w.until('4/5 Review');
    await w.keys('c');
    await w.until('5/5 Act');
    await w.keys('G', KEYS.enter);
    expect(await w.outcome).toEqual({ exitCode: 0, summary: ['No changes made.'] });
  });

  it('ends with exit 2 and the reason when the facts cannot be had', async () => {
    const w = start({ root: '/', from: '/nonexistent/facts.json' }, Promise.reject(new Error('cannot read /nonexistent/facts.json')));
    await w.until('cannot read /nonexistent/facts.json');
    await w.keys('q');
    expect(await w.outcome).toEqual({ exitCode: 2, summary: ['docker-harden: cannot read /nonexistent/facts.json'] });
  });

  it('stops without changes on ctrl+c', async () => {
    const w = start({ root: hostRoot() });
    await w.until('Press enter');
    await w.keys(KEYS.ctrlC);
    expect(await w.outcome).toEqual({ exitCode: 130, summary: ['Stopped: no changes made.'] });
  });
});
