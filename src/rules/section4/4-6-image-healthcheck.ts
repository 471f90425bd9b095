// 4.6: a HEALTHCHECK in the image gives every container made from it a health status by default.
import { verdict, type Verdict } from '../section5/support.js';
import { imageItem, type ImageView, usedByText } from './support.js';

function judge(img: ImageView): Verdict {
  const test: unknown[] = img.config.Healthcheck?.Test ?? [];
  const detail = `Config.Healthcheck.Test: ${JSON.stringify(img.config.Healthcheck?.Test ?? null)} (${usedByText(img)})`;
  return test.length === 0 || test[0] === 'NONE'
    ? verdict('fail', `Image ${img.ref} has no HEALTHCHECK instruction.`, detail)
    : verdict('pass', `Image ${img.ref} defines a HEALTHCHECK.`, detail);
}

export const imageHealthcheck = imageItem({
  id: '4.6',
  title: 'Ensure that HEALTHCHECK instructions have been added to container images',
  severity: 'low',
  rationale:
    'A health check built into the image lets the engine and orchestrators notice a hung service in every container made from it, without each deployment having to add one.',
  impact: 'Adding a check costs a process start per interval; a wrong check reports healthy services as unhealthy.',
  remediation:
    'Add a HEALTHCHECK to the Dockerfile (`HEALTHCHECK --interval=30s --timeout=3s CMD wget -q --spider http://localhost/ || exit 1`) and rebuild; until then give containers `--health-cmd` or Compose `healthcheck:` (item 5.27).',
  references: ['CIS Docker Benchmark v1.8.0, 4.6', 'https://docs.docker.com/reference/dockerfile/#healthcheck'],
  judge,
});
