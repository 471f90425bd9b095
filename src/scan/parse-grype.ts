// Grype's JSON report (`grype -o json` of an image), already schema-checked, as a ScanReport. The
// image: source.target (userInput, imageID, manifestDigest, repoDigests, tags). The date:
// descriptor.timestamp. The base image: Grype names none; the base-name label when the target
// carries labels, and the distro it detected.
import type { ScanReport, ScanVulnerability } from '../facts/scan-facts.js';
import { toVulnSeverity } from '../facts/scan-facts.js';
import { classifyRef, strings, unique } from './image-refs.js';
import { BASE_NAME_LABEL, reportDate, uniqueVulnerabilities } from './vulnerabilities.js';

interface GrypeReport {
  matches: {
    vulnerability: { id: string; severity?: string; fix?: { versions?: string[] | null; state?: string } };
    artifact: { name: string; version?: string };
  }[];
  source: {
    target: {
      userInput?: string;
      imageID?: string;
      manifestDigest?: string;
      tags?: string[] | null;
      repoDigests?: string[] | null;
      labels?: Record<string, string> | null;
    };
  };
  distro?: { name?: string; version?: string } | null;
  descriptor?: { timestamp?: string };
}

export function fromGrype(data: unknown, source: string): ScanReport {
  const r = data as GrypeReport;
  const target = r.source.target;
  const given = classifyRef(target.userInput ?? '');
  const os = [r.distro?.name, r.distro?.version].filter((s) => s?.trim()).join(' ');
  const label = target.labels?.[BASE_NAME_LABEL];
  const vulnerabilities = r.matches.map((m): ScanVulnerability => {
    const fixed = m.vulnerability.fix?.state === 'fixed' ? strings(m.vulnerability.fix.versions) : [];
    return {
      id: m.vulnerability.id,
      severity: toVulnSeverity(m.vulnerability.severity),
      package: m.artifact.name,
      installed: m.artifact.version ?? '',
      ...(fixed.length > 0 ? { fixed: fixed.join(', ') } : {}),
    };
  });
  return {
    source,
    format: 'grype-json',
    scanner: 'Grype',
    image: {
      name: target.userInput ?? target.imageID ?? '',
      ids: unique([...strings([target.imageID]), ...given.ids]),
      digests: unique([...strings(target.repoDigests), ...strings([target.manifestDigest]), ...given.digests]),
      tags: unique([...strings(target.tags), ...given.tags]),
    },
    createdAt: reportDate(r.descriptor?.timestamp),
    base: { ...(label?.trim() ? { image: label.trim() } : {}), ...(os ? { os } : {}) },
    vulnerabilities: uniqueVulnerabilities(vulnerabilities),
  };
}
