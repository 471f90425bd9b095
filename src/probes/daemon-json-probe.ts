// Probe 'daemonJson': the configuration file the daemon really reads (its --config-file, from the
// running process or else the unit's ExecStart), kept raw; a syntax error is recorded with its
// line and column, never thrown, because a broken daemon.json is exactly what the user must see.
import type { DaemonJsonFacts } from '../facts/host-facts.js';
import { parseDockerdArgs } from '../facts/dockerd-flags.js';
import { readHostText } from './host-fs.js';
import { findJsonError, lineColumn } from '../facts/json-error.js';
import { probed, type Probed } from './probe.js';

export const DEFAULT_DAEMON_JSON = '/etc/docker/daemon.json';

/** The daemon.json path named by dockerd arguments (without the executable), else the default. */
export function daemonJsonPath(dockerdArgs: readonly string[]): string {
  const flag = parseDockerdArgs(dockerdArgs).get('config-file')?.value;
  return typeof flag === 'string' && flag.startsWith('/') ? flag : DEFAULT_DAEMON_JSON;
}

export async function probeDaemonJson(root: string, file: string): Promise<Probed<DaemonJsonFacts>> {
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

export function parseDaemonJson(raw: string): { value: Record<string, unknown> } | { parseError: NonNullable<DaemonJsonFacts['parseError']> } {
  // dockerd strips a UTF-8 BOM and treats an empty file as no settings; do the same.
  const text = raw.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { value: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { parseError: findJsonError(text) ?? { message: (err as Error).message, line: 1, column: 1 } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const kind = Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value;
    const at = lineColumn(text, text.length - text.trimStart().length);
    return { parseError: { message: `the top level must be a JSON object, not ${kind}`, ...at } };
  }
  return { value: value as Record<string, unknown> };
}
