// Plan review on a host with two Compose projects and two containers outside Compose
// (test/fixtures/plan-review/two-compose-projects.json): one warning per rule naming every
// container, each file shown only its own containers, and the whole plan shown only what the plan
// itself does. The plan text of the fixture is kept under snapshots/plan-review/.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { makePlan, rulesToRemediate } from '../../src/services/plan-source.js';
import { buildPlan } from '../../src/plan/build-plan.js';
import { formatPlanText } from '../../src/plan/render-plan-text.js';
import { planJson } from '../../src/plan/plan-json.js';
import { planWideWarnings, warningsFor, changedFiles } from '../../src/wizard/model/plan-view.js';
import { FIXTURES_DIR } from '../support/fixtures.js';
import { applyPlanToFacts } from './support/apply-to-facts.js';

const FIXTURE = path.join(FIXTURES_DIR, 'plan-review', 'two-compose-projects.json');
const SNAPSHOTS = path.resolve(import.meta.dirname, '../../snapshots/plan-review');
const STANDALONE = ['web', 'worker'];
const SHOP = ['shop-app-1', 'shop-db-1'];
const BLOG = ['blog-app-1'];
const ALL = [...STANDALONE, ...SHOP, ...BLOG];

const plan = (profile: string) => makePlan({ from: FIXTURE, root: '/', dockerHost: 'unix:///nonexistent/docker.sock', profile });
const ids = (notes: { ruleId?: string }[]) => notes.flatMap((n) => n.ruleId?.split(', ') ?? []);
const naming = (text: string, names: readonly string[]) => names.filter((n) => new RegExp(`\\b${n}\\b`).test(text));

describe('impact warnings on a host with two Compose projects', () => {
  it('says each rule once, naming every container it affects, in the text and the JSON', async () => {
    const { plan: p } = await plan('strict');
    const text = formatPlanText(p, { color: false });
    for (const id of ['5.4', '5.11', '5.12', '5.13', '5.15', '5.26', '5.29']) {
      const lines = text.split('\n').filter((l) => l.startsWith(`  ! [${id}] `) && naming(l, ALL).length > 0);
      expect(lines, id).toHaveLength(1);
      expect(naming(lines[0], ALL), id).toEqual(ALL);
    }
    expect(text).toContain('  ! [5.11] Each of containers web, worker, shop-app-1, shop-db-1 and blog-app-1 is OOM-killed if it needs more than 512m.');
    const json = JSON.parse(planJson(p)) as { warnings: { ruleId?: string; targets?: string[] }[] };
    expect(json.warnings.filter((w) => w.ruleId === '5.11')).toEqual([expect.objectContaining({ targets: ALL })]);
    await expect(text + '\n').toMatchFileSnapshot(path.join(SNAPSHOTS, 'two-compose-projects', 'strict.txt'));
  });

  it('shows each compose file only the containers of its own project, and the rest with the whole plan', async () => {
    const { plan: p } = await plan('strict');
    const file = (name: string) => p.files.find((f) => f.path === `/srv/${name}/docker-compose.hardening.yml`)!;
    for (const [f, own] of [
      [file('shop'), SHOP],
      [file('blog'), BLOG],
    ] as const) {
      const shown = warningsFor(p, f);
      const oom = shown.filter((w) => w.ruleId === '5.11');
      expect(oom).toHaveLength(1);
      expect(naming(oom[0].text, ALL)).toEqual(own);
      for (const w of shown)
        expect(
          naming(w.text, ALL).every((n) => own.includes(n)),
          w.text,
        ).toBe(true);
    }
    const wide = planWideWarnings(p).filter((w) => w.ruleId === '5.11');
    expect(wide).toHaveLength(1);
    expect(naming(wide[0].text, ALL)).toEqual(STANDALONE);
  });

  it('keeps the grouping when a file is left out: its containers go from the note', async () => {
    const { facts, profile, plan: p } = await plan('strict');
    const again = buildPlan({
      facts,
      rules: rulesToRemediate(profile),
      params: profile.params,
      profileName: profile.name,
      exclude: ['/srv/blog/docker-compose.hardening.yml'],
    });
    expect(p.files.some((f) => f.path === '/srv/blog/docker-compose.hardening.yml')).toBe(true);
    const oom = again.warnings.filter((w) => w.ruleId === '5.11');
    expect(oom).toHaveLength(1);
    expect(naming(oom[0].text, ALL)).toEqual([...STANDALONE, ...SHOP]);
  });
});

describe('"for the whole plan" lists only what the plan does', () => {
  it('has no 1.1.1 warning once baseline writes nothing: it goes with its manual advice', async () => {
    const { facts, profile, plan: first } = await plan('baseline');
    expect(changedFiles(first).length).toBeGreaterThan(0);
    const p = buildPlan({ facts: applyPlanToFacts(facts, first), rules: rulesToRemediate(profile), params: profile.params, profileName: profile.name });
    expect(changedFiles(p)).toEqual([]);
    expect(p.manual.map((m) => m.ruleId)).toContain('1.1.1');
    expect(ids(planWideWarnings(p))).toEqual([]);
    expect(ids(p.warnings)).toEqual([]);
    // What the advice would break is said with the advice.
    expect(p.manual.find((m) => m.ruleId === '1.1.1')?.text).toMatch(
      /then start Docker again\. Impact: Docker and every container are down during the move\.$/,
    );
  });

  it('says what 4.1 advice breaks with the advice, not among the warnings', async () => {
    const { plan: p } = await plan('strict');
    expect(ids(p.warnings)).not.toContain('4.1');
    expect(p.manual.find((m) => m.ruleId === '4.1')?.text).toMatch(
      /rebuild, or run its containers with --user \(Compose `user:`\)\. Impact: The service can no longer write root-owned paths/,
    );
  });
});
