import { describe, expect, it } from 'vitest';
import { emptyFacts } from '../../facts/empty-facts.js';
import { DEFAULT_PARAMS } from '../params.js';
import type { CheckResult, Rule } from '../rule.js';
import { loadFacts, ruleFixtures } from '../../../test/support/fixtures.js';
import { section2Rules } from './index.js';
import { daemonFacts } from './testing/daemon-facts.js';

const rule = (id: string): Rule => section2Rules.find((r) => r.id === id)!;
const statuses = (results: CheckResult[]) => results.map((r) => r.status);

describe('section 2 fixtures', () => {
  it('lists the 19 rules in id order', () => {
    expect(section2Rules.map((r) => r.id)).toEqual(Array.from({ length: 19 }, (_, i) => `2.${i + 1}`));
  });

  it('gives every result one sentence and evidence on every fixture', () => {
    for (const r of section2Rules) {
      const { pass, fail } = ruleFixtures(r.id);
      for (const file of [...pass, ...fail]) {
        for (const res of r.check(loadFacts(file))) {
          expect(res.message, `${r.id} ${file}`).toMatch(/^[A-Z"a-z].*\.$/);
          expect(res.evidence.length, `${r.id} ${file}`).toBeGreaterThan(0);
        }
      }
    }
  });
});

describe('2.3 log level', () => {
  const cases: [string, string[] | undefined, Record<string, unknown>, string][] = [
    ['--log-level=debug', ['-H', 'fd://', '--log-level=debug'], {}, '--log-level=debug'],
    ['--log-level debug', ['-H', 'fd://', '--log-level', 'debug'], {}, '--log-level debug'],
    ['-l debug', ['-l', 'debug', '-H', 'fd://'], {}, '-l debug'],
    ['-D', ['-D'], {}, '-D'],
    ['--debug', ['--debug'], {}, '--debug'],
    ['daemon.json "log-level": "debug"', ['-H', 'fd://'], { 'log-level': 'debug' }, '"log-level": "debug"'],
  ];
  for (const [name, argv, file, shown] of cases) {
    it(`fails on ${name} and names it in the evidence`, () => {
      const [res] = rule('2.3').check(daemonFacts({ file, argv }));
      expect(res.status).toBe('fail');
      expect(res.evidence.map((e) => e.detail).join('\n')).toContain(shown);
    });
  }

  it('passes on the default level and on "info"', () => {
    expect(statuses(rule('2.3').check(daemonFacts({ argv: ['-H', 'fd://'] })))).toEqual(['pass']);
    expect(statuses(rule('2.3').check(daemonFacts({ file: { 'log-level': 'info' }, argv: [] })))).toEqual(['pass']);
  });
});

describe('2.8 TLS', () => {
  const certs = { tlscacert: '/etc/docker/ca.pem', tlscert: '/etc/docker/cert.pem', tlskey: '/etc/docker/key.pem' };
  it('passes a tcp host with "tlsverify": true and certificates in daemon.json', () => {
    const [res] = rule('2.8').check(daemonFacts({ file: { tlsverify: true, ...certs }, argv: ['-H', 'tcp://0.0.0.0:2376'] }));
    expect(res.status).toBe('pass');
    expect(res.evidence.map((e) => e.detail).join('\n')).toContain('"tlsverify": true');
  });

  it('fails a tcp host without TLS, a tls-only host and tlsverify without certificates', () => {
    expect(statuses(rule('2.8').check(daemonFacts({ argv: ['-H', 'tcp://0.0.0.0:2375'] })))).toEqual(['fail']);
    expect(rule('2.8').check(daemonFacts({ file: { tls: true, ...certs }, argv: ['-H=0.0.0.0:2376'] }))[0].message).toContain('without tlsverify');
    expect(rule('2.8').check(daemonFacts({ file: { tlsverify: true }, argv: ['-H', 'tcp://:2376'] }))[0].message).toContain('tlscacert, tlscert, tlskey');
  });

  it('passes unix and fd sockets only, as not exposed', () => {
    const [res] = rule('2.8').check(daemonFacts({ argv: ['-H', 'fd://', '-H', 'unix:///var/run/docker.sock'] }));
    expect(res.status).toBe('pass');
    expect(res.message).toContain('not exposed');
  });
});

describe('daemon.json that dockerd would refuse', () => {
  const broken = emptyFacts({
    probes: { daemonJson: { status: 'ok' } },
    daemonJson: {
      path: '/etc/docker/daemon.json',
      raw: '{\n  "icc": false,\n}\n',
      parsed: null,
      parseError: { line: 3, column: 1, message: 'Unexpected token }' },
    },
  });

  it('fails every daemon-configuration rule with the line number, and never 2.1', () => {
    for (const r of section2Rules.filter((x) => x.id !== '2.1')) {
      const results = r.check(broken);
      expect(results, r.id).toHaveLength(1);
      expect(results[0].status, r.id).toBe('fail');
      expect(results[0].message, r.id).toContain('daemon.json does not parse (line 3: Unexpected token })');
      expect(
        r.remediate?.(broken, DEFAULT_PARAMS).map((c) => c.kind),
        r.id,
      ).toEqual(['manual']);
    }
    expect(statuses(rule('2.1').check(broken))).not.toContain('fail');
  });

  it('reports a key given both as a flag and in daemon.json', () => {
    const facts = daemonFacts({ file: { 'live-restore': true }, argv: ['-H', 'fd://', '--live-restore'] });
    const [res] = rule('2.16').check(facts);
    expect(res.status).toBe('fail');
    expect(res.message).toContain('both as a dockerd flag and in daemon.json');
    expect(res.evidence.map((e) => e.kind)).toEqual(['flag', 'daemon.json']);
    expect(res.evidence[0].detail).toContain('--live-restore');
    const [advice] = rule('2.16').remediate!(facts, DEFAULT_PARAMS);
    expect(advice).toMatchObject({ kind: 'manual' });
    // Other rules are not blamed for a conflict on a key they do not read.
    expect(statuses(rule('2.15').check(facts))).toEqual(['fail']);
    expect(rule('2.15').check(facts)[0].message).not.toContain('both as');
  });

  it('fails a value of the wrong JSON type', () => {
    const [res] = rule('2.2').check(daemonFacts({ file: { icc: 'false' }, argv: [] }));
    expect(res.status).toBe('fail');
    expect(res.message).toContain('is a string ("false") where dockerd expects a boolean');
  });
});

describe('2.5 insecure registries', () => {
  it('fails --insecure-registry=10.0.0.1:5000', () => {
    const [res] = rule('2.5').check(daemonFacts({ argv: ['-H', 'fd://', '--insecure-registry=10.0.0.1:5000'] }));
    expect(res.status).toBe('fail');
    expect(res.message).toContain('10.0.0.1:5000');
    expect(res.evidence[0].detail).toContain('--insecure-registry=10.0.0.1:5000');
  });

  it('passes the built-in 127.0.0.0/8 the engine always reports', () => {
    const info = {
      RegistryConfig: { InsecureRegistryCIDRs: ['127.0.0.0/8'], IndexConfigs: { 'docker.io': { Name: 'docker.io', Secure: true, Official: true } } },
    };
    const [res] = rule('2.5').check(daemonFacts({ argv: ['-H', 'fd://'], info }));
    expect(res.status).toBe('pass');
    expect(res.evidence[0].detail).toContain('127.0.0.0/8');
  });
});
