// Golden files: the whole plan for each host fixture and shipped profile, rendered with the real
// rule catalog. Review a change to them like a change to the product's output (vitest -u).
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR, loadFacts } from '../support/fixtures.js';
import { buildPlan } from '../../src/plan/build-plan.js';
import { planHasChanges } from '../../src/plan/plan.js';
import { formatPlanText } from '../../src/plan/render-plan-text.js';
import { renderPermissionScript } from '../../src/artifacts/permission-script.js';
import { loadProfile, selectRules } from '../../src/profiles/index.js';
import { allRules } from '../../src/rules/catalog.js';
import { applyPlanToFacts } from './support/apply-to-facts.js';

const HOSTS_DIR = path.join(FIXTURES_DIR, 'hosts');
const hosts = readdirSync(HOSTS_DIR).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
const SNAPSHOTS = path.join(import.meta.dirname, 'snapshots');

async function planFor(host: string, profileName: string) {
  const profile = await loadProfile(profileName);
  const facts = loadFacts(path.join(HOSTS_DIR, `${host}.json`));
  const rules = selectRules(profile, allRules);
  const plan = buildPlan({ facts, rules, params: profile.params, profileName: profile.name });
  return { facts, profile, rules, plan };
}

describe.each(hosts)('host %s', (host) => {
  describe.each(['baseline', 'strict'])('profile %s', (profileName) => {
    it('renders the golden files', async () => {
      const { plan } = await planFor(host, profileName);
      const dir = path.join(SNAPSHOTS, host, profileName);
      for (const file of plan.files) {
        if (file.after === null) continue;
        await expect(file.after).toMatchFileSnapshot(path.join(dir, 'files', file.path.slice(1)));
      }
      await expect(formatPlanText(plan, { color: false }) + '\n').toMatchFileSnapshot(path.join(dir, 'plan.txt'));
      await expect(renderPermissionScript(plan)).toMatchFileSnapshot(path.join(dir, 'fix-permissions.sh'));
    });

    it('changes nothing when planned again after it was applied', async () => {
      const { facts, profile, rules, plan } = await planFor(host, profileName);
      expect(planHasChanges(plan)).toBe(true);
      const after = applyPlanToFacts(facts, plan);
      const again = buildPlan({ facts: after, rules, params: profile.params, profileName: profile.name });
      expect(again.files.filter((f) => f.kind !== 'unchanged').map((f) => f.path)).toEqual([]);
      expect(again.permissions).toEqual([]);
      expect(again.steps.filter((s) => !s.id.startsWith('docker-update:'))).toEqual([]);
    });

    it('is deterministic', async () => {
      const a = (await planFor(host, profileName)).plan;
      const b = (await planFor(host, profileName)).plan;
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    });
  });
});
