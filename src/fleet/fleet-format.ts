// The formats a fleet audit reports in, and the one entry point the service calls.
import { UserError } from '../core/errors.js';
import type { FleetHost } from './fleet-host.js';
import { formatFleetJson } from './format-fleet-json.js';
import { formatFleetSarif } from './format-fleet-sarif.js';
import { formatFleetTable } from './format-fleet-table.js';

export const FLEET_FORMATS = ['table', 'json', 'sarif'] as const;
export type FleetFormat = (typeof FLEET_FORMATS)[number];

/** junit and html describe one host; a fleet is reported as a table, JSON or SARIF. */
export function fleetFormat(format: string): FleetFormat {
  const found = FLEET_FORMATS.find((f) => f === format);
  if (!found) throw new UserError(`--inventory reports as ${FLEET_FORMATS.join(', ')}, not ${format}.`, 'Use --format table, json or sarif with --inventory.');
  return found;
}

export function formatFleet(hosts: readonly FleetHost[], format: FleetFormat, inventory: string): string {
  if (format === 'json') return formatFleetJson(hosts, inventory);
  if (format === 'sarif') return formatFleetSarif(hosts, inventory);
  return formatFleetTable(hosts, inventory);
}
