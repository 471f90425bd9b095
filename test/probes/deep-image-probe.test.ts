// The pure parts of the deep image scan: splitting the engine's log stream, reading find's
// outcome, the locked-down container it runs in, and which images get scanned.
import { describe, expect, it } from 'vitest';
import { FIND_COMMAND, NO_FIND, SCAN_LABEL, demuxLogs, imagesToScan, scanContainerSpec, scanOutcome } from '../../src/probes/deep-image-probe.js';
import type { EngineFacts } from '../../src/facts/host-facts.js';
import { main } from '../../src/cli/main.js';

/** One frame as dockerd writes it for a container without a TTY. */
function frame(stream: 0 | 1 | 2, text: string): Buffer {
  const body = Buffer.from(text, 'utf8');
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(body.length, 4);
  return Buffer.concat([header, body]);
}

describe('demuxLogs', () => {
  it('splits interleaved stdout and stderr frames, keeping each stream in order', () => {
    const buf = Buffer.concat([frame(1, '/bin/su\n'), frame(2, 'find: /root/x: Permission denied\n'), frame(1, '/usr/bin/passwd\n'), frame(2, 'second\n')]);
    expect(demuxLogs(buf)).toEqual({ stdout: '/bin/su\n/usr/bin/passwd\n', stderr: 'find: /root/x: Permission denied\nsecond\n' });
  });

  it('reassembles a line split across frames and reads stream 0 as stdout', () => {
    const buf = Buffer.concat([frame(1, '/usr/bin/ch'), frame(1, 'sh\n'), frame(0, '/bin/mount\n')]);
    expect(demuxLogs(buf).stdout).toBe('/usr/bin/chsh\n/bin/mount\n');
  });

  it('keeps a frame bigger than 255 bytes whole (the length is a 32-bit big-endian number)', () => {
    const long = `/${'d/'.repeat(400)}file\n`;
    expect(demuxLogs(frame(1, long)).stdout).toBe(long);
  });

  it('reads a TTY stream, which has no frame headers, as stdout', () => {
    expect(demuxLogs(Buffer.from('/bin/su\r\n/bin/mount\r\n'))).toEqual({ stdout: '/bin/su\r\n/bin/mount\r\n', stderr: '' });
  });

  it('keeps the start of a frame cut by the size cap and drops a cut header', () => {
    const full = Buffer.concat([frame(1, '/bin/su\n'), frame(1, '/usr/bin/passwd\n'), frame(2, 'x')]);
    expect(demuxLogs(full.subarray(0, 8 + 8 + 8 + 5)).stdout).toBe('/bin/su\n/usr/');
    expect(demuxLogs(full.subarray(0, 8 + 8 + 3))).toEqual({ stdout: '/bin/su\n', stderr: '' });
  });

  it('returns empty streams for an empty log', () => {
    expect(demuxLogs(Buffer.alloc(0))).toEqual({ stdout: '', stderr: '' });
  });
});

describe('scanOutcome', () => {
  it('lists the files find printed, sorted and once each', () => {
    expect(scanOutcome({ exitCode: 0, stdout: '/usr/bin/passwd\n/bin/su\n/bin/su\n', stderr: '' })).toEqual({ setuidFiles: ['/bin/su', '/usr/bin/passwd'] });
    expect(scanOutcome({ exitCode: 0, stdout: '', stderr: '' })).toEqual({ setuidFiles: [] });
  });

  it('records exit 127 as an image without find', () => {
    expect(scanOutcome({ exitCode: 127, stdout: '', stderr: 'sh: find: not found\n' })).toEqual({ setuidFiles: [], error: NO_FIND });
  });

  it('keeps what was found when some directories could not be read, and says so', () => {
    const stderr = ['a', 'b', 'c', 'd'].map((d) => `find: /home/${d}: Permission denied`).join('\n');
    const scan = scanOutcome({ exitCode: 1, stdout: '/usr/bin/sudo\n', stderr });
    expect(scan.setuidFiles).toEqual(['/usr/bin/sudo']);
    expect(scan.error).toBe(
      'find exited with 1: find: /home/a: Permission denied; find: /home/b: Permission denied; find: /home/c: Permission denied; and 1 more',
    );
  });

  it('adds the probe note (timeout, cut output) to what find said', () => {
    expect(scanOutcome({ exitCode: null, stdout: '/bin/su\n', stderr: '', note: 'find did not finish within 30 s and was stopped' })).toEqual({
      setuidFiles: ['/bin/su'],
      error: 'find did not finish within 30 s and was stopped',
    });
    expect(scanOutcome({ exitCode: 2, stdout: '', stderr: '', note: 'cut' })).toEqual({ setuidFiles: [], error: 'cut; find exited with 2' });
  });

  it('ignores lines that are not paths (a banner, a cut frame header)', () => {
    expect(scanOutcome({ exitCode: 0, stdout: 'warning: x\n/bin/su\n\u0001\u0000', stderr: '' }).setuidFiles).toEqual(['/bin/su']);
  });
});

describe('scanContainerSpec', () => {
  const spec = scanContainerSpec('sha256:abc') as { HostConfig: Record<string, unknown> } & Record<string, unknown>;

  it("runs the image's find over its own filesystem only, as root", () => {
    expect(spec.Image).toBe('sha256:abc');
    expect([...(spec.Entrypoint as string[]), ...(spec.Cmd as string[])]).toEqual(FIND_COMMAND);
    expect(FIND_COMMAND).toEqual(['find', '/', '-xdev', '-perm', '/6000', '-type', 'f']);
    expect(spec.User).toBe('0');
    expect(spec.Labels).toEqual({ [SCAN_LABEL]: '1' });
  });

  it('grants the container nothing: no network, no capabilities, no writes, small limits', () => {
    expect(spec.NetworkDisabled).toBe(true);
    expect(spec.HostConfig).toMatchObject({
      NetworkMode: 'none',
      ReadonlyRootfs: true,
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      Memory: 64 * 1024 * 1024,
      PidsLimit: 64,
    });
    expect(spec.HostConfig.CapAdd).toBeUndefined();
    expect(spec.HostConfig.Privileged).toBeUndefined();
    expect(spec.HostConfig.Binds).toBeUndefined();
    expect(spec.Healthcheck).toEqual({ Test: ['NONE'] });
  });
});

describe('imagesToScan', () => {
  it('takes each image a container uses once, and no unused image', () => {
    const engine = {
      containers: [{ Image: 'sha256:b' }, { Image: 'sha256:a' }, { Image: 'sha256:b' }, {}],
      images: [{ Id: 'sha256:c' }],
    } as unknown as EngineFacts;
    expect(imagesToScan(engine)).toEqual(['sha256:a', 'sha256:b']);
  });
});

describe('--deep with --from', () => {
  it.each([['audit'], ['inspect']])('%s refuses it in one sentence, before reading the file', async (command) => {
    const stderr: string[] = [];
    const code = await main(['--from', '/nonexistent/facts.json', command, '--deep'], { out: () => {}, err: (t) => stderr.push(t) });
    expect(code).toBe(2);
    expect(stderr.join('\n')).toBe(
      'docker-harden: --deep scans images on a live engine and cannot be used with --from.\nSave the facts with `docker-harden inspect --deep --save FILE` instead.',
    );
  });
});
