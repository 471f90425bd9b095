// Who holds a listening socket, asked of the kernel through /proc, on this test's own process: the
// fds are read in order a batch at a time and the reading stops at the holder, so a listener
// beyond the first batch, and one held only by another process, must still be told apart.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync, existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { holdsEndpoint } from '../../src/probes/socket-owner.js';
import { localHostReader, readLinks, type HostReader } from '../../src/probes/host-reader.js';
import { parseDockerHost } from '../../src/probes/docker-host.js';
import { tempRoot, type TempRoot } from './temp-root.js';

let root: TempRoot;
const servers: net.Server[] = [];
const fds: number[] = [];
let child: ChildProcess | null = null;
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
  for (const fd of fds.splice(0)) closeSync(fd);
  child?.kill();
  child = null;
  root?.remove();
});

async function listen(socket: string): Promise<void> {
  const server = net.createServer().listen(socket);
  servers.push(server);
  await new Promise((r) => server.once('listening', r));
}

/** The same reader without its batch read: every link through readlink, as the SSH reader does. */
function oneByOne(): HostReader {
  const { readlinks: _batch, ...rest } = localHostReader('/');
  return rest;
}

describe('holdsEndpoint', () => {
  it('finds the holder past the first batch of fds, and says not-held for another process', async () => {
    root = tempRoot();
    const early = path.join(root.dir, 'early.sock');
    await listen(early);
    // 100 more open files: the next listener sits beyond the first batch of fds read.
    for (let i = 0; i < 100; i++) fds.push(openSync(root.dir, 'r'));
    const late = path.join(root.dir, 'late.sock');
    await listen(late);
    const other = path.join(root.dir, 'other.sock');
    child = spawn(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(other)}); setInterval(() => {}, 1e6)`], { stdio: 'ignore' });
    for (let i = 0; i < 100 && !existsSync(other); i++) await new Promise((r) => setTimeout(r, 50));
    for (const host of [localHostReader('/'), oneByOne()]) {
      expect(await holdsEndpoint(process.pid, parseDockerHost(`unix://${early}`), host)).toBe('holds');
      expect(await holdsEndpoint(process.pid, parseDockerHost(`unix://${late}`), host)).toBe('holds');
      expect(await holdsEndpoint(process.pid, parseDockerHost(`unix://${other}`), host)).toBe('not-held');
      expect(await holdsEndpoint(child.pid!, parseDockerHost(`unix://${other}`), host)).toBe('holds');
      expect(await holdsEndpoint(child.pid!, parseDockerHost(`unix://${late}`), host)).toBe('not-held');
    }
  });
});

describe('readLinks', () => {
  it('gives each link its target or its error code, with or without the batch read', async () => {
    const paths = ['/proc/self/cwd', '/proc/1/exe', '/proc/no-such-pid/exe', ...Array.from({ length: 300 }, (_, i) => `/proc/self/fd/${i}`)];
    const batch = await readLinks(localHostReader('/'), paths);
    const single = await readLinks(oneByOne(), paths);
    expect(batch).toHaveLength(paths.length);
    expect(batch[0]).toEqual({ target: process.cwd() });
    expect(batch[2]).toEqual({ code: 'ENOENT' });
    // /proc/self is the reading process in both, and fds 0-2 are open in both.
    expect(batch.slice(0, 6)).toEqual(single.slice(0, 6));
  });
});
