// Golden files for the compose fixtures: for each fixture and Compose version, the override file,
// the diff of the base file (where the version cannot remove something through an override) and
// the plan notes, under snapshots/compose/<fixture>/<version>/. Review a change to them like a
// change to the product's output (vitest -u). The real docker-compose 1.29 must accept every
// override and patched base it is given.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderComposeOverrides, type ComposeOverrideResult } from '../../src/artifacts/compose-override.js';
import { fileProjects } from '../../src/compose/file-projects.js';
import { COMPOSE_TAGS } from '../../src/compose/yaml-io.js';
import { emptyFacts } from '../../src/facts/empty-facts.js';
import { loadProfile, selectRules } from '../../src/profiles/index.js';
import { allRules } from '../../src/rules/catalog.js';
import type { HardeningParams } from '../../src/rules/params.js';
import { FIXTURES_DIR } from '../support/fixtures.js';
import { findExecutable } from '../support/private-engine.js';

const FIXTURES = path.join(FIXTURES_DIR, 'compose');
const SNAPSHOTS = path.resolve(import.meta.dirname, '../../snapshots/compose');
const fixtures = readdirSync(FIXTURES).sort();
const VERSIONS: [string, string | null][] = [
  ['compose-1.29.2', '1.29.2'],
  ['compose-2.29.1', '2.29.1'],
  ['compose-unknown', null],
];
const hasCompose = findExecutable('docker-compose') !== null;

let params: HardeningParams;
let selected: Set<string>;

beforeAll(async () => {
  const strict = await loadProfile('strict');
  selected = new Set(selectRules(strict, allRules).map((r) => r.id));
  params = { ...strict.params, healthcheckByImage: { nginx: ['CMD', 'wget', '-q', '--spider', 'http://localhost/'] } };
});

function render(fixture: string, version: string | null, dir = `/srv/${fixture}`): ComposeOverrideResult {
  const content = readFileSync(path.join(FIXTURES, fixture, 'docker-compose.yml'), 'utf8');
  const projects = fileProjects([{ path: `${dir}/docker-compose.yml`, content }], version);
  return renderComposeOverrides({ facts: emptyFacts(), contributions: [], params, profileName: 'strict', selected, fileProjects: projects });
}

function notesText(r: ComposeOverrideResult): string {
  const lines = [
    ...r.files.map((f) => `${f.kind} ${f.path} (closes ${f.closes.join(', ')})`),
    ...r.warnings.map((n) => `warning${n.ruleId ? ` [${n.ruleId}]` : ''} ${n.text}`),
    ...r.manual.map((n) => `manual${n.ruleId ? ` [${n.ruleId}]` : ''} ${n.text}`),
    ...r.refused.map((n) => `refused ${n.text}`),
  ];
  return lines.join('\n') + '\n';
}

describe.each(fixtures)('compose fixture %s', (fixture) => {
  describe.each(VERSIONS)('%s', (name, version) => {
    it('renders the golden override, base diff and notes', async () => {
      const r = render(fixture, version);
      const dir = path.join(SNAPSHOTS, fixture, name);
      const override = r.files.find((f) => f.path.endsWith('/docker-compose.hardening.yml'));
      const base = r.files.find((f) => f.path.endsWith('/docker-compose.yml'));
      await expect(override?.after ?? '(no override)\n').toMatchFileSnapshot(path.join(dir, 'docker-compose.hardening.yml'));
      const diff = base ? createTwoFilesPatch(`a${base.path}`, `b${base.path}`, base.before!, base.after!, '', '', { context: 2 }) : '(base file unchanged)\n';
      await expect(diff).toMatchFileSnapshot(path.join(dir, 'docker-compose.yml.diff'));
      await expect(notesText(r)).toMatchFileSnapshot(path.join(dir, 'notes.txt'));
    });

    it('uses !override / !reset only where the Compose version has them', () => {
      const override = render(fixture, version).files.find((f) => f.path.endsWith('.hardening.yml'))!;
      const doc = parseDocument(override.after!, { customTags: COMPOSE_TAGS });
      expect(doc.errors).toEqual([]);
      if (version !== '2.29.1') expect(override.after).not.toMatch(/!override|!reset/);
    });

    it('renders the same files from a second run over its own output', () => {
      const first = render(fixture, version);
      const dir = mkdtempSync(path.join(tmpdir(), 'dh-compose-again-'));
      try {
        const base = first.files.find((f) => f.path.endsWith('/docker-compose.yml'));
        const override = first.files.find((f) => f.path.endsWith('.hardening.yml'))!;
        const content = base?.after ?? readFileSync(path.join(FIXTURES, fixture, 'docker-compose.yml'), 'utf8');
        const projects = fileProjects([{ path: `/srv/${fixture}/docker-compose.yml`, content }], version);
        const again = renderComposeOverrides({
          facts: emptyFacts(),
          contributions: [],
          params,
          profileName: 'strict',
          selected,
          fileProjects: projects,
          existing: { [override.path]: override.after },
        });
        expect(again.files.filter((f) => f.kind !== 'unchanged').map((f) => f.path)).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});

describe.skipIf(!hasCompose)('docker-compose 1.29 accepts the generated files', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'dh-compose-golden-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  describe.each(fixtures)('%s', (fixture) => {
    it.each(VERSIONS.filter(([, v]) => v !== '2.29.1'))('%s', (name, version) => {
      const dir = path.join(work, fixture, name);
      const r = render(fixture, version, dir);
      execFileSync('mkdir', ['-p', dir]);
      writeFileSync(path.join(dir, 'docker-compose.yml'), readFileSync(path.join(FIXTURES, fixture, 'docker-compose.yml')));
      for (const f of r.files) writeFileSync(f.path, f.after!);
      const merged = execFileSync('docker-compose', ['-f', 'docker-compose.yml', '-f', 'docker-compose.hardening.yml', 'config'], {
        cwd: dir,
        encoding: 'utf8',
        stdio: 'pipe',
      });
      const services = parseDocument(merged).toJS().services as Record<string, Record<string, unknown>>;
      for (const [service, def] of Object.entries(services)) {
        expect(def.security_opt, service).toContain('no-new-privileges:true');
        expect(def.read_only, service).toBe(true);
        expect(def.pids_limit, service).toBe(256);
        expect(def.privileged ?? false, service).toBe(false);
        expect(def.cap_add ?? [], service).not.toContain('ALL');
        expect(def.cap_add ?? [], service).not.toContain('SYS_ADMIN');
        for (const key of ['network_mode', 'pid', 'ipc', 'uts', 'userns_mode']) expect(def[key], `${service} ${key}`).not.toBe('host');
        for (const p of (def.ports ?? []) as unknown[]) expect(JSON.stringify(p), service).toMatch(/127\.0\.0\.1/);
        expect(JSON.stringify(def.volumes ?? []), service).not.toContain('docker.sock');
      }
    });
  });
});
