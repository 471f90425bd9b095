import { describe, expect, it } from 'vitest';
import { UserError } from '../core/errors.js';
import { parseProfileText } from './parse-profile.js';

function errorOf(text: string, display = 'site.yaml'): string {
  try {
    parseProfileText(text, display);
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as Error).message;
  }
  throw new Error('expected the profile to be rejected');
}

describe('profile validation messages: file, line, path, expectation', () => {
  it.each([
    [
      'unknown key at the top level',
      'name: site\nparms:\n  pidsLimit: 5\n',
      'site.yaml line 2: unknown key "parms" at the top level (expected one of name, description, extends, select, params, waivers)',
    ],
    [
      'unknown key in select',
      'name: site\nselect:\n  level: [1]\n',
      'site.yaml line 3: unknown key "level" in select (expected one of sections, levels, include, exclude)',
    ],
    [
      'unknown key in a waiver',
      'name: site\nwaivers:\n  - id: "5.10"\n    reason: agent\n    until: 2027-01-01\n',
      'site.yaml line 5: unknown key "until" in waivers[0] (expected one of id, reason, expires)',
    ],
    [
      'unknown ulimit name',
      'name: site\nparams:\n  defaultUlimits:\n    nofiles: { soft: 1, hard: 2 }\n',
      'site.yaml line 4: unknown key "nofiles" in params.defaultUlimits (expected one of core, cpu, data, fsize, locks, memlock, msgqueue, nice, nofile, nproc, rss, rtprio, rttime, sigpending, stack)',
    ],
    [
      'integer param given a word',
      'name: site\ndescription: x\nparams:\n  pidsLimit: many\n',
      'site.yaml line 4: params.pidsLimit must be an integer (got "many")',
    ],
    ['boolean param given a string', 'name: site\nparams:\n  contentTrust: "yes"\n', 'site.yaml line 3: params.contentTrust must be true or false (got "yes")'],
    [
      'string param that dockerd needs quoted',
      'name: site\nparams:\n  logMaxFile: 3\n',
      'site.yaml line 3: params.logMaxFile must be a positive whole number in quotes, such as "3" (got 3)',
    ],
    ['nullable param', 'name: site\nparams:\n  seccompProfile: [a]\n', 'site.yaml line 3: params.seccompProfile must be a string or null (got a list)'],
    [
      'pattern with its own expectation',
      'name: site\nparams:\n  logMaxSize: 10 MB\n',
      'site.yaml line 3: params.logMaxSize must be a size such as "10m" (got "10 MB")',
    ],
    ['below minimum', 'name: site\nparams:\n  cpuShares: 1\n', 'site.yaml line 3: params.cpuShares must be at least 2 (got 1)'],
    [
      'map keyed by image prefix',
      'name: site\nparams:\n  capAddByImage:\n    docker.io/nginx: [net_bind_service]\n',
      'site.yaml line 4: params.capAddByImage["docker.io/nginx"][0] must be a capability name in capitals without CAP_, such as "NET_BIND_SERVICE" (got "net_bind_service")',
    ],
    [
      'ulimit missing its hard limit',
      'name: site\nparams:\n  defaultUlimits:\n    nofile: { soft: 1024 }\n',
      'site.yaml line 4: params.defaultUlimits.nofile is missing the required key "hard"',
    ],
    [
      'soft above hard',
      'name: site\nparams:\n  defaultUlimits:\n    nofile: { soft: 4096, hard: 1024 }\n',
      'site.yaml line 4: params.defaultUlimits.nofile.soft must not exceed the hard limit (got 4096 > 1024)',
    ],
    ['level out of range', 'name: site\nselect:\n  levels: [1, 3]\n', 'site.yaml line 3: select.levels[1] must be one of 1, 2 (got 3)'],
    ['section listed twice', 'name: site\nselect:\n  sections: [2, 2]\n', 'site.yaml line 3: select.sections lists 2 twice'],
    ['select as a list', 'name: site\nselect: [1]\n', 'site.yaml line 2: select must be a mapping (got a list)'],
    ['missing name', 'description: no name\n', 'site.yaml line 1: the profile is missing the required key "name"'],
    ['waiver without a reason', 'name: site\nwaivers:\n  - id: "5.10"\n', 'site.yaml line 3: waivers[0] is missing the required key "reason"'],
    ['a list instead of a mapping', '- name: site\n', 'site.yaml line 1: the profile must be a mapping (got a list)'],
  ])('%s', (_case, text, message) => {
    expect(errorOf(text)).toBe(message);
  });

  it('rejects ids that are no CIS Docker Benchmark rule, wherever they appear', () => {
    expect(errorOf('name: site\nselect:\n  include: ["2.10", "9.9"]\n')).toBe(
      'site.yaml line 3: select.include[1] "9.9" is not a CIS Docker Benchmark rule id',
    );
    expect(errorOf('name: site\nselect:\n  exclude:\n    - "2.3"\n    - "2.99"\n')).toBe(
      'site.yaml line 5: select.exclude[1] "2.99" is not a CIS Docker Benchmark rule id',
    );
    expect(errorOf('name: site\nselect:\n  include: [icc]\n')).toBe('site.yaml line 3: select.include[0] "icc" is not a CIS Docker Benchmark rule id');
    expect(errorOf('name: site\nwaivers:\n  - id: "5.33"\n    reason: r\n')).toBe(
      'site.yaml line 3: waivers[0].id "5.33" is not a CIS Docker Benchmark rule id',
    );
    // 2.19 exists in v1.8.0 only: v1.7.0 stops at 2.18.
    expect(errorOf('name: site\nselect:\n  include: ["1.7.0:2.19"]\n')).toBe(
      'site.yaml line 3: select.include[0] "1.7.0:2.19" is not a CIS Docker Benchmark rule id',
    );
    expect(errorOf('name: site\nselect:\n  include: ["1.5.0:2.3"]\n')).toBe(
      'site.yaml line 3: select.include[0] "1.5.0:2.3" is not a CIS Docker Benchmark rule id',
    );
  });

  it('reports YAML syntax errors with their line', () => {
    expect(errorOf('name: site\nselect:\n  include: ["2.3"\nparams: {}\n')).toMatch(/^site\.yaml line \d: YAML syntax error: \S.*$/);
    expect(errorOf('name: site\nname: other\n')).toBe('site.yaml line 2: YAML syntax error: Map keys must be unique');
  });

  it('rejects an empty file and dates that are not days', () => {
    expect(errorOf('# nothing\n')).toBe('site.yaml: the profile is empty (expected a mapping with at least a name)');
    expect(errorOf('name: site\nwaivers:\n  - id: "5.10"\n    reason: r\n    expires: 2027-02-30\n')).toBe(
      'site.yaml line 5: waivers[0].expires must be a date written YYYY-MM-DD (got "2027-02-30")',
    );
    expect(errorOf('name: site\nwaivers:\n  - id: "5.10"\n    reason: r\n    expires: 30/06/2027\n')).toBe(
      'site.yaml line 5: waivers[0].expires must be a date written YYYY-MM-DD (got "30/06/2027")',
    );
  });

  it('rejects two waivers for one rule, also when one uses the v1.7 id', () => {
    expect(errorOf('name: site\nwaivers:\n  - { id: "2.15", reason: a }\n  - { id: "1.7.0:2.14", reason: b }\n')).toBe(
      'site.yaml line 4: waivers[1].id "1.7.0:2.14" waives the same rule as waivers[0]',
    );
  });
});

describe('valid profiles', () => {
  it('keeps an unquoted date as the date string and turns every rule id into its v1.8.0 id', () => {
    const { profile } = parseProfileText(
      [
        'name: site',
        'select:',
        '  include: ["2.10", "v1.7:2.14"]',
        '  exclude: ["1.6.0:2.15"]',
        'waivers:',
        '  - id: "1.7.0:2.9"',
        '    reason: rootful build hosts',
        '    expires: 2027-06-30',
      ].join('\n'),
      'site.yaml',
    );
    expect(profile.select).toEqual({ include: ['2.10', '2.15'], exclude: ['2.16'] });
    expect(profile.waivers).toEqual([{ id: '2.10', reason: 'rootful build hosts', expires: '2027-06-30' }]);
  });

  it('accepts null to remove an inherited by-name entry', () => {
    const { profile } = parseProfileText('name: site\nparams:\n  defaultUlimits:\n    nproc: null\n', 'site.yaml');
    expect(profile.params).toEqual({ defaultUlimits: { nproc: null } });
  });
});
