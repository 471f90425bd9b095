// Trivy's JSON report (`trivy image -f json`, SchemaVersion 2), already schema-checked, as a
// ScanReport. The image: ArtifactName, Metadata.ImageID, RepoDigests, RepoTags. The base image:
// Trivy names none; the image's base-name label (Metadata.ImageConfig.config.Labels) when the build
// set one, and always the OS it detected (Metadata.OS).
import type { ScanReport, ScanVulnerability } from '../facts/scan-facts.js';
import { toVulnSeverity } from '../facts/scan-facts.js';
import { classifyRef, strings, unique } from './image-refs.js';
import { BASE_NAME_LABEL, reportDate, uniqueVulnerabilities } from './vulnerabilities.js';

/** The fields the schema guarantees the types of; every one may be absent. */
interface TrivyReport {
  CreatedAt?: string;
  ArtifactName: string;
  ArtifactType?: string;
  Metadata?: {
    OS?: { Family?: string; Name?: string };
    ImageID?: string;
    RepoTags?: string[] | null;
    RepoDigests?: string[] | null;
    ImageConfig?: { config?: { Labels?: Record<string, string> | null } };
  };
  Results?: { Vulnerabilities?: TrivyVulnerability[] | null }[] | null;
}

interface TrivyVulnerability {
  VulnerabilityID: string;
  PkgName: string;
  InstalledVersion?: string;
  FixedVersion?: string;
  Severity?: string;
}

/** A reason the report is not about an image, or null. */
export function trivyNotAnImage(data: unknown): string | null {
  const type = (data as TrivyReport).ArtifactType;
  return type !== undefined && type !== 'container_image' ? `is a Trivy report of a ${JSON.stringify(type)}, not of a container image` : null;
}

export function fromTrivy(data: unknown, source: string): ScanReport {
  const r = data as TrivyReport;
  const meta = r.Metadata ?? {};
  const given = classifyRef(r.ArtifactName);
  const os = [meta.OS?.Family, meta.OS?.Name].filter((s) => s?.trim()).join(' ');
  const label = meta.ImageConfig?.config?.Labels?.[BASE_NAME_LABEL];
  const vulnerabilities = (r.Results ?? [])
    .flatMap((res) => res.Vulnerabilities ?? [])
    .map(
      (v): ScanVulnerability => ({
        id: v.VulnerabilityID,
        severity: toVulnSeverity(v.Severity),
        package: v.PkgName,
        installed: v.InstalledVersion ?? '',
        ...(v.FixedVersion?.trim() ? { fixed: v.FixedVersion.trim() } : {}),
      }),
    );
  return {
    source,
    format: 'trivy-json',
    scanner: 'Trivy',
    image: {
      name: r.ArtifactName,
      ids: unique([...strings([meta.ImageID]), ...given.ids]),
      digests: unique([...strings(meta.RepoDigests), ...given.digests]),
      tags: unique([...strings(meta.RepoTags), ...given.tags]),
    },
    createdAt: reportDate(r.CreatedAt),
    base: { ...(label?.trim() ? { image: label.trim() } : {}), ...(os ? { os } : {}) },
    vulnerabilities: uniqueVulnerabilities(vulnerabilities),
  };
}
