// Package-manager commands in a RUN: which manager, what it does, with which options and packages.
import type { ShellCommand } from './shell.js';

export type Manager = 'apt' | 'apk' | 'yum' | 'zypper';
/** 'update' refreshes indexes (or, for yum/dnf, also upgrades): a layer that goes stale in the cache. */
export type PackageAction = 'update' | 'upgrade' | 'install' | 'remove' | 'clean' | 'other';

export interface PackageCommand {
  manager: Manager;
  program: string;
  action: PackageAction;
  /** Words starting with "-" (and their values, for options that take one). */
  options: string[];
  /** Package names without version pins. */
  packages: string[];
  /** The command as one line, for advice. */
  text: string;
}

const PROGRAMS: Record<string, Manager> = {
  'apt-get': 'apt',
  apt: 'apt',
  aptitude: 'apt',
  apk: 'apk',
  yum: 'yum',
  dnf: 'yum',
  microdnf: 'yum',
  tdnf: 'yum',
  zypper: 'zypper',
};

const ACTIONS: Record<Manager, Record<string, PackageAction>> = {
  apt: {
    update: 'update',
    upgrade: 'upgrade',
    'dist-upgrade': 'upgrade',
    'full-upgrade': 'upgrade',
    install: 'install',
    remove: 'remove',
    purge: 'remove',
    autoremove: 'remove',
    clean: 'clean',
    autoclean: 'clean',
  },
  apk: { update: 'update', upgrade: 'upgrade', add: 'install', del: 'remove', cache: 'clean' },
  yum: {
    update: 'update',
    upgrade: 'update',
    makecache: 'update',
    'check-update': 'update',
    install: 'install',
    remove: 'remove',
    erase: 'remove',
    autoremove: 'remove',
    clean: 'clean',
  },
  zypper: {
    refresh: 'update',
    ref: 'update',
    update: 'upgrade',
    up: 'upgrade',
    install: 'install',
    in: 'install',
    remove: 'remove',
    rm: 'remove',
    clean: 'clean',
  },
};

/** Options whose value is the next word (so it is not taken for a package or subcommand). */
const WITH_VALUE = new Set([
  '-o',
  '-t',
  '-c',
  '--target-release',
  '--option',
  '--repository',
  '-X',
  '--virtual',
  '--root',
  '-p',
  '--setopt',
  '--enablerepo',
  '--disablerepo',
  '--installroot',
  '--releasever',
]);

export function packageCommands(commands: ShellCommand[]): PackageCommand[] {
  const out: PackageCommand[] = [];
  for (const c of commands) {
    const manager = PROGRAMS[c.words[0]];
    if (!manager) continue;
    const options: string[] = [];
    const positional: string[] = [];
    for (let i = 1; i < c.words.length; i++) {
      const w = c.words[i];
      if (w.startsWith('-')) {
        options.push(w);
        if (WITH_VALUE.has(w) && i + 1 < c.words.length) options.push(c.words[++i]);
      } else positional.push(w);
    }
    const [sub = '', ...rest] = positional;
    out.push({
      manager,
      program: c.words[0],
      action: ACTIONS[manager][sub] ?? 'other',
      options,
      packages: rest.map((p) => p.replace(/[=<>~].*$/, '')).filter(Boolean),
      text: c.words.join(' '),
    });
  }
  return out;
}

/** The apk `--virtual NAME` group of an install, removed again with `apk del NAME`. */
export function virtualGroup(cmd: PackageCommand): string | null {
  const i = cmd.options.findIndex((o) => o === '--virtual' || o === '-t');
  if (i >= 0) return cmd.options[i + 1] ?? null;
  const inline = cmd.options.find((o) => o.startsWith('--virtual='));
  return inline ? inline.slice('--virtual='.length) : null;
}
