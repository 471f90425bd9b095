// Probe 'imageScans' (--deep): image metadata says nothing about file modes, so setuid/setgid files
// (CIS 4.8) are found by running the image's own `find` in a throwaway container that can do
// nothing else: no network, read-only root, no capabilities, no-new-privileges, small limits.
// Root inside is needed to read root-only directories; without capabilities it stays harmless.
import { randomBytes } from 'node:crypto';
import type { EngineFacts, ImageScan } from '../facts/host-facts.js';
import type { Endpoint } from './docker-host.js';
import { engineClient, type EngineClient } from './engine-client.js';
import { mapLimit, oneLine, probed, type Probed } from './probe.js';

export const SCAN_LABEL = 'docker-harden.scan';
export const NO_FIND = 'no find in the image';
export const FIND_COMMAND = ['find', '/', '-xdev', '-perm', '/6000', '-type', 'f'];
/** Each scan starts a container: two at a time keeps a busy host's daemon responsive. */
const CONCURRENCY = 2;
const MAX_LOG_BYTES = 4 * 1024 * 1024;

export interface DeepScanOptions {
  /** How long find may run in one image before the container is killed. */
  timeoutMs?: number;
  concurrency?: number;
}

/** The images containers use, each once: those are what actually runs on the host. */
export function imagesToScan(engine: EngineFacts): string[] {
  return [...new Set(engine.containers.map((c) => String(c.Image ?? '')).filter((id) => id !== ''))].sort();
}

export async function probeImageScans(endpoint: Endpoint, engine: EngineFacts, opts: DeepScanOptions = {}): Promise<Probed<Record<string, ImageScan>>> {
  const images = imagesToScan(engine);
  const concurrency = opts.concurrency ?? CONCURRENCY;
  const client = engineClient(endpoint, { maxSockets: concurrency + 1 });
  const api = typeof engine.version.ApiVersion === 'string' ? `/v${engine.version.ApiVersion}` : '';
  try {
    const scans = await mapLimit(images, concurrency, (image) => scanImage(client, api, image, opts.timeoutMs ?? 30_000));
    const byImage = Object.fromEntries(images.map((image, i) => [image, scans[i]]));
    return probed(byImage, 'ok', describeScans(byImage));
  } finally {
    client.close();
  }
}

/** The create body: the image's find, in a container that cannot reach or change anything. */
export function scanContainerSpec(image: string): Record<string, unknown> {
  return {
    Image: image,
    Entrypoint: FIND_COMMAND.slice(0, 1),
    Cmd: FIND_COMMAND.slice(1),
    User: '0',
    WorkingDir: '/',
    Tty: false,
    NetworkDisabled: true,
    Labels: { [SCAN_LABEL]: '1' },
    // An image's own HEALTHCHECK would start more processes in the scan container.
    Healthcheck: { Test: ['NONE'] },
    HostConfig: {
      NetworkMode: 'none',
      ReadonlyRootfs: true,
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      Memory: 64 * 1024 * 1024,
      MemorySwap: 64 * 1024 * 1024,
      PidsLimit: 64,
      RestartPolicy: { Name: 'no' },
      // The daemon's default log driver may not be readable back (syslog, none, ...).
      LogConfig: { Type: 'json-file', Config: {} },
    },
  };
}

async function scanImage(client: EngineClient, api: string, image: string, timeoutMs: number): Promise<ImageScan> {
  let id: string;
  try {
    const name = `docker-harden-scan-${randomBytes(4).toString('hex')}`;
    const created = await client.send('POST', `${api}/containers/create?name=${name}`, { body: scanContainerSpec(image) });
    id = String((JSON.parse(created.toString('utf8')) as { Id?: unknown }).Id);
  } catch (err) {
    return { setuidFiles: [], error: `the scan container could not be created: ${oneLine(err)}` };
  }
  let scan: ImageScan;
  try {
    scan = await runScan(client, `${api}/containers/${id}`, timeoutMs);
  } catch (err) {
    scan = { setuidFiles: [], error: oneLine(err) };
  }
  try {
    await client.send('DELETE', `${api}/containers/${id}?force=1&v=1`);
  } catch (err) {
    scan = { ...scan, error: joinNotes(scan.error, `the scan container ${id.slice(0, 12)} could not be removed (${oneLine(err)})`) };
  }
  return scan;
}

async function runScan(client: EngineClient, container: string, timeoutMs: number): Promise<ImageScan> {
  try {
    await client.send('POST', `${container}/start`);
  } catch (err) {
    const message = oneLine(err);
    // runc refuses to start a process whose executable is not in the image.
    if (/"find"/.test(message) && /not found|no such file/i.test(message)) return { setuidFiles: [], error: NO_FIND };
    return { setuidFiles: [], error: `the scan container did not start: ${message}` };
  }
  let exitCode: number | null = null;
  let note: string | undefined;
  try {
    const waited = await client.send('POST', `${container}/wait`, { timeoutMs });
    exitCode = Number((JSON.parse(waited.toString('utf8')) as { StatusCode?: unknown }).StatusCode ?? -1);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw err;
    note = `find did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped`;
    await client.send('POST', `${container}/kill`).catch(() => undefined);
  }
  const raw = await client.send('GET', `${container}/logs?stdout=1&stderr=1`, { maxBytes: MAX_LOG_BYTES });
  if (raw.length >= MAX_LOG_BYTES) note = joinNotes(note, `the output was cut at ${MAX_LOG_BYTES} bytes`);
  return scanOutcome({ exitCode, ...demuxLogs(raw), note });
}

/** What find's exit code and output say about the image. */
export function scanOutcome(run: { exitCode: number | null; stdout: string; stderr: string; note?: string }): ImageScan {
  if (run.exitCode === 127) return { setuidFiles: [], error: NO_FIND };
  const setuidFiles = [
    ...new Set(
      run.stdout
        .split('\n')
        .map((l) => l.replace(/\r$/, ''))
        .filter((l) => l.startsWith('/')),
    ),
  ].sort();
  const problems = run.stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  let error = run.note;
  // find exits 1 when some directory could not be read: the list is then incomplete, not wrong.
  if (run.exitCode !== null && run.exitCode !== 0) {
    const shown = problems.slice(0, 3).join('; ') + (problems.length > 3 ? `; and ${problems.length - 3} more` : '');
    error = joinNotes(error, `find exited with ${run.exitCode}${shown ? `: ${shown}` : ''}`);
  }
  return error ? { setuidFiles, error } : { setuidFiles };
}

/**
 * Split a container log stream: without a TTY the engine sends frames of an 8-byte header
 * (stream 0/1/2, three zero bytes, big-endian length) and the payload; with a TTY the bytes come raw.
 */
export function demuxLogs(buf: Buffer): { stdout: string; stderr: string } {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let at = 0;
  while (at < buf.length) {
    const header = at + 8 <= buf.length && buf[at] <= 2 && buf[at + 1] === 0 && buf[at + 2] === 0 && buf[at + 3] === 0;
    if (!header) {
      // A raw (TTY) stream from the start; later on it is a header cut off by the size cap.
      if (at === 0) out.push(buf);
      break;
    }
    const size = buf.readUInt32BE(at + 4);
    (buf[at] === 2 ? err : out).push(buf.subarray(at + 8, at + 8 + size));
    at += 8 + size;
  }
  return { stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

function joinNotes(a: string | undefined, b: string): string {
  return a ? `${a}; ${b}` : b;
}

function describeScans(scans: Record<string, ImageScan>): string {
  const all = Object.values(scans);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const flagged = all.filter((s) => s.setuidFiles.length > 0).length;
  const incomplete = all.filter((s) => s.error).length;
  return (
    `${plural(all.length, 'image')} that containers use scanned: ${flagged} with setuid/setgid files` + (incomplete ? `, ${incomplete} not fully scanned` : '')
  );
}
