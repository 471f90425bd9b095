// Every host read the probes make goes through a HostReader: the files, links, directories and
// /proc entries of the inspected system, its auditctl, its uid and its hostname. The local reader
// reads this machine (under --root); the SSH reader (remote/) answers from what a collector brought
// back from another host. Probes never learn which one they talk to, so both give the same facts.
import { lstat, readdir, readFile, readlink, realpath, stat } from 'node:fs/promises';
import { readlinkSync, type Stats } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { readInputText } from '../core/read-input.js';

export type HostFileType = 'file' | 'directory' | 'symlink' | 'socket' | 'other';

export interface HostStat {
  type: HostFileType;
  /** Permission bits (& 0o7777). */
  mode: number;
  uid: number;
  gid: number;
  /** Device and inode, as "dev:ino": the same file has the same id. */
  id: string;
}

export type LinkRead = { target: string } | { code: string };

export interface HostDirEntry {
  name: string;
  /** Whether the entry itself (not what a link names) is a directory. */
  directory: boolean;
}

export interface HostExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** One line on why it failed, when it did (timeout, signal, exit code). */
  detail?: string;
}

export interface HostReader {
  /** Every path is read under this directory of the inspected system ("/" live, or --root). */
  readonly root: string;
  /** Set for a host reached over SSH: the destination, as ssh://user@host:port. */
  readonly remote?: string;
  /** A regular file's text, type-checked before it is read and bounded (read-input.ts's rules). */
  readText(p: string, maxBytes: number): Promise<string>;
  /** A kernel file (/proc), read plainly: it reports size 0 and is never a FIFO. */
  readProc(p: string): Promise<string>;
  lstat(p: string): Promise<HostStat>;
  /** Whether `p` itself is a symlink (lstat's type only: all that resolving a path needs). */
  isSymlink(p: string): Promise<boolean>;
  /** stat following symlinks (/proc/<pid>/exe: the mapped executable). */
  stat(p: string): Promise<HostStat>;
  readlink(p: string): Promise<string>;
  /**
   * Many links at once, each its target or the error code it failed with (readLinks() falls back
   * to readlink). The local reader reads them without a thread-pool round trip per link: a scan
   * of /proc/<pid>/exe touches every process of the host.
   */
  readlinks?(paths: string[]): Promise<LinkRead[]>;
  /** The path with every symlink resolved, as realpath(3) does; throws where a part is missing. */
  realpath(p: string): Promise<string>;
  readdir(p: string): Promise<HostDirEntry[]>;
  /** `auditctl -l`; null when auditctl is not installed. */
  auditctlList(auditctl: string): Promise<HostExecResult | null>;
  /** The uid the reads run as (non-root sees less of /proc). */
  uid(): number | undefined;
  hostname(): Promise<string>;
  /** The environment of the inspecting user on that host (PATH, DOCKER_CONTENT_TRUST). */
  readonly env: NodeJS.ProcessEnv;
}

/** What probes take: a reader, or a root directory on this machine (tests and older callers). */
export type HostAccess = HostReader | string;

export function hostReader(host: HostAccess): HostReader {
  return typeof host === 'string' ? localHostReader(host) : host;
}

export function hostRoot(host: HostAccess): string {
  return typeof host === 'string' ? host : host.root;
}

/** The path on this machine of host path `p` under `root`. */
export function underRoot(root: string, p: string): string {
  return root === '/' ? p : path.join(root, p);
}

const locals = new Map<string, HostReader>();

/** This machine, read under `root` with node:fs: the same calls the probes always made. */
export function localHostReader(root: string, env: NodeJS.ProcessEnv = process.env): HostReader {
  const cached = env === process.env ? locals.get(root) : undefined;
  if (cached) return cached;
  const at = (p: string) => underRoot(root, p);
  const reader: HostReader = {
    root,
    env,
    readText: (p, maxBytes) => readInputText(at(p), maxBytes),
    readProc: (p) => readFile(at(p), 'utf8'),
    lstat: async (p) => hostStat(await lstat(at(p))),
    isSymlink: async (p) => (await lstat(at(p))).isSymbolicLink(),
    stat: async (p) => hostStat(await stat(at(p))),
    readlink: (p) => readlink(at(p)),
    readlinks: (paths) => readLinksInSlices(paths.map(at)),
    realpath: (p) => realpath(at(p)),
    readdir: async (p) => (await readdir(at(p), { withFileTypes: true })).map((e) => ({ name: e.name, directory: e.isDirectory() })),
    auditctlList: (auditctl) => runListing(auditctl, ['-l']),
    uid: () => process.getuid?.(),
    hostname: async () => os.hostname(),
  };
  if (env === process.env) locals.set(root, reader);
  return reader;
}

/** Links of /proc and the like answer from memory: read them directly, a slice at a time, so the event loop still turns between slices. */
async function readLinksInSlices(paths: string[]): Promise<LinkRead[]> {
  const out: LinkRead[] = [];
  for (let i = 0; i < paths.length; i += LINK_SLICE) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const p of paths.slice(i, i + LINK_SLICE)) {
      try {
        out.push({ target: readlinkSync(p) });
      } catch (err) {
        out.push({ code: (err as NodeJS.ErrnoException).code ?? 'EIO' });
      }
    }
  }
  return out;
}

const LINK_SLICE = 128;

/** host.readlinks, or one readlink per path where the reader has no batch. */
export function readLinks(host: HostReader, paths: string[]): Promise<LinkRead[]> {
  if (host.readlinks) return host.readlinks(paths);
  return Promise.all(
    paths.map((p) =>
      host.readlink(p).then(
        (target): LinkRead => ({ target }),
        (err: NodeJS.ErrnoException): LinkRead => ({ code: err.code ?? 'EIO' }),
      ),
    ),
  );
}

export function hostStat(st: Stats): HostStat {
  const type: HostFileType = st.isFile() ? 'file' : st.isDirectory() ? 'directory' : st.isSymbolicLink() ? 'symlink' : st.isSocket() ? 'socket' : 'other';
  return { type, mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, id: `${st.dev}:${st.ino}` };
}

/**
 * Run a listing command (auditctl -l) in the C locale; null when it is not installed. node's own
 * execFile: a process library costs more to load than this one short-lived child takes to run.
 */
function runListing(command: string, args: string[]): Promise<HostExecResult | null> {
  const line = [command, ...args].join(' ');
  const trim = (text: string) => text.replace(/\r?\n$/, '');
  return new Promise((resolve) => {
    const options = { timeout: 10_000, env: { ...process.env, LC_ALL: 'C' }, maxBuffer: 100 * 1024 * 1024, encoding: 'utf8' as const };
    execFile(command, args, options, (err, stdout, stderr) => {
      const failure = err as (NodeJS.ErrnoException & { killed?: boolean; signal?: NodeJS.Signals | null }) | null;
      if (failure?.code === 'ENOENT') return resolve(null);
      const result = { exitCode: 0, stdout: trim(stdout), stderr: trim(stderr) };
      if (!failure) return resolve(result);
      const exitCode = typeof failure.code === 'number' ? failure.code : 1;
      const detail = failure.killed
        ? `Command timed out after 10000 milliseconds: ${line}`
        : failure.signal
          ? `Command was killed with ${failure.signal}: ${line}`
          : typeof failure.code === 'number'
            ? `Command failed with exit code ${failure.code}: ${line}`
            : `Command failed with ${failure.code ?? failure.message}: ${line}`;
      resolve({ ...result, exitCode, detail });
    });
  });
}
