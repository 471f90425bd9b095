// Recreates in every view of a plan: the text a reviewer reads (a diff of docker run commands),
// the JSON, and the script and patch, which refuse them and say why.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../src/rules/params.js';
import { section5Rules } from '../../../src/rules/section5/index.js';
import { buildPlan } from '../../../src/plan/build-plan.js';
import { formatPlanText } from '../../../src/plan/render-plan-text.js';
import { planJson } from '../../../src/plan/plan-json.js';
import { closedIds } from '../../../src/plan/closed-ids.js';
import { renderScript } from '../../../src/script/render-script.js';
import { renderPatchSidecar } from '../../../src/patch/render-patch.js';
import { planHasChanges } from '../../../src/plan-model/plan.js';
import { RECREATE_REFUSAL } from '../../../src/plan-model/recreate-refusal.js';
import { parseRecreate } from '../../../src/cli/recreate-option.js';
import { UserError } from '../../../src/core/errors.js';
import { container, hostFacts, httpd } from './inspect-fixtures.js';

// `web` needs a recreate; `lim` only lacks limits, which `docker update` sets in place.
const lim = container('lim', (c) => {
  Object.assign(c.HostConfig, { CapDrop: ['ALL'], ReadonlyRootfs: true, SecurityOpt: ['no-new-privileges'], NetworkMode: 'none' });
  c.Config.Healthcheck = { Test: ['CMD', 'true'] };
  c.NetworkSettings.Networks = { none: {} };
});
const facts = hostFacts([httpd(), lim]);
const make = (recreate: 'off' | 'standalone') => buildPlan({ facts, rules: section5Rules, params: { ...DEFAULT_PARAMS, recreate }, profileName: 'strict' });

describe('a plan with recreates', () => {
  const off = make('off');
  const on = make('standalone');

  it('leaves plans without recreate as they were', () => {
    expect(off).not.toHaveProperty('recreates');
    expect(off.steps.map((s) => s.id)).toEqual(['docker-update:lim', 'docker-update:web']);
    expect(off.manual.some((n) => n.text.startsWith('Recreate container web '))).toBe(true);
  });

  it('replaces the container’s docker update step and recreate advice with the recreate, and keeps updates for the rest', () => {
    expect(on.recreates?.map((r) => r.id)).toEqual(['recreate:web']);
    expect(on.steps.map((s) => s.id)).toEqual(['docker-update:lim']);
    expect(on.manual.some((n) => n.text.startsWith('Recreate container web '))).toBe(false);
    expect(closedIds(on)).toEqual(expect.arrayContaining(['5.4', '5.13', '5.14', '5.26', '5.30']));
    expect(planHasChanges({ ...on, steps: [] })).toBe(true);
  });

  it('shows the docker run diff in the text', () => {
    const text = formatPlanText(on, { color: false });
    expect(text).toContain('Containers recreated (apply only; health-gated, reverted if the new one fails)');
    expect(text).toContain('  recreate  web (running, gate 10 s)  closes 5.4, 5.11, 5.12, 5.13, 5.14, 5.26, 5.29, 5.30');
    expect(text).toContain('    --- web (now)');
    expect(text).toContain('    +++ web (hardened)');
    expect(text).toContain('    -  --cap-add ALL \\');
    expect(text).toContain('    +  --read-only \\');
    expect(text).toContain('    -  --publish 0.0.0.0:8080:8080/tcp \\');
    expect(text).toContain('    +  --publish 127.0.0.1:8080:8080/tcp \\');
    expect(text).toContain('    +  --network web-net \\');
    expect(text).toContain('container(s) to recreate.');
    expect(text).toContain('  5.13: container web (recreated)');
  });

  it('carries the steps in the JSON', () => {
    const json = JSON.parse(planJson(on));
    expect(json.recreates).toHaveLength(1);
    expect(json.recreates[0]).toMatchObject({
      id: 'recreate:web',
      gateSeconds: 10,
      createNetworks: ['web-net'],
      create: { HostConfig: { ReadonlyRootfs: true } },
    });
    expect(json.recreates[0].runDiff.after).toContain('--read-only');
  });

  it('refuses them in the script and the patch sidecar, in one sentence', () => {
    const sentence = `Container web is not recreated here: ${RECREATE_REFUSAL} (docker-harden apply --recreate=web).`;
    expect(RECREATE_REFUSAL).toBe('recreating containers runs only with apply: it needs the health gate and automatic revert');
    const script = renderScript(on);
    expect(script).toContain(sentence);
    expect(script).not.toContain('5.13: container web');
    expect(renderPatchSidecar(on).warnings.some((w) => w.endsWith(sentence))).toBe(true);
    expect(renderScript(off)).not.toContain(RECREATE_REFUSAL);
  });
});

describe('--recreate', () => {
  it('takes no value for every standalone container, or names separated by commas', () => {
    expect(parseRecreate(undefined)).toBeUndefined();
    expect(parseRecreate(true)).toEqual({});
    expect(parseRecreate('web,db,web')).toEqual({ names: ['web', 'db'] });
  });

  it('refuses what cannot be a container name, in one sentence', () => {
    expect(() => parseRecreate('web,,db')).toThrow(UserError);
    expect(() => parseRecreate('we b')).toThrow('--recreate takes container names separated by commas, and "we b" is not one.');
  });
});
