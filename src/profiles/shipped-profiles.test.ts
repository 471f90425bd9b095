import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CIS_V180_ITEMS } from '../rules/cis-v1.8.0-ids.js';
import { loadProfile, SHIPPED_PROFILES_DIR } from './load-profile.js';
import { selectedBenchmarkIds } from './render-profile.js';
import { PROFILE_SCHEMA_PATH } from './schema.js';

describe('shipped profiles', () => {
  it.each(['baseline', 'strict'])('%s points editors at the published schema', (name) => {
    const file = path.join(SHIPPED_PROFILES_DIR, `${name}.yaml`);
    const first = readFileSync(file, 'utf8').split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=../schemas/profile.schema.json');
    expect(path.resolve(path.dirname(file), '../schemas/profile.schema.json')).toBe(PROFILE_SCHEMA_PATH);
  });

  it('baseline: audit watches, section 3 and the four daemon defaults; nothing that restricts containers', async () => {
    const baseline = await loadProfile('baseline');
    expect(baseline.chain).toEqual(['baseline']);
    expect(baseline.select.levels).toEqual([1]);
    const ids = selectedBenchmarkIds(baseline);
    const auditIds = CIS_V180_ITEMS.filter((i) => i.id.startsWith('1.1.') && Number(i.id.split('.')[2]) >= 3).map((i) => i.id);
    const section3 = CIS_V180_ITEMS.filter((i) => i.id.startsWith('3.')).map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([...auditIds, ...section3]));
    expect(ids.filter((id) => id.startsWith('2.'))).toEqual(['2.3', '2.4', '2.16', '2.19']);
    // icc, insecure registries, ulimits, userns, no-new-privileges, userland-proxy, images, runtime, swarm.
    for (const risky of ['2.2', '2.5', '2.9', '2.10', '2.15', '2.17', '4.5', '5.4', '5.13', '5.14', '5.26']) expect(ids).not.toContain(risky);
    expect(ids.some((id) => /^[4-7]\./.test(id))).toBe(false);
    expect(baseline.params.contentTrust).toBe(false);
  });

  it('strict: extends baseline and selects every benchmark item, with content trust on', async () => {
    const strict = await loadProfile('strict');
    expect(strict.name).toBe('strict');
    expect(strict.chain).toEqual(['baseline', 'strict']);
    expect(selectedBenchmarkIds(strict)).toEqual(CIS_V180_ITEMS.map((i) => i.id));
    expect(strict.select).toEqual({ sections: [1, 2, 3, 4, 5, 6, 7], levels: [1, 2], include: [], exclude: [] });
    expect(strict.params).toMatchObject({ contentTrust: true, usernsRemap: 'default', bindHostIp: '127.0.0.1' });
    expect(strict.waivers).toEqual([]);
  });

  it('strict notes the impact of each risky daemon change it adds', () => {
    const text = readFileSync(path.join(SHIPPED_PROFILES_DIR, 'strict.yaml'), 'utf8');
    for (const change of [
      'icc: false',
      'insecure-registries',
      'userns-remap',
      'no-new-privileges',
      'userland-proxy: false',
      'default-ulimits',
      'cap_drop',
      'read_only',
    ]) {
      expect(text).toContain(change);
    }
  });
});
