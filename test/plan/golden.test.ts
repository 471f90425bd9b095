// Golden files: for each host fixture and shipped profile, every file the plan writes, the plan as
// text and as JSON, and the permission script, under snapshots/hosts/<host>/<profile>/. Review a
// change to them like a change to the product's output (vitest -u).
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { planHasChanges } from '../../src/plan-model/plan.js';
import { formatPlanText } from '../../src/plan/render-plan-text.js';
import { planJson } from '../../src/plan/plan-json.js';
import { buildPlan } from '../../src/plan/build-plan.js';
import { renderPermissionScript } from '../../src/artifacts/permission-script.js';
import { rulesToRemediate } from '../../src/services/plan-source.js';
import { HOSTS, PROFILES, goldenDir, planForHost } from '../e2e/support/hosts.js';
import { applyPlanToFacts } from './support/apply-to-facts.js';

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .map((f) => '/' + f)
    .sort();
}

describe.each(HOSTS)('host %s', (host) => {
  describe.each(PROFILES)('profile %s', (profileName) => {
    it('renders the golden files and plan', async () => {
      const { plan } = await planForHost(host, profileName);
      const dir = goldenDir(host, profileName);
      const written = plan.files.filter((f) => f.after !== null && f.kind !== 'unchanged');
      for (const file of written) {
        await expect(file.after).toMatchFileSnapshot(path.join(dir, 'files', file.path.slice(1)));
      }
      await expect(formatPlanText(plan, { color: false }) + '\n').toMatchFileSnapshot(path.join(dir, 'plan.txt'));
      await expect(planJson(plan) + '\n').toMatchFileSnapshot(path.join(dir, 'plan.json'));
      await expect(renderPermissionScript(plan)).toMatchFileSnapshot(path.join(dir, 'fix-permissions.sh'));
      // A golden the plan no longer writes must not linger and mislead a reviewer.
      const stale = filesUnder(path.join(dir, 'files')).filter((p) => !written.some((f) => f.path === p));
      expect(stale).toEqual([]);
    });

    it('changes nothing when planned again from the facts it leaves behind', async () => {
      const { facts, profile, plan } = await planForHost(host, profileName);
      expect(planHasChanges(plan)).toBe(true);
      const after = applyPlanToFacts(facts, plan);
      const again = buildPlan({ facts: after, rules: rulesToRemediate(profile), params: profile.params, profileName: profile.name });
      expect(again.files.filter((f) => f.kind !== 'unchanged').map((f) => f.path)).toEqual([]);
      expect(again.permissions).toEqual([]);
      expect(again.steps.filter((s) => !s.id.startsWith('docker-update:'))).toEqual([]);
    });

    it('is deterministic', async () => {
      const a = (await planForHost(host, profileName)).plan;
      const b = (await planForHost(host, profileName)).plan;
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    });
  });
});
