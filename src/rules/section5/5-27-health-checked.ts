// 5.27: a container without a health check is "running" even when the service inside has hung;
// nothing restarts or routes around it.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult, Rule } from '../rule.js';
import { byImagePrefix, remediateFailures } from './remediation.js';
import { shellQuote } from '../../core/shell-quote.js';
import { perContainer, verdict } from './support.js';

function check(facts: HostFacts): CheckResult[] {
  return perContainer(facts, (c) => {
    const test: unknown[] = c.config.Healthcheck?.Test ?? [];
    const detail = `Config.Healthcheck.Test: ${JSON.stringify(c.config.Healthcheck?.Test ?? null)}`;
    if (test.length === 0 || test[0] === 'NONE') return verdict('fail', `Container ${c.name} has no health check.`, detail);
    const health = c.raw.State?.Health?.Status;
    const state = health ? ` (currently ${health})` : '';
    return verdict('pass', `Container ${c.name} has a health check${state}.`, detail, ...(health ? [`State.Health.Status: ${health}`] : []));
  });
}

/** docker run --health-cmd text for a Compose-style test list. */
function healthCmd(test: string[]): string {
  if (test[0] === 'CMD-SHELL') return test.slice(1).join(' ');
  return (test[0] === 'CMD' ? test.slice(1) : test).map(shellQuote).join(' ');
}

export const healthChecked: Rule = {
  id: '5.27',
  aliases: { '1.7.0': '5.27', '1.6.0': '5.27' },
  title: 'Ensure that container health is checked at runtime',
  section: 5,
  level: 1,
  automated: false,
  checks: 'facts',
  severity: 'low',
  rationale:
    'Availability is part of security: a health check lets the engine, orchestrators and monitoring see a hung or compromised-and-broken service instead of a container that merely runs.',
  impact: 'A badly chosen check marks a healthy service unhealthy; under swarm or autoheal tooling that restarts it.',
  remediation:
    'Give the image a HEALTHCHECK or the container `--health-cmd` (Compose `healthcheck: {test: [...]}`); `--no-healthcheck` / test NONE fails. Generated changes use the profile\'s healthcheckByImage entry for the image; without one the advice is manual.',
  references: ['CIS Docker Benchmark v1.8.0, 5.27', 'https://docs.docker.com/reference/dockerfile/#healthcheck', 'https://docs.docker.com/reference/compose-file/services/#healthcheck'],
  check,
  remediate: (facts, params) =>
    remediateFailures(facts, check, (c) => {
      const test = byImagePrefix(params.healthcheckByImage, c.image);
      if (!test || test.length === 0) {
        return { manual: `Container ${c.name} (image ${c.image}): add a health check that exercises the service, e.g. HEALTHCHECK CMD wget -q --spider http://localhost/ || exit 1, or add the image to healthcheckByImage in the profile.` };
      }
      // Compose wants the CMD / CMD-SHELL marker first; the profile may list plain words.
      const composeTest = ['CMD', 'CMD-SHELL'].includes(test[0]) ? test : ['CMD', ...test];
      return {
        compose: [{ key: 'healthcheck', value: { test: composeTest } }],
        recreate: ['--health-cmd', healthCmd(test)],
        impact: `Container ${c.name} is reported unhealthy whenever \`${healthCmd(test)}\` fails.`,
      };
    }),
};
