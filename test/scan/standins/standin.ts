// The scanner stand-in from a test: a bin directory with `trivy` and/or `grype` linked to
// scanner-standin.sh, fixture templates by image name, and what each call recorded.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const HERE = import.meta.dirname;
export const STANDIN = path.join(HERE, 'scanner-standin.sh');

export interface StandinCall {
  argv: string[];
  dockerHost: string;
  /** When the call started and ended, in milliseconds. */
  start: number;
  end: number;
}

export interface Standin {
  dir: string;
  bin: string;
  /** The environment a run gets: PATH with only the stand-in's bin and the system's, the stand-in's settings. */
  env(extra?: Record<string, string>): NodeJS.ProcessEnv;
  /** Serve `template` (a file next to the stand-in) for the image named `ref`, or for any other image. */
  fixture(template: string, ref?: string): void;
  calls(): StandinCall[];
  remove(): void;
}

export function makeStandin(names: readonly ('trivy' | 'grype')[]): Standin {
  const dir = mkdtempSync(path.join(tmpdir(), 'dh-scan-standin-'));
  const bin = path.join(dir, 'bin');
  const records = path.join(dir, 'records');
  const fixtures = path.join(dir, 'fixtures');
  for (const d of [bin, records, fixtures]) mkdirSync(d);
  for (const name of names) symlinkSync(STANDIN, path.join(bin, name));
  return {
    dir,
    bin,
    env: (extra = {}) => ({
      PATH: `${bin}:/usr/local/bin:/usr/bin:/bin`,
      STANDIN_RECORDS: records,
      STANDIN_FIXTURES: fixtures,
      ...extra,
    }),
    fixture(template, ref) {
      const key = ref === undefined ? 'default' : ref.replace(/[^A-Za-z0-9]/g, '_');
      copyFileSync(path.join(HERE, template), path.join(fixtures, `${key}.json`));
    },
    calls() {
      const pids = readdirSync(records)
        .filter((f) => f.endsWith('.argv'))
        .map((f) => f.slice(0, -'.argv'.length));
      return pids.map((pid) => {
        const read = (ext: string) => readFileSync(path.join(records, `${pid}.${ext}`), 'utf8');
        // Nanoseconds since the epoch pass 2^53: divided to milliseconds as BigInt first.
        const [start, end] = read('times')
          .trim()
          .split(' ')
          .map((t) => Number(BigInt(t) / 1_000_000n));
        return { argv: read('argv').split('\0').slice(0, -1), dockerHost: read('env'), start, end };
      });
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
