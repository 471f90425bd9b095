// The strict plan must fit the daemon it is for: nothing for a daemon that cannot be told apart,
// ulimits within its own hard limits, and no setting whose host prerequisites are missing.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { HostFacts } from '../../src/facts/host-facts.js';
import { buildPlan } from '../../src/plan/build-plan.js';
import { planBlockers, type Plan } from '../../src/plan-model/plan.js';
import { loadProfile, type ResolvedProfile } from '../../src/profiles/index.js';
import { rulesToRemediate } from '../../src/services/plan-source.js';
import { hostFile } from '../e2e/support/hosts.js';
import { guardKey } from '../../src/artifacts/daemon-json-guards.js';
import { engineVersion } from '../../src/artifacts/engine-version.js';
import { effectiveConfig } from '../../src/facts/effective-config.js';

let strict: ResolvedProfile;
beforeAll(async () => {
  strict = await loadProfile('strict');
});

/** Debian's docker.io 20.10 host (pid 731, -H fd://), changed by `edit`. */
function host(edit: (f: HostFacts) => void = () => {}): HostFacts {
  const facts = JSON.parse(readFileSync(hostFile('docker-20-10'), 'utf8')) as HostFacts;
  edit(facts);
  return facts;
}

const plan = (facts: HostFacts, params: Partial<ResolvedProfile['params']> = {}): Plan =>
  buildPlan({ facts, rules: rulesToRemediate(strict), params: { ...strict.params, ...params }, profileName: 'strict' });
const daemonJson = (p: Plan) => JSON.parse(p.files.find((f) => f.artifact === 'daemon-json')?.after ?? 'null');
const NO_SYS_RESOURCE = '000001fffeffffff';
const ALL_CAPS = '000001ffffffffff';

describe('a daemon that cannot be told apart', () => {
  const ambiguous = (f: HostFacts) => {
    f.dockerd = null;
    f.daemonIdentity = {
      status: 'ambiguous',
      reason: 'None of the 2 dockerd processes (pids 731, 900) holds a socket listening on unix:///var/run/docker.sock.',
    };
    f.probes.dockerdProcess = { status: 'error', message: f.daemonIdentity.reason };
    f.probes.daemonJson = { status: 'error', message: `not read: ${f.daemonIdentity.reason}` };
  };

  // A group-writable unit file: CIS 3.1/3.2 want its mode fixed, on the daemon's own file.
  const loose = (f: HostFacts) => {
    f.files['/lib/systemd/system/docker.service'] = { ...f.files['/lib/systemd/system/docker.service'], mode: 0o664 };
  };

  it('gets no daemon.json, no drop-in and no audit watch on its files, and the plan says why in one blocking sentence', () => {
    const identified = plan(host(loose));
    expect(identified.files.map((f) => f.path)).toContain('/etc/docker/daemon.json');
    expect(identified.files.find((f) => f.artifact === 'audit-rules')?.after).toContain('/etc/default/docker');

    const p = plan(
      host((f) => {
        loose(f);
        ambiguous(f);
      }),
    );
    expect(p.files.filter((f) => f.artifact === 'daemon-json' || f.artifact === 'systemd-dropin')).toEqual([]);
    const rules = p.files.find((f) => f.artifact === 'audit-rules')?.after ?? '';
    for (const daemonFile of ['/etc/docker/daemon.json', '/lib/systemd/system/docker.service', '/lib/systemd/system/docker.socket', '/etc/default/docker']) {
      expect(rules).not.toContain(`-w ${daemonFile} `);
    }
    // Watches that are not the daemon's own configuration stay (the binaries, /etc/docker).
    expect(rules).toContain('-w /usr/sbin/dockerd ');
    expect(p.steps.filter((s) => /restart|reload|HUP/.test(s.command.join(' ')))).toEqual([]);
    // Nor a chmod of them, nor advice naming a daemon.json that may be another daemon's.
    expect(identified.permissions.map((c) => c.path)).toContain('/lib/systemd/system/docker.service');
    expect(p.permissions.map((c) => c.path).filter((x) => /daemon\.json|docker\.(service|socket)$|default\/docker/.test(x))).toEqual([]);
    expect(p.manual.filter((n) => n.ruleId?.startsWith('2.'))).toEqual([]);
    expect(planBlockers(p)).toEqual([expect.objectContaining({ key: 'dockerd', blocking: true })]);
    expect(planBlockers(p)[0].text).toMatch(
      /^None of the 2 dockerd processes .*; so no daemon\.json, drop-in, audit watch or permission change on the daemon's files is planned \(rules [\d., ]+\) — pass --docker-host/,
    );
  });

  it('reads no flags from a unit that may belong to another daemon', () => {
    const p = plan(host(ambiguous));
    expect(JSON.stringify(p)).not.toContain('-H fd://');
  });
});

describe("default-ulimits within the daemon's own limits", () => {
  const limited =
    (nofile: number | null, caps: string, rootless = false) =>
    (f: HostFacts) => {
      f.dockerd = {
        ...f.dockerd!,
        limits: { nofile: { soft: nofile, hard: nofile }, nproc: { soft: 96367, hard: 96367 } },
        capabilities: { effective: caps, permitted: caps, bounding: caps },
        rootless,
        uid: rootless ? 1000 : 0,
      };
    };

  it('clamps nofile to a 20000 hard limit without CAP_SYS_RESOURCE, and says so with the figures', () => {
    const p = plan(host(limited(20000, NO_SYS_RESOURCE)));
    expect(daemonJson(p)['default-ulimits']).toEqual({
      nofile: { Name: 'nofile', Hard: 20000, Soft: 20000 },
      nproc: { Name: 'nproc', Hard: 8192, Soft: 4096 },
    });
    expect(p.warnings.map((w) => w.text).join('\n')).toContain(
      "default-ulimits nofile is 20000:20000, not the profile's 65536:65536: dockerd (pid 731) has a hard nofile limit of 20000 and lacks CAP_SYS_RESOURCE",
    );
  });

  it("keeps the profile's values where the daemon may raise limits, or has none", () => {
    expect(daemonJson(plan(host(limited(20000, ALL_CAPS))))['default-ulimits'].nofile.Hard).toBe(65536);
    expect(daemonJson(plan(host(limited(null, NO_SYS_RESOURCE))))['default-ulimits'].nofile.Hard).toBe(65536);
  });

  it('the daemon.json guard refuses any default-ulimits above the limit, whichever rule asks', () => {
    const facts = host(limited(20000, NO_SYS_RESOURCE));
    const ctx = { facts, version: engineVersion(facts), effective: effectiveConfig(facts) };
    expect(guardKey('default-ulimits', { nofile: { Name: 'nofile', Hard: 65536, Soft: 1024 } }, ctx)).toEqual({
      refuse:
        'default-ulimits nofile Hard 65536 is above what the daemon can grant: dockerd (pid 731) has a hard nofile limit of 20000 and lacks CAP_SYS_RESOURCE, so every container would fail to start ("error setting rlimit"); not written.',
    });
    expect(guardKey('default-ulimits', { nofile: { Name: 'nofile', Hard: 20000, Soft: 1024 } }, ctx)).toEqual({});
  });

  it('treats a rootless daemon as unable to raise limits, whatever its namespaced capabilities say', () => {
    const p = plan(host(limited(4096, ALL_CAPS, true)));
    expect(daemonJson(p)['default-ulimits'].nofile).toEqual({ Name: 'nofile', Hard: 4096, Soft: 4096 });
    expect(p.warnings.map((w) => w.text).join('\n')).toContain('runs rootless, where CAP_SYS_RESOURCE does not reach the host');
  });
});

describe('settings whose host prerequisites are missing', () => {
  const prerequisites = (over: Partial<NonNullable<HostFacts['daemonPrerequisites']>>) => (f: HostFacts) => {
    f.daemonPrerequisites = { subuid: [], subgid: [], brNetfilter: true, ...over };
  };

  it('refuses userns-remap for a user without subordinate ids, and keeps "default" (dockerd makes its own)', () => {
    const p = plan(host(prerequisites({ subuid: [{ owner: 'remap', name: 'remap', uid: 999, start: 100000, count: 65536 }] })), { usernsRemap: 'remap' });
    expect(daemonJson(p)['userns-remap']).toBeUndefined();
    expect(p.refused.map((r) => r.text)).toContain(
      'userns-remap "remap" needs subordinate ids for remap in /etc/subgid, which has none, so dockerd would refuse to start; not written — add a range (e.g. "remap:100000:65536") first.',
    );
    const byUid = plan(
      host(
        prerequisites({
          subuid: [{ owner: '999', name: 'remap', uid: 999, start: 1, count: 9 }],
          subgid: [{ owner: 'remap', name: 'remap', uid: 999, start: 1, count: 9 }],
        }),
      ),
      { usernsRemap: 'remap' },
    );
    expect(daemonJson(byUid)['userns-remap']).toBe('remap');
    expect(daemonJson(plan(host(prerequisites({}))))['userns-remap']).toBe('default');
  });

  it('refuses icc and userland-proxy false on Docker 28 without br_netfilter, and only there', () => {
    const docker28 = (f: HostFacts) => {
      f.engine!.version.Version = '28.3.3';
    };
    const p = plan(
      host((f) => {
        docker28(f);
        prerequisites({ brNetfilter: false })(f);
      }),
    );
    expect(daemonJson(p)).not.toHaveProperty('icc');
    expect(daemonJson(p)).not.toHaveProperty('userland-proxy');
    expect(p.refused.map((r) => r.text).join('\n')).toContain(
      'icc: false needs the br_netfilter kernel module on dockerd 28 and later, and it is not loaded here',
    );
    expect(
      daemonJson(
        plan(
          host((f) => {
            docker28(f);
            prerequisites({ brNetfilter: true })(f);
          }),
        ),
      ),
    ).toMatchObject({ icc: false, 'userland-proxy': false });
    expect(daemonJson(plan(host(prerequisites({ brNetfilter: false }))))).toMatchObject({ icc: false });
  });
});

describe("a rootless daemon's own daemon.json", () => {
  const config = '/home/ops/.config/docker/daemon.json';
  const rootless = (existing: boolean) => (f: HostFacts) => {
    f.dockerd = { ...f.dockerd!, uid: 1000, rootless: true };
    f.daemonJson = existing ? { path: config, raw: '{}\n', parsed: {} } : { path: config, raw: null, parsed: null };
    f.files[config] = existing ? { exists: true, type: 'file', mode: 0o600, uid: 1000, gid: 1001, owner: 'ops', group: 'ops' } : { exists: false };
  };

  it("stays the user's: an existing file keeps its uid and gid, a new one gets the daemon's uid", () => {
    const edited = plan(host(rootless(true))).files.find((f) => f.path === config)!;
    expect([edited.owner, edited.group, edited.mode]).toEqual(['1000', '1001', 0o600]);
    const created = plan(host(rootless(false))).files.find((f) => f.path === config)!;
    expect([created.kind, created.owner, created.group]).toEqual(['create', '1000', '1000']);
  });

  it('a rootful daemon.json stays root:root', () => {
    const f = plan(host()).files.find((x) => x.artifact === 'daemon-json')!;
    expect([f.owner, f.group]).toEqual(['root', 'root']);
  });
});
