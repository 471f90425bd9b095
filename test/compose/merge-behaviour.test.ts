// What docker-compose 1.29 (Debian's, the one that runs here) really does with an override file,
// checked with its own `config`. The placement rules in src/compose/ rely on each of these: an
// override can add list entries and replace non-empty scalars, replaces volumes by target, but
// cannot take a capability, a port binding or a host namespace away, and knows no !override tag.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { findExecutable } from '../support/private-engine.js';

const dir = mkdtempSync(path.join(tmpdir(), 'dh-compose-merge-'));
let n = 0;

/** The merged service `s` of base + override, or the error docker-compose prints. */
function merged(base: string, override: string): { service?: Record<string, any>; error?: string } {
  const sub = path.join(dir, String(n++));
  execFileSync('mkdir', ['-p', sub]);
  writeFileSync(path.join(sub, 'base.yml'), `services:\n  s:\n    image: local/busybox:1\n${base}`);
  writeFileSync(path.join(sub, 'override.yml'), `services:\n  s:\n${override}`);
  try {
    const out = execFileSync('docker-compose', ['-f', 'base.yml', '-f', 'override.yml', 'config'], { cwd: sub, encoding: 'utf8', stdio: 'pipe' });
    return { service: parseDocument(out).toJS().services.s };
  } catch (err) {
    return { error: String((err as { stderr?: string }).stderr ?? err) };
  }
}

describe.skipIf(!findExecutable('docker-compose'))('docker-compose 1.29 merging an override', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps a base cap_add ALL next to an override cap_drop ALL: capabilities are united, never removed', () => {
    const { service } = merged('    cap_add: [ALL, NET_ADMIN]\n', '    cap_drop: [ALL]\n    cap_add: [NET_BIND_SERVICE]\n');
    expect(service!.cap_add).toEqual(['ALL', 'NET_ADMIN', 'NET_BIND_SERVICE']);
    expect(service!.cap_drop).toEqual(['ALL']);
  });

  it('publishes both bindings when the override names another host IP for the same port', () => {
    const { service } = merged('    ports:\n      - "8080:80"\n', '    ports:\n      - "127.0.0.1:8080:80"\n');
    expect(service!.ports).toEqual([{ published: 8080, target: 80 }, '127.0.0.1:8080:80/tcp']);
  });

  it('replaces a volume with the same target, in short and long syntax', () => {
    const short = merged('    volumes:\n      - /etc:/host-etc\n      - ./data:/data\n', '    volumes:\n      - /etc:/host-etc:ro\n');
    expect(short.service!.volumes).toEqual([`${dir}/${n - 1}/data:/data:rw`, '/etc:/host-etc:ro']);
    const long = merged(
      '    volumes:\n      - type: bind\n        source: /etc/localtime\n        target: /etc/localtime\n',
      '    volumes:\n      - type: bind\n        source: /etc/localtime\n        target: /etc/localtime\n        read_only: true\n',
    );
    expect(long.service!.volumes).toEqual([{ type: 'bind', source: '/etc/localtime', target: '/etc/localtime', read_only: true }]);
  });

  it('cannot unset network_mode or pid: null is refused, the base value stays otherwise', () => {
    expect(merged('    network_mode: host\n', '    network_mode: null\n').error).toMatch(/network_mode contains an invalid type/);
    expect(merged('    pid: host\n', '    read_only: true\n').service!.pid).toBe('host');
  });

  it('replaces true with false and a restart policy with another', () => {
    const { service } = merged('    privileged: true\n    restart: always\n', '    privileged: false\n    restart: on-failure:5\n');
    expect([service!.privileged, service!.restart]).toEqual([false, 'on-failure:5']);
  });

  it('unites security options by value, so a contradicting base entry stays', () => {
    const { service } = merged('    security_opt: [seccomp:unconfined, "no-new-privileges:false"]\n', '    security_opt: ["no-new-privileges:true"]\n');
    expect(service!.security_opt).toEqual(expect.arrayContaining(['seccomp:unconfined', 'no-new-privileges:false', 'no-new-privileges:true']));
  });

  it('knows neither !override nor !reset', () => {
    expect(merged('    cap_add: [ALL]\n', '    cap_add: !override [NET_BIND_SERVICE]\n').error).toMatch(
      /could not determine a constructor for the tag '!override'/,
    );
    expect(merged('    pid: host\n', '    pid: !reset null\n').error).toMatch(/could not determine a constructor for the tag '!reset'/);
  });

  it('rejects host_ip in long-syntax ports and pids under deploy limits, and merges deploy limits key by key', () => {
    expect(
      merged(
        '    ports:\n      - target: 80\n        published: 8080\n',
        '    ports:\n      - target: 80\n        published: 8080\n        host_ip: 127.0.0.1\n',
      ).error,
    ).toMatch(/unsupported option: 'host_ip'/);
    expect(merged('    deploy: {resources: {limits: {cpus: "0.5"}}}\n', '    deploy: {resources: {limits: {pids: 100}}}\n').error).toMatch(/pids/);
    const { service } = merged('    deploy: {resources: {limits: {cpus: "0.5"}}}\n', '    deploy: {resources: {limits: {memory: 512m}}}\n');
    expect(service!.deploy.resources.limits).toEqual({ cpus: 0.5, memory: '512m' });
  });

  it('adds tmpfs entries to a base tmpfs string', () => {
    expect(merged('    tmpfs: /cache\n', '    tmpfs: [/tmp, /run]\n').service!.tmpfs).toEqual(['/cache', '/tmp', '/run']);
  });
});
