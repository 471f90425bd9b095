// A --root tree laid out by someone hostile: the paths the tool reads and writes replaced by
// symlinks that lead out of the root (files, parent directories, the backup directory), by FIFOs,
// and by names with quotes, newlines and escapes, then planned, applied and scripted.
import fc from 'fast-check';
import type { Entry, FuzzCase } from './case.js';
import { commandArgs } from './commands.js';
import { hostFacts } from './fixtures.js';

/** Host paths the plans touch (relative to the root). */
const TARGETS = [
  'etc/docker',
  'etc/docker/daemon.json',
  'etc/default/docker',
  'etc/sysconfig/docker',
  'var/backups',
  'var/backups/docker-harden',
  'etc/audit/rules.d',
  'etc/audit/rules.d/docker.rules',
  'etc/profile.d',
  'etc/systemd/system/docker.service.d',
  'lib/systemd/system/docker.service',
  'lib/systemd/system/docker.socket',
  'usr/lib/systemd/system/docker.service',
  'run/docker.sock',
  'var/run/docker.sock',
  'etc/docker/certs.d',
  'var/lib/docker',
  'usr/bin/dockerd',
  'etc/containerd/config.toml',
];

const LINK_TARGETS = [
  '{DECOY}/secret',
  '{DECOY}/world',
  '{DECOY}/dir',
  '{DECOY}/dir/docker',
  '{DECOY}/link-to-secret',
  '../../../../../../../../{DECOY}/world',
  '/',
  '/etc',
  '/nonexistent',
  '.',
  '..',
];

const entry: fc.Arbitrary<Entry> = fc
  .tuple(fc.constantFrom(...TARGETS), fc.constantFrom('symlink', 'symlink', 'fifo', 'file', 'dir'), fc.constantFrom(...LINK_TARGETS))
  .map(([p, type, target]) =>
    type === 'symlink'
      ? { path: `root/${p}`, type, target }
      : type === 'fifo'
        ? { path: `root/${p}`, type }
        : type === 'dir'
          ? { path: `root/${p}`, type, mode: 0o777 }
          : { path: `root/${p}`, type, content: '{"debug": true}\n', mode: 0o666 },
  );

const oddName = fc.constantFrom(
  "etc/docker/it's.json",
  'etc/docker/a"b',
  'etc/docker/\nnewline',
  'etc/docker/\u001b[31m',
  'etc/docker/$(id)',
  'etc/docker/ space ',
);

export const rootTreeCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(fc.array(entry, { minLength: 1, maxLength: 4 }), fc.option(oddName), fc.nat(hostFacts.length - 1), fc.boolean())
  .chain(([links, odd, host, fromFacts]) =>
    commandArgs().map((cmd) => {
      const entries: Entry[] = [...links];
      if (odd) entries.push({ path: `root/${odd}`, type: 'file', content: '{}' });
      const facts = { ...(hostFacts[host] as Record<string, unknown>), root: '{ROOT}' };
      entries.push({ path: 'in/facts.json', type: 'file', content: JSON.stringify(facts) });
      return { kind: 'root-tree' as const, entries, argv: [...(fromFacts ? ['--from', '{CASE}/in/facts.json'] : []), '--root', '{ROOT}', ...cmd] };
    }),
  );
