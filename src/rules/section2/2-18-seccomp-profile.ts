// CIS 2.18: a seccomp profile applies daemon-wide. Docker's builtin profile is a sound default and
// passes; "unconfined" (or a kernel without seccomp) fails. A custom profile is site work.
import type { HostFacts } from '../../facts/host-facts.js';
import { engineInfo, liveReading, readOption, securityOptions, type Reading } from './support.js';
import { manual } from './remedy.js';
import { daemonSettingRule } from './setting-rule.js';

const UNAVAILABLE = 'no seccomp support';

/** "default" (Engine 20.10 info) and an empty value both mean the builtin profile. */
const normal = (v: unknown) => (v === '' || v === 'default' || v === undefined ? 'builtin' : String(v));

function configured(facts: HostFacts): Reading | undefined {
  const r = readOption(facts, 'seccomp-profile');
  return r && { ...r, value: normal(r.value) };
}

function live(facts: HostFacts): Reading | undefined {
  const opts = securityOptions(engineInfo(facts));
  if (!opts) return undefined;
  const entry = opts.find((o) => o.split(',').includes('name=seccomp'));
  if (!entry) return liveReading(UNAVAILABLE, `docker info: SecurityOptions ${JSON.stringify(opts)} has no "name=seccomp" entry`);
  const profile = entry
    .split(',')
    .find((p) => p.startsWith('profile='))
    ?.slice('profile='.length);
  return liveReading(normal(profile), `docker info: SecurityOptions contains ${JSON.stringify(entry)}`);
}

export const seccompProfileRule = daemonSettingRule(
  {
    id: '2.18',
    aliases: { '1.7.0': '2.17', '1.6.0': '2.17' },
    title: 'Ensure that a daemon-wide custom seccomp profile is applied if appropriate',
    level: 2,
    automated: false,
    severity: 'high',
    rationale:
      'seccomp limits which of the ~300 Linux syscalls a container may make; without it every kernel syscall bug is reachable from inside a container.',
    impact: 'A stricter custom profile breaks workloads that need the syscalls it removes; "unconfined" removes the protection for every container.',
    remediation:
      'Keep Docker\'s builtin seccomp profile (do not set "seccomp-profile": "unconfined"); where a stricter profile is appropriate, write and test one, install it (e.g. /etc/docker/seccomp.json), set "seccomp-profile" to its path and restart dockerd.',
    references: ['https://docs.docker.com/engine/security/seccomp/', 'CIS Docker Benchmark v1.8.0, 2.18'],
  },
  {
    key: 'seccomp-profile',
    subject: 'the seccomp profile',
    configured,
    live,
    ok: (v) => normal(v) !== 'unconfined' && v !== UNAVAILABLE,
    show: (v) => (v === UNAVAILABLE ? 'no seccomp support' : `seccomp profile ${JSON.stringify(v)}`),
    pass: (r) =>
      r.value === 'builtin'
        ? `Containers get Docker's builtin seccomp profile (${r.where}); a custom daemon-wide profile is optional and only worth it with a reviewed syscall list`
        : `Containers get the custom seccomp profile ${JSON.stringify(r.value)} (${r.where})`,
    fail: (r) =>
      r.value === UNAVAILABLE
        ? `The engine reports no seccomp support (${r.where}), so containers run without any syscall filter`
        : `The daemon-wide seccomp profile is "unconfined" (${r.where}), so containers run without any syscall filter`,
    fix: (_r, _facts, params) =>
      params.seccompProfile
        ? [
            {
              kind: 'daemon-json-set',
              key: 'seccomp-profile',
              value: params.seccompProfile,
              impact: `dockerd refuses to start if ${params.seccompProfile} is missing or invalid, and containers making syscalls the profile denies get EPERM.`,
            },
          ]
        : [
            {
              kind: 'daemon-json-remove',
              key: 'seccomp-profile',
              reason: "without it containers get Docker's builtin seccomp profile instead of no filter",
              impact:
                'Containers that need syscalls the builtin profile blocks (some debuggers, nested containers) must opt out with --security-opt seccomp=unconfined or a custom profile.',
            },
          ],
    // No daemon.json value brings back a filter the kernel or dockerd build cannot provide.
    remedy: (facts, _params, usual) =>
      live(facts)?.value === UNAVAILABLE
        ? [manual('The kernel or dockerd build has no seccomp support; run Docker on a kernel with CONFIG_SECCOMP and a dockerd built with seccomp.')]
        : usual(),
  },
);
