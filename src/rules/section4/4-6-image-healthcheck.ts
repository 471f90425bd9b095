// 4.6: a HEALTHCHECK in the image gives every container made from it a health status by default.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult, Rule } from '../rule.js';
import { verdict } from '../section5/support.js';
import { perImage, usedByText } from './support.js';

function check(facts: HostFacts): CheckResult[] {
  return perImage(facts, (img) => {
    const test: unknown[] = img.config.Healthcheck?.Test ?? [];
    const detail = `Config.Healthcheck.Test: ${JSON.stringify(img.config.Healthcheck?.Test ?? null)} (${usedByText(img)})`;
    return test.length === 0 || test[0] === 'NONE'
      ? verdict('fail', `Image ${img.ref} has no HEALTHCHECK instruction.`, detail)
      : verdict('pass', `Image ${img.ref} defines a HEALTHCHECK.`, detail);
  });
}

export const imageHealthcheck: Rule = {
  id: '4.6',
  aliases: { '1.7.0': '4.6', '1.6.0': '4.6' },
  title: 'Ensure that HEALTHCHECK instructions have been added to container images',
  section: 4,
  level: 1,
  automated: false,
  checks: 'facts',
  severity: 'low',
  rationale:
    'A health check built into the image lets the engine and orchestrators notice a hung service in every container made from it, without each deployment having to add one.',
  impact: 'Adding a check costs a process start per interval; a wrong check reports healthy services as unhealthy.',
  remediation:
    'Add a HEALTHCHECK to the Dockerfile (`HEALTHCHECK --interval=30s --timeout=3s CMD wget -q --spider http://localhost/ || exit 1`) and rebuild; until then give containers `--health-cmd` or Compose `healthcheck:` (item 5.27).',
  references: ['CIS Docker Benchmark v1.8.0, 4.6', 'https://docs.docker.com/reference/dockerfile/#healthcheck'],
  check,
};
