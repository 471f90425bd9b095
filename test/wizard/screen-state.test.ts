import { describe, expect, it } from 'vitest';
import { findingsRows, findingsStep, initialFindingsNav } from '../../src/wizard/model/findings-view.js';
import { initialReviewNav, reviewStep } from '../../src/wizard/model/review-state.js';
import { initialProfileNav, profileStep } from '../../src/wizard/model/profile-state.js';
import { changedFiles, diffStat, planSize, planWideWarnings, warningsFor } from '../../src/wizard/model/plan-view.js';
import { press } from '../../src/wizard/model/key-event.js';
import { sampleReport, samplePlan } from './support/sample.js';

const ENTER = press('\r', { return: true });

describe('findings state', () => {
  it('opens sections and findings by key and keeps the cursor on the same row', () => {
    const { findings } = sampleReport();
    let nav = initialFindingsNav(findings);
    expect(nav.cursor).toBe('s:1');
    nav = findingsStep(findings, nav, press('j'));
    nav = findingsStep(findings, nav, ENTER);
    expect([...nav.open.sections]).toEqual([2]);
    nav = findingsStep(findings, nav, press('j'));
    expect(nav.cursor).toBe('f:2');
    nav = findingsStep(findings, nav, press(' '));
    const rows = findingsRows(findings, nav.open, 80);
    expect(rows.filter((r) => !r.key).length).toBeGreaterThan(1);
    expect(findingsStep(findings, nav, press('G')).cursor).toBe('s:5');
    expect(findingsStep(findings, nav, press('c')).done).toBe('next');
  });
});

describe('review state', () => {
  it('toggles files, opens and scrolls a diff, and closes it with q before leaving', () => {
    const files = changedFiles(samplePlan());
    let nav = initialReviewNav([]);
    nav = reviewStep(files, nav, press(' '));
    expect([...nav.excluded]).toEqual(['/etc/audit/rules.d/docker.rules']);
    nav = reviewStep(files, nav, press('j'));
    nav = reviewStep(files, nav, ENTER);
    expect(nav.diff).toBe('/etc/docker/daemon.json');
    nav = reviewStep(files, nav, press('', { pageDown: true }, 3));
    expect(nav.diffTop).toBe(3);
    nav = reviewStep(files, nav, press('q'));
    expect(nav.diff).toBeNull();
    expect(nav.done).toBeUndefined();
    expect(reviewStep(files, nav, press('q')).done).toBe('back');
  });
});

describe('profile state', () => {
  it('chooses a shipped profile, or opens the path field on the last row', () => {
    const names = ['baseline', 'strict'];
    expect(profileStep(names, initialProfileNav(2), ENTER).done).toEqual({ type: 'shipped', name: 'baseline' });
    let nav = profileStep(names, initialProfileNav(2), press('G'));
    nav = profileStep(names, nav, ENTER);
    expect(nav.editing).toBe(true);
    for (const ch of 'p.yaml') nav = profileStep(names, nav, press(ch));
    expect(profileStep(names, nav, ENTER).done).toEqual({ type: 'file', path: 'p.yaml' });
    const stopped = profileStep(names, nav, press('', { escape: true }));
    expect(stopped.editing).toBe(false);
    expect(stopped.done).toBeUndefined();
  });
});

describe('plan view', () => {
  it('counts diff lines, assigns warnings to files and names the plan size', () => {
    const plan = samplePlan();
    const daemon = plan.files[1];
    expect(diffStat(daemon)).toEqual({ added: 4, removed: 1 });
    expect(warningsFor(plan, daemon).map((w) => w.ruleId)).toEqual(['2.2']);
    expect(warningsFor(plan, plan.files[2]).map((w) => w.ruleId)).toEqual(['4.5']);
    expect(planWideWarnings(plan).map((w) => w.text.slice(0, 17))).toEqual(['Restarting docker']);
    expect(planSize(plan)).toBe('3 files, 1 permission fix, 2 steps');
  });
});
