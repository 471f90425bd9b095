// 4.4 for one image in use, from the scan reports matched to it: fail on a vulnerability at or
// above the profile's threshold, warn when the newest report is too old, undated, or missing,
// pass when it is recent and clean. The newest report decides; older ones are history.
import type { ScanFacts, ScanMatch, ScanReport, ScanVulnerability } from '../../facts/scan-facts.js';
import { VULN_SEVERITIES, severityRank } from '../../facts/scan-facts.js';
import { verdict, type Verdict } from '../section5/support.js';
import type { Severity } from '../rule.js';
import type { ImageView } from './support.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** CVEs named in evidence: enough to act on, few enough to read. */
const WORST_SHOWN = 5;

/** The newest report matched to the image (an undated one counts as oldest), and how it matched. */
export function reportFor(scans: ScanFacts, imageId: string): { report: ScanReport; match: ScanMatch } | null {
  const found = scans.matches.filter((m) => m.imageId === imageId).map((match) => ({ report: scans.reports[match.report], match }));
  const time = (r: ScanReport) => (r.createdAt ? Date.parse(r.createdAt) : -Infinity);
  return found.sort((a, b) => time(b.report) - time(a.report))[0] ?? null;
}

export function judgeScan(scans: ScanFacts, img: ImageView): Verdict & { severity?: Severity } {
  const found = reportFor(scans, img.id);
  if (!found) {
    return verdict(
      'warn',
      'No scan report names this image, so its known vulnerabilities are not known here.',
      `no report among ${scans.reports.length} given; scan it: trivy image -f json -o report.json ${img.ref}`,
    );
  }
  const { report, match } = found;
  const atOrAbove = report.vulnerabilities.filter((v) => severityRank(v.severity) >= severityRank(scans.threshold));
  // A report dated ahead of the audit's clock (skew) counts as new, not as negative days old.
  const ageDays = report.createdAt ? Math.max(0, Math.floor((Date.parse(scans.checkedAt) - Date.parse(report.createdAt)) / DAY_MS)) : null;
  const details = [reportLine(report, match, ageDays), `vulnerabilities: ${counts(report.vulnerabilities)}`];
  if (atOrAbove.length > 0) {
    const n = atOrAbove.length;
    const found = worst(atOrAbove)[0]!.severity;
    // The finding is as severe as the worst vulnerability: a critical CVE fails the default --fail-on high.
    const severity: Severity = found === 'unknown' ? 'low' : found;
    return {
      severity,
      ...verdict(
        'fail',
        `The scan found ${n} ${n === 1 ? 'vulnerability' : 'vulnerabilities'} at or above ${scans.threshold}; rebuild the image on a patched base.`,
        ...details,
        ...worst(atOrAbove).map(cveLine),
      ),
    };
  }
  if (ageDays === null) return verdict('warn', 'The scan report does not say when it ran, so it cannot show the image is clean now.', ...details);
  if (ageDays > scans.maxAgeDays) {
    return verdict('warn', `The scan report is ${ageDays} days old, more than ${scans.maxAgeDays}; scan the image again.`, ...details);
  }
  return verdict('pass', `The scan found no vulnerability at or above ${scans.threshold}.`, ...details);
}

function reportLine(report: ScanReport, match: ScanMatch, ageDays: number | null): string {
  const when = report.createdAt ? `${report.createdAt.slice(0, 10)} (${ageDays} ${ageDays === 1 ? 'day' : 'days'} old)` : 'undated';
  const how = match.by === 'tag' && report.image.ids.length > 0 ? 'tag only; the report names another image id, so the tag may have moved since' : match.by;
  return `scan report ${report.source} (${report.scanner}, ${when}), matched by ${how}`;
}

/** "2 critical, 5 high, 0 medium, 1 low, 0 unknown" */
export function counts(list: readonly ScanVulnerability[]): string {
  return [...VULN_SEVERITIES]
    .reverse()
    .map((s) => `${list.filter((v) => v.severity === s).length} ${s}`)
    .join(', ');
}

/** Most severe first; among equals, those with a fix first (they are the ones a rebuild closes). */
export function worst(list: readonly ScanVulnerability[]): ScanVulnerability[] {
  return [...list].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || Number(!!b.fixed) - Number(!!a.fixed)).slice(0, WORST_SHOWN);
}

export function cveLine(v: ScanVulnerability): string {
  return `${v.id} (${v.severity}) in ${v.package} ${v.installed}: ${v.fixed ? `fixed in ${v.fixed}` : 'no fixed version yet'}`;
}
