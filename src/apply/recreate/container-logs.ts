// The last lines a container wrote, for the reason a recreate was reverted. Without a TTY the
// Engine API multiplexes stdout and stderr in frames (1 byte stream, 3 zero bytes, 4 bytes length,
// then the payload); with one it sends the raw bytes. Anything the container wrote is shown with
// its control characters made visible: it ends up on the user's terminal and in the manifest.
import type { EngineClient } from '../../probes/engine-client.js';
import { terminalLine } from '../../core/terminal-text.js';

const MAX_LINE = 200;

/** Split a multiplexed log stream into its payloads, concatenated; a stream that is not framed is returned as it is. */
export function demuxLogs(raw: Buffer): string {
  const parts: Buffer[] = [];
  let at = 0;
  while (at + 8 <= raw.length) {
    const stream = raw[at];
    if (stream > 2 || raw[at + 1] !== 0 || raw[at + 2] !== 0 || raw[at + 3] !== 0) return raw.toString('utf8');
    const size = raw.readUInt32BE(at + 4);
    parts.push(raw.subarray(at + 8, at + 8 + size));
    at += 8 + size;
  }
  if (at !== raw.length && parts.length === 0) return raw.toString('utf8');
  return Buffer.concat(parts).toString('utf8');
}

/** The last `count` non-empty lines, each escaped for a terminal and cut to a readable length. */
export function lastLines(text: string, count: number): string[] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(-count)
    .map((l) => {
      const line = terminalLine(l);
      return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}…` : line;
    });
}

/** The container's last log lines, or [] when the engine cannot give them (a log driver without read support). */
export async function containerLogTail(engine: EngineClient, id: string, count = 5): Promise<string[]> {
  try {
    const raw = await engine.send('GET', `/containers/${encodeURIComponent(id)}/logs?stdout=1&stderr=1&tail=${count}`, {
      timeoutMs: 10_000,
      maxBytes: 64 * 1024,
    });
    return lastLines(demuxLogs(raw), count);
  } catch {
    return [];
  }
}
