// SARIF 2.1.0 from an image scanner, already schema-checked: one ScanReport per run. SARIF has no
// field for "the image scanned", so each scanner puts it somewhere of its own:
//  - Trivy: run.properties {imageName, imageID, repoDigests, repoTags};
//  - Grype: each location's logicalLocations[].fullyQualifiedName "<user input>@<version>:<path>".
// A run that names no image in either way is refused. Severity, package and versions are read from
// the text both write into rule.help / result.message ("Severity: HIGH", "Package: ...",
// "Installed Version:"/"Version:", "Fixed Version:"/"Fix Version:"), else from the rule's tags or its
// security-severity score. SARIF carries no base image; the run's invocation time is the date.
import type { ScanReport, ScanVulnerability, VulnSeverity } from '../facts/scan-facts.js';
import { toVulnSeverity } from '../facts/scan-facts.js';
import { classifyRef, strings, unique } from './image-refs.js';
import { reportDate, uniqueVulnerabilities } from './vulnerabilities.js';

interface Text {
  text?: string;
}
interface Props {
  imageName?: string;
  imageID?: string;
  repoTags?: string[] | null;
  repoDigests?: string[] | null;
  tags?: string[];
  'security-severity'?: string;
}
interface SarifRule {
  id: string;
  shortDescription?: Text;
  help?: Text;
  properties?: Props;
}
interface SarifResult {
  ruleId?: string;
  ruleIndex?: number;
  message?: Text;
  locations?: { logicalLocations?: { fullyQualifiedName?: string }[] }[];
}
interface SarifRun {
  tool: { driver: { name: string; rules?: SarifRule[] } };
  properties?: Props;
  invocations?: { startTimeUtc?: string; endTimeUtc?: string }[];
  results?: SarifResult[];
}

/** Each run's report, or the reason a run cannot be one (it names no image). */
export function fromSarif(data: unknown, source: string): ScanReport[] | string {
  const runs = (data as { runs: SarifRun[] }).runs;
  const reports: ScanReport[] = [];
  for (const [i, run] of runs.entries()) {
    const image = runImage(run);
    if (!image) return `run ${i + 1} (${run.tool.driver.name}) does not name the image it scanned`;
    const rules = new Map((run.tool.driver.rules ?? []).map((r) => [r.id, r]));
    const vulnerabilities = (run.results ?? []).map((res) => vulnerability(res, res.ruleId !== undefined ? rules.get(res.ruleId) : undefined));
    const when = run.invocations?.[0];
    reports.push({
      source: runs.length > 1 ? `${source} (run ${i + 1})` : source,
      format: 'sarif',
      scanner: run.tool.driver.name,
      image,
      createdAt: reportDate(when?.endTimeUtc) ?? reportDate(when?.startTimeUtc),
      base: {},
      vulnerabilities: uniqueVulnerabilities(vulnerabilities),
    });
  }
  return reports;
}

function runImage(run: SarifRun): ScanReport['image'] | null {
  const p = run.properties ?? {};
  if (p.imageName || p.imageID) {
    const given = classifyRef(p.imageName ?? '');
    return {
      name: p.imageName ?? p.imageID ?? '',
      ids: unique([...strings([p.imageID]), ...given.ids]),
      digests: unique([...strings(p.repoDigests), ...given.digests]),
      tags: unique([...strings(p.repoTags), ...given.tags]),
    };
  }
  // Grype: "<user input>@<version>:<path in the image>"; the user input may itself hold an "@".
  for (const res of run.results ?? []) {
    for (const loc of res.locations ?? []) {
      for (const logical of loc.logicalLocations ?? []) {
        const m = /^(.+)@[^@]*:\/.*$/.exec(logical.fullyQualifiedName ?? '');
        if (m) return { name: m[1], ...classifyRef(m[1]) };
      }
    }
  }
  return null;
}

function vulnerability(res: SarifResult, rule: SarifRule | undefined): ScanVulnerability {
  const texts = [rule?.help?.text, res.message?.text, rule?.shortDescription?.text].filter((t): t is string => typeof t === 'string');
  const field = (pattern: RegExp) => {
    for (const t of texts) {
      const m = pattern.exec(t);
      // Captured from free text: one line, cut to a length evidence can show.
      if (m?.[1].trim()) return m[1].trim().slice(0, 200);
    }
    return undefined;
  };
  const fixed = field(/Fix(?:ed)? Version: *([^\n|]*)/);
  return {
    id: field(/Vulnerability (\S+)/) ?? res.ruleId ?? 'unknown',
    severity: severityOf(field(/Severity: *(\w+)/), rule?.properties),
    package: field(/Package: *([^\n|]+)/) ?? field(/reports (\S+) at version/) ?? '',
    installed: field(/Installed Version: *([^\n|]+)/) ?? field(/(?:^|\n)Version: *([^\n|]+)/) ?? field(/at version (\S+)/) ?? '',
    ...(fixed ? { fixed } : {}),
  };
}

/** The severity word in the text, else one in the rule's tags, else the CVSS-style score as GitHub maps it. */
function severityOf(word: string | undefined, props: Props | undefined): VulnSeverity {
  if (word && toVulnSeverity(word) !== 'unknown') return toVulnSeverity(word);
  const tagged = (props?.tags ?? []).map(toVulnSeverity).find((s) => s !== 'unknown');
  if (tagged) return tagged;
  const score = Number(props?.['security-severity']);
  if (!Number.isFinite(score) || score <= 0) return 'unknown';
  return score >= 9 ? 'critical' : score >= 7 ? 'high' : score >= 4 ? 'medium' : 'low';
}
