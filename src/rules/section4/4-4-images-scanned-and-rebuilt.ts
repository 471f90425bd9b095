// 4.4: vulnerability data lives in a scanner, not in the engine. Without scan reports the item is
// manual, as the benchmark labels it (and the messages stay what they were); with them (`audit --scan-report`, `--scan`) each image a
// container uses is judged from the facts' `scans` (see 4-4-scan-verdict.ts).
import { engineGate, manualResult } from '../section5/support.js';
import { itemMeta } from '../item-rule.js';
import type { CheckResult, Rule } from '../rule.js';
import type { HostFacts } from '../../facts/host-facts.js';
import { imageEvidence, imageViews } from './support.js';
import { judgeScan } from './4-4-scan-verdict.js';
import { rebuildAdvice } from './4-4-rebuild-advice.js';

function check(facts: HostFacts): CheckResult[] {
  const scans = facts.scans;
  if (!scans) {
    return manualResult(
      'Vulnerability data is not in the facts; scan the images in use and rebuild those with fixable findings.',
      "docker ps --format '{{.Image}}' | sort -u",
      'trivy image <image>   # or: docker scout cves <image>',
    );
  }
  const gate = engineGate(facts, 'images');
  if (gate) return gate;
  const inUse = imageViews(facts).filter((img) => img.usedBy.length > 0);
  if (inUse.length === 0) return [{ status: 'not-applicable', message: 'No container uses an image, so there is nothing to scan.', evidence: [] }];
  return inUse.map((img) => {
    const v = judgeScan(scans, img);
    return {
      status: v.status,
      message: v.message,
      evidence: v.details.map((d) => imageEvidence(img, d)),
      ...(v.severity ? { severity: v.severity } : {}),
      subject: { image: img.ref },
    };
  });
}

const meta = itemMeta(
  {
    id: '4.4',
    title: 'Ensure images are scanned and rebuilt to include security patches',
    severity: 'medium',
    rationale: 'Images freeze their packages at build time; without regular scanning and rebuilding, known vulnerabilities stay in production indefinitely.',
    impact: 'Rebuilding on patched bases changes package versions; run the test suite before redeploying.',
    remediation:
      'Scan images in CI and on a schedule (e.g. `trivy image`, `docker scout cves`), rebuild with `docker build --pull --no-cache` when fixes land, and recreate the containers from the new images.',
    references: ['CIS Docker Benchmark v1.8.0, 4.4', 'https://docs.docker.com/scout/'],
  },
  // The benchmark's own label; facts decide it only when scan reports are given.
  'manual',
);

export const imagesScannedAndRebuilt: Rule = {
  ...meta,
  check,
  remediate(facts, _params, results = check(facts)) {
    const failed = results.filter((r) => r.status === 'fail');
    return failed.length > 0 ? rebuildAdvice(failed, facts) : [];
  },
};
