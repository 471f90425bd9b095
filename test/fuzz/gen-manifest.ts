// Backup manifests read by rollback: well-formed sets with their paths, ids, modes and created
// directories changed to climb out of the root, and ids that name something outside the backup
// directory.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { Entry, FuzzCase } from './case.js';
import { hostileString, mutatedJson } from './mutate.js';

const ID = '20260101T000000Z-abcd';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const BACKED_UP = '{"debug": false}\n';
const CURRENT = '{"debug": true}\n';
const RULES = '-w /usr/bin/dockerd -k docker\n';
const SET = `root/var/backups/docker-harden/${ID}`;

const manifest = {
  version: 1,
  id: ID,
  createdAt: '2026-01-01T00:00:00.000Z',
  profile: 'strict',
  state: 'applied',
  files: [
    {
      path: '/etc/docker/daemon.json',
      existed: true,
      backupFile: '0000',
      mode: 0o644,
      uid: 0,
      gid: 0,
      sha256Before: sha256(BACKED_UP),
      sha256After: sha256(CURRENT),
      createdDirs: [],
    },
    { path: '/etc/audit/rules.d/docker.rules', existed: false, sha256Before: null, sha256After: sha256(RULES), createdDirs: ['/etc/audit/rules.d'] },
  ],
  permissions: [{ path: '/etc/default/docker', before: { mode: 0o666, uid: 0, gid: 0 }, after: { mode: 0o644, uid: 0, gid: 0 } }],
  steps: [],
};

const pathValue = fc.oneof(
  fc.constantFrom(
    '/../../../../{DECOY}/world',
    '../../x',
    '{DECOY}/secret',
    '/etc/docker/../../../..{DECOY}/dir',
    '/etc/default/docker',
    'relative/path',
    '/',
    '',
  ),
  hostileString,
);

/** The manifest with its paths pointed elsewhere, and other values changed anywhere. */
const hostileManifest = fc.tuple(fc.option(pathValue), fc.option(pathValue), fc.option(pathValue), fc.boolean()).chain(([file, dir, perm, more]) => {
  const m = structuredClone(manifest) as typeof manifest & Record<string, unknown>;
  if (file !== null) m.files[0]!.path = file;
  if (dir !== null) m.files[1]!.createdDirs = [dir];
  if (perm !== null) m.permissions[0]!.path = perm;
  return more ? mutatedJson(m) : fc.constant(m);
});

/** A well-formed backup set and the files it restores, for cases whose subject is something else. */
export const BACKUP_ID = ID;
export function backupSetEntries(): Entry[] {
  return [
    { path: `${SET}/manifest.json`, type: 'file', content: JSON.stringify(manifest, null, 2) },
    { path: `${SET}/files/0000`, type: 'file', content: BACKED_UP },
    { path: 'root/etc/docker/daemon.json', type: 'file', content: CURRENT },
    { path: 'root/etc/audit/rules.d/docker.rules', type: 'file', content: RULES },
  ];
}

const id = fc.constantFrom(ID, ID, ID, '../../x', `../../../../../{DECOY}/dir`, '..', '.', '', "a'b", '-rf', ID + '/../' + ID);

const hostileCase: fc.Arbitrary<FuzzCase> = fc.tuple(hostileManifest, id, fc.boolean(), fc.boolean()).map(([m, setId, linkBackup, noRestart]) => {
  const entries: Entry[] = [
    { path: `${SET}/manifest.json`, type: 'file', content: JSON.stringify(m, null, 2) },
    { path: `${SET}/files/0000`, type: 'file', content: BACKED_UP },
    { path: 'root/etc/docker/daemon.json', type: 'file', content: CURRENT },
    { path: 'root/etc/default/docker', type: 'symlink', target: '{DECOY}/world' },
    { path: 'root/etc/audit/rules.d/docker.rules', type: 'file', content: RULES },
  ];
  if (linkBackup) entries.push({ path: `${SET}/files/0000`, type: 'symlink', target: '{DECOY}/secret' });
  return { kind: 'manifest', entries, argv: ['--root', '{ROOT}', 'rollback', setId, ...(noRestart ? ['--no-restart'] : [])] };
});

/** A set rollback accepts, or one value changed in it: the restore itself runs, not only the checks. */
const nearlyValidCase: fc.Arbitrary<FuzzCase> = fc.oneof(fc.constant<unknown>(manifest), mutatedJson(manifest)).map((m) => ({
  kind: 'manifest' as const,
  entries: [
    ...backupSetEntries().map((e) => (e.path.endsWith('manifest.json') && e.type === 'file' ? { ...e, content: JSON.stringify(m, null, 2) } : e)),
    { path: 'root/etc/default/docker', type: 'file' as const, content: 'DOCKER_OPTS=\n', mode: 0o644 },
  ],
  argv: ['--root', '{ROOT}', 'rollback', ID, '--no-restart'],
}));

export const manifestCase: fc.Arbitrary<FuzzCase> = fc.oneof({ weight: 2, arbitrary: hostileCase }, { weight: 1, arbitrary: nearlyValidCase });
