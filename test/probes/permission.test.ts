// Probes run as an unprivileged user (nobody, via setpriv) must say "permission-denied" where the
// kernel refuses them, not crash and not pretend the thing is absent: an unreadable daemon.json, a
// root-only engine socket, auditctl without root, other users' processes, a root-only directory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { HostFacts } from '../../src/facts/host-facts.js';
import { tempRoot, type TempRoot } from './temp-root.js';
import { readableCopy, type ReadableCopy } from '../support/readable-copy.js';

const canDrop = process.getuid?.() === 0 && existsSync('/usr/bin/setpriv');

describe.skipIf(!canDrop)('probes as an unprivileged user', () => {
  let root: TempRoot;
  let server: net.Server;
  let socket: string;
  // nobody runs the probes from a copy it can read: the checkout may sit under a 0700 directory.
  let code: ReadableCopy;

  beforeAll(async () => {
    code = readableCopy(['package.json', 'src', 'node_modules']);
    root = tempRoot();
    chmodSync(root.dir, 0o755);
    chmodSync(root.write('/etc/docker/daemon.json', '{"icc": false}\n'), 0o600);
    chmodSync(root.mkdir('/etc/docker'), 0o755);
    root.write('/etc/group', 'docker:x:998:\n');
    socket = path.join(root.dir, 'docker.sock');
    server = net.createServer((c) => c.end()).listen(socket);
    await new Promise((r) => server.once('listening', r));
    chmodSync(socket, 0o600);
    writeFileSync(
      path.join(root.dir, 'run.mts'),
      [
        `import { inspectHost } from ${JSON.stringify(code.at('src/probes/inspect-host.ts'))};`,
        'const facts = await inspectHost({ root: process.argv[2], dockerHost: process.argv[3] });',
        'process.stdout.write(JSON.stringify(facts));',
      ].join('\n'),
      { mode: 0o644 },
    );
  });
  afterAll(() => {
    server?.close();
    root?.remove();
    code?.remove();
  });

  const inspectAsNobody = (hostRoot: string): HostFacts =>
    JSON.parse(
      execFileSync(
        'setpriv',
        [
          '--reuid=65534',
          '--regid=65534',
          '--clear-groups',
          process.execPath,
          '--import',
          code.at('node_modules/tsx/dist/esm/index.mjs'),
          path.join(root.dir, 'run.mts'),
          hostRoot,
          `unix://${socket}`,
        ],
        { encoding: 'utf8', cwd: root.dir, env: { PATH: process.env.PATH, HOME: root.dir } },
      ),
    );

  it('reports an unreadable daemon.json and a root-only socket as permission-denied', () => {
    const facts = inspectAsNobody(root.dir);
    expect(facts.probes.daemonJson).toEqual({ status: 'permission-denied', message: '/etc/docker/daemon.json is not readable' });
    expect(facts.daemonJson).toEqual({ path: '/etc/docker/daemon.json', raw: null, parsed: null });
    expect(facts.probes.engine).toEqual({ status: 'permission-denied', message: expect.stringContaining(`permission denied on ${socket}`) });
    expect(facts.engine).toBeNull();
    // The file itself can still be stat'ed: owner and mode are known even when the content is not.
    expect(facts.files['/etc/docker/daemon.json']).toMatchObject({ exists: true, mode: 0o600, uid: 0 });
  });

  it('reports auditctl, the process table and root-only paths of the live host as permission-denied', () => {
    const facts = inspectAsNobody('/');
    expect(facts.probes.audit?.status).toBe('permission-denied');
    expect(facts.audit.loadedRules).toBeNull();
    expect(facts.probes.dockerdProcess?.status).toBe('permission-denied');
    const hidden = Object.entries(facts.files)
      .filter(([, s]) => s.error === 'permission-denied')
      .map(([p]) => p);
    // containerd makes /run/containerd root-only: nothing inside it can be looked at.
    if (existsSync('/run/containerd') && (statSync('/run/containerd').mode & 0o001) === 0) {
      expect(hidden).toContain('/run/containerd/containerd.sock');
      expect(facts.probes.files?.status).toBe('permission-denied');
    }
  });
});
