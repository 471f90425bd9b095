// `audit --scan`'s runner with a stand-in scanner on PATH: a real process per image, spawned the
// way trivy or grype would be, recording its arguments and timing. The facts are made here, so
// every kind of image name (tagged, digest only, untagged, hostile) can be given.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyFacts } from '../../src/facts/empty-facts.js';
import type { EngineObject, HostFacts } from '../../src/facts/host-facts.js';
import { NO_SCANNER, chooseScanner } from '../../src/scan/scanner-choice.js';
import { terminalScanProgress } from '../../src/scan/run-progress.js';
import { prepareScan } from '../../src/scan/run-audit-scan.js';
import { firstErrorLine, runScanner, type ScanRunOptions } from '../../src/scan/run-scanner.js';
import { makeStandin, type Standin } from './standins/standin.js';

const id = (n: number) => `sha256:${String(n).repeat(64).slice(0, 64)}`;
const HOST = 'unix:///tmp/dh-scan-test/docker.sock';

/** Facts with these images, each run by the containers named after it. */
function factsWith(images: { id: string; tags?: string[]; digests?: string[]; containers: string[] }[]): HostFacts {
  const containers: EngineObject[] = images.flatMap((img) => img.containers.map((name) => ({ Id: `${name}-id`, Name: `/${name}`, Image: img.id })));
  const inspected: EngineObject[] = images.map((img) => ({ Id: img.id, RepoTags: img.tags ?? [], RepoDigests: img.digests ?? [] }));
  return emptyFacts({ engine: { host: HOST, version: {}, info: {}, containers, images: inspected, networks: [] } });
}

let standin: Standin | undefined;
afterEach(() => standin?.remove());

function setup(names: ('trivy' | 'grype')[], extra: Record<string, string> = {}): { standin: Standin; opts: ScanRunOptions } {
  standin = makeStandin(names);
  const env = standin.env(extra);
  return { standin, opts: { scanner: chooseScanner(undefined, env), dockerHost: HOST, env } };
}

describe('runScanner with a stand-in trivy', () => {
  it('runs trivy once per image in use, names each by tag, digest or id, and reads every output', async () => {
    const { standin, opts } = setup(['trivy']);
    standin.fixture('trivy-clean.json');
    standin.fixture('trivy-vulnerable.json', 'local/app:2');
    const facts = factsWith([
      { id: id(1), tags: ['local/app:2', 'local/app:latest'], containers: ['web', 'worker'] },
      { id: id(2), digests: ['local/base@sha256:' + 'a'.repeat(64)], containers: ['base'] },
      { id: id(3), tags: ['<none>:<none>'], containers: ['orphan'] },
    ]);
    const result = await runScanner(facts, opts);

    const calls = standin.calls();
    expect(calls).toHaveLength(3);
    const refs = calls.map((c) => c.argv.at(-1)).sort();
    expect(refs).toEqual(['local/app:2', `local/base@sha256:${'a'.repeat(64)}`, id(3)].sort());
    for (const call of calls) {
      expect(call.argv).toEqual(['image', '--format', 'json', '--quiet', '--image-src', 'docker', '--cache-backend', 'memory', '--', call.argv.at(-1)]);
      // The scanner reads the engine the audit read, not the user's docker context.
      expect(call.dockerHost).toBe(HOST);
    }
    expect(result.notes).toEqual([]);
    expect(result.reports.map((r) => r.source).sort()).toEqual(refs.map((r) => `trivy image ${r}`).sort());
    const read = result.reports;
    expect(read.map((r) => r.format)).toEqual(['trivy-json', 'trivy-json', 'trivy-json']);
    const vulnerable = read.find((r) => r.image.name === 'local/app:2');
    expect(vulnerable?.vulnerabilities.map((v) => `${v.id} ${v.severity} ${v.fixed}`)).toEqual([
      'CVE-2023-5363 high 3.1.4-r0',
      'CVE-2023-2975 medium 3.1.1-r2',
    ]);
    expect(read.filter((r) => r.vulnerabilities.length === 0)).toHaveLength(2);
  });

  it('keeps at most `concurrency` scans running, after the first one ran alone', async () => {
    const { standin, opts } = setup(['trivy'], { STANDIN_SLEEP: '0.4' });
    standin.fixture('trivy-clean.json');
    const facts = factsWith([1, 2, 3, 4, 5, 6, 7].map((n) => ({ id: id(n), tags: [`local/img${n}:1`], containers: [`c${n}`] })));
    const result = await runScanner(facts, { ...opts, concurrency: 2 });
    expect(result.reports).toHaveLength(7);

    const calls = standin.calls().sort((a, b) => a.start - b.start);
    expect(calls).toHaveLength(7);
    const overlapAt = (t: number) => calls.filter((c) => c.start <= t && t < c.end).length;
    const maxOverlap = Math.max(...calls.map((c) => overlapAt(c.start)));
    expect(maxOverlap).toBe(2);
    // The first scan (which may download the vulnerability database) ends before any other starts.
    expect(calls[0].end).toBeLessThanOrEqual(calls[1].start);
  });

  it("turns one failing scan into a note naming the image and trivy's error line; the others are read", async () => {
    const { standin, opts } = setup(['trivy'], { STANDIN_FAIL: 'broken' });
    standin.fixture('trivy-clean.json');
    const facts = factsWith([
      { id: id(1), tags: ['local/ok:1'], containers: ['ok'] },
      { id: id(2), tags: ['local/broken:1'], containers: ['bad-a', 'bad-b'] },
      { id: id(3), tags: ['local/fine:1'], containers: ['fine'] },
    ]);
    const result = await runScanner(facts, opts);
    expect(standin.calls()).toHaveLength(3);
    expect(result.notes).toEqual([
      'trivy could not scan local/broken:1 (image 222222222222, used by bad-a, bad-b): FATAL Fatal error image scan error: unable to inspect the image (local/broken:1): No such image.',
    ]);
    expect(result.reports.map((r) => r.source).sort()).toEqual(['trivy image local/fine:1', 'trivy image local/ok:1']);
    expect(result.unscanned).toEqual([id(2)]);
  });

  it('passes a hostile image name as one argument, never through a shell', async () => {
    const { standin, opts } = setup(['trivy']);
    standin.fixture('trivy-clean.json');
    const mark = path.join(standin.dir, 'pwned');
    const hostile = `evil:1"'$(touch ${mark})\`touch ${mark}\`;touch ${mark}`;
    const flag = '--output=/tmp/dh-scan-flag';
    const facts = factsWith([
      { id: id(1), tags: [hostile], containers: ['evil'] },
      { id: id(2), tags: [flag], containers: ['flag'] },
    ]);
    const result = await runScanner(facts, opts);
    const argvs = standin.calls().map((c) => c.argv);
    expect(argvs).toContainEqual(['image', '--format', 'json', '--quiet', '--image-src', 'docker', '--cache-backend', 'memory', '--', hostile]);
    // After `--`, a name that looks like an option is still the image.
    expect(argvs).toContainEqual(['image', '--format', 'json', '--quiet', '--image-src', 'docker', '--cache-backend', 'memory', '--', flag]);
    expect(existsSync(mark)).toBe(false);
    expect(result.reports.map((r) => r.source).sort()).toEqual([`trivy image ${flag}`, `trivy image ${hostile}`].sort());
  });

  it('stops a scan that overruns its time or its output bound, and says which', async () => {
    const slow = setup(['trivy'], { STANDIN_SLEEP: '5' });
    slow.standin.fixture('trivy-clean.json');
    const one = factsWith([{ id: id(1), tags: ['local/slow:1'], containers: ['slow'] }]);
    const started = Date.now();
    const late = await runScanner(one, { ...slow.opts, timeoutMs: 1000 });
    expect(Date.now() - started).toBeLessThan(4000);
    expect(late.notes).toEqual(['trivy could not scan local/slow:1 (image 111111111111, used by slow): it did not finish within 1 s and was stopped.']);
    slow.standin.remove();

    const big = setup(['trivy']);
    big.standin.fixture('trivy-vulnerable.json');
    const cut = await runScanner(one, { ...big.opts, maxBytes: 200 });
    expect(cut.reports).toEqual([]);
    expect(cut.notes).toEqual(['trivy could not scan local/slow:1 (image 111111111111, used by slow): its output passed 200 bytes and it was stopped.']);
  });

  it('notes output that is not a report instead of failing the audit', async () => {
    const { standin, opts } = setup(['trivy']);
    standin.fixture('scanner-standin.sh');
    const result = await runScanner(factsWith([{ id: id(1), tags: ['local/odd:1'], containers: ['odd'] }]), opts);
    expect(result.reports).toEqual([]);
    expect(result.notes[0]).toMatch(
      /^trivy could not scan local\/odd:1 \(image 111111111111, used by odd\): its output is not a report docker-harden reads \(The scan report trivy image local\/odd:1 is not valid JSON/,
    );
  });

  it('runs nothing when no container uses an image', async () => {
    const { standin, opts } = setup(['trivy']);
    expect(await runScanner(factsWith([]), opts)).toEqual({ reports: [], notes: [], unscanned: [] });
    expect(standin.calls()).toEqual([]);
  });
});

describe('runScanner with a stand-in grype', () => {
  it('runs grype when trivy is not on PATH, reading the image from the engine (docker: scheme)', async () => {
    const { standin, opts } = setup(['grype']);
    expect(opts.scanner.name).toBe('grype');
    standin.fixture('grype-vulnerable.json');
    const result = await runScanner(factsWith([{ id: id(4), tags: ['local/app:3'], containers: ['app'] }]), opts);
    expect(standin.calls().map((c) => c.argv)).toEqual([['-o', 'json', 'docker:local/app:3']]);
    expect(standin.calls()[0].dockerHost).toBe(HOST);
    const [report] = result.reports;
    expect(report.source).toBe('grype local/app:3');
    expect(report.vulnerabilities.map((v) => `${v.id} ${v.severity} ${v.fixed}`)).toEqual(['CVE-2023-5363 high 3.1.4-r0']);
  });
});

describe('firstErrorLine', () => {
  it('takes the first line that reads like an error, without its timestamp', () => {
    expect(firstErrorLine('2026-01-01T00:00:00Z\tINFO\tstarting\n2026-01-01T00:00:01Z\tFATAL\tFatal error\tboom\n\t* detail\n')).toBe('FATAL Fatal error boom');
    expect(firstErrorLine('\u001B[31m1 error occurred:\u001B[0m\n\t* failed to catalog\n')).toBe('1 error occurred:');
    expect(firstErrorLine('just a line\n')).toBe('just a line');
    expect(firstErrorLine('\n  \n')).toBeUndefined();
  });
});

describe('chooseScanner', () => {
  it('prefers trivy, takes --scanner, and skips relative PATH entries', () => {
    const both = makeStandin(['trivy', 'grype']);
    standin = both;
    const env = both.env();
    expect(chooseScanner(undefined, env)).toEqual({ name: 'trivy', path: path.join(both.bin, 'trivy') });
    expect(chooseScanner('grype', env)).toEqual({ name: 'grype', path: path.join(both.bin, 'grype') });
    // A relative entry is the current directory, where a checkout could plant a `trivy`.
    expect(() => chooseScanner(undefined, { PATH: path.relative(process.cwd(), both.bin) })).toThrow(NO_SCANNER);
  });

  it('says what to install, in one sentence, when neither is there', () => {
    standin = makeStandin(['grype']);
    expect(() => chooseScanner(undefined, { PATH: '/usr/bin:/bin' })).toThrow(NO_SCANNER);
    expect(() => chooseScanner('trivy', standin?.env())).toThrow('--scanner trivy needs trivy on PATH, and it is not there.');
  });
});

describe('terminalScanProgress', () => {
  it('rewrites one line on a terminal and erases it at the end', async () => {
    const { standin, opts } = setup(['trivy']);
    standin.fixture('trivy-clean.json');
    const written: string[] = [];
    const progress = terminalScanProgress({ isTTY: true, write: (t: string) => written.push(t) });
    await runScanner(factsWith([1, 2, 3].map((n) => ({ id: id(n), tags: [`local/p${n}:1`], containers: [`p${n}`] }))), { ...opts, progress });
    expect(written).toEqual([
      '\r\u001B[Kscanning 0/3 images with trivy…',
      '\r\u001B[Kscanning 1/3 images with trivy…',
      '\r\u001B[Kscanning 2/3 images with trivy…',
      '\r\u001B[Kscanning 3/3 images with trivy…',
      '\r\u001B[K',
    ]);
  });

  it('shows nothing when standard error is piped', () => {
    expect(terminalScanProgress({ isTTY: false, write: () => true })).toBeUndefined();
    expect(terminalScanProgress({ write: () => true })).toBeUndefined();
  });
});

describe('prepareScan', () => {
  it('refuses what has no live local engine to scan, before looking for a scanner', () => {
    const env = { PATH: '/usr/bin:/bin' };
    expect(() => prepareScan({}, { from: '/tmp/facts.json' }, env)).toThrow(
      '--scan scans the images on a live engine, so it cannot be combined with --from (/tmp/facts.json).',
    );
    expect(() => prepareScan({}, { ssh: 'ops@web1' }, env)).toThrow('--scan runs the scanner on this machine, so it cannot scan the images of ops@web1.');
    expect(() => prepareScan({}, { noEngine: true }, env)).toThrow('--scan scans the images containers use, and --no-engine leaves the engine out.');
    expect(() => prepareScan({}, {}, env)).toThrow(NO_SCANNER);
  });
});
