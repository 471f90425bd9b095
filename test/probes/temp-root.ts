// A throwaway host root for probe tests: write files by host path, removed after the test file.
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TempRoot {
  dir: string;
  write(hostPath: string, content: string, mode?: number): string;
  mkdir(hostPath: string, mode?: number): string;
  symlink(hostPath: string, target: string): string;
  remove(): void;
}

export function tempRoot(prefix = 'dh-probe-'): TempRoot {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const at = (p: string) => path.join(dir, p);
  return {
    dir,
    write(p, content, mode) {
      mkdirSync(path.dirname(at(p)), { recursive: true });
      writeFileSync(at(p), content, mode === undefined ? undefined : { mode });
      return at(p);
    },
    mkdir(p, mode) {
      mkdirSync(at(p), { recursive: true, mode });
      return at(p);
    },
    symlink(p, target) {
      mkdirSync(path.dirname(at(p)), { recursive: true });
      symlinkSync(target, at(p));
      return at(p);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
