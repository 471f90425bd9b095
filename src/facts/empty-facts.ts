// A HostFacts value with nothing seen: the base for fixtures and for a host with no Docker.
import { FACTS_SCHEMA_VERSION, type HostFacts } from './host-facts.js';

export function emptyFacts(overrides: Partial<HostFacts> = {}): HostFacts {
  return {
    schemaVersion: FACTS_SCHEMA_VERSION,
    source: 'host',
    collectedAt: new Date(0).toISOString(),
    root: '/',
    hostname: 'host',
    probes: {},
    engine: null,
    daemonJson: { path: '/etc/docker/daemon.json', raw: null, parsed: null },
    dockerd: null,
    systemd: { service: null, socket: null },
    envFiles: { '/etc/default/docker': null, '/etc/sysconfig/docker': null },
    files: {},
    audit: { loadedRules: null, rulesFiles: [] },
    compose: [],
    dockerGroupMembers: null,
    dataRootMount: null,
    contentTrust: { env: null, files: [] },
    ...overrides,
  };
}
