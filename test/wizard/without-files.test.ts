import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withoutFiles } from '../../src/wizard/without-files.js';
import { closedIds } from '../../src/wizard/model/plan-view.js';
import { renderScript } from '../../src/script/render-script.js';
import { makePlan } from '../../src/services/plan-source.js';
import { FIXTURES_DIR, loadFacts } from '../support/fixtures.js';
import { samplePlan } from './support/sample.js';

describe('withoutFiles', () => {
  it('drops the file, what only it closed, its impact notes and the steps only it needed', () => {
    const plan = samplePlan();
    const out = withoutFiles(plan, ['/etc/docker/daemon.json']);
    expect(out.files.map((f) => f.path)).toEqual(['/etc/audit/rules.d/docker.rules', '/etc/profile.d/docker-content-trust.sh', '/etc/hosts']);
    expect(closedIds(out)).toEqual(['1.1.3', '3.18', '4.5']);
    expect(out.steps.map((s) => s.id)).toEqual(['audit-load']);
    // The 2.2 note and the restart note went with daemon.json; the 4.5 note stays with its file.
    expect(out.warnings.map((w) => w.ruleId ?? w.text.slice(0, 10))).toEqual(['4.5']);
    expect(out.permissions).toEqual(plan.permissions);
    expect(out.manual).toEqual(plan.manual);
  });

  it('keeps a step another kept file still needs, and drops notes that name the removed file', () => {
    const out = withoutFiles(samplePlan(), ['/etc/audit/rules.d/docker.rules', '/etc/profile.d/docker-content-trust.sh']);
    expect(out.steps.map((s) => s.id)).toEqual(['docker-restart']);
    expect(out.warnings.some((w) => w.text.includes('docker-content-trust.sh'))).toBe(false);
    expect(out.warnings.some((w) => w.text.startsWith('Restarting docker'))).toBe(true);
  });

  it('leaves the plan as it is when nothing it writes is switched off, and never mutates it', () => {
    const plan = samplePlan();
    const copy = structuredClone(plan);
    expect(withoutFiles(plan, [])).toBe(plan);
    expect(withoutFiles(plan, ['/etc/hosts', '/not/in/plan'])).toBe(plan);
    withoutFiles(plan, ['/etc/docker/daemon.json']);
    expect(plan).toEqual(copy);
  });

  it('makes a script that no longer touches the file, for a real strict plan', async () => {
    const facts = loadFacts(path.join(FIXTURES_DIR, 'hosts/debian-docker-io.json'));
    const { plan } = await makePlan({ root: '/', dockerHost: 'unix:///nonexistent.sock', profile: 'strict' }, facts);
    const off = '/etc/profile.d/docker-content-trust.sh';
    expect(plan.files.map((f) => f.path)).toContain(off);
    const script = renderScript(withoutFiles(plan, [off]));
    expect(renderScript(plan)).toContain(off);
    expect(script).not.toContain(off);
    expect(script).toContain('/etc/docker/daemon.json');
  });
});
