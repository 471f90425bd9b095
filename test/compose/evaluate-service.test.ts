// The file evaluator judges a compose service the way the section-5 rules judge the container
// Compose makes from it: for each pair below (service definition, the HostConfig the engine
// reports for it), both yield the same compose-service contributions.
import { describe, expect, it } from 'vitest';
import { evaluateService } from '../../src/compose/evaluate-service.js';
import { collectContributions } from '../../src/plan/collect-contributions.js';
import { emptyFacts } from '../../src/facts/empty-facts.js';
import { section5Rules } from '../../src/rules/section5/index.js';
import { DEFAULT_PARAMS, type HardeningParams } from '../../src/rules/params.js';
import type { Tagged } from '../../src/rules/contribution.js';

const params: HardeningParams = { ...DEFAULT_PARAMS, capAddByImage: { busybox: ['CHOWN'] }, healthcheckByImage: { busybox: ['CMD', 'true'] } };
const selected = new Set(section5Rules.map((r) => r.id));

const CASES: [string, Record<string, unknown>, Record<string, unknown>][] = [
  [
    'everything host and privileged',
    {
      image: 'busybox:1',
      privileged: true,
      cap_add: ['ALL'],
      network_mode: 'host',
      pid: 'host',
      ipc: 'host',
      uts: 'host',
      userns_mode: 'host',
      restart: 'always',
    },
    {
      Privileged: true,
      CapAdd: ['ALL'],
      NetworkMode: 'host',
      PidMode: 'host',
      IpcMode: 'host',
      UTSMode: 'host',
      UsernsMode: 'host',
      RestartPolicy: { Name: 'always', MaximumRetryCount: 0 },
    },
  ],
  [
    'extra capability, long retries, no-new-privileges switched off',
    {
      image: 'busybox:1',
      cap_add: ['NET_ADMIN'],
      restart: 'on-failure:10',
      security_opt: ['no-new-privileges:false'],
      mem_limit: '1g',
      read_only: true,
      cpu_shares: 1024,
    },
    {
      CapAdd: ['NET_ADMIN'],
      RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 10 },
      SecurityOpt: ['no-new-privileges:false'],
      Memory: 1 << 30,
      ReadonlyRootfs: true,
      CpuShares: 1024,
      NetworkMode: 'p_default',
    },
  ],
  [
    'already hardened',
    {
      image: 'busybox:1',
      cap_drop: ['ALL'],
      read_only: true,
      mem_limit: '512m',
      cpu_shares: 512,
      pids_limit: 100,
      restart: 'no',
      security_opt: ['no-new-privileges:true'],
      healthcheck: { test: ['CMD', 'true'] },
    },
    {
      CapDrop: ['ALL'],
      ReadonlyRootfs: true,
      Memory: 512 << 20,
      CpuShares: 512,
      PidsLimit: 100,
      RestartPolicy: { Name: 'no', MaximumRetryCount: 0 },
      SecurityOpt: ['no-new-privileges:true'],
      NetworkMode: 'p_default',
    },
  ],
  [
    'default bridge and unlimited on-failure',
    { image: 'busybox:1', network_mode: 'bridge', restart: 'on-failure' },
    { NetworkMode: 'bridge', RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 0 } },
  ],
];

const describeContribution = (c: Tagged) => (c.kind === 'compose-service' ? `${c.ruleId} ${c.key} ${JSON.stringify(c.value)}` : `${c.ruleId} ${c.kind}`);

describe('evaluateService matches the rules', () => {
  it.each(CASES)('%s', (name, service, hostConfig) => {
    const healthcheck = (service.healthcheck as { test?: string[] } | undefined)?.test;
    const facts = emptyFacts({
      engine: {
        host: 'unix:///run/docker.sock',
        version: {},
        info: { SecurityOptions: ['name=seccomp,profile=default'] },
        images: [],
        networks: [],
        containers: [
          {
            Name: '/p_s_1',
            State: { Running: true },
            Config: {
              Image: 'busybox:1',
              Labels: { 'com.docker.compose.project': 'p', 'com.docker.compose.service': 's' },
              ...(healthcheck ? { Healthcheck: { Test: healthcheck } } : {}),
            },
            HostConfig: hostConfig,
          },
        ],
      },
    });
    const fromRules = collectContributions(facts, section5Rules, params).contributions.filter((c) => c.kind === 'compose-service');
    const fromYaml = evaluateService({ project: 'p', service: 's', def: service, facts, params, selected, projectDir: '/srv/p' }).filter(
      (c) => c.kind === 'compose-service',
    );
    expect(fromYaml.map(describeContribution).sort()).toEqual(fromRules.map(describeContribution).sort());
    // Only the hardened service gives nothing to compare: every other case must exercise the rules.
    expect(fromRules.length === 0).toBe(name === 'already hardened');
  });

  it('advises where the rule advises and the YAML allows no mechanical fix', () => {
    const def = { image: 'x', devices: ['/dev/sda:/dev/sda'], ports: ['80:80'], volumes: ['/run:/host-run'] };
    const out = evaluateService({ project: 'p', service: 's', def, facts: emptyFacts(), params, selected, projectDir: '/srv/p' });
    expect(out.filter((c) => c.kind === 'manual').map((c) => c.ruleId)).toEqual(['5.8', '5.18', '5.27', '5.32']);
  });

  it('judges only the selected items', () => {
    const out = evaluateService({
      project: 'p',
      service: 's',
      def: { image: 'x', privileged: true },
      facts: emptyFacts(),
      params,
      selected: new Set(['5.5']),
      projectDir: null,
    });
    expect(out.map(describeContribution)).toEqual(['5.5 privileged false']);
  });

  it('leaves the seccomp advice for a privileged service to 5.4/5.5 where they are selected', () => {
    const run = (ids: string[]) =>
      evaluateService({
        project: 'p',
        service: 's',
        def: { image: 'x', privileged: true },
        facts: emptyFacts(),
        params,
        selected: new Set(ids),
        projectDir: null,
      })
        .filter((c) => c.kind === 'manual')
        .map((c) => c.ruleId);
    expect(run(['5.22'])).toEqual(['5.22']);
    expect(run(['5.5', '5.22'])).toEqual([]);
  });

  it('names NET_BIND_SERVICE in the 5.4 warning where the override keeps it, and says no capabilities otherwise', () => {
    const impact = (lowPortReason: string | null) =>
      evaluateService({
        project: 'p',
        service: 's',
        def: { image: 'x' },
        facts: emptyFacts(),
        params,
        selected: new Set(['5.4']),
        projectDir: null,
        lowPortReason,
      }).find((c) => c.ruleId === '5.4')?.impact;
    expect(impact(null)).toBe('Service p/s keeps no capabilities; chown, setuid or binding ports below 1024 as root fail unless listed in capAddByImage.');
    expect(impact('it listens on container port 80 (from its ports)')).toBe(
      'Service p/s keeps only NET_BIND_SERVICE; chown or setuid as root fail unless listed in capAddByImage.',
    );
  });
});
