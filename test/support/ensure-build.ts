// Tests that run the real binary need dist/ to match src/. Build once when any source file is
// newer than the build; a lock directory keeps two test files from building at the same time.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const BIN = path.join(REPO, 'bin/docker-harden.js');
const MARKERS = ['dist/cli/main.js', 'dist/wizard/start-wizard.js', 'dist/bundle/main.js'].map((p) => path.join(REPO, p));

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function stale(): boolean {
  if (!MARKERS.every(existsSync)) return true;
  const built = Math.min(...MARKERS.map((m) => statSync(m).mtimeMs));
  return newestSource(path.join(REPO, 'src')) > built;
}

export async function ensureBuilt(): Promise<void> {
  const lock = path.join(REPO, 'dist', '.test-build-lock');
  mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${lock} is held for more than 3 minutes`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (!stale()) return;
    try {
      execFileSync(process.execPath, [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: REPO, stdio: 'pipe' });
    } catch {
      // Type errors elsewhere in a tree being edited still emit JavaScript; the markers decide.
    }
    // The binary runs the bundle (scripts/build.mjs), which does not wait for the type check.
    execFileSync(process.execPath, [path.join(REPO, 'scripts/build.mjs')], { cwd: REPO, stdio: 'pipe' });
    if (!MARKERS.every(existsSync)) throw new Error('the build did not produce dist/cli/main.js, dist/wizard/start-wizard.js and dist/bundle/main.js');
  } finally {
    rmdirSync(lock);
  }
}
