// 5.15: "always" and "unless-stopped" restart a crashing (or deliberately crashed) container
// forever; on-failure with a small retry count stops a restart loop from starving the host.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult, Rule } from '../rule.js';
import { remediateFailures } from './remediation.js';
import { perContainer, verdict } from './support.js';

const MAX_RETRIES = 5;

function check(facts: HostFacts): CheckResult[] {
  return perContainer(facts, (c) => {
    const policy = c.hostConfig.RestartPolicy ?? {};
    const name = String(policy.Name ?? '');
    const retries = Number(policy.MaximumRetryCount ?? 0);
    const detail = `HostConfig.RestartPolicy: ${JSON.stringify({ Name: name, MaximumRetryCount: retries })}`;
    if (name === '' || name === 'no') return verdict('pass', `Container ${c.name} is not restarted automatically.`, detail);
    if (name === 'on-failure') {
      return retries >= 1 && retries <= MAX_RETRIES
        ? verdict('pass', `Container ${c.name} restarts on failure at most ${retries} times.`, detail)
        : verdict('fail', `Container ${c.name} restarts on failure ${retries === 0 ? 'without a retry limit' : `up to ${retries} times`}.`, detail);
    }
    return verdict('fail', `Container ${c.name} uses the "${name}" restart policy, which restarts it without limit.`, detail);
  });
}

export const restartOnFailure5: Rule = {
  id: '5.15',
  aliases: { '1.7.0': '5.15', '1.6.0': '5.15' },
  title: "Ensure that the 'on-failure' container restart policy is set to '5'",
  section: 5,
  level: 1,
  automated: false,
  checks: 'facts',
  severity: 'low',
  rationale:
    'An unlimited restart policy keeps restarting a container that crashes on start, burning CPU and filling logs, and hides the failure; capping retries makes it stop and show up as exited.',
  impact: 'A container that fails more than the retry count stays down until someone starts it; containers meant to survive a daemon restart lose "always".',
  remediation:
    'Use `--restart on-failure:5` (`docker update --restart on-failure:5 <container>` works live; Compose `restart: "on-failure:5"`). "no" passes too; on-failure with 1 to 5 retries passes; always, unless-stopped and on-failure without a limit or above 5 fail.',
  references: ['CIS Docker Benchmark v1.8.0, 5.15', 'https://docs.docker.com/engine/containers/start-containers-automatically/'],
  check,
  remediate: (facts, params) =>
    remediateFailures(facts, check, (c) => ({
      compose: [{ key: 'restart', value: `on-failure:${params.restartMaxRetries}` }],
      update: [{ flag: '--restart', value: `on-failure:${params.restartMaxRetries}` }],
      impact: `Container ${c.name} is no longer started when the daemon starts, and stays down after ${params.restartMaxRetries} failed restarts.`,
    })),
};
