import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../rules/params.js';
import { listProfiles, loadProfile, SHIPPED_PROFILES_DIR } from './load-profile.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dh-profiles-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(rel: string, lines: string[]): Promise<string> {
  const file = path.join(dir, rel);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, lines.join('\n') + '\n');
  return file;
}

async function rejection(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Error);
  expect((err as Error).name).toBe('UserError');
  return (err as Error).message;
}

describe('loadProfile', () => {
  it('resolves a user file that extends a shipped profile', async () => {
    await write('site/site.yaml', [
      'name: site',
      'extends: strict',
      'select:',
      '  exclude: ["2.10"]',
      'params:',
      '  bindHostIp: 10.0.0.5',
      '  defaultUlimits:',
      '    nofile: { soft: 4096, hard: 8192 }',
      '  capAddByImage:',
      '    nginx: [CHOWN, SETUID, SETGID, NET_BIND_SERVICE]',
      'waivers:',
      '  - id: "5.10"',
      '    reason: the monitoring agent needs the host network',
      '    expires: 2027-06-30',
    ]);
    const profile = await loadProfile('site/site.yaml', { cwd: dir });
    const strict = await loadProfile('strict');
    expect(profile.name).toBe('site');
    expect(profile.source).toBe(path.join(dir, 'site/site.yaml'));
    expect(profile.chain).toEqual(['baseline', 'strict', path.join(dir, 'site/site.yaml')]);
    // No description of its own: the nearest one up the chain.
    expect(profile.description).toBe(strict.description);
    // select fields replace one by one: exclude is the site's, the rest is strict's.
    expect(profile.select).toEqual({ ...strict.select, exclude: ['2.10'] });
    // params merge key by key: nproc stays from strict, nofile is the site's.
    expect(profile.params).toEqual({
      ...strict.params,
      bindHostIp: '10.0.0.5',
      defaultUlimits: { ...strict.params.defaultUlimits, nofile: { soft: 4096, hard: 8192 } },
      capAddByImage: { nginx: ['CHOWN', 'SETUID', 'SETGID', 'NET_BIND_SERVICE'] },
    });
    expect(profile.waivers).toEqual([{ id: '5.10', reason: 'the monitoring agent needs the host network', expires: '2027-06-30' }]);
  });

  it('follows relative extends paths from the extending file, with waivers added up and the child winning', async () => {
    await write('base/org.yaml', [
      'name: org',
      'description: organisation defaults',
      'extends: baseline',
      'params:',
      '  auditKey: org-docker',
      '  defaultUlimits:',
      '    nproc: null',
      'waivers:',
      '  - { id: "3.15", reason: socket group is docker-users }',
      '  - { id: "1.1.3", reason: auditd runs elsewhere }',
    ]);
    await write('teams/web.yaml', [
      'name: web',
      'extends: ../base/org.yaml',
      'select:',
      '  levels: [1, 2]',
      'waivers:',
      '  - { id: "1.1.3", reason: auditd is shipped later, expires: 2026-12-31 }',
    ]);
    const profile = await loadProfile(path.join(dir, 'teams/web.yaml'));
    expect(profile.chain).toEqual(['baseline', path.join(dir, 'base/org.yaml'), path.join(dir, 'teams/web.yaml')]);
    expect(profile.description).toBe('organisation defaults');
    expect(profile.select.levels).toEqual([1, 2]);
    expect(profile.select.sections).toEqual([1, 2, 3]);
    expect(profile.params.auditKey).toBe('org-docker');
    expect(profile.params.defaultUlimits).toEqual({ nofile: DEFAULT_PARAMS.defaultUlimits.nofile });
    expect(profile.waivers).toEqual([
      { id: '3.15', reason: 'socket group is docker-users' },
      { id: '1.1.3', reason: 'auditd is shipped later', expires: '2026-12-31' },
    ]);
  });

  it('stops an extends cycle with the loop in the message', async () => {
    await write('a.yaml', ['name: a', 'extends: ./b.yaml']);
    await write('b.yaml', ['name: b', 'description: b', 'extends: a.yaml']);
    expect(await rejection(loadProfile('a.yaml', { cwd: dir }))).toBe('b.yaml line 3: extends "a.yaml" makes a cycle (a.yaml extends b.yaml extends a.yaml)');
    await write('self.yaml', ['name: self', 'extends: ./self.yaml']);
    expect(await rejection(loadProfile('self.yaml', { cwd: dir }))).toBe('self.yaml line 2: extends "./self.yaml" makes a cycle (self.yaml extends self.yaml)');
  });

  it('names the file and path of a validation error as the user wrote it', async () => {
    await write('profiles/site.yaml', ['# yaml-language-server: $schema=x', 'name: site', 'extends: baseline', 'params:', '  pidsLimit: many']);
    expect(await rejection(loadProfile('profiles/site.yaml', { cwd: dir }))).toBe(
      'profiles/site.yaml line 5: params.pidsLimit must be an integer (got "many")',
    );
    // An error in a parent is reported in the parent.
    await write('child.yaml', ['name: child', 'extends: profiles/site.yaml']);
    expect(await rejection(loadProfile('child.yaml', { cwd: dir }))).toBe('profiles/site.yaml line 5: params.pidsLimit must be an integer (got "many")');
  });

  it('says what is missing: a file, a parent, a shipped name', async () => {
    expect(await rejection(loadProfile('./nope.yaml', { cwd: dir }))).toBe('profile file nope.yaml does not exist');
    expect(await rejection(loadProfile('strcit', { cwd: dir }))).toBe(
      'profile "strcit" is not a shipped profile (expected baseline, strict or a path to a .yaml file)',
    );
    await write('orphan.yaml', ['name: orphan', 'extends: ./gone.yaml']);
    expect(await rejection(loadProfile('orphan.yaml', { cwd: dir }))).toBe(
      'orphan.yaml line 2: extends "./gone.yaml" names a file that does not exist (gone.yaml)',
    );
    await write('typo.yaml', ['name: typo', '', 'extends: basline']);
    expect(await rejection(loadProfile('typo.yaml', { cwd: dir }))).toBe(
      'typo.yaml line 3: extends "basline" is not a shipped profile (expected baseline, strict or a path to a .yaml file)',
    );
  });

  it('reads shipped profiles from another directory when asked', async () => {
    await write('shipped/tiny.yaml', ['name: tiny', 'description: only 2.3', 'select:', '  sections: []', '  include: ["2.3"]']);
    await write('mine.yaml', ['name: mine', 'extends: tiny']);
    const opts = { cwd: dir, profilesDir: path.join(dir, 'shipped') };
    expect((await loadProfile('mine.yaml', opts)).select).toEqual({ sections: [], include: ['2.3'], exclude: [] });
    expect(await listProfiles(opts)).toEqual([{ name: 'tiny', description: 'only 2.3', source: path.join(dir, 'shipped/tiny.yaml') }]);
  });
});

describe('listProfiles', () => {
  it('lists the shipped profiles with their descriptions and files', async () => {
    const list = await listProfiles();
    expect(list.map((p) => p.name)).toEqual(['baseline', 'strict']);
    for (const p of list) {
      expect(p.description.length).toBeGreaterThan(20);
      expect(p.source).toBe(path.join(SHIPPED_PROFILES_DIR, `${p.name}.yaml`));
    }
  });
});
