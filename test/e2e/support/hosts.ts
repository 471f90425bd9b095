// The golden host fixtures (test/fixtures/hosts/<name>.json) and their plans, made exactly the way
// `docker-harden plan --from <fixture> --profile <profile>` makes them.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR } from '../../support/fixtures.js';
import { makePlan, type PlannedChange } from '../../../src/services/plan-source.js';

export const HOSTS_DIR = path.join(FIXTURES_DIR, 'hosts');
export const SNAPSHOTS_DIR = path.resolve(import.meta.dirname, '../../../snapshots/hosts');
export const PROFILES = ['baseline', 'strict'] as const;

export const HOSTS = readdirSync(HOSTS_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

export function hostFile(host: string): string {
  return path.join(HOSTS_DIR, `${host}.json`);
}

export function planForHost(host: string, profile: string): Promise<PlannedChange> {
  return makePlan({ from: hostFile(host), root: '/', dockerHost: 'unix:///nonexistent/docker.sock', profile });
}

export function goldenDir(host: string, profile: string): string {
  return path.join(SNAPSHOTS_DIR, host, profile);
}
