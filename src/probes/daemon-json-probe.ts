// Probe 'daemonJson': the configuration file the daemon really reads (its --config-file, from the
// running process or else the unit's ExecStart), kept raw; a syntax error is recorded with its
// line and column, never thrown, because a broken daemon.json is exactly what the user must see.
import type { DaemonJsonFacts } from '../facts/host-facts.js';
import { parseDockerdArgs } from '../facts/dockerd-flags.js';
import { readHostText } from './host-fs.js';
import { parseDaemonJson } from '../facts/parse-daemon-json.js';
import { probed, type Probed } from './probe.js';
import type { HostAccess } from './host-reader.js';

export { parseDaemonJson };

export const DEFAULT_DAEMON_JSON = '/etc/docker/daemon.json';

/**
 * The daemon.json path named by dockerd arguments (without the executable), else the daemon's
 * default: /etc/docker/daemon.json, or ~/.config/docker/daemon.json of a rootless daemon's user.
 */
export function daemonJsonPath(dockerdArgs: readonly string[], defaultPath: string = DEFAULT_DAEMON_JSON): string {
  const flag = parseDockerdArgs(dockerdArgs).get('config-file')?.value;
  return typeof flag === 'string' && flag.startsWith('/') ? flag : defaultPath;
}

export async function probeDaemonJson(root: HostAccess, file: string): Promise<Probed<DaemonJsonFacts>> {
  const read = await readHostText(root, file);
  if (read.content === null) return probed({ path: file, raw: null, parsed: null }, read.state, read.message);
  const raw = read.content;
  const parsed = parseDaemonJson(raw);
  if ('parseError' in parsed) {
    const e = parsed.parseError;
    return probed({ path: file, raw, parsed: null, parseError: e }, 'error', `${file} line ${e.line}, column ${e.column}: ${e.message}`);
  }
  const keys = Object.keys(parsed.value);
  return probed({ path: file, raw, parsed: parsed.value }, 'ok', `${file}: ${keys.length} key${keys.length === 1 ? '' : 's'}`);
}
