// 5.27: a container without a health check is "running" even when the service inside has hung;
// nothing restarts or routes around it.
import { byImagePrefix } from './remediation.js';
import { shellQuote } from '../../core/shell-quote.js';
import { verdict } from './support.js';
import type { WorkloadItem } from './workload-item.js';
import { workloadRule } from './workload-rule.js';

/** docker run --health-cmd text for a Compose-style test list. */
function healthCmd(test: string[]): string {
  if (test[0] === 'CMD-SHELL') return test.slice(1).join(' ');
  return (test[0] === 'CMD' ? test.slice(1) : test).map(shellQuote).join(' ');
}

export const healthCheck: WorkloadItem = {
  id: '5.27',
  fixes: ['fail'],
  judge: (w) => {
    const { test, disabled } = w.healthcheck;
    const detail = `Config.Healthcheck.Test: ${JSON.stringify(test)}`;
    if (disabled || !test || test.length === 0 || test[0] === 'NONE') return verdict('fail', `${w.who} has no health check.`, detail);
    const state = w.healthStatus ? ` (currently ${w.healthStatus})` : '';
    return verdict('pass', `${w.who} has a health check${state}.`, detail, ...(w.healthStatus ? [`State.Health.Status: ${w.healthStatus}`] : []));
  },
  fix: (w, params) => {
    const test = byImagePrefix(params.healthcheckByImage, w.image);
    const container = w.kind === 'container';
    if (!test || test.length === 0) {
      // The container advice carries an example; both wordings are pinned by the plan goldens.
      return container
        ? {
            manual: `${w.who} (image ${w.image}): add a health check that exercises the service, e.g. HEALTHCHECK CMD wget -q --spider http://localhost/ || exit 1, or add the image to healthcheckByImage in the profile.`,
          }
        : {
            manual: `${w.who} (image ${w.image || 'built locally'}): add a health check that exercises the service, or add the image to healthcheckByImage in the profile.`,
          };
    }
    // Compose wants the CMD / CMD-SHELL marker first; the profile may list plain words.
    const composeTest = ['CMD', 'CMD-SHELL'].includes(test[0]) ? test : ['CMD', ...test];
    return {
      compose: [{ key: 'healthcheck', value: { test: composeTest } }],
      recreate: ['--health-cmd', healthCmd(test)],
      impact: container
        ? `${w.who} is reported unhealthy whenever \`${healthCmd(test)}\` fails.`
        : `${w.who} is reported unhealthy whenever its health check fails.`,
    };
  },
};

export const healthChecked = workloadRule(healthCheck, {
  title: 'Ensure that container health is checked at runtime',
  severity: 'low',
  rationale:
    'Availability is part of security: a health check lets the engine, orchestrators and monitoring see a hung or compromised-and-broken service instead of a container that merely runs.',
  impact: 'A badly chosen check marks a healthy service unhealthy; under swarm or autoheal tooling that restarts it.',
  remediation:
    "Give the image a HEALTHCHECK or the container `--health-cmd` (Compose `healthcheck: {test: [...]}`); `--no-healthcheck` / test NONE fails. Generated changes use the profile's healthcheckByImage entry for the image; without one the advice is manual.",
  references: [
    'CIS Docker Benchmark v1.8.0, 5.27',
    'https://docs.docker.com/reference/dockerfile/#healthcheck',
    'https://docs.docker.com/reference/compose-file/services/#healthcheck',
  ],
});
