import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_PARAMS } from '../rules/params.js';
import { loadProfile } from './load-profile.js';
import { profileView, renderProfileYaml } from './render-profile.js';
import type { ResolvedProfile } from './types.js';

describe('renderProfileYaml', () => {
  it.each(['baseline', 'strict'])('%s: the YAML reads back as the same data as the JSON view', async (name) => {
    const profile = await loadProfile(name);
    const text = renderProfileYaml(profile);
    expect(parse(text)).toEqual(profileView(profile));
    expect(
      Math.max(
        ...text
          .split('\n')
          .filter((l) => !l.startsWith('description:'))
          .map((l) => l.length),
      ),
    ).toBeLessThanOrEqual(100);
  });

  it('marks an expired waiver and counts the selected items', () => {
    const profile: ResolvedProfile = {
      name: 'site',
      description: 'd',
      source: '/tmp/site.yaml',
      chain: ['/tmp/site.yaml'],
      select: { sections: [7], include: [], exclude: ['7.9'] },
      params: DEFAULT_PARAMS,
      waivers: [
        { id: '7.1', reason: 'single manager lab', expires: '2020-01-01' },
        { id: '7.2', reason: 'one interface' },
      ],
    };
    const text = renderProfileYaml(profile, new Date('2026-01-01T00:00:00Z'));
    expect(text).toContain('waivers:\n  # expired: this waiver no longer applies\n  - id: "7.1"');
    expect(text).not.toMatch(/expired[^\n]*\n\s*- id: "7\.2"/);
    expect(text).toContain('# 8 of 118 benchmark items selected\nrules: ["7.1", "7.2", "7.3", "7.4", "7.5", "7.6", "7.7", "7.8"]');
  });
});
