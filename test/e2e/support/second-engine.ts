// A second private dockerd that reads its daemon.json from a host root (--config-file), so what
// docker-harden writes under the root is what this daemon starts with. The root's docker.service
// names the same command line, with the config file at its standard place, as a host's unit would.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { docker, startPrivateEngine, stopPrivateEngine, type PrivateEngine } from '../../support/private-engine.js';
import { INSECURE_DAEMON_JSON, makeInsecureRoot } from './insecure-root.js';

export interface RootEngine {
  engine: PrivateEngine;
  /** Bytes of dockerd.log before the current start: what this start logged begins there. */
  logFrom: number;
}

function configArgs(root: string): string[] {
  return ['--config-file', path.join(root, 'etc/docker/daemon.json')];
}

/** Start a dockerd on the insecure root's daemon.json, then lay out the rest of the root around it. */
export async function startOnInsecureRoot(root: string): Promise<RootEngine> {
  mkdirSync(path.join(root, 'etc/docker'), { recursive: true });
  writeFileSync(path.join(root, 'etc/docker/daemon.json'), INSECURE_DAEMON_JSON);
  const engine = await startPrivateEngine({ extraArgs: configArgs(root), importImage: false });
  if (!engine) throw new Error('dockerd is not installed');
  const argv = readFileSync(`/proc/${engine.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  const at = argv.indexOf('--config-file');
  argv.splice(at, 2);
  makeInsecureRoot(root, argv.join(' '));
  return { engine, logFrom: 0 };
}

/** Stop and start the same daemon (same data, socket and flags): it reads the root's daemon.json again. */
export async function restartOnRoot(current: RootEngine, root: string): Promise<RootEngine> {
  await stopPrivateEngine(current.engine, { keepDir: true });
  const logFrom = statSync(path.join(current.engine.dir, 'dockerd.log')).size;
  const engine = await startPrivateEngine({ extraArgs: configArgs(root), importImage: false, dir: current.engine.dir });
  return { engine: engine!, logFrom };
}

export function engineInfo(e: RootEngine): Record<string, any> {
  return JSON.parse(docker(e.engine, ['info', '--format', '{{json .}}']));
}

/** What dockerd logged since its latest start. */
export function logSinceStart(e: RootEngine): string {
  return readFileSync(path.join(e.engine.dir, 'dockerd.log')).subarray(e.logFrom).toString('utf8');
}
