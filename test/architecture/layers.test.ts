// The dependency check (`npm run depcheck`) must stop a wrong-way import, not merely pass: each
// case builds a small tree of src/ folders, runs dependency-cruiser with the project's own
// configuration over it, and reads the exit status.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '../..');
const configFile = path.join(repo, '.dependency-cruiser.cjs');
const depcruise = path.join(repo, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const { forbidden } = createRequire(import.meta.url)(configFile) as { forbidden: { name: string; from: { path?: string } }[] };

let dir: string;
let down: ReturnType<typeof check>;
let wrong: ReturnType<typeof check>;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'layers-'));
  down = check('down', {
    'plan/build.ts': ['../artifacts/render.js', '../rules/judge.js'],
    'artifacts/render.ts': ['../plan-model/plan.js'],
    'plan-model/plan.ts': ['../core/sha.js'],
    'rules/judge.ts': ['../facts/facts.js'],
    'facts/facts.ts': ['../core/sha.js'],
    'core/sha.ts': [],
  });
  // One tree with one fault of each kind, so the check is run twice rather than once per case.
  wrong = check('wrong', {
    'artifacts/render.ts': ['../plan/build.js'],
    'plan/build.ts': [],
    'rules/judge.ts': ['../probes/engine.js'],
    'probes/engine.ts': [],
    'wizard/a.ts': ['./b.js'],
    'wizard/b.ts': ['./a.js'],
    'gadgets/tool.ts': ['../core/sha.js'],
    'core/sha.ts': [],
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `files` (path under src/ -> what it imports) into a fresh tree and runs the check over it. */
function check(name: string, files: Record<string, string[]>): { status: number | null; out: string } {
  const root = path.join(dir, name);
  for (const [file, imports] of Object.entries(files)) {
    const full = path.join(root, 'src', file);
    mkdirSync(path.dirname(full), { recursive: true });
    const lines = imports.map((to, i) => `import { x as x${i} } from '${to}';`);
    writeFileSync(full, [...lines, `export const x = [${imports.map((_, i) => `x${i}`).join(', ')}];`, ''].join('\n'));
  }
  writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' } }));
  const r = spawnSync(process.execPath, [depcruise, 'src', '--config', configFile, '--output-type', 'err'], { cwd: root, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('the layer check', () => {
  it('passes imports that point down', () => {
    expect(down.out).toContain('no dependency violations');
    expect(down.status).toBe(0);
  });

  it('fails an import that points up, and one between siblings', () => {
    expect(wrong.status).not.toBe(0);
    expect(wrong.out).toContain('layer-artifacts: src/artifacts/render.ts → src/plan/build.ts');
    expect(wrong.out).toContain('layer-rules: src/rules/judge.ts → src/probes/engine.ts');
  });

  it('fails files that import each other in a loop', () => {
    expect(wrong.out).toMatch(/no-circular: src\/wizard\/[ab]\.ts/);
  });

  it('fails a folder that has no place in the layers', () => {
    expect(wrong.out).toContain('folder-in-a-layer: src/gadgets/tool.ts');
  });

  it('has a layer for every folder of src/', () => {
    const placed = new Set(forbidden.flatMap((rule) => /^\^src\/([\w-]+)\/$/.exec(rule.from.path ?? '')?.[1] ?? []));
    placed.add('cli'); // the top layer: nothing is above it, so it needs no rule of its own
    const folders = readdirSync(path.join(repo, 'src'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(folders.filter((f) => !placed.has(f))).toEqual([]);
  });
});
