import { describe, expect, it } from 'vitest';
import {
  canonicalAuditRule,
  isAuditKillSwitch,
  normalizeAuditPath,
  parseAuditRule,
  parseAuditRules,
  ruleCoversPath,
  sameAuditRule,
} from './audit-rule-parser.js';

const covers = (line: string, path: string) => ruleCoversPath(parseAuditRule(line)!, path);

describe('parseAuditRule', () => {
  it('reads a watch and defaults its permissions to rwxa', () => {
    expect(parseAuditRule('-w /etc/docker -k docker')).toMatchObject({ kind: 'watch', path: '/etc/docker', perms: 'rwxa', keys: ['docker'] });
  });

  it('reads list and action in either order', () => {
    for (const line of ['-a exit,always -F path=/x -F perm=war', '-a always,exit -F path=/x -F perm=war']) {
      expect(parseAuditRule(line)).toMatchObject({ kind: 'syscall', list: 'exit', action: 'always', path: '/x', target: 'path', perms: 'rwa' });
    }
  });

  it('reads the auditctl -l listing form (-S all, -F key=)', () => {
    const rule = parseAuditRule('-a always,exit -F arch=b64 -S all -F dir=/srv/x -F perm=wa -F key=docker')!;
    expect(rule).toMatchObject({ target: 'dir', path: '/srv/x', perms: 'wa', keys: ['docker'], syscalls: [], filters: ['arch=b64'] });
  });

  it('skips comments, blanks, control lines and deletions', () => {
    expect(parseAuditRule('# -w /etc/docker -k docker')).toBeNull();
    expect(parseAuditRule('   ')).toBeNull();
    expect(parseAuditRule('No rules')).toBeNull();
    expect(parseAuditRule('-W /etc/docker -k docker')).toBeNull();
    expect(parseAuditRule('-D')).toMatchObject({ kind: 'control' });
    expect(parseAuditRule('-b 8192')).toMatchObject({ kind: 'control' });
  });

  it('reads a rules file with several rules', () => {
    const rules = parseAuditRules('## docker\n-D\n-w /etc/docker -k docker\n\n-a never,task\n');
    expect(rules.map((r) => r.kind)).toEqual(['control', 'watch', 'syscall']);
    expect(isAuditKillSwitch(rules[2])).toBe(true);
    expect(isAuditKillSwitch(rules[1])).toBe(false);
    expect(isAuditKillSwitch(parseAuditRule('-a never,exit -F dir=/var/lib/docker/volumes')!)).toBe(false);
  });
});

describe('ruleCoversPath', () => {
  it.each([
    '-w /etc/docker -p rwxa -k docker',
    '-w /etc/docker -k docker',
    '-w /etc/docker/ -k docker',
    '-a always,exit -F path=/etc/docker -F perm=wa -k x',
    '-a exit,always -F dir=/etc/docker -F perm=war -k docker',
    '-a always,exit -F arch=b64 -S all -F dir=/etc/docker -F perm=wa -F key=docker',
    '-a always,exit -F path=/etc/docker -k docker',
  ])('%s covers /etc/docker', (line) => {
    expect(covers(line, '/etc/docker')).toBe(true);
  });

  it('never takes a rule for a file inside a directory as covering the directory (substring bug)', () => {
    expect(covers('-w /etc/docker/daemon.json -k docker', '/etc/docker')).toBe(false);
    expect(covers('-a always,exit -F path=/etc/docker/daemon.json -F perm=wa -k docker', '/etc/docker')).toBe(false);
  });

  it('does not take a directory watch as covering a file inside it', () => {
    expect(covers('-w /etc/docker -k docker', '/etc/docker/daemon.json')).toBe(false);
  });

  it('does not match a path that merely starts with the same text', () => {
    expect(covers('-w /usr/bin/containerd-shim-runc-v2 -k docker', '/usr/bin/containerd')).toBe(false);
    expect(covers('-w /usr/bin/containerd -k docker', '/usr/bin/containerd-shim')).toBe(false);
  });

  it('treats /var/run and /run as the same directory', () => {
    expect(covers('-w /var/run/docker.sock -k docker', '/run/docker.sock')).toBe(true);
    expect(covers('-w /run/docker.sock -k docker', '/var/run/docker.sock')).toBe(true);
    expect(normalizeAuditPath('/var/runner/x')).toBe('/var/runner/x');
  });

  it('needs writes and attribute changes on record', () => {
    expect(covers('-w /etc/docker -p r -k docker', '/etc/docker')).toBe(false);
    expect(covers('-w /etc/docker -p w -k docker', '/etc/docker')).toBe(false);
    expect(covers('-w /etc/docker -p wa -k docker', '/etc/docker')).toBe(true);
  });

  it('does not count suppressions, task rules or rules narrowed to some syscalls or users', () => {
    expect(covers('-a never,exit -F dir=/etc/docker', '/etc/docker')).toBe(false);
    expect(covers('-a always,exit -S openat -F path=/etc/docker -k docker', '/etc/docker')).toBe(false);
    expect(covers('-a always,exit -F path=/etc/docker -F perm=wa -F auid>=1000 -k docker', '/etc/docker')).toBe(false);
  });
});

describe('sameAuditRule', () => {
  it('equates the written syscall form with the watch auditctl -l lists for it', () => {
    expect(sameAuditRule('-a exit,always -F path=/run/containerd -F perm=war -k docker', '-w /run/containerd -p rwa -k docker')).toBe(true);
    expect(sameAuditRule('-w /etc/docker -k docker', '-w /etc/docker -p rwxa -k docker')).toBe(true);
    expect(sameAuditRule('-w /etc/docker -k docker', '-w /etc/docker -k other')).toBe(false);
    expect(sameAuditRule('-w /etc/docker -k docker', '-w /etc/docker/daemon.json -k docker')).toBe(false);
  });

  it('keeps arch and syscall filters in the canonical text', () => {
    const rule = parseAuditRule('-a exit,always -F arch=b64 -S openat -F path=/x -k k')!;
    expect(canonicalAuditRule(rule)).toBe('-a always,exit -F arch=b64 -S openat -F path=/x -k k');
  });
});
