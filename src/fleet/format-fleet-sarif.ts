// The fleet audit as SARIF 2.1.0: one run, the rules described once, and each host's results as
// the single-host SARIF makes them, with the host in three places a dashboard may look: the
// message, properties.host, and a logical location (`<host>` or `<host>/container/<name>`).
// A host that could not be audited is a tool notification of level error, not a finding.
import { VERSION } from '../core/version.js';
import { toSarif } from '../audit/format-sarif.js';
import { BENCHMARK_NAME } from '../audit/format-json.js';
import { failedHosts, isAudited, type FleetHost } from './fleet-host.js';
import { hostRows } from './fleet-summary.js';

type Json = Record<string, any>;

export function toFleetSarif(hosts: readonly FleetHost[], inventory: string, version = VERSION): Json {
  const audited = hosts.filter(isAudited);
  const runs = audited.map((h) => ({ host: h.host, run: (toSarif(h.report, version) as Json).runs[0] as Json }));
  // Every host ran the same selection; a union keeps the index right should one of them differ.
  const rules = new Map<string, Json>();
  for (const { run } of runs) for (const r of run.tool.driver.rules as Json[]) if (!rules.has(r.id)) rules.set(r.id, r);
  const index = new Map([...rules.keys()].map((id, i) => [id, i]));
  const results = runs.flatMap(({ host, run }) => (run.results as Json[]).map((r) => withHost(r, host, index.get(r.ruleId))));
  const notifications = [
    ...failedHosts(hosts).map((h) => ({
      level: 'error',
      message: { text: `${h.host}: ${h.failure.message}` },
      properties: { host: h.host, target: h.target, reason: h.failure.reason },
    })),
    ...runs.flatMap(({ host, run }) =>
      ((run.invocations?.[0]?.toolExecutionNotifications ?? []) as Json[]).map((n) => ({
        ...n,
        message: { text: `${host}: ${n.message.text}` },
        properties: { ...n.properties, host },
      })),
    ),
  ];
  const driver: Json = runs[0]?.run.tool.driver ?? { name: 'docker-harden', version, semanticVersion: version, fullName: `docker-harden (${BENCHMARK_NAME})` };
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { ...driver, rules: [...rules.values()] } },
        results,
        invocations: [{ executionSuccessful: failedHosts(hosts).length === 0, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) }],
        properties: {
          inventory,
          hosts: hostRows(hosts).map(({ failure, ...row }) => ({ ...row, ...(failure ? { reason: failure.reason, message: failure.message } : {}) })),
        },
      },
    ],
  };
}

export function formatFleetSarif(hosts: readonly FleetHost[], inventory: string, version = VERSION): string {
  return JSON.stringify(toFleetSarif(hosts, inventory, version), null, 2);
}

function withHost(result: Json, host: string, ruleIndex: number | undefined): Json {
  const hostLocation = { name: host, fullyQualifiedName: host, kind: 'resource' };
  const locations = ((result.locations ?? []) as Json[]).map((loc) =>
    loc.logicalLocations
      ? { ...loc, logicalLocations: (loc.logicalLocations as Json[]).map((l) => ({ ...l, fullyQualifiedName: `${host}/${l.fullyQualifiedName}` })) }
      : { ...loc, logicalLocations: [hostLocation] },
  );
  return {
    ...result,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    message: { text: `${host}: ${result.message.text}` },
    locations: locations.length ? locations : [{ logicalLocations: [hostLocation] }],
    properties: { host, ...result.properties },
  };
}
