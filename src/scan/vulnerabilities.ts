// The vulnerability list a report contributes, the same whatever the scanner: one entry per
// (id, package, installed version), since Trivy lists a CVE once per target that holds the package.
import type { ScanVulnerability } from '../facts/scan-facts.js';

export function uniqueVulnerabilities(list: ScanVulnerability[]): ScanVulnerability[] {
  const seen = new Map<string, ScanVulnerability>();
  for (const v of list) {
    const key = `${v.id}\u0000${v.package}\u0000${v.installed}`;
    if (!seen.has(key)) seen.set(key, v);
  }
  return [...seen.values()];
}

/** A scanner's timestamp as ISO 8601 UTC, or null when it is absent or not a date. */
export function reportDate(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  // Go writes nanoseconds ("12:00:00.123456789Z"); Date.parse wants at most milliseconds.
  const ms = Date.parse(value.trim().replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The OCI label some builds set to the image they were built FROM. */
export const BASE_NAME_LABEL = 'org.opencontainers.image.base.name';
