// The fleet reports from per-host audits made with the sample rules: rows, the rules failing on
// the most hosts, the verdict --fail-on gives, and the host carried by every JSON and SARIF result.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { runAudit } from '../../src/audit/run-audit.js';
import { sampleFacts, sampleRules } from '../../src/audit/testing/sample-rules.js';
import type { FleetHost } from '../../src/fleet/fleet-host.js';
import { fleetVerdict, hostRows, mostFailing, verdictSentence } from '../../src/fleet/fleet-summary.js';
import { toFleetJson } from '../../src/fleet/format-fleet-json.js';
import { toFleetSarif } from '../../src/fleet/format-fleet-sarif.js';
import { formatFleetTable } from '../../src/fleet/format-fleet-table.js';
import { fleetFormat } from '../../src/fleet/fleet-format.js';

const NOW = new Date('2025-06-15T00:00:00Z');

function clean() {
  const facts = sampleFacts();
  facts.daemonJson.parsed = { 'log-level': 'info' };
  facts.engine!.containers = [{ Name: '/db', HostConfig: { Privileged: false } }];
  return facts;
}
function noRegistryButPrivileged() {
  const facts = sampleFacts();
  facts.daemonJson.parsed = {};
  return facts;
}

const hosts: FleetHost[] = [
  { host: 'web1', target: 'ssh://root@10.0.0.1', report: runAudit(sampleFacts(), sampleRules, { now: NOW }) },
  { host: 'db1', target: 'ssh://root@10.0.0.2', report: runAudit(clean(), sampleRules, { now: NOW }) },
  {
    host: 'gone',
    target: 'ssh://root@10.0.0.9',
    failure: { reason: 'unreachable', message: 'ssh://root@10.0.0.9 cannot be reached over SSH (connection refused).' },
  },
  { host: 'web2', target: 'ssh://root@10.0.0.3:2222', report: runAudit(noRegistryButPrivileged(), sampleRules, { now: NOW }) },
];

describe('fleet audit reports', () => {
  it('has one row per host: counts and worst failing severity, or why it was not audited', () => {
    const rows = hostRows(hosts);
    expect(rows.map((r) => [r.host, r.reachable, r.counts?.fail, r.worstFailing])).toEqual([
      ['web1', true, 2, 'critical'],
      ['db1', true, 0, null],
      ['gone', false, undefined, undefined],
      ['web2', true, 1, 'critical'],
    ]);
    expect(rows[2].failure?.reason).toBe('unreachable');
  });

  it('lists the rules failing on the most hosts first, with the hosts named', () => {
    expect(mostFailing(hosts).map((f) => [f.id, f.hosts])).toEqual([
      ['5.5', ['web1', 'web2']],
      ['2.5', ['web1']],
    ]);
  });

  it('fails the run over --fail-on on any host, and on a host not audited unless that is allowed', () => {
    expect(fleetVerdict(hosts, 'critical', false)).toEqual({ failing: ['web1', 'web2'], unaudited: ['gone'] });
    expect(fleetVerdict(hosts, 'none', false)).toEqual({ failing: [], unaudited: ['gone'] });
    expect(fleetVerdict(hosts, 'none', true)).toEqual({ failing: [], unaudited: [] });
    const onlyAudited = hosts.filter((h) => h.host !== 'gone');
    // 2.5 is high: web1 fails at high; no host has a failure that is only medium or low.
    expect(fleetVerdict(onlyAudited, 'high', false).failing).toEqual(['web1', 'web2']);
    expect(verdictSentence(fleetVerdict(hosts, 'critical', false), 'critical')).toBe(
      '2 hosts failing at or above severity critical (web1, web2); 1 host not audited (gone).',
    );
    expect(verdictSentence(fleetVerdict(onlyAudited, 'none', false), 'none')).toBe('');
  });

  it('carries the inventory name in every JSON result, a summary per host and the hosts not audited', () => {
    const json = toFleetJson(hosts, 'hosts.ini', '9.9.9');
    expect(json.results.length).toBe(hosts.flatMap((h) => ('report' in h ? h.report.findings : [])).length);
    expect(new Set(json.results.map((r) => r.host))).toEqual(new Set(['web1', 'db1', 'web2']));
    expect(Object.keys(json.results[0])[0]).toBe('host');
    expect(json.results.filter((r) => r.host === 'web2' && r.status === 'fail').map((r) => r.id)).toEqual(['5.5']);
    expect(json.unreachable).toEqual([
      { host: 'gone', target: 'ssh://root@10.0.0.9', reason: 'unreachable', message: expect.stringContaining('connection refused') },
    ]);
    expect(json.hosts.find((h) => h.host === 'db1')).toMatchObject({ reachable: true, worstFailing: null, summary: { byStatus: { fail: 0 } } });
    expect(json.summary).toMatchObject({ hosts: 4, audited: 3, unreachable: 1, byStatus: { fail: 3 }, failingBySeverity: { critical: 2, high: 1 } });
  });

  it('is valid SARIF with the host in each result (message, properties, logical location) and the unreachable host as an error notification', () => {
    const sarif = toFleetSarif(hosts, 'hosts.ini', '9.9.9');
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    const run = sarif.runs[0];
    const web2 = run.results.filter((r: any) => r.properties.host === 'web2');
    expect(web2.map((r: any) => r.ruleId)).toEqual(['5.5', '6.1']);
    const privileged = web2.find((r: any) => r.ruleId === '5.5');
    expect(privileged.message.text).toBe('web2: web runs privileged.');
    expect(privileged.locations[0].logicalLocations[0].fullyQualifiedName).toBe('web2/container/web');
    const registry = run.results.find((r: any) => r.ruleId === '2.5');
    expect(registry.locations[0]).toMatchObject({
      physicalLocation: { artifactLocation: { uri: 'file:///etc/docker/daemon.json' } },
      logicalLocations: [{ name: 'web1' }],
    });
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    expect(run.invocations[0]).toMatchObject({
      executionSuccessful: false,
      toolExecutionNotifications: [{ level: 'error', properties: { host: 'gone', reason: 'unreachable' } }],
    });
  });

  it('shows a table: the host rows, then the rules failing on the most hosts', () => {
    const table = formatFleetTable(hosts, 'hosts.ini');
    expect(table).toMatchInlineSnapshot(`
      "Fleet audit of 4 hosts from hosts.ini (CIS Docker Benchmark v1.8.0)

      HOST  TARGET                    REACHABLE  PASS  FAIL  WARN  WORST FAILING
      web1  ssh://root@10.0.0.1       yes           1     2     2  critical
      db1   ssh://root@10.0.0.2       yes           3     0     1  -
      gone  ssh://root@10.0.0.9       no         ssh://root@10.0.0.9 cannot be reached over SSH (connection refused).
      web2  ssh://root@10.0.0.3:2222  yes           3     1     1  critical

      Failing on the most hosts
      RULE  HOSTS  SEVERITY  TITLE                                           ON
      5.5     2/3  critical  Ensure that privileged containers are not used  web1, web2
      2.5     1/3  high      Ensure insecure registries are not used         web1

      3 of 4 hosts audited (1 not): 7 pass, 3 fail (2 critical, 1 high), 4 warn, 3 manual, 3 not applicable, 0 waived"
    `);
  });

  it('reports a fleet as a table, JSON or SARIF only', () => {
    expect(fleetFormat('sarif')).toBe('sarif');
    expect(() => fleetFormat('junit')).toThrow('--inventory reports as table, json, sarif, not junit.');
  });
});

function sarifValidator() {
  const schema = path.resolve(import.meta.dirname, '../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(readFileSync(schema, 'utf8')));
}
