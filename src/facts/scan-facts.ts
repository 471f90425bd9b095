// What image scanners (Trivy, Grype, SARIF from either) found, normalised, as rule 4.4 reads it.
// The reports are not probed: the audit attaches them (src/scan/) with the profile's thresholds
// resolved, so the rule stays a pure function of the facts.

/** Scanner severities in rising order; anything a scanner calls otherwise is 'unknown'. */
export const VULN_SEVERITIES = ['unknown', 'low', 'medium', 'high', 'critical'] as const;
export type VulnSeverity = (typeof VULN_SEVERITIES)[number];

export interface ScanVulnerability {
  /** CVE-2024-1234, GHSA-..., as the scanner names it. */
  id: string;
  severity: VulnSeverity;
  package: string;
  installed: string;
  /** The versions that fix it ("1.2.3", "1.2.3, 2.0.1"); absent when the scanner knows of none. */
  fixed?: string;
}

/** How a report names its image: every form is optional, scanners give different subsets. */
export interface ScannedImage {
  /** What the scanner was given ("nginx:1.25", "alpine@sha256:..."). */
  name: string;
  /** Image (config) ids, "sha256:<hex>". */
  ids: string[];
  /** Repo digests "repo@sha256:<hex>", or a bare manifest digest "sha256:<hex>". */
  digests: string[];
  /** "repo:tag" references. */
  tags: string[];
}

/** The image to rebuild from, where the scanner's data names one. */
export interface ScannedBase {
  /** The `org.opencontainers.image.base.name` label, when the image carries it. */
  image?: string;
  /** The OS the scanner detected ("alpine 3.19.1", "debian 12.5"). */
  os?: string;
}

export interface ScanReport {
  /** The file it was read from, or what produced it ("trivy image nginx:1.25"). */
  source: string;
  format: 'trivy-json' | 'grype-json' | 'sarif';
  /** "Trivy", "Grype", or the SARIF tool driver's name. */
  scanner: string;
  image: ScannedImage;
  /** When the scan ran (ISO 8601), or null where the report does not say. */
  createdAt: string | null;
  base: ScannedBase;
  vulnerabilities: ScanVulnerability[];
}

/** One report matched to one image on the host: the engine image Id and how they matched. */
export interface ScanMatch {
  report: number;
  imageId: string;
  by: 'id' | 'digest' | 'tag';
}

export interface ScanFacts {
  /** The profile's scanSeverity: an image with a vulnerability at or above it fails 4.4. */
  threshold: VulnSeverity;
  /** The profile's scanMaxAgeDays: an older report is a warning. */
  maxAgeDays: number;
  /** The audit's clock (ISO 8601), against which report age is measured. */
  checkedAt: string;
  reports: ScanReport[];
  /** Which report belongs to which image in use (a report may name several, an image may have several). */
  matches: ScanMatch[];
}

/** 0 for unknown up to 4 for critical: for "at or above" comparisons. */
export function severityRank(severity: VulnSeverity): number {
  return VULN_SEVERITIES.indexOf(severity);
}

/** A scanner's word for a severity ("HIGH", "High", "Negligible") in our scale. */
export function toVulnSeverity(word: unknown): VulnSeverity {
  const w = String(word ?? '').toLowerCase();
  if (w === 'negligible') return 'low';
  return (VULN_SEVERITIES as readonly string[]).includes(w) ? (w as VulnSeverity) : 'unknown';
}
